// One zone of a one-hidden-layer ReLU network: the article's four steps, then the chart of the zone's
// linear function against the truth. The zone's formula is written once, as the steps' conclusion;
// the chart, which would repeat it as its title, is titled by what it shows instead.
import type {DatasetName, Point} from "../lib/datasets.js";
import type {Network} from "../lib/network.js";
import {zoneStepsView} from "./zone-steps.js";
import {localLinearChart} from "./local-linear-chart.js";
import {h} from "./dom.js";

export interface ZoneViewOptions {
  width: number;
  /** A point of the zone, through which the chart's segment runs. */
  point: Point;
  dataset: DatasetName;
  /** Direction of the chart's segment through the zone's point. */
  direction: Point;
  /** Half-length of the segment along x1. */
  reach?: number;
  /** A segment x2 = slope·x1 for x1 in [x1From, x1To] to chart along instead (the article's), beside the zone's point. */
  segment?: {slope: number; x1From: number; x1To: number};
  /**
   * Write the zone's formula after the steps (default true). A page whose prose already states it
   * beside the view passes false, so a reader meets it once.
   */
  formula?: boolean;
  document?: Document;
}

export function zoneView(net: Network, {width, point, dataset, direction, reach = 1.6, segment, formula = true, document: doc = document}: ZoneViewOptions): HTMLElement {
  const along = segment
    ? {point: [(segment.x1From + segment.x1To) / 2, (segment.slope * (segment.x1From + segment.x1To)) / 2] as Point, direction: [1, segment.slope] as Point, x1Range: [segment.x1From, segment.x1To] as [number, number], zone: point}
    : {point, direction, x1Range: [point[0] - reach, point[0] + reach] as [number, number]};
  return h(
    doc,
    "div",
    {class: "zone-view"},
    zoneStepsView(net, {point, formula, document: doc}),
    localLinearChart(net, {
      width,
      dataset,
      ...along,
      title: "The zone's linear function against the truth",
      document: doc
    })
  );
}
