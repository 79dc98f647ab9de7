// A zone's local linear function against the ground truth along a segment through the zone, as the
// article draws them. Along p + t·d the network output, the local function and the truth are plotted
// against x1; the stretch where the zone's mask holds (so the network equals its local function
// exactly, for ReLU) is shaded.
import * as Plot from "@observablehq/plot";
import {linspace, targetGradient, TARGETS, type DatasetName, type Point} from "../lib/datasets.js";
import {predict, type Network} from "../lib/network.js";
import {activationMask, localLinear, masksEqual, zoneInterval} from "../lib/regions.js";
import {fixed, linearFormula, pointLabel} from "../lib/format.js";
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

/** The series name of the truth's tangent line. */
const TANGENT = "truth's tangent";

export function localLinearChart(net: Network, {width, dataset, point, direction, x1Range, title, tangent = false, zone: zonePoint = point, document}: LocalLinearChartOptions) {
  if (direction[0] === 0) throw new RangeError("localLinearChart: the direction's x1 component must not be 0");
  const f = TARGETS[dataset];
  const {a, b, c} = localLinear(net, zonePoint);
  // Parametrise by x1: t = (x1 - p1) / d1, x2 = p2 + t·d2.
  const at = (x1: number): Point => [x1, point[1] + ((x1 - point[0]) / direction[0]) * direction[1]];
  const xs = linspace(x1Range[0], x1Range[1], 121);
  const [ga, gb] = targetGradient(dataset, point);
  const fp = f(point[0], point[1]);
  const rows = xs.flatMap((x1) => {
    const q = at(x1);
    const row = [
      {x1, y: a * q[0] + b * q[1] + c, series: "local linear function"},
      {x1, y: f(q[0], q[1]), series: "ground truth"},
      {x1, y: predict(net, q), series: "network output"}
    ];
    return tangent ? [...row, {x1, y: fp + ga * (q[0] - point[0]) + gb * (q[1] - point[1]), series: TANGENT}] : row;
  });
  const series = ["local linear function", "ground truth", "network output", ...(tangent ? [TANGENT] : [])];
  const unit: Point = [1, direction[1] / direction[0]];
  // Where along the segment the zone's mask holds: around `point` exactly (zoneInterval), or, for a
  // segment beside the zone's point, the runs of the sampled x1 where the mask is the zone's.
  const zones = zonePoint === point ? [zoneAround(net, point, unit, x1Range)] : zoneRuns(net, zonePoint, xs, at);
  // The segment as x2 = p2 + m·(x1 − p1), written with signed terms: "x₂ = 1.00 − 0.50·(x₁ + 1.00)".
  const slope = direction[1] / direction[0];
  const signed = (v: number) => `${v < 0 ? "−" : "+"} ${fixed(Math.abs(v), 2)}`;
  const shift = point[0] === 0 ? "x₁" : `(x₁ ${signed(-point[0])})`;
  const segment = slope === 0 ? `x₂ = ${fixed(point[1], 2)}` : `x₂ = ${fixed(point[1], 2)} ${signed(slope)}·${shift}`;
  return tidyPlot(Plot.plot({
    width: plotWidth(Math.min(width, 520)),
    height: 260,
    document,
    title: title ?? `y ≈ ${linearFormula(a, b, c)}`,
    subtitle: `along ${segment}; ${shadingNote(zonePoint === point, zones.length > 0, pointLabel(zonePoint))}`,
    ariaLabel: `Local linear function y ≈ ${linearFormula(a, b, c)} of the zone containing ${pointLabel(zonePoint)}, against the ground truth and the network output along ${segment}`,
    x: {label: "x₁", domain: x1Range},
    y: {label: "y", grid: true},
    color: {legend: true, domain: series, range: ["#4269d0", "#ff725c", "#3ca951", "#a463f2"].slice(0, series.length)},
    marks: [
      // A rect with only x1 and x2 spans the whole frame height.
      Plot.rect(zones, {x1: "x1", x2: "x2", fill: "currentColor", fillOpacity: 0.07}),
      Plot.line(rows, {x: "x1", y: "y", stroke: "series", strokeWidth: 2, filter: (d) => d.series !== "network output" && d.series !== TANGENT}),
      Plot.line(rows, {x: "x1", y: "y", stroke: "series", strokeWidth: 2, strokeDasharray: "4,3", filter: (d) => d.series === "network output"}),
      ...(tangent ? [Plot.line(rows, {x: "x1", y: "y", stroke: "series", strokeWidth: 1.5, strokeDasharray: "1,3", filter: (d) => d.series === TANGENT})] : []),
      Plot.dot(zonePoint === point ? [{x1: point[0], y: predict(net, point)}] : [], {x: "x1", y: "y", r: 4, fill: "currentColor"})
    ]
  }));
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
