// The exact zones of a piecewise-linear network (lib/partition.ts) drawn as polygons over the input
// plane, each coloured by the network's output at its centroid or by its slope |∇| = sqrt(a² + b²).
//
// The polygons are drawn once per partition, and another partition of the same window (another
// epoch's) reuses their paths. Everything that follows the reader is moved, not redrawn: select(point) moves a ring and outlines the point's zone; highlightUnit(unit) draws one
// unit's boundary (and, for a first-layer unit, shades its active half-plane); colorBy(mode) only
// rewrites each polygon's fill and swaps the legend.
//
// Pointer and keyboard share one cursor: the pointer's position, or a point the arrow keys move
// (the map is one tab stop, not one per zone). The zone under the cursor is described in a live
// region; a unit boundary within HOVER_PX of the cursor is reported through onHover (so hovering a
// boundary with the mouse and moving the keyboard cursor onto it do the same); a click or Enter
// picks the cursor's point through onPick.
import * as d3 from "d3";
import * as Plot from "@observablehq/plot";
import type {Point} from "../lib/datasets.js";
import type {Network} from "../lib/network.js";
import type {NeuronRef} from "../lib/flow-model.js";
import {boundaryKey, halfPlaneInWindow, unitBoundaries, zoneIndexContaining, type LinearZone, type Partition} from "../lib/partition.js";
import {zoneDescription} from "../lib/zone-prose.js";
import {pointLabel} from "../lib/format.js";
import {plural} from "../lib/prose.js";
import {h, svgElement, setText} from "./dom.js";
import {tidyPlot} from "./plot-tidy.js";
import {plotWidth} from "./plot-width.js";
import {rampColor, rampLegend, type RampLegend, type RampLegendSpec} from "./ramp-legend.js";
import {chartSvg} from "./plot-click.js";
import {ringMarker, type RingMarker} from "./plot-ring.js";

export type ZoneColoring = "output" | "slope";
export const ZONE_COLORINGS: readonly ZoneColoring[] = ["output", "slope"];

export interface ZoneMapChartOptions {
  /** The network the partition was computed from (for the units' boundaries). */
  network: Network;
  width: number;
  colorBy?: ZoneColoring;
  /** A click or Enter on the map picks this point. */
  onPick?: (point: Point) => void;
  /** The unit whose boundary is under the cursor, or null when none is (or the pointer left). */
  onHover?: (unit: NeuronRef | null) => void;
  document?: Document;
}

export type ZoneMapChart = HTMLElement & {
  /**
   * Shows another partition of the same window (another epoch's network): the polygons, their
   * colours, the legend and the boundaries change in place; the axes, the cursor, the selected
   * point and the highlighted unit stay.
   */
  setPartition(partition: Partition, network: Network): void;
  select(point: Point): void;
  highlightUnit(unit: NeuronRef | null): void;
  colorBy(mode: ZoneColoring): void;
  /** Moves the map's cursor (as the arrow keys do) and describes its zone. */
  moveCursor(point: Point): void;
};

/** How close (px) the cursor must come to a unit's boundary to highlight it. */
export const HOVER_PX = 5;
/** Arrow keys move the cursor by this share of the window's width (Shift: five times as far). */
const KEY_STEP = 1 / 40;

/** The value a zone is coloured by. */
export function zoneValue(zone: LinearZone, mode: ZoneColoring): number {
  const {a, b, c} = zone.affine;
  return mode === "output" ? a * zone.centroid[0] + b * zone.centroid[1] + c : Math.hypot(a, b);
}

/** Output on a diverging blue–red ramp centred on 0; slope on viridis from 0. */
const blueToRed = (t: number) => d3.interpolateRdBu(1 - t);

/** The colour ramp of a mode over these zones: symmetric about 0 for the output, from 0 for the slope. */
function rampOf(zones: readonly LinearZone[], mode: ZoneColoring): RampLegendSpec {
  let top = 1e-9;
  for (const z of zones) top = Math.max(top, Math.abs(zoneValue(z, mode)));
  return mode === "output"
    ? {interpolator: blueToRed, domain: [-top, top], label: "output at the zone's centre"}
    : {interpolator: d3.interpolateViridis, domain: [0, top], label: "slope |∇| = √(a² + b²)"};
}

function pathOf(points: readonly Point[], x: (v: number) => number, y: (v: number) => number, closed: boolean): string {
  return points.map((p, i) => `${i ? "L" : "M"}${x(p[0]).toFixed(2)},${y(p[1]).toFixed(2)}`).join("") + (closed ? "Z" : "");
}

/** Distance from q to the segment ab. */
function segmentDistance(q: Point, a: Point, b: Point): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((q[0] - a[0]) * dx + (q[1] - a[1]) * dy) / len2));
  return Math.hypot(q[0] - a[0] - t * dx, q[1] - a[1] - t * dy);
}

export function zoneMapChart(first: Partition, {network: firstNet, width, colorBy: initial = "output", onPick, onHover, document: doc = document}: ZoneMapChartOptions): ZoneMapChart {
  // The window is the chart's for good; the partition and its network change with setPartition.
  const w = first.window;
  let partition = first;
  let zones = first.zones;
  let net = firstNet;
  const size = plotWidth(Math.min(width, 480));
  const labelOf = (count: number) =>
    `Exact zone map over ${pointLabel([w.x[0], w.y[0]], 0)} to ${pointLabel([w.x[1], w.y[1]], 0)}: ${plural(count, "zone")}. Arrow keys move a cursor, Enter selects its point.`;
  let label = labelOf(zones.length);
  const chart = tidyPlot(
    Plot.plot({
      width: size,
      height: size,
      document: doc,
      ariaLabel: label,
      x: {label: "x₁", domain: w.x},
      y: {label: "x₂", domain: w.y},
      marks: [Plot.frame()]
    })
  );
  const svg = chartSvg(chart)!;
  const xs = chart.scale("x")!;
  const ys = chart.scale("y")!;
  const px = (v: number) => Number(xs.apply(v));
  const py = (v: number) => Number(ys.apply(v));
  const g = (className: string) => {
    const el = svgElement(doc, "g");
    el.setAttribute("class", className);
    return el;
  };

  // The polygons: one path per zone, reused from one partition to the next (only d and fill change).
  const polygons = g("zone-polygons");
  const paths: SVGPathElement[] = [];
  const drawPolygons = () => {
    while (paths.length < zones.length) {
      const path = svgElement(doc, "path");
      path.setAttribute("class", "zone");
      path.setAttribute("data-zone", String(paths.length));
      path.setAttribute("stroke", "white");
      path.setAttribute("stroke-width", "0.5");
      polygons.append(path);
      paths.push(path);
    }
    while (paths.length > zones.length) paths.pop()!.remove();
    zones.forEach((zone, i) => paths[i].setAttribute("d", pathOf(zone.polygon, px, py, true)));
  };
  drawPolygons();
  const highlight = g("unit-highlight");
  highlight.setAttribute("pointer-events", "none");
  const outline = svgElement(doc, "path");
  outline.setAttribute("class", "selected-zone");
  outline.setAttribute("fill", "none");
  outline.setAttribute("stroke", "currentColor");
  outline.setAttribute("stroke-width", "1.5");
  // Dashed, so the selected zone's outline never reads as a highlighted unit's boundary (solid, thicker).
  outline.setAttribute("stroke-dasharray", "5,3");
  outline.setAttribute("pointer-events", "none");
  const cursorMark = svgElement(doc, "circle");
  cursorMark.setAttribute("class", "zone-cursor");
  cursorMark.setAttribute("r", "3");
  cursorMark.setAttribute("fill", "currentColor");
  cursorMark.setAttribute("pointer-events", "none");
  cursorMark.setAttribute("visibility", "hidden");
  // Under the frame, so the frame stays on top; the overlays above the polygons.
  let frame: Element | null = svg.querySelector("rect");
  while (frame && frame.parentNode !== svg) frame = frame.parentElement;
  svg.insertBefore(polygons, frame);
  svg.append(highlight, outline, cursorMark);
  svg.setAttribute("tabindex", "0");
  svg.setAttribute("role", "application");
  svg.setAttribute("aria-roledescription", "zone map");
  svg.style.cursor = "crosshair";

  const legendSlot = h(doc, "div", {class: "zone-legend"});
  const live = h(doc, "p", {class: "zone-cursor-text", "aria-live": "polite"});
  const root = h(doc, "div", {class: "zone-map"}, legendSlot, chart, live) as HTMLElement;

  let coloring = initial;
  let legend: RampLegend | null = null;
  const colorBy = (mode: ZoneColoring) => {
    coloring = mode;
    const ramp = rampOf(zones, mode);
    const color = rampColor(ramp);
    paths.forEach((path, i) => path.setAttribute("fill", color(zoneValue(zones[i], mode))));
    if (legend) legend.show(ramp);
    else legendSlot.append((legend = rampLegend(ramp, {width: Math.min(size, 320), document: doc})));
    root.setAttribute("data-color-by", mode);
  };
  colorBy(initial);

  // Every hidden unit's boundary, once per partition, for the cursor's nearest-boundary test and the highlight.
  let boundaries: {ref: NeuronRef; lines: Point[][]}[] = [];
  const findBoundaries = () => {
    const lines = unitBoundaries(partition);
    boundaries = [];
    for (let k = 0; k < net.layers.length - 1; ++k)
      for (let j = 0; j < net.layers[k].biases.length; ++j) {
        const ref = {layer: k + 1, unit: j + 1};
        boundaries.push({ref, lines: lines.get(boundaryKey(ref)) ?? []});
      }
  };
  findBoundaries();
  const pxPerUnit = Math.abs(px(w.x[1]) - px(w.x[0])) / (w.x[1] - w.x[0]);
  const nearestBoundary = (q: Point): NeuronRef | null => {
    let best: NeuronRef | null = null;
    let bestDistance = HOVER_PX / pxPerUnit;
    for (const {ref, lines} of boundaries)
      for (const line of lines)
        for (let i = 0; i + 1 < line.length; ++i) {
          const d = segmentDistance(q, line[i], line[i + 1]);
          if (d < bestDistance) [best, bestDistance] = [ref, d];
        }
    return best;
  };

  let cursor: Point = [(w.x[0] + w.x[1]) / 2, (w.y[0] + w.y[1]) / 2];
  let hovered: NeuronRef | null = null;
  const report = (unit: NeuronRef | null) => {
    if (unit?.layer === hovered?.layer && unit?.unit === hovered?.unit) return;
    hovered = unit;
    onHover?.(unit);
  };
  const moveCursor = (q: Point) => {
    cursor = [Math.min(w.x[1], Math.max(w.x[0], q[0])), Math.min(w.y[1], Math.max(w.y[0], q[1]))];
    cursorMark.setAttribute("cx", px(cursor[0]).toFixed(2));
    cursorMark.setAttribute("cy", py(cursor[1]).toFixed(2));
    cursorMark.setAttribute("visibility", "visible");
    const i = zoneIndexContaining(partition, cursor);
    setText(live, i < 0 ? "" : zoneDescription(cursor, i, zones.length, zones[i].pattern, zones[i].affine));
    report(nearestBoundary(cursor));
  };
  const dataPoint = (event: MouseEvent): Point => {
    const rect = svg.getBoundingClientRect();
    const box = svg.viewBox?.baseVal;
    const sx = box && box.width && rect.width ? box.width / rect.width : 1;
    const sy = box && box.height && rect.height ? box.height / rect.height : 1;
    return [Number(xs.invert!((event.clientX - rect.left) * sx)), Number(ys.invert!((event.clientY - rect.top) * sy))];
  };
  svg.addEventListener("pointermove", (event) => moveCursor(dataPoint(event)));
  svg.addEventListener("pointerleave", () => {
    cursorMark.setAttribute("visibility", "hidden");
    report(null);
  });
  svg.addEventListener("click", (event) => {
    const q = dataPoint(event);
    moveCursor(q);
    onPick?.(cursor);
  });
  svg.addEventListener("focus", () => moveCursor(cursor));
  svg.addEventListener("blur", () => {
    cursorMark.setAttribute("visibility", "hidden");
    report(null);
  });
  svg.addEventListener("keydown", (event) => {
    const step = ((w.x[1] - w.x[0]) * KEY_STEP) * (event.shiftKey ? 5 : 1);
    const moves: Record<string, Point> = {ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step]};
    if (event.key in moves) {
      const [dx, dy] = moves[event.key];
      moveCursor([cursor[0] + dx, cursor[1] + dy]);
    } else if (event.key === "Enter" || event.key === " ") onPick?.(cursor);
    else return;
    event.preventDefault();
  });

  let ring: RingMarker | null = null;
  let selected: Point | null = null;
  let highlighted: NeuronRef | null = null;
  const self: ZoneMapChart = Object.assign(root, {
    setPartition(next: Partition, nextNet: Network) {
      partition = next;
      zones = next.zones;
      net = nextNet;
      label = labelOf(zones.length);
      svg.setAttribute("aria-label", label);
      drawPolygons();
      colorBy(coloring);
      findBoundaries();
      if (selected) self.select(selected);
      self.highlightUnit(highlighted);
      // The cursor's description is of the zone now under it.
      if (cursorMark.getAttribute("visibility") === "visible") moveCursor(cursor);
    },
    select(point: Point) {
      selected = point;
      const i = zoneIndexContaining(partition, point);
      outline.setAttribute("d", i < 0 ? "" : pathOf(zones[i].polygon, px, py, true));
      ring ??= ringMarker(chart, {r: 6});
      ring.move(point);
      svg.setAttribute("aria-label", i < 0 ? label : `${label} The selected point ${pointLabel(point)} lies in zone ${i + 1}.`);
    },
    highlightUnit(unit: NeuronRef | null) {
      highlighted = unit;
      highlight.replaceChildren();
      const found = unit && boundaries.find((b) => b.ref.layer === unit.layer && b.ref.unit === unit.unit);
      root.setAttribute("data-highlight", found ? `${found.ref.layer}-${found.ref.unit}` : "");
      if (!found) return;
      if (found.ref.layer === 1) {
        const j = found.ref.unit - 1;
        const [W, B] = [net.layers[0].weights, net.layers[0].biases];
        const half = halfPlaneInWindow(w, W[0][j], W[1][j], B[j]);
        if (half.length) {
          const shade = svgElement(doc, "path");
          shade.setAttribute("class", "active-half-plane");
          shade.setAttribute("d", pathOf(half, px, py, true));
          shade.setAttribute("fill", "currentColor");
          shade.setAttribute("fill-opacity", "0.18");
          highlight.append(shade);
        }
      }
      for (const [stroke, strokeWidth] of [["white", 6], ["currentColor", 3]] as const)
        for (const line of found.lines) {
          const path = svgElement(doc, "path");
          path.setAttribute("class", "unit-boundary");
          path.setAttribute("d", pathOf(line, px, py, false));
          path.setAttribute("fill", "none");
          path.setAttribute("stroke", stroke);
          path.setAttribute("stroke-width", String(strokeWidth));
          path.setAttribute("stroke-linejoin", "round");
          highlight.append(path);
        }
    },
    colorBy,
    moveCursor
  });
  return self;
}
