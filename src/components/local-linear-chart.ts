// A zone's local linear function against the ground truth along a segment through the zone, as the
// article draws them. Along p + t·d the network output, the local function and the truth are plotted
// against x1; the stretch where the zone's mask holds (so the network equals its local function
// exactly, for ReLU) is shaded.
//
// The zone explorer shows another point or another epoch's network on every move, so the chart is
// drawn once and update() changes it in place: the lines' path data, the shading, the dot, the
// axes' ticks and grid and the texts, in the same svg, paths and legend. Plot cannot update a chart,
// so Plot draws only what never changes (the figure, its title and subtitle elements, the swatch
// legend and the empty svg, with Plot's class and hoisted styles, so the chart sits among the site's
// Plot charts), and the marks and axes are drawn here with D3 in Plot's markup: the same groups,
// attributes, margins, tick counts (one per 80 px along x, per 35 px along y), tick formats and
// unniced domains Plot 0.6 gives a line chart with default options. A fresh chart is the same code
// applied once, so update(net, o) leaves exactly the markup of a fresh localLinearChart(net, o).
import * as d3 from "d3";
import * as Plot from "@observablehq/plot";
import {linspace, targetGradient, TARGETS, type DatasetName, type Point} from "../lib/datasets.js";
import {predict, type Network} from "../lib/network.js";
import {activationMask, localLinear, masksEqual, zoneInterval} from "../lib/regions.js";
import {fixed, linearFormula, pointLabel} from "../lib/format.js";
import {setAttr, setText, svgElement} from "./dom.js";
import {tidyPlot} from "./plot-tidy.js";
import {plotWidth} from "./plot-width.js";

export interface LocalLinearChartOptions {
  width: number;
  dataset: DatasetName;
  /** The zone's point p. */
  point: Point;
  /** Direction d of the segment (its x1 component must not be 0: the chart's x axis is x1). */
  direction: Point;
  /** The segment's x1 extent. */
  x1Range: [number, number];
  /**
   * A point of the zone whose linear function is drawn, when the segment does not pass through it
   * (the article's segments run along x2 = ±x1/2, beside its zones' points). Default: `point`.
   */
  zone?: Point;
  /**
   * The chart's title (default: the zone's formula "y ≈ a·x₁ + b·x₂ + c"). A view that prints the
   * formula itself (zone-view.ts, after the four steps) gives another, so the formula is written once.
   */
  title?: string;
  /**
   * Also draw the truth's tangent line along the segment: its tangent plane at `point`,
   * y = f(p) + ∇f(p)·(x − p) (targetGradient), restricted to the segment.
   */
  tangent?: boolean;
  document?: Document;
}

export type LocalLinearChart = HTMLElement & {
  /**
   * Shows another network (another epoch's parameters) and/or another point, segment, width or
   * title, changing the chart's elements in place. Only switching `tangent` on or off changes the
   * legend and the set of lines: then the chart's contents are drawn anew inside the same figure.
   * `options.document` is not read: the chart stays in the document it was drawn for.
   */
  update(net: Network, options: LocalLinearChartOptions): void;
};

/** The series name of the truth's tangent line. */
const TANGENT = "truth's tangent";

/** The series in legend and drawing order, with Plot's line styles of each. */
const SERIES = [
  {name: "local linear function", color: "#4269d0", strokeWidth: 2, dash: null},
  {name: "ground truth", color: "#ff725c", strokeWidth: 2, dash: null},
  {name: "network output", color: "#3ca951", strokeWidth: 2, dash: "4,3"},
  {name: TANGENT, color: "#a463f2", strokeWidth: 1.5, dash: "1,3"}
] as const;

/** Samples along the segment. */
const SAMPLES = 121;
const HEIGHT = 260;
/** Plot's default margins for a y axis on the left and an x axis below, both labelled. */
const MARGIN = {top: 20, right: 20, bottom: 30, left: 40};
/** Plot's default spacing (px) between ticks: the tick count is the axis length over it. */
const TICK_SPACING = {x: 80, y: 35};
const TICK_SIZE = 6;
const DOT_RADIUS = 4;
const SHADE_OPACITY = 0.07;

/** What the chart shows for one network and segment: numbers and texts only, no DOM. */
export interface SegmentView {
  x1Range: [number, number];
  /** The sampled x1. */
  xs: number[];
  /** Each drawn series' y at xs, in SERIES order (the tangent last, when drawn). */
  ys: number[][];
  /** The x1 spans where the zone's mask holds, shaded. */
  zones: {x1: number; x2: number}[];
  /** The network's output at the segment's point, when the segment runs through the zone's point. */
  dot: [number, number] | null;
  title: string;
  subtitle: string;
  ariaLabel: string;
}

/** The chart's content for `net` along the options' segment. */
export function segmentView(net: Network, {dataset, point, direction, x1Range, title, tangent = false, zone: zonePoint = point}: LocalLinearChartOptions): SegmentView {
  if (direction[0] === 0) throw new RangeError("localLinearChart: the direction's x1 component must not be 0");
  const f = TARGETS[dataset];
  const {a, b, c} = localLinear(net, zonePoint);
  // Parametrise by x1: t = (x1 - p1) / d1, x2 = p2 + t·d2.
  const at = (x1: number): Point => [x1, point[1] + ((x1 - point[0]) / direction[0]) * direction[1]];
  const xs = linspace(x1Range[0], x1Range[1], SAMPLES);
  const qs = xs.map(at);
  const ys = [qs.map((q) => a * q[0] + b * q[1] + c), qs.map((q) => f(q[0], q[1])), qs.map((q) => predict(net, q))];
  if (tangent) {
    // The tangent plane at p: y = f(p) + ∇f(p)·(q − p).
    const [ga, gb] = targetGradient(dataset, point);
    const fp = f(point[0], point[1]);
    ys.push(qs.map((q) => fp + ga * (q[0] - point[0]) + gb * (q[1] - point[1])));
  }
  const unit: Point = [1, direction[1] / direction[0]];
  // Where along the segment the zone's mask holds: around `point` exactly (zoneInterval), or, for a
  // segment beside the zone's point, the runs of the sampled x1 where the mask is the zone's.
  const through = zonePoint === point;
  const zones = through ? [zoneAround(net, point, unit, x1Range)] : zoneRuns(net, zonePoint, xs, at);
  // The segment as x2 = p2 + m·(x1 − p1), written with signed terms: "x₂ = 1.00 − 0.50·(x₁ + 1.00)".
  const slope = direction[1] / direction[0];
  // The sign as printed: a value that rounds to zero reads "+ 0.00", never "− 0.00".
  const signed = (v: number) => {
    const s = fixed(v, 2);
    return s.startsWith("−") ? `− ${s.slice(1)}` : `+ ${s}`;
  };
  const shift = point[0] === 0 ? "x₁" : `(x₁ ${signed(-point[0])})`;
  const segment = slope === 0 ? `x₂ = ${fixed(point[1], 2)}` : `x₂ = ${fixed(point[1], 2)} ${signed(slope)}·${shift}`;
  return {
    x1Range,
    xs,
    ys,
    zones,
    dot: through ? [point[0], predict(net, point)] : null,
    title: title ?? `y ≈ ${linearFormula(a, b, c)}`,
    subtitle: `along ${segment}; ${shadingNote(through, zones.length > 0, pointLabel(zonePoint))}`,
    ariaLabel: `Local linear function y ≈ ${linearFormula(a, b, c)} of the zone containing ${pointLabel(zonePoint)}, against the ground truth and the network output along ${segment}`
  };
}

/** The x1 extent of the zone of `point` along the line through it with direction `unit` (x1 step 1). */
function zoneAround(net: Network, point: Point, unit: Point, x1Range: [number, number]): {x1: number; x2: number} {
  const [t0, t1] = zoneInterval(net, point, unit, {tMin: x1Range[0] - point[0], tMax: x1Range[1] - point[0]});
  return {x1: point[0] + t0, x2: point[0] + t1};
}

/** The runs of consecutive samples xs whose point at(x1) has the activation mask of `zonePoint`. */
function zoneRuns(net: Network, zonePoint: Point, xs: readonly number[], at: (x1: number) => Point): {x1: number; x2: number}[] {
  const mask = activationMask(net, zonePoint);
  const runs: {x1: number; x2: number}[] = [];
  let start: number | null = null;
  xs.forEach((x1, i) => {
    const inside = masksEqual(activationMask(net, at(x1)), mask);
    if (inside && start === null) start = x1;
    if ((!inside || i === xs.length - 1) && start !== null) {
      runs.push({x1: start, x2: inside ? x1 : xs[i - 1]});
      start = null;
    }
  });
  return runs;
}

/** What the shading shows: the zone around the segment's own point, or where a segment beside it enters the zone. */
function shadingNote(through: boolean, enters: boolean, zone: string): string {
  if (through) return `the zone of ${zone} is shaded`;
  return enters ? `where the segment is in the zone of ${zone}, shaded` : `the segment never enters the zone of ${zone}`;
}

/** Plot wraps a chart with a title or a legend in a <figure>. */
function isFigure(el: Element): el is HTMLElement {
  return el.tagName.toLowerCase() === "figure";
}

/** A <g> with these attributes, appended to `parent`. */
function group(doc: Document, parent: Element, attrs: Record<string, string | number>): SVGGElement {
  const g = svgElement(doc, "g");
  for (const [name, value] of Object.entries(attrs)) g.setAttribute(name, String(value));
  parent.append(g);
  return g;
}

/** Makes `parent` hold exactly n children made by `make` (reusing the first ones); returns them. */
function children<E extends Element>(parent: Element, n: number, make: () => E): E[] {
  while (parent.childElementCount < n) parent.append(make());
  while (parent.childElementCount > n) parent.lastElementChild!.remove();
  return [...parent.children] as E[];
}

/**
 * Plot draws no group for a mark without data (no shading when a segment never enters the zone, no
 * dot beside it): `g` is in the svg, before `before`, only while it has children.
 */
function inSvgWhenFilled(g: SVGGElement, svg: SVGSVGElement, before: Node | null): void {
  if (g.childElementCount === 0) g.remove();
  else if (g.parentNode !== svg) svg.insertBefore(g, before);
}

/** The chart's elements that change: everything else is set once by build(). */
interface Parts {
  title: Element;
  subtitle: Element;
  svg: SVGSVGElement;
  grid: SVGGElement;
  yTicks: SVGGElement;
  yLabels: SVGGElement;
  xTicks: SVGGElement;
  xLabels: SVGGElement;
  xAxisLabel: SVGTextElement;
  shading: SVGGElement;
  lines: SVGPathElement[];
  dots: SVGGElement;
}

/**
 * The chart's frame for n series: Plot's figure (title, subtitle, swatch legend, empty svg) and,
 * in the svg, the groups of Plot's axes and marks in Plot's order (grid, y axis, x axis, shading,
 * solid lines, dashed line, tangent, dot).
 */
function build(n: number, view: SegmentView, width: number, doc: Document): {figure: HTMLElement; parts: Parts} {
  const series = SERIES.slice(0, n);
  const figure = tidyPlot(
    Plot.plot({
      width,
      document: doc,
      height: HEIGHT,
      title: view.title,
      subtitle: view.subtitle,
      ariaLabel: view.ariaLabel,
      x: {axis: null},
      y: {axis: null},
      color: {legend: true, domain: series.map((s) => s.name), range: series.map((s) => s.color)},
      marks: []
    })
  );
  if (!isFigure(figure)) throw new Error("localLinearChart: Plot gave no figure for a titled chart");
  const svg = figure.querySelector<SVGSVGElement>(":scope > svg")!;
  const [title, subtitle] = [figure.querySelector(":scope > h2")!, figure.querySelector(":scope > h3")!];
  const grid = group(doc, svg, {"aria-hidden": "true", stroke: "currentColor", "stroke-opacity": 0.1, transform: "translate(0,0.5)"});
  const yTicks = group(doc, svg, {"aria-hidden": "true", fill: "none", stroke: "currentColor", transform: "translate(0,0.5)"});
  const yLabels = group(doc, svg, {"text-anchor": "end", "font-variant": "tabular-nums", transform: `translate(${-TICK_SIZE - 3 + 0.5},0.5)`});
  const yAxis = group(doc, svg, {"text-anchor": "start", transform: `translate(${3 - MARGIN.left + 0.5},${3 - MARGIN.top + 0.5})`});
  const yAxisLabel = svgElement(doc, "text");
  yAxisLabel.setAttribute("y", "0.71em");
  yAxisLabel.setAttribute("transform", `translate(${MARGIN.left},${MARGIN.top})`);
  yAxisLabel.textContent = "↑ y";
  yAxis.append(yAxisLabel);
  const xTicks = group(doc, svg, {"aria-hidden": "true", fill: "none", stroke: "currentColor", transform: "translate(0.5,0)"});
  const xLabels = group(doc, svg, {"font-variant": "tabular-nums", transform: `translate(0.5,${TICK_SIZE + 3 + 0.5})`});
  const xAxis = group(doc, svg, {"text-anchor": "end", transform: `translate(${MARGIN.right - 3 + 0.5},${MARGIN.bottom - 3 + 0.5})`});
  const xAxisLabel = svgElement(doc, "text");
  xAxisLabel.textContent = "x₁ →";
  xAxis.append(xAxisLabel);
  // The shading's fill is the svg's (currentColor), as Plot leaves it.
  const shading = group(doc, svg, {"fill-opacity": SHADE_OPACITY});
  // One group per line style, as Plot draws one per line mark; a path per series, coloured by it.
  const lines: SVGPathElement[] = [];
  let g: SVGGElement | null = null;
  series.forEach((s, i) => {
    if (i === 0 || s.strokeWidth !== series[i - 1].strokeWidth || s.dash !== series[i - 1].dash)
      g = group(doc, svg, {
        fill: "none",
        "stroke-width": s.strokeWidth,
        "stroke-linejoin": "round",
        "stroke-linecap": "round",
        ...(s.dash ? {"stroke-dasharray": s.dash} : {}),
        transform: "translate(0.5,0.5)"
      });
    const path = svgElement(doc, "path");
    path.setAttribute("stroke", s.color);
    g!.append(path);
    lines.push(path);
  });
  const dots = group(doc, svg, {transform: "translate(0.5,0.5)"});
  return {figure, parts: {title, subtitle, svg, grid, yTicks, yLabels, xTicks, xLabels, xAxisLabel, shading, lines, dots}};
}

/** Writes a view into the parts, at this width (px, already raised to the margins). */
function draw(parts: Parts, view: SegmentView, width: number, doc: Document): void {
  const {title, subtitle, svg, grid, yTicks, yLabels, xTicks, xLabels, xAxisLabel, shading, lines, dots} = parts;
  const [left, right, top, bottom] = [MARGIN.left, width - MARGIN.right, MARGIN.top, HEIGHT - MARGIN.bottom];
  setText(title, view.title);
  setText(subtitle, view.subtitle);
  setAttr(svg, "width", width);
  setAttr(svg, "viewBox", `0 0 ${width} ${HEIGHT}`);
  setAttr(svg, "aria-label", view.ariaLabel);

  // Scales as Plot's defaults: x over the segment's extent; y over the extent of everything drawn
  // (the lines and the dot), neither niced nor padded, so the lowest and highest values touch the frame.
  const x = d3.scaleLinear(view.x1Range, [left, right]);
  const [y0, y1] = d3.extent([...view.ys.flat(), ...(view.dot ? [view.dot[1]] : [])]) as [number, number];
  const y = d3.scaleLinear([y0, y1], [bottom, top]);

  const yCount = (bottom - top) / TICK_SPACING.y;
  const yValues = y.ticks(yCount);
  const yFormat = y.tickFormat(yCount);
  const gridLines = children(grid, yValues.length, () => svgElement(doc, "line"));
  const yTickPaths = children(yTicks, yValues.length, () => svgElement(doc, "path"));
  const yTexts = children(yLabels, yValues.length, () => svgElement(doc, "text"));
  yValues.forEach((v, i) => {
    const py = y(v);
    setAttr(gridLines[i], "x1", left);
    setAttr(gridLines[i], "x2", right);
    setAttr(gridLines[i], "y1", py);
    setAttr(gridLines[i], "y2", py);
    setAttr(yTickPaths[i], "transform", `translate(${left},${py})`);
    setAttr(yTickPaths[i], "d", `M0,0L${-TICK_SIZE},0`);
    setAttr(yTexts[i], "y", "0.32em");
    setAttr(yTexts[i], "transform", `translate(${left},${py})`);
    setText(yTexts[i], yFormat(v));
  });

  const xCount = (right - left) / TICK_SPACING.x;
  const xValues = x.ticks(xCount);
  const xFormat = x.tickFormat(xCount);
  const xTickPaths = children(xTicks, xValues.length, () => svgElement(doc, "path"));
  const xTexts = children(xLabels, xValues.length, () => svgElement(doc, "text"));
  xValues.forEach((v, i) => {
    const px = x(v);
    setAttr(xTickPaths[i], "transform", `translate(${px},${bottom})`);
    setAttr(xTickPaths[i], "d", `M0,0L0,${TICK_SIZE}`);
    setAttr(xTexts[i], "y", "0.71em");
    setAttr(xTexts[i], "transform", `translate(${px},${bottom})`);
    setText(xTexts[i], xFormat(v));
  });
  setAttr(xAxisLabel, "transform", `translate(${right},${bottom})`);

  // A shaded span covers the frame's height.
  const rects = children(shading, view.zones.length, () => svgElement(doc, "rect"));
  view.zones.forEach((z, i) => {
    const [a, b] = [x(z.x1), x(z.x2)];
    setAttr(rects[i], "x", Math.min(a, b));
    setAttr(rects[i], "y", top);
    setAttr(rects[i], "width", Math.abs(b - a));
    setAttr(rects[i], "height", bottom - top);
  });
  inSvgWhenFilled(shading, svg, lines[0].parentNode);

  // d3.line writes 3 decimals, as in Plot's lines.
  const line = d3.line<number>((_, i) => x(view.xs[i]), (v) => y(v));
  lines.forEach((path, k) => setAttr(path, "d", line(view.ys[k]) ?? ""));

  const circles = children(dots, view.dot ? 1 : 0, () => svgElement(doc, "circle"));
  if (view.dot) {
    setAttr(circles[0], "cx", x(view.dot[0]));
    setAttr(circles[0], "cy", y(view.dot[1]));
    setAttr(circles[0], "r", DOT_RADIUS);
  }
  inSvgWhenFilled(dots, svg, null);
}

export function localLinearChart(net: Network, options: LocalLinearChartOptions): LocalLinearChart {
  const doc = options.document ?? document;
  const widthOf = (o: LocalLinearChartOptions) => plotWidth(Math.min(o.width, 520));
  const first = segmentView(net, options);
  const {figure, parts: firstParts} = build(first.ys.length, first, widthOf(options), doc);
  let parts = firstParts;
  draw(parts, first, widthOf(options), doc);
  return Object.assign(figure, {
    update(next: Network, nextOptions: LocalLinearChartOptions) {
      const view = segmentView(next, nextOptions);
      if (view.ys.length !== parts.lines.length) {
        // Another set of series (the tangent on or off): another legend and set of lines.
        const fresh = build(view.ys.length, view, widthOf(nextOptions), doc);
        figure.replaceChildren(...fresh.figure.childNodes);
        parts = fresh.parts;
      }
      draw(parts, view, widthOf(nextOptions), doc);
    }
  });
}
