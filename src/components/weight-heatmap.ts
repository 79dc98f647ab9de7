// A layer's weight matrix (and its biases) as a labelled heatmap: rows are inputs, columns are units,
// units numbered 1.. as the flow diagram counts them.
//
// Its colours follow a palette option. By default, viridis from the smallest value shown to the
// largest: what the article's `plt.imshow(W0)` draws (matplotlib's default colormap and its default
// normalisation, min to max of the array), through the same palette code as the flow diagram's
// neuron fills (palettes.ts). Or "weights (diagram colours)": the parameter scale the flow diagram's
// edges and bias boxes use (parameter-scale.ts), so a weight has the same colour in both figures.
// A small control above the chart switches between them, redrawing only the chart.
import * as Plot from "@observablehq/plot";
import type {Layer} from "../lib/network.js";
import type {Extent} from "../lib/extents.js";
import {fixed, inputName} from "../lib/format.js";
import {paletteLegend, parameterLegend} from "./color-legend.js";
import {paletteScale, PALETTES, PALETTE_NAMES, textColorFor, type PaletteName} from "./palettes.js";
import {magnitudeMax, parameterScale} from "./parameter-scale.js";
import {tidyPlot} from "./plot-tidy.js";
import {plotWidth} from "./plot-width.js";
import {h, svgElement} from "./dom.js";
import {chartSvg, type PlotChart} from "./plot-click.js";
import {follow} from "./follow.js";
import type {Selection} from "../lib/selection.js";

/** The palette option that colours the cells with the flow diagram's parameter scale. */
export const DIAGRAM_COLOURS = "weights (diagram colours)";
export type HeatmapPalette = PaletteName | typeof DIAGRAM_COLOURS;
/** Every colouring the heatmap offers, in the control's order. */
export const HEATMAP_PALETTES: readonly HeatmapPalette[] = [...PALETTE_NAMES, DIAGRAM_COLOURS];

export interface WeightHeatmapOptions {
  width: number;
  /** Names of the rows (inputs), e.g. ["x₁", "x₂"]. */
  inputNames?: string[];
  /** Include the biases as a last row. */
  biases?: boolean;
  /** The cells' colours (default "viridis", the article's imshow default). */
  palette?: HeatmapPalette;
  /** Show a control above the chart to change the palette (default true). */
  control?: boolean;
  /**
   * With DIAGRAM_COLOURS: the end of the parameter scale, ±max (default: the largest |value| shown).
   * Pass the largest |w| and |b| of the whole network to colour each weight exactly as the flow
   * diagram's edges do in "weight" mode.
   */
  max?: number;
  title?: string;
  /** The page's selection: the column of its hovered first-layer unit is outlined (no redraw). */
  selection?: Selection;
  document?: Document;
}

/** Outlines unit j's column of a heatmap chart (null: none), with one rect moved or hidden. */
function markColumn(chart: Element, unit: number | null): void {
  const plot = chart as PlotChart;
  const svg = chartSvg(plot);
  const x = plot.scale?.("x");
  const y = plot.scale?.("y");
  if (!svg || !x || !y) return;
  let rect = svg.querySelector<SVGRectElement>("rect.unit-column");
  if (!rect) {
    rect = svgElement(svg.ownerDocument, "rect") as SVGRectElement;
    rect.setAttribute("class", "unit-column");
    rect.setAttribute("pointer-events", "none");
    svg.append(rect);
  }
  const left = unit === null ? undefined : x.apply(`unit ${unit}`);
  if (left === undefined || Number.isNaN(Number(left))) {
    rect.setAttribute("hidden", "");
    return;
  }
  const [y0, y1] = (y.range ?? [0, 0]) as number[];
  rect.removeAttribute("hidden");
  rect.setAttribute("x", String(Number(left)));
  rect.setAttribute("width", String(x.bandwidth ?? 0));
  rect.setAttribute("y", String(Math.min(y0, y1)));
  rect.setAttribute("height", String(Math.abs(y1 - y0)));
}

/** Decimals of the numbers in the cells and on the legend. */
const DIGITS = 3;

/** How the cells are coloured: value -> fill, and the legend that explains it. */
interface Colouring {
  fill: (value: number) => string;
  legend: (doc: Document, width: number) => HTMLElement;
}

function colouring(palette: HeatmapPalette, values: readonly number[], max: number | undefined): Colouring {
  if (palette === DIAGRAM_COLOURS) {
    const scale = parameterScale(max ?? magnitudeMax(values));
    return {
      fill: (v) => scale.color(v),
      legend: (doc, width) =>
        parameterLegend(scale, {
          document: doc,
          width,
          digits: DIGITS,
          className: "parameter-legend",
          mode: "weight",
          title: "Weight or bias: blue positive, red negative, deeper when larger (the flow diagram's colours).",
          widths: false
        })
    };
  }
  const interpolator = PALETTES[palette];
  if (!interpolator) throw new Error(`weightHeatmap: unknown palette ${JSON.stringify(palette)}`);
  // imshow's default normalisation: the smallest value shown at one end, the largest at the other.
  const domain: Extent = [Math.min(...values), Math.max(...values)];
  const scale = paletteScale(interpolator, domain);
  return {
    fill: (v) => scale(v),
    legend: (doc, width) =>
      paletteLegend(interpolator, domain, {
        document: doc,
        width,
        digits: DIGITS,
        className: "heatmap-legend",
        mode: palette,
        title: `Colour: ${palette}, from the smallest value shown to the largest (as matplotlib's imshow colours an array by default).`
      })
  };
}

/** The chart alone (title, legend, cells) for one palette. */
function heatmapChart(layer: Layer, palette: HeatmapPalette, {width, inputNames, biases = true, max, title = "First-layer weights W0 and biases b0", document}: WeightHeatmapOptions): HTMLElement | SVGSVGElement {
  const names = inputNames ?? layer.weights.map((_, i) => inputName(i));
  const rows = layer.weights.flatMap((row, i) => row.map((w, j) => ({row: names[i], unit: `unit ${j + 1}`, value: w})));
  if (biases) rows.push(...layer.biases.map((b, j) => ({row: "bias", unit: `unit ${j + 1}`, value: b})));
  const {fill: colour, legend} = colouring(
    palette,
    rows.map((r) => r.value),
    max
  );
  const rowNames = [...names, ...(biases ? ["bias"] : [])];
  const marginLeft = 50;
  const chartWidth = plotWidth(Math.min(width, 140 + 90 * layer.biases.length), {marginLeft});
  // Fills are CSS colours computed here, which Plot draws as given (no scale of its own).
  const fill = (d: {value: number}) => colour(d.value);
  const chart = tidyPlot(
    Plot.plot({
      width: chartWidth,
      height: 40 + 44 * rowNames.length,
      document,
      title,
      ariaLabel: `${title}: ${rows.map((r) => `${r.row} to ${r.unit} ${fixed(r.value, DIGITS)}`).join("; ")}`,
      marginLeft,
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
  const key = legend(doc, Math.min(chartWidth, 240));
  // The legend goes where Plot puts its own: after the title, before the chart (in a figure of
  // our own when Plot returned a bare svg, i.e. without a title).
  if (chart.tagName.toLowerCase() === "svg") {
    const figure = doc.createElement("figure");
    figure.append(key, chart);
    return figure;
  }
  chart.insertBefore(key, [...chart.children].find((c) => c.tagName.toLowerCase() === "svg") ?? null);
  return chart;
}

/**
 * The heatmap of `layer`: with the control (the default), a block holding a palette menu and the
 * chart, which the menu redraws; without it, the chart alone.
 */
export function weightHeatmap(layer: Layer, options: WeightHeatmapOptions): HTMLElement | SVGSVGElement {
  const {palette = "viridis", control = true, selection} = options;
  const chart = heatmapChart(layer, palette, options);
  const hovered = () => {
    const hover = selection?.get().hover;
    return hover?.layer === 1 ? hover.unit : null;
  };
  let shown = chart;
  const watch = (element: Element) => {
    if (!selection) return;
    markColumn(shown, hovered());
    follow(element, selection, (_, changed) => {
      if (changed.has("hover")) markColumn(shown, hovered());
    });
  };
  if (!control) {
    watch(chart);
    return chart;
  }
  const doc = chart.ownerDocument;
  const select = h(
    doc,
    "select",
    {},
    HEATMAP_PALETTES.map((p) => {
      const option = h(doc, "option", {value: p}, p === "viridis" ? "viridis (the article's imshow default)" : p);
      option.selected = p === palette;
      return option;
    })
  );
  // The menu inside its label: labelled without an id to keep unique.
  const block = h(doc, "div", {class: "weight-heatmap"}, h(doc, "label", {class: "heatmap-control"}, "Colours", select), chart);
  watch(block);
  select.addEventListener("change", () => {
    // The menu's values are HEATMAP_PALETTES; the lookup turns the string back into that type.
    const next = heatmapChart(layer, HEATMAP_PALETTES.find((p) => p === select.value) ?? palette, options);
    shown.replaceWith(next);
    shown = next;
    if (selection) markColumn(next, hovered());
  });
  // The menu's own input events are not the page's business: the block has no value to report.
  select.addEventListener("input", (e) => e.stopPropagation());
  return block;
}
