// The line each first-layer unit draws in the input plane, W0[:, j]·x + b0[j] = 0, on [-3, 3]^2.
// On one side of its line a ReLU unit is active (z > 0), on the other it is silent; together the
// lines cut the plane into zones. The zone of the selected point is shaded (one hidden layer only).
import * as Plot from "@observablehq/plot";
import type {Point} from "../lib/datasets.js";
import {clipLine, firstLayerLines, zonePolygon} from "../lib/regions.js";
import type {Network} from "../lib/network.js";
import {fixed, pointLabel} from "../lib/format.js";
import {withoutMarkLabels} from "./plot-aria.js";

export interface FirstLayerLinesOptions {
  width: number;
  /** Half-width of the square drawn, 3 as in the article. */
  range?: number;
  /** Points to mark (e.g. the selected sample and the zone centres), with labels. */
  marks?: {point: Point; label: string}[];
  /** Shade the zone containing this point. */
  zoneOf?: Point | null;
  document?: Document;
}

export const LINE_COLORS = ["#4269d0", "#efb118", "#3ca951", "#ff725c", "#a463f2", "#97bbf5", "#9c6b4e", "#6cc5b0"];

export function firstLayerLinesChart(net: Network, {width, range = 3, marks = [], zoneOf = null, document}: FirstLayerLinesOptions) {
  const lines = firstLayerLines(net);
  const segments = lines.map((l) => ({unit: `line ${l.unit}`, pts: clipLine(l, range), line: l})).filter((s) => s.pts.length === 2);
  const zone = zoneOf && net.layers.length === 2 ? zonePolygon(net, zoneOf, range) : [];
  const size = Math.min(width, 480);
  const describe = lines.map((l) => `line ${l.unit}: ${fixed(l.w1, 3)}·x₁ + ${fixed(l.w2, 3)}·x₂ + ${fixed(l.b, 3)} = 0`).join("; ");
  return withoutMarkLabels(Plot.plot({
    width: size,
    height: size,
    document,
    title: "Where each first-layer unit switches on",
    ariaLabel: `First-layer lines on [−${range}, ${range}]²: ${describe}${zoneOf ? `; shaded: the zone containing ${pointLabel(zoneOf)}` : ""}`,
    x: {label: "x₁", domain: [-range, range]},
    y: {label: "x₂", domain: [-range, range]},
    grid: true,
    color: {legend: true, domain: lines.map((l) => `line ${l.unit}`), range: LINE_COLORS},
    marks: [
      // A closed line with a fill is the zone's polygon.
      zone.length >= 3
        ? Plot.line([...zone, zone[0]], {x: "0", y: "1", fill: "currentColor", fillOpacity: 0.08, stroke: "currentColor", strokeOpacity: 0.4, strokeDasharray: "3,3"})
        : null,
      Plot.rect([{}], {x1: -2, x2: 2, y1: -2, y2: 2, stroke: "currentColor", strokeOpacity: 0.3, fill: "none"}),
      ...segments.map((s) => Plot.line(s.pts, {x: "0", y: "1", stroke: () => s.unit, strokeWidth: 2})),
      Plot.text(segments, {
        // The number sits just inside the square, near the line's second end.
        x: (s) => 0.93 * s.pts[1][0] + 0.07 * s.pts[0][0],
        y: (s) => 0.93 * s.pts[1][1] + 0.07 * s.pts[0][1],
        text: (s) => s.unit.replace("line ", ""),
        fill: "unit",
        stroke: "var(--theme-background, white)",
        fontWeight: "bold",
        fontSize: 13
      }),
      Plot.dot(marks, {x: (m) => m.point[0], y: (m) => m.point[1], r: 4, fill: "currentColor"}),
      Plot.text(marks, {x: (m) => m.point[0], y: (m) => m.point[1], text: "label", dy: -10, fontSize: 11})
    ]
  }));
}
