// Training curves: the original's loss history (each epoch's last mini-batch) and the MSE over the
// whole dataset after each epoch, on a log scale, titled with the model description.
import * as Plot from "@observablehq/plot";
import {describeModel} from "../lib/spec.js";
import type {Snapshot} from "../lib/snapshot.js";
import {sig} from "../lib/format.js";
import {withoutMarkLabels} from "./plot-aria.js";
import {plotWidth} from "./plot-width.js";

export interface LossHistoryOptions {
  width: number;
  document?: Document;
}

/**
 * A power of ten as the axis writes it: in decimal ("0.001", "0.01", "1", "10"), never with an SI
 * prefix ("1m" reads as a metre or a million to most readers).
 */
export function decadeLabel(v: number): string {
  const k = Math.round(Math.log10(v));
  return k < 0 ? v.toFixed(-k) : String(v);
}

/**
 * The decades 10^k of a log axis over values in [lo, hi] (lo > 0): from the power of ten at or below
 * the smallest value to the one at or above the largest, so that every decade the data touches,
 * including the one holding the final loss, has a labelled tick at each end.
 */
export function decades(lo: number, hi: number): number[] {
  const first = Math.floor(Math.log10(lo));
  const last = Math.max(first + 1, Math.ceil(Math.log10(hi)));
  // 10 ** k is exact for integer k >= 0; for k < 0, 1 / 10 ** -k is the nearest double to 10^k.
  return Array.from({length: last - first + 1}, (_, n) => {
    const k = first + n;
    return k < 0 ? 1 / 10 ** -k : 10 ** k;
  });
}

export function lossHistory(snapshot: Snapshot, {width, document}: LossHistoryOptions) {
  const rows = snapshot.lossHistory.flatMap((loss, e) => [
    {epoch: e + 1, value: loss, series: "last mini-batch loss"},
    {epoch: e + 1, value: snapshot.mseHistory[e], series: "MSE over the dataset"}
  ]);
  const last = snapshot.lossHistory.length - 1;
  const values = rows.map((r) => r.value);
  const ticks = decades(Math.min(...values), Math.max(...values));
  // Unlabelled grid lines at 2..9 × 10^k, so values between two labelled decades can be read.
  const minor = ticks.slice(0, -1).flatMap((d) => [2, 3, 4, 5, 6, 7, 8, 9].map((m) => m * d));
  return withoutMarkLabels(Plot.plot({
    width: plotWidth(width),
    height: 260,
    document,
    title: describeModel(snapshot.spec),
    subtitle: `final last-batch loss ${sig(snapshot.lossHistory[last])}, final dataset MSE ${sig(snapshot.mseHistory[last])}`,
    ariaLabel: `Loss per epoch for ${snapshot.spec.title}`,
    x: {label: "epoch"},
    // The domain runs from decade to decade: both ends are labelled powers of ten.
    y: {type: "log", label: "loss (log scale)", domain: [ticks[0], ticks[ticks.length - 1]], ticks, tickFormat: decadeLabel, grid: true},
    color: {legend: true, domain: ["last mini-batch loss", "MSE over the dataset"], range: ["#4269d0", "#ff725c"]},
    marks: [Plot.gridY(minor, {strokeOpacity: 0.04}), Plot.line(rows, {x: "epoch", y: "value", stroke: "series", strokeWidth: 1.5})]
  }));
}
