// The estimate, the truth and the error of a network while it trains, as three small canvases
// redrawn in place from the parameters the worker sends (every ≤ 10 epochs): a grid of forward
// passes (lib/estimate.ts, the same grid as the explorer's panels) painted pixel by pixel, which
// costs about a millisecond, where redrawing the explorer's contour charts would block the page.
// Estimate and truth share one colour scale (Spectral), the error a symmetric diverging one (RdBu),
// as in the explorer's panels. data-epoch says which epoch's parameters are shown, data-max-gap the
// most epochs between two redraws.
import {interpolateRdBu, interpolateSpectral} from "d3";
import type {Point} from "../lib/datasets.js";
import {gridEstimate} from "../lib/estimate.js";
import type {Network} from "../lib/network.js";
import type {DatasetName} from "../lib/datasets.js";
import {sig} from "../lib/format.js";
import {h} from "./dom.js";

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

const KINDS = [
  {kind: "estimate", title: "Network estimate"},
  {kind: "truth", title: "Ground truth"},
  {kind: "error", title: "Error: estimate − truth"}
] as const;

export function liveEstimate(_: unknown, {dataset, samples, size = 180, document: doc = document}: LiveEstimateOptions): LiveEstimate {
  const panels = KINDS.map(({title}) => {
    const canvas = h(doc, "canvas", {role: "img", "aria-label": title});
    const caption = h(doc, "figcaption", {}, title);
    return {canvas, caption, figure: h(doc, "figure", {class: "live-estimate-panel"}, caption, canvas)};
  });
  const root = Object.assign(h(doc, "div", {class: "live-estimate", style: "display: flex; flex-wrap: wrap; gap: 12px;"}, panels.map((p) => p.figure)), {update});

  function update(net: Network, epoch: number) {
    const est = gridEstimate(net, dataset, samples);
    const n = est.grid.x1.length;
    const lo = Math.min(...est.estimate, ...est.truth);
    const hi = Math.max(...est.estimate, ...est.truth);
    const maxErr = Math.max(1e-12, ...est.error.map(Math.abs));
    const scales = [
      (v: number) => interpolateSpectral(1 - (v - lo) / (hi - lo || 1)),
      (v: number) => interpolateSpectral(1 - (v - lo) / (hi - lo || 1)),
      (v: number) => interpolateRdBu(0.5 - v / (2 * maxErr))
    ];
    [est.estimate, est.truth, est.error].forEach((values, k) => {
      const {canvas} = panels[k];
      canvas.width = n;
      canvas.height = n;
      canvas.style.width = canvas.style.height = `${size}px`;
      canvas.style.imageRendering = "pixelated";
      const ctx = canvas.getContext?.("2d");
      if (!ctx) return;
      const image = ctx.createImageData(n, n);
      values.forEach((v, i) => {
        // Grid rows run upward in x2; the canvas's rows run downward.
        const row = n - 1 - Math.floor(i / n);
        const col = i % n;
        const rgb = scales[k](v).match(/\d+/g)!.map(Number);
        image.data.set([rgb[0], rgb[1], rgb[2], 255], 4 * (row * n + col));
      });
      ctx.putImageData(image, 0, 0);
    });
    panels[0].canvas.setAttribute("aria-label", `Network estimate after epoch ${epoch}: range ${sig(Math.min(...est.estimate), 3)} to ${sig(Math.max(...est.estimate), 3)}`);
    panels[2].canvas.setAttribute("aria-label", `Error after epoch ${epoch}: largest |error| ${sig(maxErr, 3)}`);
    // The most epochs between two redraws (the page promises at most 10 while it trains).
    const gap = epoch - Number(root.dataset.epoch ?? 0);
    root.dataset.maxGap = String(Math.max(gap, Number(root.dataset.maxGap ?? 0)));
    root.dataset.epoch = String(epoch);
  }
  return root;
}
