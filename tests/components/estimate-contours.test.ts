// @vitest-environment jsdom
// The estimate panels draw their contours themselves (lib/contour-paths.ts) and update them in place
// on another epoch. These tests hold the drawing to Plot's contour mark (the look the panels had when
// Plot drew them), and an updated panel to a panel drawn afresh for the epoch shown.
import {describe, expect, it} from "vitest";
import * as Plot from "@observablehq/plot";
import type {Layer} from "../../src/lib/network.js";
import {loadFixture} from "./golden.js";
import {modelEstimate, CONTOUR_COUNT, type EstimateKind} from "../../src/components/model-estimate.js";
import {estimatePanels} from "../../src/components/estimate-panels.js";
import * as d3 from "d3";
import {rampLegend} from "../../src/components/ramp-legend.js";
import {snapshotNetwork} from "../../src/lib/snapshot.js";
import {gridEstimate, gridEstimateOf, type GridEstimate} from "../../src/lib/estimate.js";
import {checkpointPanels} from "../../src/lib/contour-protocol.js";
import {CHORD_TOLERANCE_PX} from "../../src/lib/contour-paths.js";

const width = 640;
const KINDS = ["estimate", "truth", "error"] as const;

/** Every contour path of an element: its path data and fill, in order. */
const contoursOf = (el: Element) =>
  [...el.querySelectorAll(".estimate-contour path")].map((p) => ({d: p.getAttribute("d"), fill: p.getAttribute("fill")}));

/** An element's HTML with the ids that count up per chart or legend drawn named alike. */
const ids = (html: string) => html.replace(/plot-[0-9a-f]+/g, "plot-N").replace(/ramp-legend-\d+/g, "ramp-legend-N");

/** The legend's ticks as drawn: position and label. */
const ticksOf = (el: Element) =>
  [...el.querySelectorAll("svg.ramp-legend .tick")].map((t) => ({at: t.getAttribute("transform"), text: t.textContent, y1: t.querySelector("line")!.getAttribute("y1")}));

/** The rings of path data written as "M x,y L x,y … Z" per ring, as [x, y] vertices. */
const ringsOf = (d: string) =>
  d
    .split("Z")
    .filter(Boolean)
    .map((ring) => ring.slice(1).split("L").map((p) => p.split(",").map(Number)));

/**
 * Checks that `ring` draws `plotRing` with straight runs as chords: its vertices are Plot's, in
 * order from the same first one, and each of Plot's vertices left out lies within CHORD_TOLERANCE_PX
 * of the chord between the kept ones around it.
 */
function expectChordsOf(ring: number[][], plotRing: number[][], what: string) {
  // Each vertex found in Plot's ring after the one before it (-1: not there, in that order).
  const at: number[] = [];
  for (const v of ring) at.push(plotRing.findIndex((w, i) => i > (at.at(-1) ?? -1) && w[0] === v[0] && w[1] === v[1]));
  expect(at[0], what).toBe(0);
  expect(at, what).not.toContain(-1);
  for (let k = 0; k < at.length; ++k) {
    const [a, b] = [plotRing[at[k]], plotRing[at[(k + 1) % at.length]]];
    for (let m = at[k] + 1; m < (k + 1 < at.length ? at[k + 1] : plotRing.length); ++m) {
      const p = plotRing[m];
      const dist = Math.abs((p[0] - a[0]) * (b[1] - a[1]) - (p[1] - a[1]) * (b[0] - a[0])) / Math.hypot(b[0] - a[0], b[1] - a[1]);
      expect(dist, what).toBeLessThanOrEqual(CHORD_TOLERANCE_PX + 1e-9);
    }
  }
}

/** The panels as Plot's contour mark drew them before they drew their own (the same options). */
function plotContours(est: GridEstimate, kind: EstimateKind) {
  const {x1, x2} = est.grid;
  const h1 = (x1[1] - x1[0]) / 2;
  const h2 = (x2[1] - x2[0]) / 2;
  const shared = [Math.min(...est.estimate, ...est.truth), Math.max(...est.estimate, ...est.truth)];
  const maxErr = Math.max(...est.error.map(Math.abs));
  const color = kind === "error" ? {type: "diverging" as const, scheme: "RdBu" as const, domain: [-maxErr, maxErr]} : {scheme: "Spectral" as const, domain: shared};
  return Plot.plot({
    width: 420,
    height: 420,
    document,
    x: {label: "x₁", domain: [x1[0] - h1, x1[x1.length - 1] + h1]},
    y: {label: "x₂", domain: [x2[0] - h2, x2[x2.length - 1] + h2]},
    color,
    marks: [
      Plot.contour(est[kind], {
        width: x1.length,
        height: x2.length,
        x1: x1[0] - h1,
        x2: x1[x1.length - 1] + h1,
        y1: x2[0] - h2,
        y2: x2[x2.length - 1] + h2,
        fill: Plot.identity,
        thresholds: CONTOUR_COUNT,
        className: "estimate-contour",
        stroke: "white",
        strokeOpacity: 0.25
      })
    ]
  });
}

describe("estimate contours", async () => {
  const relu = await loadFixture("small-relu");
  const net = snapshotNetwork(relu);
  const samples = relu.data.x;
  const trained = gridEstimate(net, "prod", samples);
  // An earlier "epoch": the same network with every parameter halved.
  const half = (layers: Layer[]) => layers.map((l) => ({weights: l.weights.map((r) => r.map((w) => w / 2)), biases: l.biases.map((b) => b / 2)}));
  const early = gridEstimate({...net, layers: half(net.layers)}, "prod", samples);

  it("draws the contours Plot's contour mark draws: the same fills in order, the same outlines with straight runs as chords", () => {
    for (const est of [trained, early])
      for (const kind of KINDS) {
        const mine = contoursOf(modelEstimate(est, {width, kind, samples, document}));
        const plots = contoursOf(plotContours(est, kind));
        expect(mine.length, kind).toBeGreaterThanOrEqual(10);
        expect(mine.map((p) => p.fill), kind).toEqual(plots.map((p) => p.fill));
        let drawn = 0;
        let plotted = 0;
        mine.forEach((p, k) => {
          const ours = ringsOf(p.d!);
          const theirs = ringsOf(plots[k].d!);
          expect(ours.length, `${kind} band ${k}`).toBe(theirs.length);
          ours.forEach((ring, r) => expectChordsOf(ring, theirs[r], `${kind} band ${k} ring ${r}`));
          drawn += ours.flat().length;
          plotted += theirs.flat().length;
        });
        // Most of Plot's vertices are on straight runs (the frame's sides, level lines inside zones).
        if (kind === "estimate") expect(drawn, kind).toBeLessThan(plotted / 3);
      }
  });

  it("draws the samples' dots over the contours, in one path", () => {
    const chart = modelEstimate(trained, {width, kind: "estimate", samples, document});
    const svg = chart.querySelector(".estimate-samples")!.parentElement!;
    const order = [...svg.children].map((c) => c.getAttribute("class"));
    expect(order.indexOf("estimate-contour")).toBeGreaterThanOrEqual(0);
    expect(order.indexOf("estimate-contour")).toBeLessThan(order.indexOf("estimate-samples"));
    expect(chart.querySelectorAll(".estimate-samples > path")).toHaveLength(1);
  });

  it("after setEstimate(another epoch) the panels show what panels drawn for that epoch show; the truth's shapes stay", () => {
    const panels = estimatePanels(trained, {width, samples, estimateKey: 12, document});
    panels.select(3);
    const figures = () => [...panels.querySelectorAll("figure")];
    const truthPaths = [...figures()[1].querySelectorAll(".estimate-contour path")];
    const truthD = truthPaths.map((p) => p.getAttribute("d"));
    const groups = [...panels.querySelectorAll(".estimate-contour")];
    const dots = [...panels.querySelectorAll(".estimate-samples path")];
    panels.setEstimate(early, 0);
    const fresh = estimatePanels(early, {width, samples, document});
    fresh.select(3);
    figures().forEach((f, k) => {
      const other = fresh.querySelectorAll("figure")[k];
      expect(contoursOf(f), KINDS[k]).toEqual(contoursOf(other));
      expect(ticksOf(f), KINDS[k]).toEqual(ticksOf(other));
      expect(f.querySelector("h3")!.textContent).toBe(other.querySelector("h3")!.textContent);
      expect(f.querySelector("figure > svg:last-of-type")!.getAttribute("aria-label")).toBe(other.querySelector("figure > svg:last-of-type")!.getAttribute("aria-label"));
      const [mine, theirs] = [f as unknown as Plot.Plot, other as unknown as Plot.Plot];
      expect(mine.scale("color")!.domain).toEqual(theirs.scale("color")!.domain);
    });
    // Updated in place: the same groups, dots and truth paths, with the truth's path data unchanged.
    expect([...panels.querySelectorAll(".estimate-contour")]).toEqual(groups);
    expect([...panels.querySelectorAll(".estimate-samples path")]).toEqual(dots);
    expect([...figures()[1].querySelectorAll(".estimate-contour path")]).toEqual(truthPaths);
    expect(truthPaths.map((p) => p.getAttribute("d"))).toEqual(truthD);

    // Back to the first epoch: exactly the first drawing again.
    panels.setEstimate(trained, 12);
    const first = estimatePanels(trained, {width, samples, document});
    first.select(3);
    figures().forEach((f, k) => {
      expect(contoursOf(f), KINDS[k]).toEqual(contoursOf(first.querySelectorAll("figure")[k]));
      expect(ticksOf(f), KINDS[k]).toEqual(ticksOf(first.querySelectorAll("figure")[k]));
    });
  });

  it("moves the truth's fills with the shared domain, and its shapes not at all", () => {
    // An estimate reaching above the truth widens the shared domain: the truth's colours change.
    const shift = (Math.max(...trained.truth) - Math.min(...trained.truth)) / 4;
    const offset = {...trained, estimate: trained.estimate.map((v) => v + shift), error: trained.error.map((e) => e + shift)};
    const chart = modelEstimate(trained, {width, kind: "truth", samples, document});
    const before = contoursOf(chart);
    chart.update(offset);
    const after = contoursOf(chart);
    expect(after.map((p) => p.d)).toEqual(before.map((p) => p.d));
    expect(after.map((p) => p.fill)).not.toEqual(before.map((p) => p.fill));
    expect(after).toEqual(contoursOf(modelEstimate(offset, {width, kind: "truth", samples, document})));
  });

  it("prepareEstimate computes ahead without changing what is shown; setEstimate then shows the same", () => {
    const ahead = estimatePanels(trained, {width, samples, document});
    const before = ahead.outerHTML;
    // One panel per call, then done; nothing in view changes meanwhile.
    expect([ahead.prepareEstimate(early, "half"), ahead.prepareEstimate(early, "half"), ahead.prepareEstimate(early, "half")]).toEqual([false, true, true]);
    expect(ahead.outerHTML).toBe(before);
    ahead.setEstimate(early, "half");
    const direct = estimatePanels(trained, {width, samples, document});
    direct.setEstimate(early, "half");
    expect(ids(ahead.outerHTML)).toBe(ids(direct.outerHTML));
    expect(ahead.outerHTML).not.toBe(before);
  });

  it("contours computed elsewhere (checkpointPanels, as the contour worker runs it) are the ones the panels compute", () => {
    const provided = estimatePanels(trained, {width, samples, document});
    const halfNet = {...net, layers: half(net.layers)};
    const {values, contours} = checkpointPanels(halfNet, "prod", samples, provided.frames(), CONTOUR_COUNT);
    // The values are the network's outputs over the grid: the estimate the page would compute.
    expect(gridEstimateOf(values, "prod", samples)).toEqual(early);
    const before = provided.outerHTML;
    provided.provideContours("half", contours);
    expect(provided.outerHTML).toBe(before);
    provided.setEstimate(early, "half");
    // The panels drew the contours handed to them (the same objects' strings), not their own.
    expect(contoursOf(provided.querySelectorAll(".estimate-contour")[0]).map((c) => c.d)).toEqual(contours.estimate.d);
    const direct = estimatePanels(trained, {width, samples, document});
    direct.setEstimate(early, "half");
    expect(ids(provided.outerHTML)).toBe(ids(direct.outerHTML));
  });

  it("relabels its legend in place: the ticks of a new domain are those of a legend drawn with it", () => {
    const spec = (domain: readonly [number, number]) => ({interpolator: d3.interpolateSpectral, domain, label: "y"});
    const legend = rampLegend(spec([-1.3, 1.3]), {width: 240, ticks: 240 / 64, document});
    const ramp = legend.querySelector("rect");
    legend.show(spec([-0.2, 4.6]));
    expect(ticksOf(wrap(legend))).toEqual(ticksOf(wrap(rampLegend(spec([-0.2, 4.6]), {width: 240, ticks: 240 / 64, document}))));
    expect(legend.querySelector("rect")).toBe(ramp);
    expect(legend.textContent).toContain("4");
  });
});

/** A legend inside a div, for the selectors of ticksOf. */
function wrap(svg: Element): Element {
  const div = document.createElement("div");
  div.append(svg);
  return div;
}
