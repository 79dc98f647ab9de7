// One zone of a one-hidden-layer ReLU network: the article's four steps, then the chart of the zone's
// linear function against the truth.
import type {DatasetName, Point} from "../lib/datasets.js";
import type {Network} from "../lib/network.js";
import {zoneStepsView} from "./zone-steps.js";
import {localLinearChart} from "./local-linear-chart.js";
import {h} from "./dom.js";

export interface ZoneViewOptions {
  width: number;
  dataset: DatasetName;
  /** Direction of the chart's segment through the zone's point. */
  direction: Point;
  /** Half-length of the segment along x1. */
  reach?: number;
  document?: Document;
}

export function zoneView(net: Network, point: Point, {width, dataset, direction, reach = 1.6, document = globalThis.document}: ZoneViewOptions): HTMLElement {
  return h(
    document,
    "div",
    {class: "zone-view"},
    zoneStepsView(net, point, {document}),
    localLinearChart(net, {width, dataset, point, direction, x1Range: [point[0] - reach, point[0] + reach], document})
  );
}
