// The zones of a network, for any page: for a piecewise-linear activation (ReLU) the map of its
// zones over the data square and, for the selected point, its zone's affine function y ≈ a·x1 +
// b·x2 + c against the network and the truth along a segment; for a smooth activation, a note that
// says why there are no such zones. select(point) follows the page's sample.
import type {DatasetName, Point} from "../lib/datasets.js";
import {SAMPLE_RANGE} from "../lib/datasets.js";
import type {Network} from "../lib/network.js";
import {ACTIVATIONS} from "../lib/activations.js";
import {localLinear} from "../lib/regions.js";
import {zoneMap} from "../lib/zone-map.js";
import {fixed, linearFormula} from "../lib/format.js";
import {plural} from "../lib/prose.js";
import {zoneMapChart} from "./zone-map-chart.js";
import {localLinearChart} from "./local-linear-chart.js";
import {h} from "./dom.js";

export interface ZoneExplorerOptions {
  width: number;
  dataset: DatasetName;
  /** Grid points per axis of the sampled zone map. */
  gridSize?: number;
  /** Direction of the segment through the selected point (default slope ½). */
  direction?: Point;
  document?: Document;
}

export interface ZoneExplorer extends HTMLElement {
  select(point: Point): void;
}

/** Half-length along x1 of the segment through the point, and how far past the data it may reach. */
const REACH = 1.6;
const SEGMENT_LIMIT = SAMPLE_RANGE + 0.5;

export function zoneExplorer(net: Network, {width, dataset, gridSize = 61, direction = [1, 0.5], document: doc = document}: ZoneExplorerOptions): ZoneExplorer {
  if (!ACTIVATIONS[net.activation].piecewiseLinear) {
    const note = h(
      doc,
      "p",
      {class: "zone-note"},
      `Zones where the network is exactly linear exist only for piecewise-linear activations such as the ReLU. ` +
        `This network uses ${net.activation}, ${ACTIVATIONS[net.activation].formula}, which curves everywhere, so its output is nowhere exactly linear.`
    );
    return Object.assign(note, {select: () => {}});
  }
  const map = zoneMap(net, SAMPLE_RANGE, gridSize);
  const chart = zoneMapChart(map, {network: net, width, document: doc});
  const formula = h(doc, "p", {class: "zone-formula"});
  const segment = h(doc, "div", {class: "zone-segment"});
  const count = h(
    doc,
    "p",
    {},
    `Sampling the data square on a grid of ${gridSize} × ${gridSize} points finds ${plural(map.zones.length, "distinct activation pattern")}, ` +
      `each one a zone with its own linear function (zones narrower than the grid step may be missed).`
  );
  const root = h(doc, "div", {class: "zone-explorer"}, count, chart, formula, segment);
  return Object.assign(root, {
    select(point: Point) {
      chart.select(point);
      const {a, b, c} = localLinear(net, point);
      formula.textContent = `In the zone of (${fixed(point[0], 3)}, ${fixed(point[1], 3)}): y ≈ ${linearFormula(a, b, c)}`;
      const x1Range: [number, number] = [Math.max(-SEGMENT_LIMIT, point[0] - REACH), Math.min(SEGMENT_LIMIT, point[0] + REACH)];
      segment.replaceChildren(localLinearChart(net, {width, dataset, point, direction, x1Range, document: doc}));
    }
  });
}
