// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {loadFixture} from "./golden.js";
import {zoneExplorer} from "../../src/components/zone-explorer.js";
import {zoneCountChart, zoneCounts} from "../../src/components/zone-count-chart.js";
import {exactPartition, zoneContaining} from "../../src/lib/partition.js";
import {localLinear} from "../../src/lib/regions.js";
import {fixed, linearFormula} from "../../src/lib/format.js";
import {createSelection} from "../../src/lib/selection.js";
import {networkAtEpoch, snapshotNetwork, type Snapshot} from "../../src/lib/snapshot.js";
import type {Point} from "../../src/lib/datasets.js";

const width = 640;

describe("zone explorer (exact map)", async () => {
  const large = await loadFixture("large-relu");
  const small = await loadFixture("small-relu");
  const sigmoid = await loadFixture("small-sigmoid");
  const net = snapshotNetwork(large);
  const partition = exactPartition(net);

  it("draws every exact zone and states the exact count", () => {
    const explorer = zoneExplorer(net, {width, dataset: "prod", document});
    expect(explorer.querySelectorAll("path.zone")).toHaveLength(partition.zones.length);
    expect(explorer.querySelector(".zone-count")!.textContent).toContain(`exactly ${partition.zones.length} zones`);
  });

  it("select() writes the point's formula and the product form, without redrawing the polygons", () => {
    const explorer = zoneExplorer(net, {width, dataset: "prod", document});
    const polygons = [...explorer.querySelectorAll("path.zone")];
    for (const p of [[1, 1], [-1.3, 0.4], [0.2, -1.7]] as Point[]) {
      explorer.select(p);
      const {a, b, c} = localLinear(net, p);
      expect(explorer.querySelector(".zone-formula")!.textContent).toContain(linearFormula(a, b, c));
      expect(explorer.querySelector(".zone-tangent")!.textContent).toContain("tangent plane");
      expect(explorer.querySelector(".zone-product")!.textContent).toContain("J = W⁽⁰⁾ D⁽⁰⁾ W⁽¹⁾ D⁽¹⁾ W⁽²⁾");
      // The product form ends on J = (a, b) and c, to the table's three decimals.
      expect(explorer.querySelector(".zone-product")!.textContent).toContain(`J = (a, b) = (${fixed(a, 3)}, ${fixed(b, 3)})`);
      expect(explorer.querySelector(".zone-product")!.textContent).toContain(`give c = ${fixed(c, 3)}`);
    }
    expect([...explorer.querySelectorAll("path.zone")]).toEqual(polygons);
    expect(zoneContaining(partition, [1, 1])).not.toBeNull();
  });

  it("writes another point's product form into the same table, as a fresh explorer draws it, and leaves the matrices open", () => {
    const explorer = zoneExplorer(net, {width, dataset: "prod", document});
    explorer.select([1, 1]);
    const cells = [...explorer.querySelectorAll(".zone-detail td")];
    explorer.querySelector<HTMLDetailsElement>(".zone-detail details")!.open = true;
    const q: Point = [-1.3, 0.4];
    explorer.select(q);
    expect([...explorer.querySelectorAll(".zone-detail td")]).toEqual(cells);
    const fresh = zoneExplorer(net, {width, dataset: "prod", document});
    fresh.select(q);
    fresh.querySelector<HTMLDetailsElement>(".zone-detail details")!.open = true;
    expect(explorer.querySelector(".zone-detail")!.innerHTML).toBe(fresh.querySelector(".zone-detail")!.innerHTML);
  });

  it("shows the article's four steps for one hidden layer", () => {
    const explorer = zoneExplorer(snapshotNetwork(small), {width, dataset: "prod", document});
    explorer.select([0.5, 0.5]);
    expect(explorer.querySelector(".zone-steps")).not.toBeNull();
    expect(explorer.querySelector(".zone-product")).toBeNull();
  });

  it("switches colouring between output and slope", () => {
    const explorer = zoneExplorer(net, {width, dataset: "prod", document});
    const fills = () => [...explorer.querySelectorAll("path.zone")].map((p) => p.getAttribute("fill"));
    const before = fills();
    const slope = explorer.querySelector<HTMLInputElement>("input[value=slope]")!;
    slope.checked = true;
    slope.dispatchEvent(new Event("change"));
    expect(explorer.querySelector(".zone-map")!.getAttribute("data-color-by")).toBe("slope");
    expect(fills()).not.toEqual(before);
  });

  it("follows the selection: point, hover, unit and epoch", () => {
    const selection = createSelection({point: [1, 1], sample: null, epoch: large.spec.epochs, unit: null, hover: null});
    const explorer = zoneExplorer(net, {width, dataset: "prod", selection, networkAt: (e) => networkAtEpoch(large, e), document});
    const formula = () => explorer.querySelector(".zone-formula")!.textContent;
    const polygons = [...explorer.querySelectorAll("path.zone")];
    selection.set({point: [-1, 1]});
    const {a, b, c} = localLinear(networkAtEpoch(large, large.spec.epochs), [-1, 1]);
    expect(formula()).toContain(linearFormula(a, b, c));
    expect([...explorer.querySelectorAll("path.zone")]).toEqual(polygons);
    selection.set({unit: {layer: 2, unit: 1}});
    expect(explorer.querySelector(".zone-map")!.getAttribute("data-highlight")).toBe("2-1");
    selection.set({hover: {layer: 1, unit: 3}});
    expect(explorer.querySelector(".zone-map")!.getAttribute("data-highlight")).toBe("1-3");
    expect(explorer.querySelector(".active-half-plane")).not.toBeNull();
    selection.set({hover: null});
    expect(explorer.querySelector(".zone-map")!.getAttribute("data-highlight")).toBe("2-1");
    // An earlier checkpoint: the map of that network.
    const first = large.checkpoints[0].epoch;
    selection.set({epoch: first});
    expect(explorer.querySelectorAll("path.zone")).toHaveLength(exactPartition(networkAtEpoch(large, first)).zones.length);
  });

  it("says when the point lies off the map, and its segment still runs through it", () => {
    const selection = createSelection({point: [1, 1], sample: null, epoch: large.spec.epochs, unit: null, hover: null});
    const explorer = zoneExplorer(net, {width, dataset: "prod", selection, networkAt: (e) => networkAtEpoch(large, e), document});
    // Past the data square [−2, 2]² but inside the square a reader may pick a point in.
    const p: [number, number] = [2.8, 2.9];
    selection.set({point: p});
    const {a, b, c} = localLinear(networkAtEpoch(large, large.spec.epochs), p);
    const formula = explorer.querySelector(".zone-formula")!.textContent!;
    expect(formula).toMatch(/^\(2\.800, 2\.900\) lies off the map, outside \[−2, 2\]²; in its zone, y = /);
    expect(formula).toContain(linearFormula(a, b, c));
    // The segment chart's dot (the point) is inside its plot: its x range reaches the point.
    const svg = [...explorer.querySelectorAll<SVGSVGElement>(".zone-segment svg")].find((s) => s.querySelector("circle"))!;
    const dots = [...svg.querySelectorAll("circle")].map((d) => Number(d.getAttribute("cx")));
    expect(dots.length).toBeGreaterThan(0);
    for (const cx of dots) expect(cx).toBeLessThanOrEqual(Number(svg.getAttribute("width")));
  });

  it("writes to the selection: Enter picks the cursor's point, a boundary under the cursor is the hovered unit", () => {
    const selection = createSelection({point: [1, 1], sample: 3, epoch: large.spec.epochs, unit: null, hover: null});
    const explorer = zoneExplorer(net, {width, dataset: "prod", selection, document});
    const svg = explorer.querySelector<SVGSVGElement>(".zone-map svg[tabindex]")!;
    svg.dispatchEvent(new Event("focus"));
    svg.dispatchEvent(new KeyboardEvent("keydown", {key: "ArrowRight"}));
    svg.dispatchEvent(new KeyboardEvent("keydown", {key: "Enter"}));
    expect(selection.get().point).toEqual([0.1, 0]);
    expect(selection.get().sample).toBeNull();
    expect(explorer.querySelector(".zone-cursor-text")!.textContent).toMatch(/^Point \(0\.10, 0\.00\) lies in zone \d+ of \d+/);
    // Walk the cursor along x2 = 0 until it meets a boundary: hover names a unit whose z is 0 nearby.
    let hovered = selection.get().hover;
    for (let i = 0; i < 40 && !hovered; ++i) {
      svg.dispatchEvent(new KeyboardEvent("keydown", {key: "ArrowRight"}));
      hovered = selection.get().hover;
    }
    expect(hovered).not.toBeNull();
    svg.dispatchEvent(new Event("blur"));
    expect(selection.get().hover).toBeNull();
  });

  it("shows another epoch's partition in place, as a fresh map of it would", () => {
    // The fixture stores its last epoch only: add earlier checkpoints, each first layer's biases shifted.
    const shifted = (epoch: number) =>
      large.layers.map((l, k) => ({weights: l.weights, biases: k === 0 ? l.biases.map((b, j) => b + 0.3 * (epoch - 6) * (j % 2 ? 1 : -1)) : l.biases}));
    const replay: Snapshot = {...large, checkpoints: [0, 3, 6, 9].map((epoch) => ({epoch, layers: shifted(epoch)})).concat(large.checkpoints)};
    const at = (e: number) => networkAtEpoch(replay, e);
    const selection = createSelection({point: [0.6, -0.4], sample: null, epoch: large.spec.epochs, unit: {layer: 1, unit: 2}, hover: null});
    const explorer = zoneExplorer(net, {width, dataset: "prod", selection, networkAt: at, document});
    const svg = explorer.querySelector(".zone-map svg[role=application]")!;
    const look = (root: Element) => ({
      zones: [...root.querySelectorAll("path.zone")].map((p) => [p.getAttribute("data-zone"), p.getAttribute("d"), p.getAttribute("fill")]),
      outline: root.querySelector(".selected-zone")!.getAttribute("d"),
      boundary: [...root.querySelectorAll(".unit-boundary")].map((p) => p.getAttribute("d")),
      label: root.querySelector(".zone-map svg[role=application]")!.getAttribute("aria-label"),
      legend: root.querySelector(".zone-legend")!.textContent,
      count: root.querySelector(".zone-count")!.textContent
    });
    // Forward through every checkpoint (the zone count rises and falls), then back to the last.
    const counts = new Set<number>();
    for (const epoch of [0, 3, 6, 9, large.spec.epochs, 3]) {
      selection.set({epoch});
      const fresh = zoneExplorer(at(epoch), {width, dataset: "prod", selection: createSelection(selection.get()), networkAt: at, document});
      expect(look(explorer), `epoch ${epoch}`).toEqual(look(fresh));
      counts.add(explorer.querySelectorAll("path.zone").length);
    }
    // The checkpoints' maps differ in their number of zones, so paths were both added and removed.
    expect(counts.size).toBeGreaterThan(2);
    // The same chart throughout: only its contents changed.
    expect(explorer.querySelector(".zone-map svg[role=application]")).toBe(svg);
  });

  it("keeps the note for a smooth activation", () => {
    const explorer = zoneExplorer(snapshotNetwork(sigmoid), {width, dataset: "prod", document});
    expect(explorer.textContent).toContain("nowhere exactly linear");
    expect(() => explorer.select([0, 0])).not.toThrow();
  });

});

describe("zone count chart", async () => {
  const fixture = await loadFixture("large-relu");
  // The fixture stores one checkpoint; three made from it (biases scaled, so the lines move) give the chart a course.
  const large: Snapshot = {
    ...fixture,
    checkpoints: [0, 5, 10, 12].map((epoch) => ({
      epoch,
      layers: fixture.layers.map((l) => ({weights: l.weights, biases: l.biases.map((b) => (b * (epoch + 2)) / 14)}))
    }))
  };
  const sigmoid = await loadFixture("small-sigmoid");

  it("counts every checkpoint exactly", () => {
    const counts = zoneCounts(large);
    expect(counts.map((c) => c.epoch)).toEqual(large.checkpoints.map((c) => c.epoch));
    counts.forEach((c, i) => expect(c.count).toBe(exactPartition(snapshotNetwork(large, large.checkpoints[i].layers)).zones.length));
  });

  it("moves its cursor with the selection's epoch and sets it by keyboard", () => {
    const epochs = large.checkpoints.map((c) => c.epoch);
    const selection = createSelection({point: [0, 0], sample: null, epoch: epochs[epochs.length - 1], unit: null, hover: null});
    const chart = zoneCountChart(large, {width, selection, document});
    const svg = chart.querySelector<SVGSVGElement>("svg[tabindex]")!;
    expect(svg.getAttribute("aria-valuenow")).toBe(String(epochs[epochs.length - 1]));
    svg.dispatchEvent(new KeyboardEvent("keydown", {key: "Home"}));
    expect(selection.get().epoch).toBe(epochs[0]);
    expect(svg.getAttribute("aria-valuenow")).toBe(String(epochs[0]));
    svg.dispatchEvent(new KeyboardEvent("keydown", {key: "ArrowRight"}));
    expect(selection.get().epoch).toBe(epochs[1]);
    const x = chart.querySelector(".epoch-cursor")!.getAttribute("x1");
    chart.setEpoch(epochs[0]);
    expect(chart.querySelector(".epoch-cursor")!.getAttribute("x1")).not.toBe(x);
  });

  it("returns a note for a smooth activation", () => {
    const chart = zoneCountChart(sigmoid, {width, document});
    expect(chart.textContent).toContain("nowhere exactly linear");
  });
});
