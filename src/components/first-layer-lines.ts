// The line each first-layer unit draws in the input plane, W0[:, j]·x + b0[j] = 0, on [-3, 3]^2.
// On one side of its line a ReLU unit is active (z > 0), on the other it is silent; together the
// lines cut the plane into zones. The zone of a point is shaded (one hidden layer only): either a
// fixed point (zoneOf), or the selected sample through select(point), which moves the shading and a
// ring without redrawing the chart (see plot-ring.ts).
import * as Plot from "@observablehq/plot";
import {SAMPLE_RANGE, type Point} from "../lib/datasets.js";
import {clipLine, firstLayerLines, zonePolygon} from "../lib/regions.js";
import type {Network} from "../lib/network.js";
import {fixed, pointLabel} from "../lib/format.js";
import {withoutMarkLabels} from "./plot-aria.js";
import {plotWidth} from "./plot-width.js";
import {svgElement} from "./dom.js";
import {chartSvg, type PlotChart} from "./plot-click.js";
import {ringMarker, type RingMarker} from "./plot-ring.js";

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

const LINE_COLORS = ["#4269d0", "#efb118", "#3ca951", "#ff725c", "#a463f2", "#97bbf5", "#9c6b4e", "#6cc5b0"];

export type FirstLayerLinesChart = PlotChart & {
  /** Shades the zone of `point` and rings it. */
  select(point: Point): void;
};

export function firstLayerLinesChart(net: Network, {width, range = 3, marks = [], zoneOf = null, document}: FirstLayerLinesOptions): FirstLayerLinesChart {
  const lines = firstLayerLines(net);
  const segments = lines.map((l) => ({unit: `line ${l.unit}`, pts: clipLine(l, range), line: l})).filter((s) => s.pts.length === 2);
  const zone = zoneOf && net.layers.length === 2 ? zonePolygon(net, zoneOf, range) : [];
  const size = plotWidth(Math.min(width, 480));
  const describe = lines.map((l) => `line ${l.unit}: ${fixed(l.w1, 3)}·x₁ + ${fixed(l.w2, 3)}·x₂ + ${fixed(l.b, 3)} = 0`).join("; ");
  const label = `First-layer lines on [−${range}, ${range}]²: ${describe}`;
  const chart = withoutMarkLabels(Plot.plot({
    width: size,
    height: size,
    document,
    title: "Where each first-layer unit switches on",
    ariaLabel: `${label}${zoneOf ? `; shaded: the zone containing ${pointLabel(zoneOf)}` : ""}`,
    x: {label: "x₁", domain: [-range, range]},
    y: {label: "x₂", domain: [-range, range]},
    grid: true,
    color: {legend: true, domain: lines.map((l) => `line ${l.unit}`), range: LINE_COLORS},
    marks: [
      // A closed line with a fill is the zone's polygon.
      zone.length >= 3
        ? Plot.line([...zone, zone[0]], {x: "0", y: "1", fill: "currentColor", fillOpacity: 0.08, stroke: "currentColor", strokeOpacity: 0.4, strokeDasharray: "3,3"})
        : null,
      Plot.rect([{}], {x1: -SAMPLE_RANGE, x2: SAMPLE_RANGE, y1: -SAMPLE_RANGE, y2: SAMPLE_RANGE, stroke: "currentColor", strokeOpacity: 0.3, fill: "none", className: "data-square"}),
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

  // The selected zone: a path under the lines, redrawn from the zone's polygon on each select().
  const svg = chartSvg(chart)!;
  const x = chart.scale("x")!;
  const y = chart.scale("y")!;
  const shade = svgElement(svg.ownerDocument, "path");
  shade.setAttribute("class", "selected-zone");
  shade.setAttribute("fill", "currentColor");
  shade.setAttribute("fill-opacity", "0.08");
  shade.setAttribute("stroke", "currentColor");
  shade.setAttribute("stroke-opacity", "0.4");
  shade.setAttribute("stroke-dasharray", "3,3");
  svg.insertBefore(shade, svg.querySelector(".data-square"));
  // The ring is made by the first select(): a ring made now would sit at the svg's origin (its
  // circles have no centre until moved), a stray ring in the top left corner of a chart that
  // never selects, such as one drawn with a fixed zoneOf.
  let ring: RingMarker | null = null;
  return Object.assign(chart, {
    select(point: Point) {
      const poly = net.layers.length === 2 ? zonePolygon(net, point, range) : [];
      shade.setAttribute("d", poly.length >= 3 ? `M${poly.map((q) => `${x.apply(q[0])},${y.apply(q[1])}`).join("L")}Z` : "");
      ring ??= ringMarker(chart, {r: 6});
      ring.move(point);
      svg.setAttribute("aria-label", `${label}; shaded and ringed: the zone containing the selected point ${pointLabel(point)}`);
    }
  });
}
