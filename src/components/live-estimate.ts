// The estimate, the truth and the error of a network while it trains, as three small canvases
// redrawn in place from the parameters the worker sends (every ≤ 10 epochs). Cheap by design, so a
// redraw never blocks the page while it trains: a coarse grid (LIVE_GRID² points over the explorer's
// square, lib/datasets.ts estimateGrid) of forward passes, painted through 256-entry colour tables;
// the truth is painted again only when the shared range changes. Estimate and truth share one colour
// scale (Spectral) over the truth's range widened by the estimate's, the error a symmetric diverging
// one (RdBu), as in the explorer's panels; a line below says both ranges. Each canvas carries the
// range it was painted with (data-lo, data-hi); data-epoch says which epoch's parameters are shown,
// data-max-gap the most epochs between two redraws.
import {interpolateRdBu, interpolateSpectral, rgb} from "d3";
import {estimateGrid, TARGETS, type DatasetName, type Point} from "../lib/datasets.js";
import type {Network} from "../lib/network.js";
import {predictPoints} from "../lib/grid-predict.js";
import {sig} from "../lib/format.js";
import {h} from "./dom.js";

/** Points per side of the live grid: 41² forward passes take well under a millisecond. */
export const LIVE_GRID = 41;

export interface LiveEstimateOptions {
  dataset: DatasetName;
  samples: readonly Point[];
  /** Side of each panel in px. */
  size?: number;
  document?: Document;
}

export interface LiveEstimate extends HTMLElement {
  /** Redraws the panels for the network after `epoch` epochs. */
  update(net: Network, epoch: number): void;
}

const KINDS = ["Network estimate", "Ground truth", "Error: estimate − truth"] as const;

/** 256 colours of an interpolator, as bytes [r, g, b] × 256. */
function colourTable(interpolate: (t: number) => string): Uint8Array {
  const table = new Uint8Array(256 * 3);
  for (let i = 0; i < 256; ++i) {
    const c = rgb(interpolate(i / 255));
    table.set([c.r, c.g, c.b], 3 * i);
  }
  return table;
}

const SPECTRAL = colourTable((t) => interpolateSpectral(1 - t));
const RDBU = colourTable((t) => interpolateRdBu(1 - t));

export function liveEstimate(_: unknown, {dataset, samples, size = 180, document: doc = document}: LiveEstimateOptions): LiveEstimate {
  const grid = estimateGrid(samples, LIVE_GRID);
  const n = LIVE_GRID;
  const f = TARGETS[dataset];
  const truth = grid.points.map((p) => f(p[0], p[1]));
  const estimateBuffer = new Float64Array(grid.points.length);
  const error = new Float64Array(grid.points.length);
  const panels = KINDS.map((title) => {
    const canvas = h(doc, "canvas", {role: "img", "aria-label": title, width: n, height: n, style: `width: ${size}px; height: ${size}px; image-rendering: pixelated;`});
    return {canvas, figure: h(doc, "figure", {class: "live-estimate-panel"}, h(doc, "figcaption", {}, title), canvas)};
  });
  const scaleNote = h(doc, "p", {class: "live-estimate-scale"});
  const root = Object.assign(
    h(doc, "div", {class: "live-estimate", "data-epoch": 0, "data-max-gap": 0}, h(doc, "div", {class: "live-estimate-panels"}, panels.map((p) => p.figure)), scaleNote),
    {update}
  );

  /** Paints values through a colour table, t = (v - lo) / (hi - lo) clamped to [0, 1]. */
  function paint(canvas: HTMLCanvasElement, values: ArrayLike<number>, lo: number, hi: number, table: Uint8Array) {
    const ctx = canvas.getContext?.("2d");
    canvas.dataset.lo = String(lo);
    canvas.dataset.hi = String(hi);
    if (!ctx) return;
    const image = ctx.createImageData(n, n);
    const span = hi - lo || 1;
    for (let i = 0; i < values.length; ++i) {
      const t = Math.min(1, Math.max(0, (values[i] - lo) / span));
      const c = 3 * Math.round(t * 255);
      // Grid rows run upward in x2; the canvas's rows run downward.
      const o = 4 * ((n - 1 - Math.floor(i / n)) * n + (i % n));
      image.data[o] = table[c];
      image.data[o + 1] = table[c + 1];
      image.data[o + 2] = table[c + 2];
      image.data[o + 3] = 255;
    }
    ctx.putImageData(image, 0, 0);
  }

  const truthLo = Math.min(...truth);
  const truthHi = Math.max(...truth);
  /** The range the truth was last painted with: it is painted again when the estimate widens it. */
  let truthRange = [truthLo, truthHi];
  paint(panels[1].canvas, truth, truthLo, truthHi, SPECTRAL);
  scaleNote.textContent = `Colours: the truth from blue at ${sig(truthLo, 3)} to red at ${sig(truthHi, 3)}.`;

  function update(net: Network, epoch: number) {
    const estimate = predictPoints(net, grid.points, estimateBuffer);
    for (let i = 0; i < estimate.length; ++i) error[i] = estimate[i] - truth[i];
    let lo = truthLo;
    let hi = truthHi;
    let maxErr = 1e-12;
    // Over finite values only: a range of NaN would paint both panels black and name no range.
    for (let i = 0; i < estimate.length; ++i) {
      if (!Number.isFinite(estimate[i])) continue;
      lo = Math.min(lo, estimate[i]);
      hi = Math.max(hi, estimate[i]);
      maxErr = Math.max(maxErr, Math.abs(error[i]));
    }
    paint(panels[0].canvas, estimate, lo, hi, SPECTRAL);
    if (lo !== truthRange[0] || hi !== truthRange[1]) {
      paint(panels[1].canvas, truth, lo, hi, SPECTRAL);
      truthRange = [lo, hi];
    }
    paint(panels[2].canvas, error, -maxErr, maxErr, RDBU);
    scaleNote.textContent = `Colours: estimate and truth on one scale, from blue at ${sig(lo, 3)} to red at ${sig(hi, 3)}; the error from blue (estimate below the truth) to red (above), ±${sig(maxErr, 3)}.`;
    panels[0].canvas.setAttribute("aria-label", `Network estimate after epoch ${epoch}: range ${sig(Math.min(...estimate), 3)} to ${sig(Math.max(...estimate), 3)}`);
    panels[2].canvas.setAttribute("aria-label", `Error after epoch ${epoch}: largest |error| ${sig(maxErr, 3)}`);
    // The most epochs between two redraws (the page promises at most 10 while it trains).
    const gap = epoch - Number(root.dataset.epoch);
    root.dataset.maxGap = String(Math.max(gap, Number(root.dataset.maxGap)));
    root.dataset.epoch = String(epoch);
  }
  return root;
}
