// A model's output over the estimate grid as filled contours (the original's plotModelEstimate),
// or the truth, or the error, with the training samples on top. The selected sample is marked by
// a ring added afterwards (plot-ring.ts), so that selecting another sample does not redraw this.
import * as Plot from "@observablehq/plot";
import {TARGET_TEXT, type Point} from "../lib/datasets.js";
import type {GridEstimate} from "../lib/estimate.js";
import {sig} from "../lib/format.js";
import {withoutMarkLabels} from "./plot-aria.js";
import {plotWidth} from "./plot-width.js";

export type EstimateKind = "estimate" | "truth" | "error";

export interface ModelEstimateOptions {
  width: number;
  kind: EstimateKind;
  samples: readonly Point[];
  document?: Document;
}

const title = (kind: EstimateKind, est: GridEstimate) =>
  kind === "estimate" ? "Network estimate" : kind === "truth" ? `Ground truth ${TARGET_TEXT[est.dataset]}` : "Error: estimate − truth";

export function modelEstimate(est: GridEstimate, {width, kind, samples, document}: ModelEstimateOptions) {
  const {x1, x2} = est.grid;
  // Grid values sit at cell centres: widen the extent by half a step on each side.
  const h1 = (x1[1] - x1[0]) / 2;
  const h2 = (x2[1] - x2[0]) / 2;
  const values = est[kind];
  // Estimate and truth share one colour domain so the two panels compare; the error is diverging.
  const shared = [Math.min(...est.estimate, ...est.truth), Math.max(...est.estimate, ...est.truth)];
  const maxErr = Math.max(...est.error.map(Math.abs));
  const color =
    kind === "error"
      ? {type: "diverging" as const, scheme: "RdBu" as const, domain: [-maxErr, maxErr], legend: true, label: "error"}
      : {scheme: "Spectral" as const, domain: shared, legend: true, label: "y"};
  const size = plotWidth(Math.min(width, 420));
  const summary = kind === "error" ? `largest |error| ${sig(maxErr, 3)}` : `range ${sig(Math.min(...values), 3)} to ${sig(Math.max(...values), 3)}`;
  return withoutMarkLabels(Plot.plot({
    width: size,
    height: size,
    document,
    title: title(kind, est),
    subtitle: summary,
    ariaLabel: `${title(kind, est)} over [${sig(x1[0], 2)}, ${sig(x1[x1.length - 1], 2)}]², ${summary}`,
    x: {label: "x₁", domain: [x1[0] - h1, x1[x1.length - 1] + h1]},
    y: {label: "x₂", domain: [x2[0] - h2, x2[x2.length - 1] + h2]},
    color,
    marks: [
      Plot.contour(values, {
        width: x1.length,
        height: x2.length,
        x1: x1[0] - h1,
        x2: x1[x1.length - 1] + h1,
        y1: x2[0] - h2,
        y2: x2[x2.length - 1] + h2,
        fill: Plot.identity,
        thresholds: 16,
        // Named, so that estimate-panels.ts can swap the contours of another epoch in place.
        className: "estimate-contour",
        stroke: "white",
        strokeOpacity: 0.25
      }),
      Plot.dot(samples, {x: "0", y: "1", r: 0.8, fill: "currentColor", fillOpacity: 0.35}),
      Plot.frame()
    ]
  }));
}
