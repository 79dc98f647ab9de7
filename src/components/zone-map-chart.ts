// The input plane coloured by zone: each distinct activation mask gets its own colour. The chart is
// drawn once; select(point) darkens the cells of that point's zone and rings the point, without
// redrawing the thousands of cells (see plot-ring.ts for why).
import * as Plot from "@observablehq/plot";
import {interpolateSinebow} from "d3";
import type {Point} from "../lib/datasets.js";
import {maskKey, type ZoneMap} from "../lib/zone-map.js";
import {activationMask} from "../lib/regions.js";
import type {Network} from "../lib/network.js";
import {pointLabel} from "../lib/format.js";
import {withoutMarkLabels} from "./plot-aria.js";
import {plotWidth} from "./plot-width.js";
import {chartSvg, type PlotChart} from "./plot-click.js";
import {ringMarker, type RingMarker} from "./plot-ring.js";

export interface ZoneMapChartOptions {
  /** The network whose zones the map holds: select(point) finds the point's zone by its mask. */
  network: Network;
  width: number;
  document?: Document;
}

export type ZoneMapChart = PlotChart & {
  /** Darkens the zone of `point` and rings it. */
  select(point: Point): void;
};

/** Opacity of the cells of the selected zone and of all the others. */
const SELECTED_OPACITY = 1;
const OTHER_OPACITY = 0.35;

export function zoneMapChart(map: ZoneMap, {network: net, width, document}: ZoneMapChartOptions): ZoneMapChart {
  const half = map.step / 2;
  const rows = map.points.map((p, i) => ({x1: p[0] - half, x2: p[0] + half, y1: p[1] - half, y2: p[1] + half, zone: map.keys[i]}));
  const size = plotWidth(Math.min(width, 480));
  const range = -map.points[0][0];
  const label = `Zones of the network over [−${range}, ${range}]²: ${map.zones.length} distinct activation masks on a grid of ${map.points.length} points`;
  const chart = withoutMarkLabels(
    Plot.plot({
      width: size,
      height: size,
      document,
      title: `${map.zones.length} zones found in [−${range}, ${range}]²`,
      subtitle: "each colour is one activation pattern; the selected sample's zone is drawn dark",
      ariaLabel: label,
      x: {label: "x₁", domain: [-range - half, range + half]},
      y: {label: "x₂", domain: [-range - half, range + half]},
      // Hues stepped by the golden ratio stay distinct for any number of zones (a ten-colour
      // scheme would repeat colours once a network has more than ten).
      color: {type: "categorical", domain: map.zones, range: map.zones.map((_, i) => interpolateSinebow((i * 0.618034) % 1))},
      marks: [Plot.rect(rows, {x1: "x1", x2: "x2", y1: "y1", y2: "y2", fill: "zone", fillOpacity: OTHER_OPACITY, className: "zone-cells"}), Plot.frame()]
    })
  );
  const svg = chartSvg(chart)!;
  // Plot draws one rect per row, in row order; group them by zone so that a new selection only
  // touches the cells of the zone it leaves and of the zone it enters.
  const cells = Array.from(svg.querySelectorAll(".zone-cells rect"));
  const cellsOf = new Map<string, Element[]>(map.zones.map((z) => [z, []]));
  cells.forEach((cell, i) => cellsOf.get(map.keys[i])!.push(cell));
  const shade = (key: string | null, opacity: number) => {
    for (const cell of (key && cellsOf.get(key)) || []) cell.setAttribute("fill-opacity", String(opacity));
  };
  // Made by the first select(), as in first-layer-lines.ts: until a point is selected there is no
  // ring, rather than one at the svg's origin.
  let ring: RingMarker | null = null;
  let current: string | null = null;
  return Object.assign(chart, {
    select(point: Point) {
      const key = maskKey(activationMask(net, point));
      if (key !== current) {
        shade(current, OTHER_OPACITY);
        shade(key, SELECTED_OPACITY);
        current = key;
      }
      ring ??= ringMarker(chart, {r: 6});
      ring.move(point);
      svg.setAttribute("aria-label", `${label}; the selected point ${pointLabel(point)} has mask ${key}`);
    }
  });
}
