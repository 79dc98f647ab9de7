// The line each first-layer unit draws in the input plane, W0[:, j]·x + b0[j] = 0, on [-3, 3]^2.
// On one side of its line a ReLU unit is active (z > 0), on the other it is silent; together the
// lines cut the plane into zones. The zone of a point is shaded (one hidden layer only): either a
// fixed point (zoneOf), or the selected point through select(point), which moves the shading and a
// ring without redrawing the chart (see plot-ring.ts).
//
// Plot draws the frame (axes, grid, data square, marks, legend); the lines, their numbers, the zone
// and the linked unit's active half-plane are paths of this file's own, so that they can follow the
// page's selection select()-style: setNetwork(net) moves the lines (a replayed epoch), highlight(j)
// thickens line j and shades its active half-plane (the unit under the pointer anywhere on the
// page). Hovering a line makes its unit the page's hovered unit; clicking it selects the unit.
import * as Plot from "@observablehq/plot";
import {SAMPLE_RANGE, type Point} from "../lib/datasets.js";
import {clipLine, firstLayerLines, zonePolygon} from "../lib/regions.js";
import {activeHalfPlane} from "../lib/half-plane.js";
import type {Network} from "../lib/network.js";
import type {Selection} from "../lib/selection.js";
import {fixed, pointLabel} from "../lib/format.js";
import {tidyPlot} from "./plot-tidy.js";
import {plotWidth} from "./plot-width.js";
import {svgElement} from "./dom.js";
import {chartSvg, onPlotClick, type PlotChart} from "./plot-click.js";
import {ringMarker, type RingMarker} from "./plot-ring.js";
import {follow} from "./follow.js";

export interface FirstLayerLinesOptions {
  width: number;
  /** Half-width of the square drawn, 3 as in the article. */
  range?: number;
  /** Points to mark (e.g. the selected sample and the zone centres), with labels. */
  marks?: {point: Point; label: string}[];
  /** Shade the zone containing this point. */
  zoneOf?: Point | null;
  /** The page's selection: the chart follows its point, epoch (with networkAt) and hovered unit. */
  selection?: Selection;
  /** The network at an epoch, for replaying training (without it the chart keeps `net`). */
  networkAt?: (epoch: number) => Network;
  document?: Document;
}

const LINE_COLORS = ["#4269d0", "#efb118", "#3ca951", "#ff725c", "#a463f2", "#97bbf5", "#9c6b4e", "#6cc5b0"];

export type FirstLayerLinesChart = PlotChart & {
  /** Shades the zone of `point` and rings it. */
  select(point: Point): void;
  /** Draws the lines of another network with the same first layer size (a checkpoint). */
  setNetwork(net: Network): void;
  /** Highlights unit j's line and shades its active half-plane; null clears. */
  highlight(unit: number | null): void;
};

const pathOf = (pts: readonly Point[], px: (p: Point) => string, close: boolean) => (pts.length >= 2 ? `M${pts.map(px).join("L")}${close ? "Z" : ""}` : "");

export function firstLayerLinesChart(net: Network, {width, range = 3, marks = [], zoneOf = null, selection, networkAt, document}: FirstLayerLinesOptions): FirstLayerLinesChart {
  const units = firstLayerLines(net).map((l) => `line ${l.unit}`);
  const size = plotWidth(Math.min(width, 480));
  const color = (j: number) => LINE_COLORS[(j - 1) % LINE_COLORS.length];
  const chart = tidyPlot(Plot.plot({
    width: size,
    height: size,
    document,
    title: "Where each first-layer unit switches on",
    x: {label: "x₁", domain: [-range, range]},
    y: {label: "x₂", domain: [-range, range]},
    grid: true,
    color: {legend: true, domain: units, range: units.map((_, k) => color(k + 1))},
    marks: [
      Plot.rect([{}], {x1: -SAMPLE_RANGE, x2: SAMPLE_RANGE, y1: -SAMPLE_RANGE, y2: SAMPLE_RANGE, stroke: "currentColor", strokeOpacity: 0.3, fill: "none", className: "data-square"}),
      // The lines themselves are drawn below; this empty mark gives the legend its colour scale.
      Plot.dot([] as string[], {x: () => 0, y: () => 0, fill: (d: string) => d}),
      Plot.dot(marks, {x: (m) => m.point[0], y: (m) => m.point[1], r: 4, fill: "currentColor"}),
      Plot.text(marks, {x: (m) => m.point[0], y: (m) => m.point[1], text: "label", dy: -10, fontSize: 11})
    ]
  })) as PlotChart;
  chart.classList.add("first-layer-lines");

  const svg = chartSvg(chart)!;
  const doc = svg.ownerDocument;
  const x = chart.scale("x")!;
  const y = chart.scale("y")!;
  const px = (q: Point) => `${x.apply(q[0])},${y.apply(q[1])}`;
  const path = (cls: string, attrs: Record<string, string>) => {
    const p = svgElement(doc, "path");
    p.setAttribute("class", cls);
    for (const [k, v] of Object.entries(attrs)) p.setAttribute(k, v);
    return p;
  };
  // Bottom to top: the hovered unit's half-plane, the zone, (the data square, Plot's), the lines.
  const half = path("active-half-plane", {fill: "currentColor", "fill-opacity": "0.1", stroke: "none"});
  const shade = path("selected-zone", {fill: "currentColor", "fill-opacity": "0.08", stroke: "currentColor", "stroke-opacity": "0.4", "stroke-dasharray": "3,3"});
  const square = svg.querySelector(".data-square");
  svg.insertBefore(half, square);
  svg.insertBefore(shade, square);
  const linesGroup = svgElement(doc, "g");
  linesGroup.setAttribute("class", "unit-lines");
  svg.insertBefore(linesGroup, square?.nextSibling ?? null);
  const drawn = firstLayerLines(net).map((l) => {
    const g = svgElement(doc, "g");
    g.setAttribute("class", "unit-line");
    g.setAttribute("data-unit", String(l.unit));
    const visible = path("line", {stroke: color(l.unit), "stroke-width": "2", fill: "none"});
    // A wide transparent stroke over the line is its pointer target.
    const hit = path("hit", {stroke: "transparent", "stroke-width": "12", fill: "none", "pointer-events": "stroke"});
    const label = svgElement(doc, "text");
    label.setAttribute("fill", color(l.unit));
    label.setAttribute("stroke", "var(--theme-background, white)");
    label.setAttribute("paint-order", "stroke");
    label.setAttribute("font-weight", "bold");
    label.setAttribute("font-size", "13");
    label.setAttribute("text-anchor", "middle");
    label.setAttribute("dy", "0.35em");
    label.textContent = String(l.unit);
    g.append(visible, hit, label);
    linesGroup.append(g);
    return {unit: l.unit, g, visible, hit, label};
  });

  let current = net;
  let point: Point | null = zoneOf;
  let hovered: number | null = null;
  const zoneOfPoint = (p: Point | null) => (p && current.layers.length === 2 ? zonePolygon(current, p, range) : []);
  let ring: RingMarker | null = null;

  const describe = () => firstLayerLines(current).map((l) => `line ${l.unit}: ${fixed(l.w1, 3)}·x₁ + ${fixed(l.w2, 3)}·x₂ + ${fixed(l.b, 3)} = 0`).join("; ");
  const label = () => {
    const base = `First-layer lines on [−${range}, ${range}]²: ${describe()}`;
    const zone = point ? `; shaded${ring ? " and ringed" : ""}: the zone containing ${ring ? "the selected point " : ""}${pointLabel(point)}` : "";
    const unit = hovered ? `; highlighted: line ${hovered} and the half-plane where unit ${hovered} is active` : "";
    return `${base}${zone}${unit}`;
  };
  const drawLines = () => {
    for (const l of firstLayerLines(current)) {
      const d = drawn[l.unit - 1];
      const pts = clipLine(l, range);
      const line = pathOf(pts, px, false);
      d.visible.setAttribute("d", line);
      d.hit.setAttribute("d", line);
      d.g.toggleAttribute("hidden", pts.length < 2);
      // The number sits just inside the square, near the line's second end.
      if (pts.length === 2) {
        d.label.setAttribute("x", String(x.apply(0.93 * pts[1][0] + 0.07 * pts[0][0])));
        d.label.setAttribute("y", String(y.apply(0.93 * pts[1][1] + 0.07 * pts[0][1])));
      }
    }
  };
  const drawZone = () => shade.setAttribute("d", pathOf(zoneOfPoint(point), px, true));
  const drawHalf = () => {
    const l = hovered ? firstLayerLines(current)[hovered - 1] : null;
    half.setAttribute("d", l ? pathOf(activeHalfPlane(l, range), px, true) : "");
  };
  const relabel = () => svg.setAttribute("aria-label", label());

  drawLines();
  drawZone();
  relabel();

  const api = {
    select(p: Point) {
      point = p;
      ring ??= ringMarker(chart, {r: 6});
      ring.move(p);
      drawZone();
      relabel();
    },
    setNetwork(next: Network) {
      if (next === current) return;
      current = next;
      drawLines();
      drawZone();
      drawHalf();
      relabel();
    },
    highlight(unit: number | null) {
      const next = unit !== null && unit >= 1 && unit <= drawn.length ? unit : null;
      if (next === hovered) return;
      hovered = next;
      linesGroup.classList.toggle("has-hover", hovered !== null);
      for (const d of drawn) d.g.classList.toggle("hovered", d.unit === hovered);
      drawHalf();
      relabel();
    }
  };
  Object.assign(chart, api);

  if (selection) {
    for (const d of drawn) {
      d.hit.addEventListener("pointerenter", () => selection.set({hover: {layer: 1, unit: d.unit}}));
      d.hit.addEventListener("pointerleave", () => selection.set({hover: null}));
      // A click on a line selects its unit (and not the point under it, below).
      d.hit.addEventListener("click", (event) => {
        event.stopPropagation();
        selection.set({unit: {layer: 1, unit: d.unit}});
      });
      d.hit.style.cursor = "pointer";
    }
    // A click anywhere else in the plane picks that exact point, as on the estimate panels and the zone map.
    onPlotClick(chart, (p) => selection.set({point: p, sample: null}));
    const s = selection.get();
    if (networkAt) api.setNetwork(networkAt(s.epoch));
    api.select(s.point);
    if (s.hover?.layer === 1) api.highlight(s.hover.unit);
    follow(svg, selection, (state, changed) => {
      if (changed.has("epoch") && networkAt) api.setNetwork(networkAt(state.epoch));
      if (changed.has("point")) api.select(state.point);
      if (changed.has("hover")) api.highlight(state.hover?.layer === 1 ? state.hover.unit : null);
    });
  }
  return chart as FirstLayerLinesChart;
}
