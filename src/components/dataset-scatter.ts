// The training samples in the (x1, x2) plane, coloured by target (the original's plotPoints). The
// chart is drawn once; select(i) rings sample i and names it in the title and the text alternative,
// without redrawing the thousands of dots (see plot-ring.ts).
import * as Plot from "@observablehq/plot";
import type {Point} from "../lib/datasets.js";
import {fixed, pointLabel} from "../lib/format.js";
import {tidyPlot} from "./plot-tidy.js";
import {plotWidth} from "./plot-width.js";
import {chartSvg, type PlotChart} from "./plot-click.js";
import {ringMarker} from "./plot-ring.js";

export interface DatasetScatterOptions {
  width: number;
  document?: Document;
}

export type DatasetScatter = PlotChart & {
  /** Rings sample i and names it in the title. */
  select(i: number): void;
};

export function datasetScatter(data: {x: Point[]; y: number[]}, {width, document}: DatasetScatterOptions): DatasetScatter {
  const size = plotWidth(Math.min(width, 560));
  const describe = (i: number) => `Sample ${i} at ${pointLabel(data.x[i])}, target y = ${fixed(data.y[i], 3)}`;
  const chart = tidyPlot(
    Plot.plot({
      width: size,
      height: size,
      document,
      title: describe(0),
      x: {label: "x₁", domain: [-2.1, 2.1]},
      y: {label: "x₂", domain: [-2.1, 2.1]},
      color: {scheme: "Spectral", legend: true, label: "target y"},
      marks: [Plot.dot(data.x, {x: "0", y: "1", fill: (_, i) => data.y[i], r: 2.5})]
    })
  );
  const svg = chartSvg(chart)!;
  const heading = chart.querySelector("h2");
  const ring = ringMarker(chart, {r: 9});
  const scatter = Object.assign(chart, {
    select(i: number) {
      const text = describe(i);
      if (heading) heading.textContent = text;
      svg.setAttribute("aria-label", `Scatter of ${data.x.length} training samples coloured by target; ${text}`);
      ring.move(data.x[i]);
    }
  });
  scatter.select(0);
  return scatter;
}
