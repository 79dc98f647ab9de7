// The exact number of zones in the data square at every stored checkpoint (lib/partition.ts on each
// checkpoint's parameters), as a line over the epochs, with a cursor at the selected epoch. Clicking
// the chart, or the arrow keys when it has focus, selects the nearest checkpoint's epoch. The counts
// are computed once; setEpoch moves the cursor only.
import {follow} from "./follow.js";
import * as Plot from "@observablehq/plot";
import type {Snapshot} from "../lib/snapshot.js";
import {snapshotNetwork} from "../lib/snapshot.js";
import type {Selection} from "../lib/selection.js";
import {ACTIVATIONS} from "../lib/activations.js";
import {dataWindowPartition} from "../lib/partition.js";
import {smoothActivationNote, zoneCountSummary} from "../lib/zone-prose.js";
import {plural} from "../lib/prose.js";
import {h, svgElement} from "./dom.js";
import {tidyPlot} from "./plot-tidy.js";
import {plotWidth} from "./plot-width.js";
import {chartSvg, onPlotClick} from "./plot-click.js";

export interface ZoneCountChartOptions {
  width: number;
  /** The page's shared selection: the cursor follows its epoch; a click or arrow key sets it. */
  selection?: Selection;
  document?: Document;
}

export type ZoneCountChart = HTMLElement & {setEpoch(epoch: number): void};

/** The exact zone count at each checkpoint. */
export function zoneCounts(snapshot: Snapshot): {epoch: number; count: number}[] {
  return snapshot.checkpoints.map((c) => ({epoch: c.epoch, count: dataWindowPartition(snapshotNetwork(snapshot, c.layers)).zones.length}));
}

export function zoneCountChart(snapshot: Snapshot, {width, selection, document: doc = document}: ZoneCountChartOptions): ZoneCountChart {
  if (!ACTIVATIONS[snapshot.spec.activation].piecewiseLinear) {
    return Object.assign(h(doc, "p", {class: "zone-note"}, smoothActivationNote(snapshot.spec.activation)), {setEpoch: () => {}});
  }
  const counts = zoneCounts(snapshot);
  const epochs = counts.map((c) => c.epoch);
  const most = counts.reduce((m, c) => (c.count > m.count ? c : m), counts[0]);
  const summary = zoneCountSummary(counts[0], counts[counts.length - 1], most);
  const chart = tidyPlot(
    Plot.plot({
      width: plotWidth(Math.min(width, 640)),
      height: 220,
      document: doc,
      ariaLabel: summary,
      x: {label: "epoch", domain: [epochs[0], epochs[epochs.length - 1]]},
      y: {label: "zones", grid: true, zero: true},
      marks: [Plot.line(counts, {x: "epoch", y: "count", stroke: "currentColor"}), Plot.dot(counts, {x: "epoch", y: "count", r: 2, fill: "currentColor"})]
    })
  );
  const svg = chartSvg(chart)!;
  const xs = chart.scale("x")!;
  const ys = chart.scale("y")!;
  const [top, bottom] = (ys.range as [number, number]) ?? [0, 0];
  const cursor = svgElement(doc, "line");
  cursor.setAttribute("class", "epoch-cursor");
  cursor.setAttribute("y1", String(top));
  cursor.setAttribute("y2", String(bottom));
  cursor.setAttribute("stroke", "currentColor");
  cursor.setAttribute("stroke-width", "1.5");
  cursor.setAttribute("stroke-dasharray", "3,2");
  cursor.setAttribute("pointer-events", "none");
  svg.append(cursor);
  svg.setAttribute("tabindex", "0");
  svg.setAttribute("role", "slider");
  svg.setAttribute("aria-valuemin", String(epochs[0]));
  svg.setAttribute("aria-valuemax", String(epochs[epochs.length - 1]));
  const text = h(doc, "p", {class: "zone-count-summary"}, summary);
  const root = h(doc, "div", {class: "zone-count-chart"}, chart, text);

  /** The checkpoint shown for an epoch: the latest at or before it (as networkAtEpoch). */
  const indexOf = (epoch: number) => {
    let i = 0;
    while (i + 1 < epochs.length && epochs[i + 1] <= epoch) ++i;
    return i;
  };
  let current = indexOf(selection?.get().epoch ?? epochs[epochs.length - 1]);
  const choose = (i: number) => {
    const epoch = epochs[Math.max(0, Math.min(epochs.length - 1, i))];
    if (selection) selection.set({epoch});
    else setEpoch(epoch);
  };
  const setEpoch = (epoch: number) => {
    current = indexOf(epoch);
    const x = String(xs.apply(epochs[current]));
    cursor.setAttribute("x1", x);
    cursor.setAttribute("x2", x);
    svg.setAttribute("aria-valuenow", String(epochs[current]));
    svg.setAttribute("aria-valuetext", `epoch ${epochs[current]}: ${plural(counts[current].count, "zone")}`);
  };
  onPlotClick(chart, ([x]) => {
    let best = 0;
    epochs.forEach((e, i) => {
      if (Math.abs(e - x) < Math.abs(epochs[best] - x)) best = i;
    });
    choose(best);
  });
  svg.addEventListener("keydown", (event) => {
    const step = {ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1} as Record<string, number>;
    if (event.key in step) choose(current + step[event.key]);
    else if (event.key === "Home") choose(0);
    else if (event.key === "End") choose(epochs.length - 1);
    else return;
    event.preventDefault();
  });
  setEpoch(epochs[current]);
  if (selection) follow(root, selection, (s, changed) => {
    if (changed.has("epoch")) setEpoch(s.epoch);
  });
  return Object.assign(root, {setEpoch});
}
