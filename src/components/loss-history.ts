// Training curves: the original's loss history (each epoch's last mini-batch) and the MSE over the
// whole dataset after each epoch, on a log scale, titled with the model description.
import * as Plot from "@observablehq/plot";
import {describeModel} from "../lib/spec.js";
import type {Snapshot} from "../lib/snapshot.js";
import {sig} from "../lib/format.js";
import {inSentence} from "../lib/prose.js";
import {tidyPlot} from "./plot-tidy.js";
import {plotWidth} from "./plot-width.js";
import type {Selection} from "../lib/selection.js";
import {svgElement, setText} from "./dom.js";
import {chartSvg, type PlotChart} from "./plot-click.js";
import {follow} from "./follow.js";

export interface LossHistoryOptions {
  width: number;
  /** The page's selection: a vertical cursor marks its epoch (moved, never redrawn). */
  selection?: Selection;
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
 * Plot's axis font (10 px system-ui) and an upper estimate of one tick-label character's width in it.
 * Tick labels use tabular figures, ≈ 0.55–0.64 em wide in the usual system-ui fonts; DejaVu Sans
 * (Chromium's system-ui on Debian) is the widest at 0.636 em, so 6.4 px a character at 10 px, and
 * "." (≈ 0.32 em) only makes the estimate more generous.
 */
export const TICK_FONT = {family: "system-ui, sans-serif", size: 10, charWidth: 6.4};
/** From the frame's left edge to a y tick label's right end: Plot's tickSize 6 + tickPadding 3 (px). */
export const TICK_GAP = 9;
/** Room kept between the widest label's estimated left end and the SVG's left edge (px). */
export const TICK_SPARE = 6;
/** Plot's default left margin, kept when the labels fit in it, so charts with short labels line up. */
const PLOT_MARGIN_LEFT = 40;

/**
 * The left margin that fits the widest of these tick labels: a label ends TICK_GAP left of the frame,
 * so it starts at margin − TICK_GAP − width ≥ TICK_SPARE when margin ≥ width + TICK_GAP + TICK_SPARE,
 * with width ≤ length × TICK_FONT.charWidth.
 */
export function tickLabelMargin(labels: readonly string[], least = 0): number {
  const widest = Math.max(0, ...labels.map((l) => l.length)) * TICK_FONT.charWidth;
  return Math.max(least, Math.ceil(widest) + TICK_GAP + TICK_SPARE);
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

/** The two loss series, as every loss chart (this one, and the live one of Train your own) names and colours them. */
export const LOSS_SERIES = [
  {key: "loss", label: "last mini-batch loss", color: "#4269d0"},
  {key: "mse", label: "MSE over the dataset", color: "#ff725c"}
] as const;

export function lossHistory(snapshot: Snapshot, {width, selection, document}: LossHistoryOptions) {
  const [lossSeries, mseSeries] = LOSS_SERIES;
  const rows = snapshot.lossHistory.flatMap((loss, e) => [
    {epoch: e + 1, value: loss, series: lossSeries.label},
    {epoch: e + 1, value: snapshot.mseHistory[e], series: mseSeries.label}
  ]);
  const last = snapshot.lossHistory.length - 1;
  const values = rows.map((r) => r.value);
  const ticks = decades(Math.min(...values), Math.max(...values));
  // Unlabelled grid lines at 2..9 × 10^k, so values between two labelled decades can be read.
  const minor = ticks.slice(0, -1).flatMap((d) => [2, 3, 4, 5, 6, 7, 8, 9].map((m) => m * d));
  // Plot's default 40 px leaves 31 px for a label: "0.0001" (35 px in DejaVu Sans) was clipped by 4 px.
  // The margin is sized to the widest label instead, never narrower than Plot's default.
  const marginLeft = tickLabelMargin(ticks.map(decadeLabel), PLOT_MARGIN_LEFT);
  const chart = tidyPlot(Plot.plot({
    width: plotWidth(width, {marginLeft}),
    marginLeft,
    height: 260,
    document,
    title: describeModel(snapshot.spec),
    subtitle: `final last-batch loss ${sig(snapshot.lossHistory[last])}, final dataset MSE ${sig(snapshot.mseHistory[last])}`,
    ariaLabel: `Loss per epoch of the ${inSentence(snapshot.spec.title)}`,
    x: {label: "epoch"},
    // The domain runs from decade to decade: both ends are labelled powers of ten.
    y: {type: "log", label: "loss (log scale)", domain: [ticks[0], ticks[ticks.length - 1]], ticks, tickFormat: decadeLabel, grid: true},
    color: {legend: true, domain: LOSS_SERIES.map((s) => s.label), range: LOSS_SERIES.map((s) => s.color)},
    marks: [Plot.gridY(minor, {strokeOpacity: 0.04}), Plot.line(rows, {x: "epoch", y: "value", stroke: "series", strokeWidth: 1.5})]
  }));
  if (selection) epochCursor(chart as PlotChart, selection, snapshot.spec.epochs);
  return chart;
}

/**
 * A vertical line at the selection's epoch, over the whole plot height, labelled with the epoch.
 * Epoch 0 (the initial parameters) sits at the left edge, before the first plotted epoch.
 */
function epochCursor(chart: PlotChart, selection: Selection, epochs: number): void {
  const svg = chartSvg(chart)!;
  const x = chart.scale("x")!;
  const [y0, y1] = chart.scale("y")!.range as [number, number];
  const [x0, x1] = x.range as [number, number];
  const g = svgElement(svg.ownerDocument, "g");
  g.setAttribute("class", "epoch-cursor");
  g.setAttribute("pointer-events", "none");
  const line = svgElement(svg.ownerDocument, "line");
  line.setAttribute("y1", String(y0));
  line.setAttribute("y2", String(y1));
  line.setAttribute("stroke", "currentColor");
  line.setAttribute("stroke-dasharray", "4,3");
  const label = svgElement(svg.ownerDocument, "text");
  label.setAttribute("y", String(Math.min(y0, y1) + 12));
  label.setAttribute("font-size", "11");
  label.setAttribute("fill", "currentColor");
  g.append(line, label);
  svg.append(g);
  const base = svg.getAttribute("aria-label") ?? "";
  const move = (epoch: number) => {
    const px = Math.min(Math.max(Number(x.apply(epoch)), Math.min(x0, x1)), Math.max(x0, x1));
    line.setAttribute("x1", String(px));
    line.setAttribute("x2", String(px));
    // The label sits on the side of the cursor with room for it.
    const right = px < (x0 + x1) / 2;
    label.setAttribute("x", String(right ? px + 4 : px - 4));
    label.setAttribute("text-anchor", right ? "start" : "end");
    setText(label, `epoch ${epoch}`);
    g.setAttribute("data-epoch", String(epoch));
    svg.setAttribute("aria-label", `${base}; cursor at epoch ${epoch}${epoch >= epochs ? " (trained)" : ""}`);
  };
  move(selection.get().epoch);
  follow(svg, selection, (state, changed) => {
    if (changed.has("epoch")) move(state.epoch);
  });
}
