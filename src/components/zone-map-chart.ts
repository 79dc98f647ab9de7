// The input plane coloured by zone: each distinct activation mask gets its own colour, the zone of
// the selected point is outlined by drawing its cells darker, and the point itself is marked.
import * as Plot from "@observablehq/plot";
import type {Point} from "../lib/datasets.js";
import {maskKey, type ZoneMap} from "../lib/zone-map.js";
import {activationMask} from "../lib/regions.js";
import type {Network} from "../lib/network.js";
import {pointLabel} from "../lib/format.js";
import {withoutMarkLabels} from "./plot-aria.js";

export interface ZoneMapChartOptions {
  width: number;
  selected: Point;
  document?: Document;
}

export function zoneMapChart(net: Network, map: ZoneMap, {width, selected, document}: ZoneMapChartOptions) {
  const key = maskKey(activationMask(net, selected));
  const half = map.step / 2;
  const rows = map.points.map((p, i) => ({x1: p[0] - half, x2: p[0] + half, y1: p[1] - half, y2: p[1] + half, zone: map.keys[i], mine: map.keys[i] === key}));
  const size = Math.min(width, 480);
  const range = -map.points[0][0];
  return withoutMarkLabels(Plot.plot({
    width: size,
    height: size,
    document,
    title: `${map.zones.length} zones found in [−${range}, ${range}]²`,
    subtitle: `each colour is one activation pattern; the zone of ${pointLabel(selected)} (mask ${key}) is dark`,
    ariaLabel: `Zones of the network over [−${range}, ${range}]²: ${map.zones.length} distinct activation masks on a grid; the selected point ${pointLabel(selected)} has mask ${key}`,
    x: {label: "x₁", domain: [-range - half, range + half]},
    y: {label: "x₂", domain: [-range - half, range + half]},
    color: {type: "categorical", scheme: "Tableau10", domain: map.zones},
    marks: [
      Plot.rect(rows, {x1: "x1", x2: "x2", y1: "y1", y2: "y2", fill: "zone", fillOpacity: (d) => (d.mine ? 1 : 0.35)}),
      Plot.dot([selected], {x: "0", y: "1", r: 6, fill: "white", stroke: "black", strokeWidth: 2}),
      Plot.frame()
    ]
  }));
}
