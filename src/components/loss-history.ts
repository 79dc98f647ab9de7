// Training curves: the original's loss history (each epoch's last mini-batch) and the MSE over the
// whole dataset after each epoch, on a log scale, titled with the model description.
import * as Plot from "@observablehq/plot";
import {describeModel} from "../lib/spec.js";
import type {Snapshot} from "../lib/snapshot.js";
import {sig} from "../lib/format.js";
import {withoutMarkLabels} from "./plot-aria.js";

export interface LossHistoryOptions {
  width: number;
  document?: Document;
}

export function lossHistory(snapshot: Snapshot, {width, document}: LossHistoryOptions) {
  const rows = snapshot.lossHistory.flatMap((loss, e) => [
    {epoch: e + 1, value: loss, series: "last mini-batch loss"},
    {epoch: e + 1, value: snapshot.mseHistory[e], series: "MSE over the dataset"}
  ]);
  const last = snapshot.lossHistory.length - 1;
  return withoutMarkLabels(Plot.plot({
    width,
    height: 260,
    document,
    title: describeModel(snapshot.spec),
    subtitle: `final last-batch loss ${sig(snapshot.lossHistory[last])}, final dataset MSE ${sig(snapshot.mseHistory[last])}`,
    ariaLabel: `Loss per epoch for ${snapshot.spec.title}`,
    x: {label: "epoch"},
    y: {type: "log", label: "loss (log scale)", grid: true},
    color: {legend: true, domain: ["last mini-batch loss", "MSE over the dataset"], range: ["#4269d0", "#ff725c"]},
    marks: [Plot.line(rows, {x: "epoch", y: "value", stroke: "series", strokeWidth: 1.5})]
  }));
}
