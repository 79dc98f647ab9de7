// @vitest-environment jsdom
// The polish items of issue 8, each guarded here: the loss chart's log axis and title, the weight
// heatmap's palettes, the introduction's units column, the checkpoint lines chart's ring, each zone's
// formula written once, and the sample picker's index box after a refused value.
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {loadFixture} from "./golden.js";
import {decadeLabel, decades, lossHistory, TICK_FONT} from "../../src/components/loss-history.js";
import {DIAGRAM_COLOURS, HEATMAP_PALETTES, weightHeatmap} from "../../src/components/weight-heatmap.js";
import {paletteScale, PALETTES} from "../../src/components/palettes.js";
import {magnitudeMax, parameterScale} from "../../src/components/parameter-scale.js";
import {networkTable} from "../../src/components/network-table.js";
import {firstLayerLinesChart} from "../../src/components/first-layer-lines.js";
import {zoneView} from "../../src/components/zone-view.js";
import {localLinearChart} from "../../src/components/local-linear-chart.js";
import {samplePicker} from "../../src/components/sample-picker.js";
import {chartSvg} from "../../src/components/plot-click.js";
import {describeModel} from "../../src/lib/spec.js";
import {summarize} from "../../src/lib/manifest.js";
import {snapshotNetwork, type Snapshot} from "../../src/lib/snapshot.js";

const width = 640;

/**
 * The y axis's tick labels of a Plot chart: Plot writes a left axis's tick labels in one group of
 * tabular figures anchored at their end (the x axis's tick labels are centred, the axis labels are
 * not tabular).
 */
function yTickLabels(chart: Element): string[] {
  const svg = chart.tagName.toLowerCase() === "svg" ? chart : chart.querySelector(":scope > svg")!;
  return [...svg.querySelectorAll("g[text-anchor='end'][font-variant='tabular-nums'] text")].map((t) => t.textContent ?? "");
}

/**
 * Where each y tick label of a Plot chart ends on the SVG's x axis (text-anchor end): its own
 * translate plus its group's, as Plot writes them.
 */
function yTickLabelEnds(chart: Element): {label: string; end: number}[] {
  const svg = chart.tagName.toLowerCase() === "svg" ? chart : chart.querySelector(":scope > svg")!;
  const dx = (e: Element) => Number(/translate\(([-\d.e]+)/.exec(e.getAttribute("transform") ?? "")?.[1] ?? 0);
  const group = svg.querySelector("g[text-anchor='end'][font-variant='tabular-nums']")!;
  return [...group.querySelectorAll("text")].map((t) => ({label: t.textContent ?? "", end: dx(group) + dx(t)}));
}

/** The power of ten at or below v. */
const decadeOf = (v: number) => 10 ** Math.floor(Math.log10(v));

describe("loss history", async () => {
  const relu = await loadFixture("small-relu");

  it("is titled with the original's model description, depth counting hidden layers", () => {
    const chart = lossHistory(relu, {width, document});
    expect(chart.querySelector("h2")!.textContent).toBe("lib: tf, units: 2-4-1, depth: 1, act: relu, lr: 0.005, opt: adam, epochs: 12, batchSize: 20");
    expect(chart.querySelector("h2")!.textContent).toBe(describeModel(relu.spec));
  });

  // The large network's run: from 0.1 down to the article's final loss 0.000351, whose decade
  // (0.0001 to 0.001) had no label when the axis ended at the data.
  const large: Snapshot = {
    ...relu,
    lossHistory: relu.lossHistory.map((_, e, all) => 0.1 * (0.000351 / 0.1) ** (e / (all.length - 1))),
    mseHistory: relu.mseHistory.map((_, e, all) => 0.09 * (0.0004 / 0.09) ** (e / (all.length - 1)))
  };

  for (const [name, snap] of [
    ["the fixture", relu],
    ["a run ending at 0.000351", large]
  ] as const)
    it(`labels every decade of ${name} in decimal, the final loss's included`, () => {
      const labels = yTickLabels(lossHistory(snap, {width, document}));
      expect(labels.length).toBeGreaterThan(1);
      // Decimal notation: no SI prefix ("1m"), no exponent.
      for (const label of labels) expect(label, label).toMatch(/^\d+(\.\d+)?$/);
      const values = [...snap.lossHistory, ...snap.mseHistory];
      const expected = decades(Math.min(...values), Math.max(...values)).map(decadeLabel);
      expect(labels).toEqual(expected);
      // Every decade from the smallest value's to the largest's has its label.
      for (const v of values) expect(labels, `decade of ${v}`).toContain(decadeLabel(decadeOf(v)));
      expect(labels).toContain(decadeLabel(decadeOf(snap.lossHistory[snap.lossHistory.length - 1])));
    });

  // A run from ~10000 down to ~1e-6: the widest labels either way ("10000", "0.000001").
  const extreme: Snapshot = {
    ...relu,
    lossHistory: relu.lossHistory.map((_, e, all) => 5000 * (2e-6 / 5000) ** (e / (all.length - 1))),
    mseHistory: relu.mseHistory.map((_, e, all) => 4000 * (3e-6 / 4000) ** (e / (all.length - 1)))
  };

  for (const [name, snap] of [
    ["the fixture", relu],
    ["a run ending at 0.000351", large],
    ["a run from 5000 to 0.000002", extreme]
  ] as const)
    it(`leaves room left of the y axis for the widest tick label of ${name}`, () => {
      const ends = yTickLabelEnds(lossHistory(snap, {width, document}));
      expect(ends.length).toBeGreaterThan(1);
      // jsdom measures no text: each label is at most TICK_FONT.charWidth a character (an upper
      // estimate for the 10 px tabular figures), so its left end is at least its right end minus that.
      for (const {label, end} of ends) expect(end - label.length * TICK_FONT.charWidth, label).toBeGreaterThanOrEqual(0);
    });

  it("writes powers of ten in decimal and spans whole decades", () => {
    expect([1e-4, 1e-3, 0.01, 0.1, 1, 10].map(decadeLabel)).toEqual(["0.0001", "0.001", "0.01", "0.1", "1", "10"]);
    expect(decades(0.000351, 0.1).map(decadeLabel)).toEqual(["0.0001", "0.001", "0.01", "0.1"]);
    // Values inside one decade still get the two powers of ten around them.
    expect(decades(0.002, 0.008).map(decadeLabel)).toEqual(["0.001", "0.01"]);
  });
});

describe("weight heatmap palettes", async () => {
  const relu = await loadFixture("small-relu");
  const layer = relu.layers[0];
  const values = [...layer.weights.flat(), ...layer.biases];
  const cells = (el: Element) => [...el.querySelectorAll("figure > svg rect")].map((r) => r.getAttribute("fill"));

  it("colours the cells with viridis from the smallest value to the largest by default, as imshow does", () => {
    const heatmap = weightHeatmap(layer, {width, document});
    const viridis = paletteScale(PALETTES.viridis, [Math.min(...values), Math.max(...values)]);
    expect(cells(heatmap)).toEqual(values.map((v) => viridis(v)));
    // The extremes take the palette's ends.
    expect(cells(heatmap)).toContain(PALETTES.viridis(0));
    expect(cells(heatmap)).toContain(PALETTES.viridis(1));
    expect(heatmap.querySelector("select")!.value).toBe("viridis");
  });

  it("offers every palette and the flow diagram's parameter colours, and redraws with the one chosen", () => {
    const heatmap = weightHeatmap(layer, {width, document});
    const select = heatmap.querySelector("select")!;
    expect([...select.options].map((o) => o.value)).toEqual([...HEATMAP_PALETTES]);
    select.value = DIAGRAM_COLOURS;
    select.dispatchEvent(new Event("change"));
    const scale = parameterScale(magnitudeMax(values));
    expect(cells(heatmap)).toEqual(values.map((v) => scale.color(v)));
    expect(heatmap.querySelector(".parameter-legend")).not.toBeNull();
    select.value = "cool";
    select.dispatchEvent(new Event("change"));
    const cool = paletteScale(PALETTES.cool, [Math.min(...values), Math.max(...values)]);
    expect(cells(heatmap)).toEqual(values.map((v) => cool(v)));
    // One chart at a time.
    expect(heatmap.querySelectorAll("figure")).toHaveLength(1);
  });

  it("draws the chart alone without the control", () => {
    const chart = weightHeatmap(layer, {width, palette: "rainbow", control: false, document});
    expect(chart.querySelector("select")).toBeNull();
    const rainbow = paletteScale(PALETTES.rainbow, [Math.min(...values), Math.max(...values)]);
    expect([...chart.querySelectorAll(":scope > svg rect")].map((r) => r.getAttribute("fill"))).toEqual(values.map((v) => rainbow(v)));
  });
});

describe("introduction's network table", async () => {
  const snaps = await Promise.all((["small-relu", "large-relu", "small-sigmoid"] as const).map(loadFixture));

  it("keeps each network's units on one line", () => {
    const table = networkTable(
      snaps.map((s) => summarize(s, `/${s.spec.id}`)),
      {document}
    );
    const units = [...table.querySelectorAll("tbody tr")].map((tr) => tr.querySelector("td .layer-sizes")?.textContent);
    expect(units).toEqual(["2-4-1", "2-5-5-1", "2-4-1"]);
    // The stylesheet forbids a break inside them.
    const css = readFileSync("src/style.css", "utf8");
    expect(css).toMatch(/\.network-table \.layer-sizes\s*\{[^}]*white-space:\s*nowrap/);
  });
});

describe("first-layer lines", async () => {
  const net = snapshotNetwork(await loadFixture("small-relu"));

  it("draws no ring until a point is selected", () => {
    const chart = firstLayerLinesChart(net, {width, zoneOf: [0, 0], marks: [{point: [1, 1], label: "NE"}], document});
    expect(chart.querySelector(".selected-ring")).toBeNull();
    // No circle anywhere sits without a centre (which would draw it at the svg's top left corner).
    for (const c of chartSvg(chart)!.querySelectorAll("circle")) expect(c.hasAttribute("cx") && c.hasAttribute("cy")).toBe(true);
    chart.select([1, 1]);
    const rings = chart.querySelectorAll(".selected-ring circle");
    expect(rings).toHaveLength(2);
    const x = chart.scale("x")!;
    const y = chart.scale("y")!;
    for (const c of rings) {
      expect(Number(c.getAttribute("cx"))).toBeCloseTo(x.apply(1), 9);
      expect(Number(c.getAttribute("cy"))).toBeCloseTo(y.apply(1), 9);
    }
    // A second selection moves the same ring.
    chart.select([-1, 1]);
    expect(chart.querySelectorAll(".selected-ring")).toHaveLength(1);
  });
});

describe("zone view", async () => {
  const net = snapshotNetwork(await loadFixture("small-relu"));
  const count = (text: string | null, part: string) => (text ?? "").split(part).length - 1;

  it("writes the zone's formula once", () => {
    for (const point of [[0, 0], [1, 1], [-1, 1], [0, 2]] as const) {
      const view = zoneView(net, {width, point: [point[0], point[1]], dataset: "prod", direction: [1, 0.5], document});
      expect(count(view.textContent, "y ≈"), `zone of (${point})`).toBe(1);
      // The chart is still there, titled by what it shows.
      expect(view.querySelector("h2")!.textContent).toBe("The zone's linear function against the truth");
    }
  });

  it("leaves the formula to the page when asked, and a chart on its own keeps it as its title", () => {
    const view = zoneView(net, {width, point: [0, 0], dataset: "prod", direction: [1, 0.5], formula: false, document});
    expect(count(view.textContent, "y ≈")).toBe(0);
    const chart = localLinearChart(net, {width, dataset: "prod", point: [1, 1], direction: [1, 0.5], x1Range: [-0.6, 2.6], document});
    expect(count(chart.querySelector("h2")!.textContent, "y ≈")).toBe(1);
  });
});

describe("sample picker", async () => {
  const snap = await loadFixture("small-relu");

  it("puts the current sample back in the index box after refusing a value, keeping the message", () => {
    const picker = samplePicker(snap.data, {value: 2, document});
    const events: number[] = [];
    picker.addEventListener("input", () => events.push(picker.value));
    const index = picker.querySelector<HTMLInputElement>("input[type=number]")!;
    const slider = picker.querySelector<HTMLInputElement>("input[type=range]")!;
    const error = picker.querySelector<HTMLElement>(".picker-error")!;
    for (const bad of ["99999", "-1", "2.5", ""]) {
      index.value = bad;
      index.dispatchEvent(new Event("change"));
      expect(error.hidden).toBe(false);
      expect(error.textContent).toContain(`got "${bad}"`);
      expect(error.textContent).toContain("still showing sample 2");
      // The box, the slider and the value agree on the sample still shown.
      expect(index.value).toBe("2");
      expect(slider.value).toBe("2");
      expect(picker.value).toBe(2);
    }
    expect(events).toEqual([]);
    // A good value clears the message.
    index.value = "5";
    index.dispatchEvent(new Event("change"));
    expect(error.hidden).toBe(true);
    expect(picker.value).toBe(5);
  });
});
