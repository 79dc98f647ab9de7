// A layer's weight matrix (and its biases) as a labelled heatmap: rows are inputs, columns are units,
// units numbered 1.. as the flow diagram counts them. Cells are coloured by the parameter scale, the
// one the flow diagram's edges and bias boxes use, and its legend is the same parameter legend.
import * as Plot from "@observablehq/plot";
import type {Layer} from "../lib/network.js";
import {fixed, inputName} from "../lib/format.js";
import {parameterLegend} from "./color-legend.js";
import {textColorFor} from "./palettes.js";
import {magnitudeMax, parameterScale} from "./parameter-scale.js";
import {withoutMarkLabels} from "./plot-aria.js";

export interface WeightHeatmapOptions {
  width: number;
  /** Names of the rows (inputs), e.g. ["x₁", "x₂"]. */
  inputNames?: string[];
  /** Include the biases as a last row. */
  biases?: boolean;
  /**
   * The end of the colour scale, ±max (default: the largest |value| shown). Pass the largest |w|
   * and |b| of the whole network to colour each weight exactly as the flow diagram's edges do in
   * "weight" mode.
   */
  max?: number;
  title?: string;
  document?: Document;
}

/** Decimals of the numbers in the cells and on the legend. */
const DIGITS = 3;

export function weightHeatmap(
  layer: Layer,
  {width, inputNames, biases = true, max, title = "First-layer weights W0 and biases b0", document}: WeightHeatmapOptions
) {
  const names = inputNames ?? layer.weights.map((_, i) => inputName(i));
  const rows = layer.weights.flatMap((row, i) => row.map((w, j) => ({row: names[i], unit: `unit ${j + 1}`, value: w})));
  if (biases) rows.push(...layer.biases.map((b, j) => ({row: "bias", unit: `unit ${j + 1}`, value: b})));
  const scale = parameterScale(max ?? magnitudeMax(rows.map((r) => r.value)));
  const rowNames = [...names, ...(biases ? ["bias"] : [])];
  const chartWidth = Math.min(width, 140 + 90 * layer.biases.length);
  // Fills are CSS colours from the parameter scale, which Plot draws as given (no scale of its own).
  const fill = (d: {value: number}) => scale.color(d.value);
  const chart = withoutMarkLabels(
    Plot.plot({
      width: chartWidth,
      height: 40 + 44 * rowNames.length,
      document,
      title,
      ariaLabel: `${title}: ${rows.map((r) => `${r.row} to ${r.unit} ${fixed(r.value, DIGITS)}`).join("; ")}`,
      marginLeft: 50,
      x: {label: null, axis: "top", domain: layer.biases.map((_, j) => `unit ${j + 1}`)},
      y: {label: null, domain: rowNames},
      marks: [
        Plot.cell(rows, {x: "unit", y: "row", fill, inset: 1}),
        // Each number in whichever of near-black and white contrasts more with its cell.
        Plot.text(rows, {x: "unit", y: "row", text: (d) => fixed(d.value, DIGITS), fill: (d) => textColorFor(fill(d))})
      ]
    })
  );
  const doc = chart.ownerDocument;
  const legend = parameterLegend(scale, {
    document: doc,
    width: Math.min(chartWidth, 240),
    digits: DIGITS,
    className: "parameter-legend",
    mode: "weight",
    title: "Weight or bias: blue positive, red negative, deeper when larger (the flow diagram's colours).",
    widths: false
  });
  // The legend goes where Plot puts its own: after the title, before the chart (in a figure of
  // our own when Plot returned a bare svg, i.e. without a title).
  if (chart.tagName.toLowerCase() === "svg") {
    const figure = doc.createElement("figure");
    figure.append(legend, chart);
    return figure;
  }
  chart.insertBefore(legend, [...chart.children].find((c) => c.tagName.toLowerCase() === "svg") ?? null);
  return chart;
}
