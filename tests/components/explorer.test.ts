// @vitest-environment jsdom
// The explorer on the page's selection, in jsdom: a free point anywhere in the plane (no sample),
// the keyboard cursor, a replayed epoch (the diagram shows that checkpoint's forward pass), a hovered
// unit (a class toggle, no announcement), and a caller that passes no selection at all.
import {afterEach, describe, expect, it, vi} from "vitest";
import {explorer, POINT_RANGE} from "../../src/components/explorer.js";
import {forward, type Layer, type Network} from "../../src/lib/network.js";
import {networkAtEpoch, snapshotNetwork, type Snapshot} from "../../src/lib/snapshot.js";
import {startSelection} from "../../src/lib/page-selection.js";
import {loadFixture} from "./golden.js";
import {fixed} from "../../src/lib/format.js";
import {stubViewport} from "./viewport-stub.js";
import {flowDiagram} from "../../src/components/flow-diagram.js";
import {magnitudeMax, parameterScale} from "../../src/components/parameter-scale.js";

/** The z of every neuron the diagram draws (exact, from its data attributes), layer by layer. */
function drawnZ(root: Element): number[] {
  return [...root.querySelectorAll(".flow-diagram .neuron[data-layer]")].map((n) => Number(n.getAttribute("data-z")));
}

const zOf = (net: Network, p: readonly number[]) => forward(net, p).z.flat();

/** The longest the panels may take to catch up with the epoch in view in these tests (ms). */
const CATCH_UP_MS = 3000;

/** Resolves once the panels are no longer behind (aria-busy): they compute a checkpoint met first after the frame that shows the change. */
async function panelsCaughtUp(root: Element): Promise<void> {
  const panels = root.querySelector(".estimate-panels")!;
  const start = performance.now();
  while (panels.getAttribute("aria-busy") === "true") {
    if (performance.now() - start > CATCH_UP_MS) throw new Error(`the panels did not catch up within ${CATCH_UP_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The fixture with a second, earlier checkpoint whose parameters are half the trained ones. */
async function withTwoCheckpoints(): Promise<Snapshot> {
  const snap = await loadFixture("small-relu");
  const half = (layers: Layer[]) => layers.map((l) => ({weights: l.weights.map((r) => r.map((w) => w / 2)), biases: l.biases.map((b) => b / 2)}));
  return {...snap, checkpoints: [{epoch: 0, layers: half(snap.layers)}, ...snap.checkpoints]};
}

afterEach(() => vi.unstubAllGlobals());

describe("explorer", () => {
  it("keeps working for a caller that passes no selection, and shows a typed free point exactly", async () => {
    const snap = await loadFixture("small-relu");
    const net = snapshotNetwork(snap);
    const ex = explorer(snap, {width: 640, document});
    expect(ex.value).toMatchObject({sample: expect.any(Number), epoch: snap.spec.epochs, neuron: null});
    let events = 0;
    ex.addEventListener("input", () => ++events);
    ex.selectPoint([0.3, -0.7]);
    expect(events).toBe(1);
    expect(ex.value).toEqual({point: [0.3, -0.7], sample: null, epoch: snap.spec.epochs, neuron: null});
    expect(drawnZ(ex)).toEqual(zOf(net, [0.3, -0.7]));
    expect(ex.querySelector(".flow-diagram figcaption")!.textContent).toMatch(/^The point \(0\.300, −0\.700\) through/);
    expect(ex.querySelector("form.sample-picker output")!.textContent).toMatch(/^Point \(0\.300, −0\.700\), no sample/);
    // The picker's sample controls say there is no sample, not the last one.
    const picker = ex.querySelector<HTMLFormElement>("form.sample-picker")!;
    expect(picker.classList.contains("free-point")).toBe(true);
    expect(picker.querySelector<HTMLInputElement>("input[type=number]")!.value).toBe("");
    expect(picker.querySelector("input[type=range]")!.getAttribute("aria-valuetext")).toBe("no sample: a free point");
    // "Go to point" with typed coordinates does the same.
    const [x1, x2] = [...ex.querySelectorAll<HTMLInputElement>("form.sample-picker input[type=text]")];
    x1.value = "-1.25";
    x2.value = "0.5";
    ex.querySelector<HTMLButtonElement>("button.picker-go")!.click();
    expect(ex.value.point).toEqual([-1.25, 0.5]);
    expect(ex.value.sample).toBeNull();
    expect(events).toBe(2);
    // The fields take any point a click or an arrow key can choose (the square [−POINT_RANGE,
    // POINT_RANGE]², past the data's range), so the coordinates they show can be sent again.
    x1.value = String(POINT_RANGE);
    x2.value = String(-POINT_RANGE);
    ex.querySelector<HTMLButtonElement>("button.picker-go")!.click();
    expect(ex.value.point).toEqual([POINT_RANGE, -POINT_RANGE]);
    x1.value = String(POINT_RANGE + 0.01);
    ex.querySelector<HTMLButtonElement>("button.picker-go")!.click();
    expect(ex.value.point).toEqual([POINT_RANGE, -POINT_RANGE]);
    expect(ex.querySelector(".picker-error")!.textContent).toMatch(/^x₁ must be between −3\.00 and 3\.00, got "3\.01"/);
    expect(events).toBe(3);
    // A sample chosen again is shown as one.
    const slider = picker.querySelector<HTMLInputElement>("input[type=range]")!;
    slider.value = "3";
    slider.dispatchEvent(new Event("input", {bubbles: true}));
    expect(ex.value.sample).toBe(3);
    expect(picker.classList.contains("free-point")).toBe(false);
    expect(picker.querySelector<HTMLInputElement>("input[type=number]")!.value).toBe("3");
    expect(slider.hasAttribute("aria-valuetext")).toBe(false);
  });

  it("updates the diagram in place for another point, and its arithmetic then uses that point", async () => {
    const snap = await loadFixture("small-relu");
    const net = snapshotNetwork(snap);
    const selection = startSelection(snap);
    const ex = explorer(snap, {width: 640, selection, document});
    const diagram = ex.querySelector(".flow-diagram");
    const p: [number, number] = [1.234, -0.5];
    selection.set({point: p, sample: null});
    expect(ex.querySelector(".flow-diagram")).toBe(diagram);
    expect(drawnZ(ex)).toEqual(zOf(net, p));
    // A unit selected after the update writes out its sum at the new point.
    ex.querySelector<SVGGElement>('.flow-diagram .neuron[data-layer="2"][data-unit="1"]')!.dispatchEvent(new MouseEvent("click", {bubbles: true}));
    expect(ex.value.neuron).toEqual({layer: 2, unit: 1});
    const out = forward(net, p).a[1][0];
    expect(ex.querySelector(".flow-diagram .flow-panel")!.textContent).toContain(`a = z = ${fixed(out, 3)}`);
  });

  it("moves the exact point with the arrow keys on the panels, and Enter snaps to the nearest sample", async () => {
    const snap = await loadFixture("small-relu");
    const selection = startSelection(snap);
    const ex = explorer(snap, {width: 640, selection, document});
    const start = selection.get().point;
    const panels = ex.querySelector<HTMLElement>(".estimate-panels")!;
    panels.dispatchEvent(new KeyboardEvent("keydown", {key: "ArrowUp", bubbles: true}));
    expect(selection.get().sample).toBeNull();
    expect(selection.get().point[0]).toBe(start[0]);
    expect(selection.get().point[1]).toBeCloseTo(start[1] + 0.05, 6);
    panels.dispatchEvent(new KeyboardEvent("keydown", {key: "ArrowLeft", shiftKey: true, bubbles: true}));
    expect(selection.get().point[0]).toBeCloseTo(start[0] - 0.5, 6);
    panels.dispatchEvent(new KeyboardEvent("keydown", {key: "Enter", bubbles: true}));
    expect(selection.get().sample).not.toBeNull();
    expect(selection.get().point).toEqual(snap.data.x[selection.get().sample!]);
  });

  it("replays an epoch: the diagram shows that checkpoint's forward pass, and the trained one again at the end", async () => {
    const snap = await withTwoCheckpoints();
    const selection = startSelection(snap);
    const ex = explorer(snap, {width: 640, selection, document});
    const point = selection.get().point;
    const contoursBefore = [...ex.querySelectorAll(".estimate-panels .estimate-contour")];
    const pathData = () => [...ex.querySelectorAll(".estimate-panels .estimate-contour")].map((g) => [...g.querySelectorAll("path")].map((p) => p.getAttribute("d")));
    const dataBefore = pathData();
    const dotsBefore = [...ex.querySelectorAll(".estimate-panels .estimate-samples path")];
    const panels = ex.querySelector(".estimate-panels")!;
    expect(panels.getAttribute("data-estimate-key")).toBe(String(snap.spec.epochs));
    selection.set({epoch: 0});
    expect(ex.value.epoch).toBe(0);
    expect(drawnZ(ex)).toEqual(zOf(networkAtEpoch(snap, 0), point));
    expect(ex.querySelector(".flow-diagram figcaption")!.textContent).toContain(`(after 0 of ${snap.spec.epochs} epochs)`);
    // Epoch 0's contours are not computed yet: the panels say they are behind, and catch up after the change is shown.
    expect(panels.getAttribute("aria-busy")).toBe("true");
    expect(pathData()).toEqual(dataBefore);
    await panelsCaughtUp(ex);
    expect(panels.getAttribute("data-estimate-key")).toBe("0");
    // The panels show the epoch's own estimate (their contours redrawn in place, the dots kept), and the slider follows.
    const contoursThen = [...ex.querySelectorAll(".estimate-panels .estimate-contour")];
    expect(contoursThen).toEqual(contoursBefore);
    const dataThen = pathData();
    // The estimate's and the error's shapes change; the truth's do not depend on the network.
    expect(dataThen[0]).not.toEqual(dataBefore[0]);
    expect(dataThen[1]).toEqual(dataBefore[1]);
    expect(dataThen[2]).not.toEqual(dataBefore[2]);
    expect([...ex.querySelectorAll(".estimate-panels .estimate-samples path")]).toEqual(dotsBefore);
    expect(dotsBefore).toHaveLength(3);
    expect(ex.querySelector<HTMLInputElement>("form.epoch-slider input")!.value).toBe("0");
    selection.set({epoch: snap.spec.epochs});
    expect(drawnZ(ex)).toEqual(zOf(snapshotNetwork(snap), point));
    // Back at the trained epoch the first contours come back, at once: they were computed.
    expect(panels.hasAttribute("aria-busy")).toBe(false);
    expect(pathData()).toEqual(dataBefore);
  });

  it("leaves the diagram's update for an idle moment while it is off screen, and brings it up to date for an export", async () => {
    const viewport = stubViewport();
    const snap = await withTwoCheckpoints();
    const selection = startSelection(snap);
    const ex = explorer(snap, {width: 640, selection, document});
    document.body.append(ex);
    const point = selection.get().point;
    const slot = ex.querySelector(".explorer-diagram")!;
    const trained = zOf(snapshotNetwork(snap), point);
    const early = zOf(networkAtEpoch(snap, 0), point);
    expect(drawnZ(ex)).toEqual(trained);

    viewport.report(false);
    selection.set({epoch: 0});
    // The explorer's value and the slider follow at once; the diagram says it is behind.
    expect(ex.value.epoch).toBe(0);
    expect(ex.querySelector<HTMLInputElement>("form.epoch-slider input")!.value).toBe("0");
    expect(drawnZ(ex)).toEqual(trained);
    expect(slot.getAttribute("aria-busy")).toBe("true");
    // Not in an idle period too short for it; in the next long one, once, with the latest state.
    viewport.runIdle(2);
    expect(drawnZ(ex)).toEqual(trained);
    viewport.runIdle();
    expect(drawnZ(ex)).toEqual(early);
    expect(slot.hasAttribute("aria-busy")).toBe(false);

    // Coming back into view brings it up to date at once.
    selection.set({epoch: snap.spec.epochs});
    expect(drawnZ(ex)).toEqual(early);
    viewport.report(true);
    expect(drawnZ(ex)).toEqual(trained);

    // An export reads the diagram through diagramSvg(), which makes a waiting update first.
    viewport.report(false);
    selection.set({point: [0.5, 0.5], sample: null});
    const svg = ex.diagramSvg()!;
    expect(svg.matches("svg.flow-svg")).toBe(true);
    expect(drawnZ(ex)).toEqual(zOf(snapshotNetwork(snap), [0.5, 0.5]));
    expect(slot.hasAttribute("aria-busy")).toBe(false);
    // A change of settings, made beside the diagram, redraws it at once.
    selection.set({epoch: 0});
    ex.setSettings({edgeMode: "contribution"});
    expect(drawnZ(ex)).toEqual(zOf(networkAtEpoch(snap, 0), [0.5, 0.5]));
    expect(ex.querySelector(".flow-diagram")!.getAttribute("data-edge-mode")).toBe("contribution");
    ex.remove();
  });

  it("replays with one parameter scale for weights at every epoch, and the diagram's own for terms w·a", async () => {
    const snap = await withTwoCheckpoints();
    const selection = startSelection(snap);
    const ex = explorer(snap, {width: 640, selection, document});
    // The largest |w| or |b| of any checkpoint (here the trained network's: the first is half of it).
    const all = [networkAtEpoch(snap, 0), snapshotNetwork(snap)].flatMap((n) => n.layers.flatMap((l) => [...l.weights.flat(), ...l.biases]));
    const scale = parameterScale(magnitudeMax(all));
    const strokes = () => [...ex.querySelectorAll(".flow-diagram line.edge")].map((l) => [l.getAttribute("stroke"), scale.color(Number(l.getAttribute("data-weight")))]);
    const legend = () => ex.querySelector(".flow-diagram .flow-edge-legend")!.textContent;
    const trained = legend();
    for (const [drawn, expected] of strokes()) expect(drawn).toBe(expected);
    // At the first epoch the weights are half as large, and drawn paler on the same scale.
    selection.set({epoch: 0});
    for (const [drawn, expected] of strokes()) expect(drawn).toBe(expected);
    expect(legend()).toBe(trained);
    // Terms w·a depend on the point too: their scale is the diagram's own, as a fresh diagram's.
    ex.setSettings({edgeMode: "contribution"});
    const fresh = flowDiagram(networkAtEpoch(snap, 0), {input: selection.get().point, width: 640, edgeMode: "contribution", document});
    expect(legend()).toBe(fresh.querySelector(".flow-edge-legend")!.textContent);
    ex.remove();
  });

  it("catches the panels up once with the last epoch of a quick run of changes, and not with the ones passed", async () => {
    const snap = await withTwoCheckpoints();
    const scaled = (f: number) => snap.layers.map((l) => ({weights: l.weights.map((r) => r.map((w) => w * f)), biases: l.biases.map((b) => b * f)}));
    const three: Snapshot = {...snap, checkpoints: [snap.checkpoints[0], {epoch: 1, layers: scaled(0.75)}, ...snap.checkpoints.slice(1)]};
    const selection = startSelection(three);
    const ex = explorer(three, {width: 640, selection, document});
    const panels = ex.querySelector(".estimate-panels")!;
    const shownKeys: string[] = [];
    new MutationObserver(() => shownKeys.push(panels.getAttribute("data-estimate-key")!)).observe(panels, {attributes: true, attributeFilter: ["data-estimate-key"]});
    selection.set({epoch: 0});
    selection.set({epoch: 1});
    expect(drawnZ(ex)).toEqual(zOf(networkAtEpoch(three, 1), selection.get().point));
    await panelsCaughtUp(ex);
    expect(shownKeys).toEqual(["1"]);
    // The panels drawn for epoch 1 from scratch show the same contours.
    const fresh = explorer(three, {width: 640, selection: startSelection(three), document});
    fresh.selection.set({epoch: 1});
    await panelsCaughtUp(fresh);
    const pathData = (root: Element) => [...root.querySelectorAll(".estimate-panels .estimate-contour path")].map((p) => p.getAttribute("d"));
    expect(pathData(ex)).toEqual(pathData(fresh));
  });

  it("moves the panels' ring when the point and the epoch change together (an address opened, back / forward)", async () => {
    const snap = await withTwoCheckpoints();
    const selection = startSelection(snap);
    const ex = explorer(snap, {width: 640, selection, document});
    selection.set({point: [-1.5, 1.5], sample: null, epoch: 0});
    const labels = [...ex.querySelectorAll(".estimate-panels svg[aria-label]")].map((svg) => svg.getAttribute("aria-label")!);
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) expect(label).toContain("the point (−1.500, 1.500) ringed");
  });

  it("marks a hovered unit without announcing it, and takes a unit selected elsewhere", async () => {
    const snap = await loadFixture("small-relu");
    const selection = startSelection(snap);
    const ex = explorer(snap, {width: 640, selection, document});
    let events = 0;
    ex.addEventListener("input", () => ++events);
    const diagram = ex.querySelector(".flow-diagram");
    selection.set({hover: {layer: 1, unit: 2}});
    expect(ex.querySelector(".flow-diagram")).toBe(diagram); // not redrawn
    expect(ex.querySelectorAll('.flow-diagram .neuron.hovered[data-layer="1"][data-unit="2"]')).toHaveLength(1);
    expect(ex.querySelectorAll('.flow-diagram .edge.hovered[data-layer="1"][data-to="2"]')).toHaveLength(2);
    expect(events).toBe(0);
    selection.set({hover: null});
    expect(ex.querySelectorAll(".flow-diagram .hovered")).toHaveLength(0);
    selection.set({unit: {layer: 2, unit: 1}});
    expect(events).toBe(1);
    expect(ex.value.neuron).toEqual({layer: 2, unit: 1});
    expect(ex.querySelector('.flow-diagram .neuron[aria-pressed=true]')?.getAttribute("data-layer")).toBe("2");
  });

  it("has no epoch control for a fixed network", async () => {
    const snap = await withTwoCheckpoints();
    const ex = explorer(snap, {width: 640, network: snapshotNetwork(snap), document});
    expect(ex.querySelector("form.epoch-slider")).toBeNull();
    ex.selection.set({epoch: 0});
    expect(drawnZ(ex)).toEqual(zOf(snapshotNetwork(snap), ex.value.point));
  });
});
