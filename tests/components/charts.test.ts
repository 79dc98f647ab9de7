// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {expectGolden, loadFixture} from "./golden.js";
import {datasetScatter} from "../../src/components/dataset-scatter.js";
import {lossHistory} from "../../src/components/loss-history.js";
import {modelEstimate} from "../../src/components/model-estimate.js";
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

const width = 640;
/** Pixel positions are compared to this many decimals (far below a pixel). */
const PIXEL_DIGITS = 9;

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
    expect(chart.textContent).toContain("tfjs, units 2-4-1, depth 2, relu, lr 0.005, adam, 12 epochs, batch 20");
    expectGolden(chart, "loss-history");
  });

  it("model estimate, truth and error panels", () => {
    const est = gridEstimate(net, "prod", relu.data.x);
    for (const kind of ["estimate", "truth", "error"] as const) {
      expectGolden(modelEstimate(est, {width, kind, samples: relu.data.x, document}), `model-estimate-${kind}`);
    }
  });

  it("estimate panels move their rings without redrawing", async () => {
    const {estimatePanels} = await import("../../src/components/estimate-panels.js");
    const est = gridEstimate(net, "prod", relu.data.x);
    const panels = estimatePanels(est, {width, samples: relu.data.x, document});
    const contours = [...panels.querySelectorAll("path")];
    panels.select(4);
    const svgs = [...panels.querySelectorAll("figure > svg[aria-label]")];
    expect(svgs).toHaveLength(3);
    for (const svg of svgs) {
      expect(svg.getAttribute("aria-label")).toContain("selected sample 4 ringed");
      const ring = svg.querySelector(".selected-ring circle:last-child")!;
      const figure = svg.parentElement as unknown as {scale(n: string): {apply(v: number): number}};
      expect(Number(ring.getAttribute("cx"))).toBeCloseTo(figure.scale("x").apply(relu.data.x[4][0]), PIXEL_DIGITS);
      expect(Number(ring.getAttribute("cy"))).toBeCloseTo(figure.scale("y").apply(relu.data.x[4][1]), PIXEL_DIGITS);
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
    const scale = chart as unknown as {scale(n: string): {apply(v: number): number}};
    const drawn = d.slice(1, -1).split("L").map((xy) => xy.split(",").map(Number));
    expect(drawn).toHaveLength(poly.length);
    drawn.forEach(([px, py], i) => {
      expect(px).toBeCloseTo(scale.scale("x").apply(poly[i][0]), PIXEL_DIGITS);
      expect(py).toBeCloseTo(scale.scale("y").apply(poly[i][1]), PIXEL_DIGITS);
    });
    expect(chart.querySelector("svg[aria-label*='selected point (1.00, 1.00)']")).not.toBeNull();
    expect([...chart.querySelectorAll("path")].filter((p) => !p.classList.contains("selected-zone"))).toEqual(lines);
  });

  it("writes the segment with signed terms", () => {
    const chart = localLinearChart(net, {width, dataset: "prod", point: [-1, 1], direction: [1, -0.5], x1Range: [-2.6, 0.6], document});
    expect(chart.textContent).toContain("along x₂ = 1.00 − 0.50·(x₁ + 1.00)");
    const flat = localLinearChart(net, {width, dataset: "prod", point: [0, 2], direction: [1, 0], x1Range: [-1.6, 1.6], document});
    expect(flat.textContent).toContain("along x₂ = 2.00;");
  });

  it("local linear function against the truth", () => {
    const chart = localLinearChart(net, {width, dataset: "prod", point: [1, 1], direction: [1, 0.5], x1Range: [-0.6, 2.6], document});
    expectGolden(chart, "local-linear-chart");
  });

  it("zone steps print the four steps of the article, ending in the zone's coefficients", () => {
    const view = zoneStepsView(net, [0, 0], {document});
    const s = zoneSteps(net, activationMask(net, [0, 0])[0]);
    expect(view.textContent).toContain("Mask at (0.00, 0.00): [1, 0, 1, 0]: units 1 and 3 are active.");
    expect(view.querySelectorAll("table")).toHaveLength(4);
    for (const c of s.coefficients) expect(view.textContent).toContain(fixed(c, 4));
    expectGolden(view, "zone-steps");
  });

  it("network and parameter tables", () => {
    expectGolden(networkTable([relu, large, sigmoid], document), "network-table");
    expectGolden(parameterTable([sigmoid, relu], document), "parameter-table");
  });
});

describe("zone map chart (golden)", async () => {
  const {zoneMapChart} = await import("../../src/components/zone-map-chart.js");
  const {zoneMap} = await import("../../src/lib/zone-map.js");
  const large = await loadFixture("large-relu");
  it("colours each activation pattern and names the selected zone", () => {
    const net = snapshotNetwork(large);
    const map = zoneMap(net, 2, 21);
    const chart = zoneMapChart(net, map, {width, document});
    chart.select([1, 1]);
    expect(chart.textContent).toContain(`${map.zones.length} zones found`);
    const cells = [...chart.querySelectorAll(".zone-cells rect")];
    expect(cells).toHaveLength(map.points.length);
    const mine = map.keys[map.points.findIndex((p) => p[0] === 1 && p[1] === 1)];
    // The mark draws every cell at 0.35; select() sets 1 on the cells of the selected zone only.
    cells.forEach((c, i) => expect(c.getAttribute("fill-opacity")).toBe(map.keys[i] === mine ? "1" : null));
    expectGolden(chart, "zone-map");
  });
});
