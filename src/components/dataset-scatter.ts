// The training samples in the (x1, x2) plane, coloured by target (the original's plotPoints),
// with the selected sample ringed and named in the title.
import * as Plot from "@observablehq/plot";
import type {Point} from "../lib/datasets.js";
import {fixed, pointLabel} from "../lib/format.js";
import {withoutMarkLabels} from "./plot-aria.js";

export interface DatasetScatterOptions {
  width: number;
  /** Index of the selected sample. */
  selected: number;
  document?: Document;
}

export function datasetScatter(data: {x: Point[]; y: number[]}, {width, selected, document}: DatasetScatterOptions) {
  const p = data.x[selected];
  const size = Math.min(width, 560);
  const title = `Sample ${selected} at ${pointLabel(p)}, target y = ${fixed(data.y[selected], 3)}`;
  return withoutMarkLabels(Plot.plot({
    width: size,
    height: size,
    document,
    title,
    ariaLabel: `Scatter of ${data.x.length} training samples coloured by target; ${title}`,
    x: {label: "x₁", domain: [-2.1, 2.1]},
    y: {label: "x₂", domain: [-2.1, 2.1]},
    color: {scheme: "Spectral", legend: true, label: "target y", reverse: false},
    marks: [
      Plot.dot(data.x, {x: "0", y: "1", fill: (_, i) => data.y[i], r: 2.5}),
      Plot.dot([p], {x: "0", y: "1", r: 9, stroke: "currentColor", strokeWidth: 2.5}),
      Plot.dot([p], {x: "0", y: "1", r: 12, stroke: "white", strokeWidth: 1})
    ]
  }));
}
