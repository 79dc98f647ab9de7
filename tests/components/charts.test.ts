// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {rgb} from "d3";
import type {Plot as PlotChart, Scale, ScaleName} from "@observablehq/plot";
import {expectGolden, loadFixture, normalise} from "./golden.js";
import {datasetScatter} from "../../src/components/dataset-scatter.js";
import {lossHistory} from "../../src/components/loss-history.js";
import {modelEstimate} from "../../src/components/model-estimate.js";
import {estimatePanels} from "../../src/components/estimate-panels.js";
import {weightHeatmap} from "../../src/components/weight-heatmap.js";
import {firstLayerLinesChart} from "../../src/components/first-layer-lines.js";
import {localLinearChart} from "../../src/components/local-linear-chart.js";
import {zoneStepsView} from "../../src/components/zone-steps.js";
import {networkTable} from "../../src/components/network-table.js";
import {parameterTable} from "../../src/components/parameter-table.js";
import {snapshotNetwork} from "../../src/lib/snapshot.js";
import {gridEstimate} from "../../src/lib/estimate.js";
import {zoneSteps, activationMask} from "../../src/lib/regions.js";
import {fixed} from "../../src/lib/format.js";
import {summarize} from "../../src/lib/manifest.js";

const width = 640;
/** Pixel positions are compared to this many decimals (far below a pixel). */
const PIXEL_DIGITS = 9;

/** Plot's figure (or bare svg) carries its materialised scales. */
function isPlotChart(e: Element | null): e is Element & PlotChart {
  return e !== null && "scale" in e && typeof e.scale === "function";
}

/** A chart's materialised scale; fails the test if the chart has none by that name. */
function scaleOf(chart: Element | null, name: ScaleName): Scale {
  if (!isPlotChart(chart)) throw new Error(`not a Plot chart: ${chart?.tagName}`);
  const scale = chart.scale(name);
  if (!scale) throw new Error(`the chart has no ${name} scale`);
  return scale;
}

/** A continuous scale's [lo, hi] domain. */
function domainOf(scale: Scale): [number, number] {
  const [lo, hi, ...rest] = Array.from(scale.domain ?? [], Number);
  expect(rest).toEqual([]);
  return [lo, hi];
}

describe("chart components (golden)", async () => {
  const relu = await loadFixture("small-relu");
  const large = await loadFixture("large-relu");
  const sigmoid = await loadFixture("small-sigmoid");
  const net = snapshotNetwork(relu);

  it("dataset scatter rings the selected sample and names it", () => {
    const chart = datasetScatter(relu.data, {width, document});
    const dots = [...chart.querySelectorAll("circle")];
    chart.select(5);
    // Selecting moves the ring; the dots are not redrawn.
    expect([...chart.querySelectorAll("circle")]).toEqual(dots);
    expect(chart.textContent).toContain(`Sample 5 at (${fixed(relu.data.x[5][0], 2)}, ${fixed(relu.data.x[5][1], 2)})`);
    expectGolden(chart, "dataset-scatter");
  });

  it("loss history is titled with the model description", () => {
    const chart = lossHistory(relu, {width, document});
    expect(chart.textContent).toContain("lib: tf, units: 2-4-1, depth: 1, act: relu, lr: 0.005, opt: adam, epochs: 12, batchSize: 20");
    expectGolden(chart, "loss-history");
  });

  it("model estimate, truth and error panels", () => {
    const est = gridEstimate(net, "prod", relu.data.x);
    for (const kind of ["estimate", "truth", "error"] as const) {
      expectGolden(modelEstimate(est, {width, kind, samples: relu.data.x, document}), `model-estimate-${kind}`);
    }
  });

  it("estimate panels move their rings without redrawing", () => {
    const est = gridEstimate(net, "prod", relu.data.x);
    const panels = estimatePanels(est, {width, samples: relu.data.x, document});
    const contours = [...panels.querySelectorAll("path")];
    panels.select(4);
    const svgs = [...panels.querySelectorAll("figure > svg[aria-label]")];
    expect(svgs).toHaveLength(3);
    for (const svg of svgs) {
      expect(svg.getAttribute("aria-label")).toContain("selected sample 4 ringed");
      const ring = svg.querySelector(".selected-ring circle:last-child")!;
      expect(Number(ring.getAttribute("cx"))).toBeCloseTo(scaleOf(svg.parentElement, "x").apply(relu.data.x[4][0]), PIXEL_DIGITS);
      expect(Number(ring.getAttribute("cy"))).toBeCloseTo(scaleOf(svg.parentElement, "y").apply(relu.data.x[4][1]), PIXEL_DIGITS);
    }
    // The same path elements are still there: selecting does not redraw the charts.
    expect([...panels.querySelectorAll("path")]).toEqual(contours);
  });

  it("weight heatmap labels every weight and bias", () => {
    const chart = weightHeatmap(relu.layers[0], {width, document});
    const labels = [...chart.querySelectorAll("text")].map((t) => t.textContent);
    for (const w of [...relu.layers[0].weights.flat(), ...relu.layers[0].biases]) expect(labels).toContain(fixed(w, 3));
    expectGolden(chart, "weight-heatmap");
  });

  it("first-layer lines with the shaded zone of a point", () => {
    expectGolden(firstLayerLinesChart(net, {width, zoneOf: [0, 0], marks: [{point: [1, 1], label: "NE"}], document}), "first-layer-lines");
  });

  it("first-layer lines follow a selected point without redrawing", async () => {
    const {zonePolygon} = await import("../../src/lib/regions.js");
    const chart = firstLayerLinesChart(net, {width, document});
    const lines = [...chart.querySelectorAll("path")].filter((p) => !p.classList.contains("selected-zone"));
    chart.select([1, 1]);
    const d = chart.querySelector(".selected-zone")!.getAttribute("d")!;
    const poly = zonePolygon(net, [1, 1], 3);
    const drawn = d.slice(1, -1).split("L").map((xy) => xy.split(",").map(Number));
    expect(drawn).toHaveLength(poly.length);
    drawn.forEach(([px, py], i) => {
      expect(px).toBeCloseTo(scaleOf(chart, "x").apply(poly[i][0]), PIXEL_DIGITS);
      expect(py).toBeCloseTo(scaleOf(chart, "y").apply(poly[i][1]), PIXEL_DIGITS);
    });
    expect(chart.querySelector("svg[aria-label*='selected point (1.00, 1.00)']")).not.toBeNull();
    expect([...chart.querySelectorAll("path")].filter((p) => !p.classList.contains("selected-zone"))).toEqual(lines);
  });

  it("writes the segment with signed terms", () => {
    const chart = localLinearChart(net, {width, dataset: "prod", point: [-1, 1], direction: [1, -0.5], x1Range: [-2.6, 0.6], document});
    expect(chart.textContent).toContain("along x₂ = 1.00 − 0.50·(x₁ + 1.00)");
    const flat = localLinearChart(net, {width, dataset: "prod", point: [0, 2], direction: [1, 0], x1Range: [-1.6, 1.6], document});
    expect(flat.textContent).toContain("along x₂ = 2.00;");
    // A shift that rounds to zero is written with a plus, never "− 0.00".
    const near = localLinearChart(net, {width, dataset: "prod", point: [0.001, 1], direction: [1, 0.5], x1Range: [-1.6, 1.6], document});
    expect(near.textContent).toContain("along x₂ = 1.00 + 0.50·(x₁ + 0.00)");
  });

  it("local linear function against the truth", () => {
    const chart = localLinearChart(net, {width, dataset: "prod", point: [1, 1], direction: [1, 0.5], x1Range: [-0.6, 2.6], document});
    expectGolden(chart, "local-linear-chart");
  });

  it("zone steps print the four steps of the article, ending in the zone's coefficients", () => {
    const view = zoneStepsView(net, {point: [0, 0], document});
    const s = zoneSteps(net, activationMask(net, [0, 0])[0]);
    expect(view.textContent).toContain("Mask at (0.00, 0.00): [1, 0, 1, 0]: units 1 and 3 are active.");
    expect(view.querySelectorAll("table")).toHaveLength(4);
    for (const c of s.coefficients) expect(view.textContent).toContain(fixed(c, 4));
    // Every header cell names its row or column (axe's empty-table-header); each table's empty corner
    // above the row headers is a td.
    for (const th of view.querySelectorAll("th")) expect(th.textContent!.trim(), th.outerHTML).not.toBe("");
    for (const table of view.querySelectorAll("table")) expect(table.querySelector("thead tr > :first-child")!.tagName).toBe("TD");
    expectGolden(view, "zone-steps");
  });

  it("network and parameter tables", () => {
    expectGolden(networkTable([relu, large, sigmoid].map((s) => summarize(s, `/${s.spec.id}`)), {document}), "network-table");
    expectGolden(parameterTable([sigmoid, relu].map((s) => summarize(s, `/${s.spec.id}`)), {document}), "parameter-table");
  });
});

// Properties of the estimate, truth and error panels that hold for any network, so that they fail
// on a wrong encoding whatever the goldens say (goldens can be regenerated; these cannot). They run
// on trained fixtures and on an estimate offset from the truth, whose range passes the truth's at
// the top and stops inside it at the bottom: on it, a domain taken from either panel alone differs
// from the shared one (on the trained ReLU fixture the truth's range holds the estimate's, so a
// truth panel with its own domain would draw exactly the same).
describe("estimate panels (properties)", async () => {
  const relu = await loadFixture("small-relu");
  const sigmoid = await loadFixture("small-sigmoid");
  const trained = gridEstimate(snapshotNetwork(relu), "prod", relu.data.x);
  const shift = (Math.max(...trained.truth) - Math.min(...trained.truth)) / 4;
  const offset = {...trained, estimate: trained.estimate.map((v) => v + shift), error: trained.error.map((e) => e + shift)};
  const cases = [
    {name: "small ReLU", est: trained, samples: relu.data.x},
    {name: "small sigmoid", est: gridEstimate(snapshotNetwork(sigmoid), "prod", sigmoid.data.x), samples: sigmoid.data.x},
    {name: "an estimate offset from the truth", est: offset, samples: relu.data.x}
  ];

  it("the offset estimate tells a shared domain from either panel's own", () => {
    const lo = Math.min(...offset.estimate, ...offset.truth);
    const hi = Math.max(...offset.estimate, ...offset.truth);
    expect(Math.max(...offset.truth)).toBeLessThan(hi);
    expect(Math.min(...offset.estimate)).toBeGreaterThan(lo);
  });

  for (const {name, est, samples} of cases) {
    describe(name, () => {
      const panels = estimatePanels(est, {width, samples, document});
      const figures = [...panels.querySelectorAll("figure")];
      /** The panel whose title starts with `title`. */
      const panel = (title: string) => {
        const found = figures.filter((f) => f.querySelector("h2")?.textContent?.startsWith(title));
        expect(found, title).toHaveLength(1);
        return found[0];
      };

      it("draws three panels, in the order estimate, truth, error", () => {
        expect(figures).toEqual([panel("Network estimate"), panel("Ground truth"), panel("Error")]);
      });

      it("gives estimate and truth one colour domain: a value has the same colour in both", () => {
        const [estimate, truth] = [panel("Network estimate"), panel("Ground truth")];
        const lo = Math.min(...est.estimate, ...est.truth);
        const hi = Math.max(...est.estimate, ...est.truth);
        const [e, t] = [scaleOf(estimate, "color"), scaleOf(truth, "color")];
        expect(domainOf(t)).toEqual(domainOf(e));
        // The domain holds every value of both panels, so neither is clipped to the other's range.
        const [d0, d1] = domainOf(e);
        expect(d0).toBeLessThanOrEqual(lo);
        expect(d1).toBeGreaterThanOrEqual(hi);
        for (let k = 0; k <= 20; ++k) {
          const v = lo + ((hi - lo) * k) / 20;
          expect(t.apply(v), `colour of ${v}`).toBe(e.apply(v));
        }
        expect(e.apply(lo)).not.toBe(e.apply(hi));
        // What a reader sees: the two legends are the same drawing.
        const legend = (f: Element) => normalise(f.querySelector("svg[class$='-ramp']")?.outerHTML ?? "no legend");
        expect(legend(truth)).toBe(legend(estimate));
      });

      it("colours the error on a diverging scale symmetric about zero: red below, blue above", () => {
        const scale = scaleOf(panel("Error"), "color");
        expect(scale.type).toBe("diverging");
        const [d0, d1] = domainOf(scale);
        expect(d0).toBe(-d1);
        const maxErr = Math.max(...est.error.map(Math.abs));
        expect(d1).toBeGreaterThanOrEqual(maxErr);
        const colour = (v: number) => rgb(String(scale.apply(v)));
        // Zero is the neutral middle: pale, no hue.
        const zero = colour(0);
        expect(Math.min(zero.r, zero.g, zero.b)).toBeGreaterThan(200);
        for (const m of [0.25, 0.5, 1]) {
          const above = colour(m * maxErr);
          const below = colour(-m * maxErr);
          expect(above.b, `+${m}·max is blue`).toBeGreaterThan(above.r);
          expect(below.r, `−${m}·max is red`).toBeGreaterThan(below.b);
        }
      });

      it("puts the three panels on the same x and y domains: the grid plus half a cell each side", () => {
        const {x1, x2} = est.grid;
        const h1 = (x1[1] - x1[0]) / 2;
        const h2 = (x2[1] - x2[0]) / 2;
        for (const f of figures) {
          expect(domainOf(scaleOf(f, "x"))).toEqual([x1[0] - h1, x1[x1.length - 1] + h1]);
          expect(domainOf(scaleOf(f, "y"))).toEqual([x2[0] - h2, x2[x2.length - 1] + h2]);
        }
      });

      it("draws every training sample where it is, on every panel", () => {
        for (const f of figures) {
          // One path of circles: per dot a move to its left end, then two half-circle arcs of radius 0.8.
          const d = f.querySelector(".estimate-samples path")!.getAttribute("d")!;
          const dots = [...d.matchAll(/M([-\d.]+),([-\d.]+)a0\.8,0\.8 0 1,0 1\.6,0a0\.8,0\.8 0 1,0 -1\.6,0/g)].map((m) => [Number(m[1]) + 0.8, Number(m[2])]);
          expect(dots).toHaveLength(samples.length);
          expect(d.split("M")).toHaveLength(samples.length + 1);
          const [x, y] = [scaleOf(f, "x"), scaleOf(f, "y")];
          dots.forEach(([cx, cy], i) => {
            expect(cx).toBeCloseTo(x.apply(samples[i][0]), 1);
            expect(cy).toBeCloseTo(y.apply(samples[i][1]), 1);
          });
        }
      });
    });
  }
});

describe("exact zone map chart (golden)", async () => {
  const {zoneMapChart} = await import("../../src/components/zone-map-chart.js");
  const {exactPartition, zoneIndexContaining} = await import("../../src/lib/partition.js");
  const large = await loadFixture("large-relu");
  it("draws one polygon per exact zone and outlines the selected one", () => {
    const net = snapshotNetwork(large);
    const partition = exactPartition(net);
    const chart = zoneMapChart(partition, {network: net, width, document});
    const polygons = [...chart.querySelectorAll("path.zone")];
    expect(polygons).toHaveLength(partition.zones.length);
    chart.select([1, 1]);
    const i = zoneIndexContaining(partition, [1, 1]);
    expect(chart.querySelector(".selected-zone")!.getAttribute("d")).toBe(polygons[i].getAttribute("d"));
    // select() moves the marker only: the polygons are the same elements with the same shapes.
    chart.select([-1, 0.5]);
    expect([...chart.querySelectorAll("path.zone")]).toEqual(polygons);
    expectGolden(chart, "zone-map-exact");
  });
});
