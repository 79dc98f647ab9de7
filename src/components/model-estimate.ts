// A model's output over the estimate grid as filled contours (the original's plotModelEstimate),
// or the truth, or the error, with the training samples on top. The selected sample is marked by
// a ring added afterwards (plot-ring.ts), so that selecting another sample does not redraw this.
//
// The frame, the axes and the samples' dots are a Plot chart, drawn once. The contours are drawn
// into that chart's svg by this file (lib/contour-paths.ts computes them as Plot's contour mark
// would, with `thresholds: 16`), with the legend beside them (ramp-legend.ts), so that another
// estimate on the same grid (another epoch's) is shown by update(): new path data and fills in the
// same path elements, new text in the same subtitle and label, the legend's ticks moved.
import * as Plot from "@observablehq/plot";
import {TARGET_TEXT, type Point} from "../lib/datasets.js";
import type {GridEstimate} from "../lib/estimate.js";
import {contourPaths, finiteExtent, type ContourPaths, type GridFrame} from "../lib/contour-paths.js";
import {sig} from "../lib/format.js";
import {setText, svgElement} from "./dom.js";
import {chartSvg} from "./plot-click.js";
import {tidyPlot} from "./plot-tidy.js";
import {plotWidth} from "./plot-width.js";
import {rampLegend} from "./ramp-legend.js";

export type EstimateKind = "estimate" | "truth" | "error";

export interface ModelEstimateOptions {
  width: number;
  kind: EstimateKind;
  samples: readonly Point[];
  document?: Document;
}

export interface ModelEstimateChart extends HTMLElement, Plot.Plot {
  /** The contours of `est` (same grid) in this chart's pixels, computed without touching the chart. */
  pathsOf(est: GridEstimate): ContourPaths;
  /**
   * Shows `est` (same grid) in place: its contours (`paths` when given, else computed; kept when the
   * values are those shown), their fills on its colour domain, the subtitle, the label, the legend.
   */
  update(est: GridEstimate, paths?: ContourPaths): void;
  /** The contours shown. */
  shownPaths(): ContourPaths;
  /** Where this chart draws the grid, in its pixels (what pathsOf maps the contours into). */
  frame: GridFrame;
}

/** Contour thresholds asked of the values (Plot's `thresholds: 16`: d3's ticks, so 10 to 20 bands). */
export const CONTOUR_COUNT = 16;

/** Width of a panel's colour legend, in px (Plot's default). */
const LEGEND_WIDTH = 240;

/**
 * The finite extent of a grid's values, computed once per array: an estimate is kept per epoch and
 * shown again on every revisit, and each update asks for up to three extents of 10,201 values.
 */
const extents = new WeakMap<ArrayLike<number>, [number, number]>();
function extentOf(values: ArrayLike<number>): [number, number] {
  let e = extents.get(values);
  if (!e) extents.set(values, (e = finiteExtent(values)));
  return e;
}

const title = (kind: EstimateKind, est: GridEstimate) =>
  kind === "estimate" ? "Network estimate" : kind === "truth" ? `Ground truth ${TARGET_TEXT[est.dataset]}` : "Error: estimate − truth";

/**
 * The colour scale of a panel. Estimate and truth share one domain, [min, max] over both, so the
 * two panels compare; the error is diverging about 0 on [−max |error|, max |error|].
 */
function colorOptions(kind: EstimateKind, est: GridEstimate): Plot.ScaleOptions {
  if (kind === "error") {
    const [lo, hi] = extentOf(est.error);
    const maxErr = Math.max(Math.abs(lo), Math.abs(hi));
    return {type: "diverging", scheme: "RdBu", domain: [-maxErr, maxErr], label: "error"};
  }
  const [e0, e1] = extentOf(est.estimate);
  const [t0, t1] = extentOf(est.truth);
  return {scheme: "Spectral", domain: [Math.min(e0, t0), Math.max(e1, t1)], label: "y"};
}

/** The text under the title: the panel's range (the error's largest magnitude). */
function summaryOf(kind: EstimateKind, est: GridEstimate): string {
  const [lo, hi] = extentOf(est[kind]);
  return kind === "error" ? `largest |error| ${sig(Math.max(Math.abs(lo), Math.abs(hi)), 3)}` : `range ${sig(lo, 3)} to ${sig(hi, 3)}`;
}

const sameValues = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; ++i) if (a[i] !== b[i] && !(Number.isNaN(a[i]) && Number.isNaN(b[i]))) return false;
  return true;
};

/** Radius and opacity of a training sample's dot, in px. */
const DOT_RADIUS = 0.8;
const DOT_OPACITY = 0.35;

/**
 * The training samples as dots: one <path> of small circles (each two half-circle arcs), not a
 * <circle> per sample. The dots never change, but their chart's contours change with every epoch,
 * and the browser records a changed chart's paint again: 2,500 circle elements per panel took about
 * 4 ms of every frame of a replay, one path of 2,500 circles takes one drawing. (Where dots overlap,
 * the path fills their union once, at the dots' opacity.)
 */
function sampleDots(samples: readonly Point[], pixel: (p: Point) => [number, number], document: Document): SVGGElement {
  const g = svgElement(document, "g");
  g.setAttribute("class", "estimate-samples");
  g.setAttribute("fill-opacity", String(DOT_OPACITY));
  const r = DOT_RADIUS;
  const at = (v: number) => Math.round(v * 100) / 100;
  let d = "";
  for (const p of samples) {
    const [px, py] = pixel(p);
    if (!Number.isFinite(px) || !Number.isFinite(py)) continue;
    d += `M${at(px - r)},${at(py)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
  }
  const path = svgElement(document, "path");
  path.setAttribute("d", d);
  g.append(path);
  return g;
}

export function modelEstimate(est: GridEstimate, {width, kind, samples, document = globalThis.document}: ModelEstimateOptions): ModelEstimateChart {
  const {x1, x2} = est.grid;
  // Grid values sit at cell centres: widen the extent by half a step on each side.
  const h1 = (x1[1] - x1[0]) / 2;
  const h2 = (x2[1] - x2[0]) / 2;
  const xDomain = [x1[0] - h1, x1[x1.length - 1] + h1];
  const yDomain = [x2[0] - h2, x2[x2.length - 1] + h2];
  const size = plotWidth(Math.min(width, 420));
  const heading = title(kind, est);
  const labelOf = (summary: string) => `${heading} over [${sig(x1[0], 2)}, ${sig(x1[x1.length - 1], 2)}]², ${summary}`;
  const summary = summaryOf(kind, est);
  const chart = tidyPlot(
    Plot.plot({
      width: size,
      height: size,
      document,
      title: heading,
      subtitle: summary,
      ariaLabel: labelOf(summary),
      x: {label: "x₁", domain: xDomain},
      y: {label: "x₂", domain: yDomain},
      marks: [Plot.frame({className: "estimate-frame"})]
    })
  ) as HTMLElement & Plot.Plot;
  const svg = chartSvg(chart)!;
  const subtitle = chart.querySelector("h3");
  const x = chart.scale("x")!;
  const y = chart.scale("y")!;
  const frame: GridFrame = {
    width: x1.length,
    height: x2.length,
    left: Number(x.apply(xDomain[0])),
    right: Number(x.apply(xDomain[1])),
    bottom: Number(y.apply(yDomain[0])),
    top: Number(y.apply(yDomain[1]))
  };

  // Plot offsets its marks by half a pixel (crisp edges at device pixel ratio 1), which the frame
  // carries; the contours and the dots take the same offset.
  const frameRect = svg.querySelector(".estimate-frame");
  const offset = frameRect?.getAttribute("transform");
  const dots = sampleDots(samples, (p) => [Number(x.apply(p[0])), Number(y.apply(p[1]))], document);
  if (offset) dots.setAttribute("transform", offset);
  svg.insertBefore(dots, frameRect);
  // The contours go under the dots.
  const group = svgElement(document, "g");
  group.setAttribute("class", "estimate-contour");
  group.setAttribute("stroke", "white");
  group.setAttribute("stroke-opacity", "0.25");
  group.setAttribute("stroke-miterlimit", "1");
  if (offset) group.setAttribute("transform", offset);
  svg.insertBefore(group, dots);

  let options = colorOptions(kind, est);
  let color = Plot.scale({color: options});
  // Both schemes are diverging and Plot makes their domains symmetric about the pivot, so the colour
  // at a fraction t of the domain is the same function of t for every estimate: one interpolator
  // (the ramp's gradient is drawn once), the domain's ends from the scale in use.
  const interpolator = color.interpolate as (t: number) => string;
  const rampOf = (scale: Plot.Scale) => {
    const domain = Array.from(scale.domain ?? [], Number);
    return {interpolator, domain: [domain[0], domain[domain.length - 1]] as const, label: String(options.label)};
  };
  // Plot's legend geometry: 240 px, about one tick per 64 px.
  const legend = rampLegend(rampOf(color), {width: LEGEND_WIDTH, ticks: LEGEND_WIDTH / 64, document});
  chart.insertBefore(legend, svg);
  // The chart's colour scale is the one its contours are drawn with, whichever estimate is shown.
  const plotScale = chart.scale.bind(chart);
  chart.scale = ((name: Plot.ScaleName) => (name === "color" ? color : plotScale(name))) as typeof chart.scale;

  let values: ArrayLike<number> = est[kind];
  let shown: ContourPaths = {thresholds: [], d: []};
  let fills: string[] = [];
  const draw = (paths: ContourPaths) => {
    const fresh = paths !== shown;
    const n = paths.thresholds.length;
    const nextFills = paths.thresholds.map((t) => String(color.apply(t)));
    let path = group.firstElementChild;
    for (let i = 0; i < n; ++i) {
      if (!path) group.append((path = svgElement(document, "path")));
      if (fresh) {
        const d = paths.d[i];
        if (d === null) path.removeAttribute("d");
        else path.setAttribute("d", d);
      }
      if (fresh || nextFills[i] !== fills[i]) path.setAttribute("fill", nextFills[i]);
      path = path.nextElementSibling;
    }
    while (path) {
      const next = path.nextElementSibling;
      path.remove();
      path = next;
    }
    shown = paths;
    fills = nextFills;
  };
  const pathsOf = (next: GridEstimate) => contourPaths(next[kind], frame, CONTOUR_COUNT);
  draw(pathsOf(est));

  return Object.assign(chart, {
    frame,
    pathsOf,
    shownPaths: () => shown,
    update(next: GridEstimate, paths?: ContourPaths) {
      const nextOptions = colorOptions(kind, next);
      const [d0, d1] = nextOptions.domain as number[];
      const [c0, c1] = options.domain as number[];
      if (d0 !== c0 || d1 !== c1) {
        options = nextOptions;
        color = Plot.scale({color: options});
        legend.show(rampOf(color));
      }
      const nextValues = next[kind];
      draw(paths ?? (sameValues(nextValues, values) ? shown : pathsOf(next)));
      values = nextValues;
      const text = summaryOf(kind, next);
      if (subtitle) setText(subtitle, text);
      svg.setAttribute("aria-label", labelOf(text));
    }
  });
}
