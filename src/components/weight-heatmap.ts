// A layer's weight matrix (and its biases) as a labelled heatmap: rows are inputs, columns are units,
// units numbered 1.. as the flow diagram counts them.
import * as Plot from "@observablehq/plot";
import type {Layer} from "../lib/network.js";
import {fixed} from "../lib/format.js";
import {withoutMarkLabels} from "./plot-aria.js";

export interface WeightHeatmapOptions {
  width: number;
  /** Names of the rows (inputs), e.g. ["x₁", "x₂"]. */
  inputNames?: string[];
  /** Include the biases as a last row. */
  biases?: boolean;
  title?: string;
  document?: Document;
}

export function weightHeatmap(layer: Layer, {width, inputNames, biases = true, title = "First-layer weights W0 and biases b0", document}: WeightHeatmapOptions) {
  const names = inputNames ?? layer.weights.map((_, i) => `x${"₁₂₃₄₅₆₇₈₉"[i] ?? i + 1}`);
  const rows = layer.weights.flatMap((row, i) => row.map((w, j) => ({row: names[i], unit: `unit ${j + 1}`, value: w})));
  if (biases) rows.push(...layer.biases.map((b, j) => ({row: "bias", unit: `unit ${j + 1}`, value: b})));
  const max = Math.max(...rows.map((r) => Math.abs(r.value)));
  const rowNames = [...names, ...(biases ? ["bias"] : [])];
  return withoutMarkLabels(Plot.plot({
    width: Math.min(width, 140 + 90 * layer.biases.length),
    height: 40 + 44 * rowNames.length,
    document,
    title,
    ariaLabel: `${title}: ${rows.map((r) => `${r.row} to ${r.unit} ${fixed(r.value, 3)}`).join("; ")}`,
    marginLeft: 50,
    x: {label: null, axis: "top", domain: layer.biases.map((_, j) => `unit ${j + 1}`)},
    y: {label: null, domain: rowNames},
    color: {type: "diverging", scheme: "PuOr", domain: [-max, max], legend: true, label: "value"},
    marks: [
      Plot.cell(rows, {x: "unit", y: "row", fill: "value", inset: 1}),
      // Light text on the dark ends of the scale, dark text in the pale middle.
      Plot.text(rows, {x: "unit", y: "row", text: (d) => fixed(d.value, 3), fill: "white", filter: (d) => Math.abs(d.value) > 0.55 * max}),
      Plot.text(rows, {x: "unit", y: "row", text: (d) => fixed(d.value, 3), fill: "black", filter: (d) => Math.abs(d.value) <= 0.55 * max})
    ]
  }));
}
