// @vitest-environment jsdom
import {beforeAll, describe, expect, it} from "vitest";
import {expectGolden, loadFixture, SPREAD_POINTS} from "./golden.js";
import {DIAGRAM_DIGITS, flowDiagram, prepareFlowDiagram, type FlowDiagramOptions} from "../../src/components/flow-diagram.js";
import {ARITHMETIC_DIGITS} from "../../src/components/neuron-arithmetic.js";
import * as d3 from "d3";
import {flowControls} from "../../src/components/flow-controls.js";
import {EDGE_ENCODINGS, edgeEncoding} from "../../src/components/flow/encodings.js";
import {
  DARK_TEXT,
  interpolateRainbowSequential,
  LIGHT_TEXT,
  paletteScale,
  PALETTES,
  PALETTE_NAMES,
  relativeLuminance,
  textColorFor
} from "../../src/components/palettes.js";
import {parameterScale} from "../../src/components/parameter-scale.js";
import {DIAGRAM_COLOURS, weightHeatmap} from "../../src/components/weight-heatmap.js";
import {columnExtents} from "../../src/lib/extents.js";
import {EDGE_MODES, type EdgeMode} from "../../src/lib/flow-model.js";
import {fixed} from "../../src/lib/format.js";
import {networkAtEpoch, snapshotNetwork, type Snapshot} from "../../src/lib/snapshot.js";
import {forward, type Network} from "../../src/lib/network.js";

/** Colour arithmetic agrees to 9 decimals. */
const COLOUR_DIGITS = 9;
/** Stroke widths agree to 9 decimals (far below a pixel). */
const WIDTH_DIGITS = 9;

type Fixture = {snapshot: Snapshot; net: Network};
type FixtureId = "small-relu" | "large-relu" | "small-sigmoid";
/** Loaded before any test runs (beforeAll). */
let fixtures: Record<FixtureId, Fixture>;

beforeAll(async () => {
  const load = async (id: FixtureId): Promise<Fixture> => {
    const snapshot = await loadFixture(id);
    return {snapshot, net: snapshotNetwork(snapshot)};
  };
  fixtures = {"small-relu": await load("small-relu"), "large-relu": await load("large-relu"), "small-sigmoid": await load("small-sigmoid")};
});

/** A displayed number back to a float: "−0.37" -> -0.37. */
const parse = (text: string | null) => Number((text ?? "").trim().replace("−", "-"));

function render(id: keyof typeof fixtures, sample: number, options: Partial<FlowDiagramOptions> = {}) {
  const {net, snapshot} = fixtures[id];
  return flowDiagram(net, {input: snapshot.data.x[sample], width: 960, document, ...options});
}

/** The sample used by the goldens (fixed index into the committed fixture data). */
const SAMPLE = 10;

describe("flowDiagram goldens", () => {
  it("small relu, comp colours, weights, a neuron selected", () => {
    expectGolden(render("small-relu", SAMPLE, {palette: "viridis", colorMode: "comp", edgeMode: "weight", selected: {layer: 1, unit: 4}}), "flow-small-relu-comp-weight");
  });
  it("large relu, layer colours, weights", () => {
    expectGolden(render("large-relu", SAMPLE, {palette: "rainbow", colorMode: "layer", edgeMode: "weight"}), "flow-large-relu-layer-weight");
  });
  it("large relu, comp colours, contributions, narrow", () => {
    expectGolden(
      render("large-relu", SAMPLE, {width: 700, palette: "turbo", colorMode: "comp", edgeMode: "contribution", selected: {layer: 2, unit: 3}}),
      "flow-large-relu-comp-contribution"
    );
  });
  it("small sigmoid, dataset colours, contributions", () => {
    const {net, snapshot} = fixtures["small-sigmoid"];
    const extents = columnExtents(net, snapshot.data.x);
    expectGolden(
      render("small-sigmoid", SAMPLE, {palette: "cool", colorMode: "dataset", edgeMode: "contribution", extents}),
      "flow-small-sigmoid-dataset-contribution"
    );
  });
  it("small relu without numbers", () => {
    expectGolden(render("small-relu", SAMPLE, {palette: "Spectral", colorMode: "layer", showNumbers: false}), "flow-small-relu-no-numbers");
  });
});

describe("flowDiagram values", () => {
  it("carries forward()'s exact z and a on every neuron and shows them at DIAGRAM_DIGITS", () => {
    for (const id of ["small-relu", "large-relu", "small-sigmoid"] as const) {
      const {net, snapshot} = fixtures[id];
      for (const sample of [0, 10, 57, 119]) {
        const x = snapshot.data.x[sample];
        const {z, a} = forward(net, x);
        const fig = flowDiagram(net, {input: x, width: 960, document});
        const neurons = fig.querySelectorAll(".neuron");
        expect(neurons).toHaveLength(net.layers.reduce((s, l) => s + l.biases.length, 0));
        for (const el of neurons) {
          const k = Number(el.getAttribute("data-layer")) - 1;
          const j = Number(el.getAttribute("data-unit")) - 1;
          expect(Math.abs(Number(el.getAttribute("data-z")) - z[k][j])).toBeLessThanOrEqual(1e-12);
          expect(Math.abs(Number(el.getAttribute("data-a")) - a[k][j])).toBeLessThanOrEqual(1e-12);
          // The numbers drawn on the two circles, at the stated precision.
          const half = 0.5 * 10 ** -DIAGRAM_DIGITS + 1e-12;
          const label = (kind: string) => fig.querySelector(`.${kind}-label[data-layer="${k + 1}"][data-unit="${j + 1}"]`)!.textContent;
          expect(Math.abs(parse(label("z")) - z[k][j])).toBeLessThanOrEqual(half);
          expect(Math.abs(parse(label("a")) - a[k][j])).toBeLessThanOrEqual(half);
          expect(label("z")).toBe(fixed(z[k][j], DIAGRAM_DIGITS));
        }
        const inputs = fig.querySelectorAll(".input-unit");
        expect([...inputs].map((el) => Number(el.getAttribute("data-a")))).toEqual(x);
      }
    }
  });

  it("draws one edge per weight with its exact value, and labels it at DIAGRAM_DIGITS", () => {
    const {net} = fixtures["large-relu"];
    const fig = render("large-relu", SAMPLE);
    const edges = fig.querySelectorAll(".edge");
    expect(edges).toHaveLength(2 * 5 + 5 * 5 + 5 * 1);
    for (const el of edges) {
      const k = Number(el.getAttribute("data-layer")) - 1;
      const i = Number(el.getAttribute("data-from")) - 1;
      const j = Number(el.getAttribute("data-to")) - 1;
      expect(Number(el.getAttribute("data-weight"))).toBe(net.layers[k].weights[i][j]);
    }
    const labels = fig.querySelectorAll(".edge-label");
    expect(labels).toHaveLength(40);
    for (const el of labels) expect(el.textContent).toBe(fixed(Number(el.getAttribute("data-value")), DIAGRAM_DIGITS));
    for (const el of fig.querySelectorAll(".bias")) {
      const b = net.layers[Number(el.getAttribute("data-layer")) - 1].biases[Number(el.getAttribute("data-unit")) - 1];
      expect(Number(el.getAttribute("data-bias"))).toBe(b);
      expect(el.querySelector(".bias-label")!.textContent).toBe(fixed(b, DIAGRAM_DIGITS));
    }
  });

  it("in contribution mode labels each edge with w·a and leaves the zero terms of inactive units unlabelled", () => {
    const {net, snapshot} = fixtures["large-relu"];
    const x = snapshot.data.x[SAMPLE];
    const {a} = forward(net, x);
    const fig = render("large-relu", SAMPLE, {edgeMode: "contribution"});
    let zeros = 0;
    for (const el of fig.querySelectorAll(".edge")) {
      const k = Number(el.getAttribute("data-layer")) - 1;
      const i = Number(el.getAttribute("data-from")) - 1;
      const prev = k === 0 ? x : a[k - 1];
      // Compared by difference: a zero term may be −0 (0 × a negative weight), written "0".
      expect(Number(el.getAttribute("data-contribution")) - prev[i] * Number(el.getAttribute("data-weight"))).toBe(0);
      if (prev[i] === 0) {
        zeros++;
        expect(el.getAttribute("stroke-dasharray")).toBe("2 3");
      }
    }
    expect(zeros).toBeGreaterThan(0);
    const labels = fig.querySelectorAll(".edge-label");
    expect(labels).toHaveLength(40 - zeros);
    for (const el of labels) expect(Number(el.getAttribute("data-value"))).not.toBe(0);
  });

  it("takes a fixed end of the parameter scale when it is larger than every value drawn, and not otherwise", () => {
    const {net} = fixtures["small-relu"];
    const own = Math.max(...net.layers.flatMap((l) => [...l.weights.flat(), ...l.biases]).map(Math.abs));
    const strokes = (fig: Element) => [...fig.querySelectorAll("line.edge")].map((l) => [l.getAttribute("stroke"), Number(l.getAttribute("data-weight"))] as const);
    const wider = parameterScale(2 * own);
    for (const [stroke, w] of strokes(render("small-relu", SAMPLE, {parameterMax: 2 * own}))) expect(stroke).toBe(wider.color(w));
    // A smaller end would clamp the strongest values: the diagram's own end is kept.
    expect(strokes(render("small-relu", SAMPLE, {parameterMax: own / 2}))).toEqual(strokes(render("small-relu", SAMPLE)));
    expect(() => render("small-relu", SAMPLE, {parameterMax: -1})).toThrow(/parameterMax must be a number >= 0, got -1/);
    expect(() => render("small-relu", SAMPLE, {parameterMax: Number.NaN})).toThrow(/parameterMax/);
  });

  it("draws unit 1 at the bottom of its column", () => {
    const fig = render("small-relu", SAMPLE);
    const y = (unit: number) => {
      const t = fig.querySelector(`.neuron[data-layer="1"][data-unit="${unit}"]`)!.getAttribute("transform")!;
      return Number(/translate\([^,]+,([^)]+)\)/.exec(t)![1]);
    };
    expect(y(1)).toBeGreaterThan(y(2));
    expect(y(3)).toBeGreaterThan(y(4));
  });
});

describe("flowDiagram accessibility", () => {
  it("titles and describes the svg: shape, sample, output, active units", () => {
    const {net, snapshot} = fixtures["small-relu"];
    const x = snapshot.data.x[SAMPLE];
    const {a} = forward(net, x);
    const svg = render("small-relu", SAMPLE).querySelector("svg.flow-svg")!;
    expect(svg.querySelector("title")!.textContent).toContain("2 → 4 → 1");
    const desc = svg.querySelector("desc")!.textContent!;
    expect(desc).toContain("2 → 4 → 1");
    expect(desc).toContain(`(${fixed(x[0], 2)}, ${fixed(x[1], 2)})`);
    expect(desc).toContain(`ŷ = ${fixed(a[1][0], 2)}`);
    const active = a[0].flatMap((v, j) => (v > 0 ? [j + 1] : []));
    expect(active.length).toBeGreaterThan(0);
    expect(desc).toContain(active.length === 1 ? `unit ${active[0]} active` : `${active.at(-1)} active`);
  });

  it("makes neurons focusable buttons with a label stating z and a", () => {
    const {net, snapshot} = fixtures["small-relu"];
    const {z, a} = forward(net, snapshot.data.x[SAMPLE]);
    const el = render("small-relu", SAMPLE).querySelector('.neuron[data-layer="1"][data-unit="2"]')!;
    expect(el.getAttribute("tabindex")).toBe("0");
    expect(el.getAttribute("role")).toBe("button");
    expect(el.getAttribute("aria-label")).toBe(`layer 1 unit 2: z = ${fixed(z[0][1], 2)}, a = ${fixed(a[0][1], 2)}`);
  });
});

describe("flowDiagram selection", () => {
  /** Checks the panel's numbers: z = Σ input·weight + b within the display precision. */
  function checkPanel(panel: Element, expected: {layer: number; unit: number}) {
    const block = panel.querySelector(".neuron-arithmetic")!;
    expect(block.getAttribute("data-layer")).toBe(String(expected.layer));
    expect(block.getAttribute("data-unit")).toBe(String(expected.unit));
    const eq = block.querySelector(".na-z")!;
    const nums = (role: string) => [...eq.querySelectorAll(`[data-role="${role}"]`)].map((n) => parse(n.textContent));
    const inputs = nums("input");
    const weights = nums("weight");
    const [b] = nums("bias");
    const [z] = nums("z");
    const half = 0.5 * 10 ** -ARITHMETIC_DIGITS;
    // Rounding each shown factor by at most half moves a product by at most (|a| + |w|)·half + half².
    const bound = inputs.reduce((s, v, i) => s + (Math.abs(v) + Math.abs(weights[i])) * half + half * half, 0) + 2 * half;
    const sum = inputs.reduce((s, v, i) => s + v * weights[i], b);
    expect(Math.abs(sum - z)).toBeLessThanOrEqual(bound + 1e-12);
  }

  it("selects a clicked neuron: .value, a bubbling input event, highlight and arithmetic", () => {
    const fig = render("large-relu", SAMPLE);
    const parent = document.createElement("div");
    parent.appendChild(fig);
    const seen: unknown[] = [];
    parent.addEventListener("input", () => seen.push(fig.value));
    expect(fig.value).toBeNull();
    expect(fig.querySelector(".flow-panel .flow-hint")).not.toBeNull();

    const target = fig.querySelector('.neuron[data-layer="2"][data-unit="4"] circle.a')!;
    target.dispatchEvent(new MouseEvent("click", {bubbles: true}));
    expect(fig.value).toEqual({layer: 2, unit: 4});
    expect(seen).toEqual([{layer: 2, unit: 4}]);
    const neuron = fig.querySelector('.neuron[data-layer="2"][data-unit="4"]')!;
    expect(neuron.classList.contains("selected")).toBe(true);
    expect(neuron.getAttribute("aria-pressed")).toBe("true");
    const incoming = fig.querySelectorAll(".edge.incoming");
    expect(incoming).toHaveLength(5);
    for (const e of incoming) expect([e.getAttribute("data-layer"), e.getAttribute("data-to")]).toEqual(["2", "4"]);
    checkPanel(fig.querySelector(".flow-panel")!, {layer: 2, unit: 4});

    // Clicking the same neuron again changes nothing and says nothing.
    neuron.dispatchEvent(new MouseEvent("click", {bubbles: true}));
    expect(seen).toHaveLength(1);

    // Another one moves the highlight.
    fig.querySelector('.neuron[data-layer="3"][data-unit="1"]')!.dispatchEvent(new MouseEvent("click", {bubbles: true}));
    expect(fig.value).toEqual({layer: 3, unit: 1});
    expect(seen).toHaveLength(2);
    expect(fig.querySelectorAll(".neuron.selected")).toHaveLength(1);
    expect(fig.querySelectorAll(".edge.incoming")).toHaveLength(5);
    checkPanel(fig.querySelector(".flow-panel")!, {layer: 3, unit: 1});
  });

  it("selects with Enter and Space on a focused neuron", () => {
    const fig = render("small-sigmoid", SAMPLE);
    let events = 0;
    fig.addEventListener("input", () => events++);
    const n2 = fig.querySelector<SVGGElement>('.neuron[data-layer="1"][data-unit="2"]')!;
    const enter = new KeyboardEvent("keydown", {key: "Enter", bubbles: true, cancelable: true});
    n2.dispatchEvent(enter);
    expect(fig.value).toEqual({layer: 1, unit: 2});
    const space = new KeyboardEvent("keydown", {key: " ", bubbles: true, cancelable: true});
    fig.querySelector('.neuron[data-layer="2"][data-unit="1"]')!.dispatchEvent(space);
    expect(space.defaultPrevented).toBe(true);
    expect(fig.value).toEqual({layer: 2, unit: 1});
    fig.querySelector('.neuron[data-layer="1"][data-unit="3"]')!.dispatchEvent(new KeyboardEvent("keydown", {key: "a", bubbles: true}));
    expect(fig.value).toEqual({layer: 2, unit: 1});
    expect(events).toBe(2);
    checkPanel(fig.querySelector(".flow-panel")!, {layer: 2, unit: 1});
  });

  it("moves the focus with the arrows as the diagram is drawn, and clears the selection with Escape", () => {
    const fig = render("large-relu", SAMPLE);
    document.body.append(fig);
    try {
      const at = (l: number, u: number) => fig.querySelector<SVGGElement>(`.neuron[data-layer="${l}"][data-unit="${u}"]`)!;
      const press = (key: string) => {
        const e = new KeyboardEvent("keydown", {key, bubbles: true, cancelable: true});
        document.activeElement!.dispatchEvent(e);
        return e;
      };
      at(1, 1).focus();
      expect(press("ArrowUp").defaultPrevented).toBe(true);
      expect(document.activeElement).toBe(at(1, 2));
      press("ArrowRight");
      expect(document.activeElement).toBe(at(2, 2));
      press("ArrowRight"); // to the output layer, which has one unit
      expect(document.activeElement).toBe(at(3, 1));
      press("ArrowRight"); // nothing further right
      expect(document.activeElement).toBe(at(3, 1));
      press("ArrowLeft");
      press("ArrowDown"); // unit 1 is the bottom: stays
      expect(document.activeElement).toBe(at(2, 1));
      press("Enter");
      expect(fig.value).toEqual({layer: 2, unit: 1});
      press("Escape");
      expect(fig.value).toBe(null);
    } finally {
      fig.remove();
    }
  });

  it("starts from options.selected (kept across re-renders) and ignores one not in the network", () => {
    const fig = render("large-relu", SAMPLE, {selected: {layer: 2, unit: 5}});
    expect(fig.value).toEqual({layer: 2, unit: 5});
    expect(fig.querySelector('.neuron[data-layer="2"][data-unit="5"]')!.classList.contains("selected")).toBe(true);
    checkPanel(fig.querySelector(".flow-panel")!, {layer: 2, unit: 5});
    // The same selection passed to the small network, which has no layer 3 unit: dropped.
    expect(render("small-relu", SAMPLE, {selected: {layer: 3, unit: 1}}).value).toBeNull();
    expect(render("small-relu", SAMPLE, {selected: null}).value).toBeNull();
  });

  it("accepts a programmatic .value without dispatching", () => {
    const fig = render("small-relu", SAMPLE);
    let events = 0;
    fig.addEventListener("input", () => events++);
    fig.value = {layer: 2, unit: 1};
    expect(fig.value).toEqual({layer: 2, unit: 1});
    expect(fig.querySelector(".neuron.selected")!.getAttribute("data-layer")).toBe("2");
    fig.value = null;
    expect(fig.querySelector(".neuron.selected")).toBeNull();
    expect(events).toBe(0);
  });
});

describe("flowDiagram options", () => {
  const fills = (fig: Element) => [...fig.querySelectorAll(".value-circle")].map((c) => c.getAttribute("fill"));

  it("fills through the chosen palette", () => {
    const viridis = fills(render("small-relu", SAMPLE, {palette: "viridis"}));
    const turbo = fills(render("small-relu", SAMPLE, {palette: "turbo"}));
    expect(viridis).toHaveLength(2 + 2 * 5);
    expect(turbo).not.toEqual(viridis);
    expect(new Set(viridis).size).toBeGreaterThan(3);
  });

  it("draws one legend ramp for comp and one per column for layer and dataset", () => {
    const {net, snapshot} = fixtures["large-relu"];
    const comp = render("large-relu", SAMPLE, {colorMode: "comp"}).querySelector(".flow-color-legend")!;
    const layer = render("large-relu", SAMPLE, {colorMode: "layer"}).querySelector(".flow-color-legend")!;
    const dataset = render("large-relu", SAMPLE, {colorMode: "dataset", extents: columnExtents(net, snapshot.data.x)}).querySelector(".flow-color-legend")!;
    expect(comp.querySelectorAll(".legend-ramp")).toHaveLength(1);
    expect(layer.querySelectorAll(".legend-ramp")).toHaveLength(4);
    expect(dataset.querySelectorAll(".legend-ramp")).toHaveLength(4);
    expect(comp.getAttribute("data-mode")).toBe("comp");
    expect(layer.querySelector(".legend-title")!.textContent).not.toBe(comp.querySelector(".legend-title")!.textContent);
    expect(dataset.querySelector(".legend-title")!.textContent).not.toBe(layer.querySelector(".legend-title")!.textContent);
    expect(layer.outerHTML).not.toBe(dataset.outerHTML);
    // comp: the single ramp spans every value of the sample.
    const {z, a} = forward(net, snapshot.data.x[SAMPLE]);
    const all = [...snapshot.data.x[SAMPLE], ...z.flat(), ...a.flat()];
    expect(Number(comp.querySelector(".legend-ramp")!.getAttribute("data-min"))).toBe(Math.min(...all));
    expect(Number(comp.querySelector(".legend-ramp")!.getAttribute("data-max"))).toBe(Math.max(...all));
  });

  it("colours the same value differently in comp and layer modes", () => {
    expect(fills(render("large-relu", SAMPLE, {colorMode: "comp"}))).not.toEqual(fills(render("large-relu", SAMPLE, {colorMode: "layer"})));
  });

  it("hides every value label when showNumbers is false", () => {
    const on = render("large-relu", SAMPLE, {showNumbers: true});
    const off = render("large-relu", SAMPLE, {showNumbers: false});
    expect(on.querySelectorAll("svg.flow-svg .value-label").length).toBe(2 + 2 * 11 + 11 + 40);
    expect(off.querySelectorAll("svg.flow-svg .value-label")).toHaveLength(0);
    expect(off.querySelectorAll(".neuron")).toHaveLength(11);
  });

  it("needs extents for the dataset colour mode", () => {
    expect(() => render("small-relu", SAMPLE, {colorMode: "dataset"})).toThrow(/columnExtents/);
  });

  it("puts the panel beside the diagram only when there is room", () => {
    expect(render("small-relu", SAMPLE, {width: 960}).querySelector(".flow-panel")!.classList.contains("below")).toBe(false);
    expect(render("large-relu", SAMPLE, {width: 960}).querySelector(".flow-panel")!.classList.contains("below")).toBe(true);
    expect(render("small-relu", SAMPLE, {width: 500}).querySelector(".flow-panel")!.classList.contains("below")).toBe(true);
  });
});

describe("palettes", () => {
  it("has an interpolator for every name, with distinct ends", () => {
    for (const name of PALETTE_NAMES) expect(PALETTES[name](0)).not.toBe(PALETTES[name](1));
  });
  it("uses a sequential rainbow (purple to red), not d3's cyclic one", () => {
    expect(interpolateRainbowSequential(0)).toBe("rgb(128, 0, 255)");
    expect(interpolateRainbowSequential(1)).toBe("rgb(255, 0, 0)");
  });
  it("writes dark text on light fills and light text on dark fills", () => {
    expect(textColorFor("#ffff00")).toBe("#111");
    expect(textColorFor("#440154")).toBe("#fff");
    expect(relativeLuminance("#ffffff")).toBeCloseTo(1, COLOUR_DIGITS);
  });
  it("picks, for every grey and every palette colour, the text colour of larger WCAG contrast", () => {
    const fills = [...d3.range(256).map((g) => d3.rgb(g, g, g).formatHex()), ...PALETTE_NAMES.flatMap((p) => d3.range(0, 1.0001, 0.05).map((t) => PALETTES[p](t)))];
    for (const fill of fills) {
      const best = contrast(fill, DARK_TEXT) >= contrast(fill, LIGHT_TEXT) ? DARK_TEXT : LIGHT_TEXT;
      expect(textColorFor(fill), fill).toBe(best);
    }
  });
});

/** Whether a CSS colour is on the blue side (positive) or the red side (negative) of RdBu. */
function side(color: string | null): "blue" | "red" {
  const c = d3.rgb(color ?? "");
  return c.b > c.r ? "blue" : "red";
}

/** WCAG contrast ratio of two colours. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The largest |w| and |b| of a network: the diagram's parameter scale end in "weight" mode. */
const weightMax = (net: Network) => Math.max(...net.layers.flatMap((l) => [...l.weights.flat(), ...l.biases].map(Math.abs)));

describe("parameter scale", () => {
  it("colours positive values blue and negative red, deeper with |v|, clamped beyond ±max", () => {
    const {color} = parameterScale(2);
    const values = d3.range(-2, 2.0001, 0.05);
    for (const v of values) expect(side(color(v)), `v = ${v}`).toBe(v >= 0 ? "blue" : "red");
    // Deeper = darker: luminance falls as |v| grows, on each side.
    for (const sign of [1, -1]) {
      const lum = d3.range(0, 2.0001, 0.1).map((m) => relativeLuminance(color(sign * m)));
      for (let n = 1; n < lum.length; ++n) expect(lum[n]).toBeLessThan(lum[n - 1]);
    }
    expect(color(5)).toBe(color(2));
    expect(color(-5)).toBe(color(-2));
    // The pale centre of RdBu is skipped on both sides of 0: the colour jumps there.
    expect(color(0)).toBe(d3.interpolateRdBu(0.68));
    expect(color(-1e-12)).toBe(d3.interpolateRdBu(0.32));
  });

  it("widens strokes as 0.6 + 4.4·min(1, |v|/max) px", () => {
    const {width} = parameterScale(2);
    for (const v of [-3, -2, -1, -0.3, 0, 0.3, 1, 2, 3]) expect(width(v)).toBeCloseTo(0.6 + 4.4 * Math.min(1, Math.abs(v) / 2), WIDTH_DIGITS);
  });

  it("keeps a usable scale when every value is 0", () => {
    const s = parameterScale(0);
    expect(s.color(0)).toBe(d3.interpolateRdBu(0.68));
    expect(s.width(0)).toBeCloseTo(0.6, WIDTH_DIGITS);
  });
});

describe("flowDiagram encodings", () => {
  it("draws every edge and bias box in the hue of its sign, and wider the larger it is", () => {
    for (const edgeMode of EDGE_MODES) {
      const {net} = fixtures["large-relu"];
      const fig = render("large-relu", SAMPLE, {edgeMode});
      const edges = [...fig.querySelectorAll(".edge")];
      const seen = {blue: 0, red: 0};
      for (const el of edges) {
        const v = Number(el.getAttribute(edgeMode === "weight" ? "data-weight" : "data-contribution"));
        if (v === 0) {
          expect(el.getAttribute("stroke-dasharray")).toBe("2 3");
          continue;
        }
        const hue = side(el.getAttribute("stroke"));
        expect(hue, `${edgeMode} edge carrying ${v}`).toBe(v > 0 ? "blue" : "red");
        seen[hue]++;
      }
      expect(seen.blue).toBeGreaterThan(0);
      expect(seen.red).toBeGreaterThan(0);
      // Width grows with |v|: ordered by |v|, the widths never decrease.
      const byMagnitude = edges
        .map((el) => ({v: Math.abs(Number(el.getAttribute(edgeMode === "weight" ? "data-weight" : "data-contribution"))), w: Number(el.getAttribute("stroke-width"))}))
        .sort((a, b) => a.v - b.v);
      for (let n = 1; n < byMagnitude.length; ++n) expect(byMagnitude[n].w).toBeGreaterThanOrEqual(byMagnitude[n - 1].w);
      for (const el of fig.querySelectorAll(".bias")) {
        const b = net.layers[Number(el.getAttribute("data-layer")) - 1].biases[Number(el.getAttribute("data-unit")) - 1];
        expect(side(el.querySelector("rect")!.getAttribute("fill")), `bias ${b}`).toBe(b >= 0 ? "blue" : "red");
      }
    }
  });

  it("labels an edge in its sign's hue", () => {
    const fig = render("small-relu", SAMPLE, {edgeMode: "weight"});
    for (const el of fig.querySelectorAll(".edge-label")) {
      const v = Number(el.getAttribute("data-value"));
      if (v !== 0) expect(side(el.getAttribute("color"))).toBe(v > 0 ? "blue" : "red");
    }
  });

  it("renders every edge mode of the table: its values, its legend, its control", () => {
    expect(EDGE_ENCODINGS.map((e) => e.mode)).toEqual(EDGE_MODES);
    const {net, snapshot} = fixtures["large-relu"];
    const x = snapshot.data.x[SAMPLE];
    const {a} = forward(net, x);
    const controls = flowControls({}, {document});
    const options = [...controls.querySelectorAll("select[name=edgeMode] option")].map((o) => [o.getAttribute("value"), o.textContent]);
    for (const encoding of EDGE_ENCODINGS) {
      const fig = render("large-relu", SAMPLE, {edgeMode: encoding.mode});
      expect(fig.getAttribute("data-edge-mode")).toBe(encoding.mode);
      const legend = fig.querySelector(`.flow-edge-legend.flow-edge-legend-${encoding.mode}`)!;
      expect(legend.querySelector(".legend-title")!.textContent).toContain(encoding.legend);
      for (const el of fig.querySelectorAll(".edge-label")) {
        const k = Number(el.getAttribute("data-layer")) - 1;
        const i = Number(el.getAttribute("data-from")) - 1;
        const j = Number(el.getAttribute("data-to")) - 1;
        const entering = k === 0 ? x : a[k - 1];
        expect(Number(el.getAttribute("data-value"))).toBe(encoding.value(net.layers[k].weights[i][j], entering[i]));
      }
      expect(options).toContainEqual([encoding.mode, encoding.control]);
    }
    // A mode outside the table (from an untyped page) is refused, not drawn as another mode.
    const unknown: string = "gradient";
    expect(() => edgeEncoding(unknown as EdgeMode)).toThrow(/unknown edge mode/);
    expect(() => render("small-relu", SAMPLE, {edgeMode: unknown as EdgeMode})).toThrow(/unknown edge mode/);
  });

  it("shares one parameter scale between the edges, the bias boxes, the edge legend and the weight heatmap in diagram colours", () => {
    const {net} = fixtures["small-relu"];
    const max = weightMax(net);
    const fig = render("small-relu", SAMPLE, {edgeMode: "weight"});
    const heatmap = weightHeatmap(net.layers[0], {width: 960, max, palette: DIAGRAM_COLOURS, document});
    const scale = parameterScale(max);
    // Heatmap cells, in row-major order of W0 then the biases, against the diagram's edges and boxes.
    const cells = [...heatmap.querySelectorAll("svg:last-of-type rect")].map((r) => r.getAttribute("fill"));
    const W0 = net.layers[0];
    const expected = [
      ...W0.weights.flatMap((row, i) => row.map((_, j) => fig.querySelector(`.edge[data-layer="1"][data-from="${i + 1}"][data-to="${j + 1}"]`)!.getAttribute("stroke"))),
      ...W0.biases.map((_, j) => fig.querySelector(`.bias[data-layer="1"][data-unit="${j + 1}"] rect`)!.getAttribute("fill"))
    ];
    expect(cells).toEqual(expected);
    expect(cells).toEqual([...W0.weights.flat(), ...W0.biases].map((v) => scale.color(v)));
    // The two legends draw the same ramp (the diagram's also encodes width).
    const strokes = (el: Element) => [...el.querySelectorAll("svg line")].map((l) => l.getAttribute("stroke"));
    expect(strokes(heatmap.querySelector(".parameter-legend")!)).toEqual(strokes(fig.querySelector(".flow-edge-legend")!));
    expect(strokes(fig.querySelector(".flow-edge-legend")!)).toHaveLength(24);
  });

  it("fills each neuron through its column's palette scale", () => {
    const {net, snapshot} = fixtures["small-relu"];
    const {z, a} = forward(net, snapshot.data.x[SAMPLE]);
    const all = [...snapshot.data.x[SAMPLE], ...z.flat(), ...a.flat()];
    const fill = paletteScale(PALETTES.turbo, [Math.min(...all), Math.max(...all)]);
    const fig = render("small-relu", SAMPLE, {palette: "turbo", colorMode: "comp"});
    for (const el of fig.querySelectorAll(".neuron")) {
      expect(el.querySelector(".value-circle.z")!.getAttribute("fill")).toBe(fill(Number(el.getAttribute("data-z"))));
      expect(el.querySelector(".value-circle.a")!.getAttribute("fill")).toBe(fill(Number(el.getAttribute("data-a"))));
    }
    // The extremes of the sample get the palette's ends; a degenerate domain its middle.
    expect(fill(Math.min(...all))).toBe(PALETTES.turbo(0));
    expect(fill(Math.max(...all) + 1)).toBe(PALETTES.turbo(1));
    expect(paletteScale(PALETTES.viridis, [1.75, 1.75])(1.75)).toBe(PALETTES.viridis(0.5));
  });

  it("writes each number on a circle or box in the text colour of larger contrast with its fill", () => {
    const fig = render("large-relu", SAMPLE, {palette: "rainbow", colorMode: "layer"});
    const checks = [
      ...[...fig.querySelectorAll(".neuron")].flatMap((n) =>
        (["z", "a"] as const).map((kind) => ({
          fill: n.querySelector(`.value-circle.${kind}`)!.getAttribute("fill")!,
          text: fig.querySelector(`.${kind}-label[data-layer="${n.getAttribute("data-layer")}"][data-unit="${n.getAttribute("data-unit")}"]`)!.getAttribute("fill")!
        }))
      ),
      ...[...fig.querySelectorAll(".bias")].map((b) => ({fill: b.querySelector("rect")!.getAttribute("fill")!, text: b.querySelector(".bias-label")!.getAttribute("fill")!}))
    ];
    expect(checks).toHaveLength(2 * 11 + 11);
    for (const {fill, text} of checks) {
      const other = text === DARK_TEXT ? LIGHT_TEXT : DARK_TEXT;
      expect(contrast(fill, text), `${text} on ${fill}`).toBeGreaterThanOrEqual(contrast(fill, other));
    }
  });

  it("injects no stylesheet: its colours of text and chrome come from style.css", () => {
    const fig = render("small-relu", SAMPLE);
    expect(fig.querySelector("style")).toBeNull();
    for (const el of fig.querySelectorAll(".headers text, .output-name text, .input-name")) expect(el.getAttribute("fill")).toBeNull();
  });
});

describe("flowDiagram update in place", () => {
  /**
   * The diagram's HTML, with the legend gradients' ids (a counter, unique per legend drawn) named
   * alike; and, on a difference, the first one with some context, instead of two whole diagrams.
   */
  const same = (updated: Element, fresh: Element) => {
    const norm = (e: Element) => e.outerHTML.replace(/flow-gradient-\d+/g, "flow-gradient-N");
    const [a, b] = [norm(updated), norm(fresh)];
    let i = 0;
    while (i < a.length && a[i] === b[i]) ++i;
    expect(a.slice(Math.max(0, i - 300), i + 200)).toBe(b.slice(Math.max(0, i - 300), i + 200));
    expect(a.length).toBe(b.length);
  };
  // Points across the data square: units switch on and off between them, so edges turn dashed or
  // solid and contribution labels come and go.
  const POINTS = SPREAD_POINTS;
  const CASES: [string, keyof typeof fixtures, Partial<FlowDiagramOptions>][] = [
    ["large relu, comp, contributions, a unit selected and one hovered", "large-relu", {palette: "turbo", colorMode: "comp", edgeMode: "contribution", selected: {layer: 2, unit: 3}, hovered: {layer: 1, unit: 2}}],
    ["large relu, layer colours, weights, narrow", "large-relu", {width: 700, palette: "rainbow", colorMode: "layer", edgeMode: "weight"}],
    ["small relu, comp, weights, the output selected", "small-relu", {colorMode: "comp", edgeMode: "weight", selected: {layer: 2, unit: 1}}],
    ["small sigmoid, no numbers", "small-sigmoid", {colorMode: "layer", edgeMode: "contribution", showNumbers: false}]
  ];

  for (const [name, id, options] of CASES) {
    it(`${name}: updated to each point, it equals a fresh diagram there, with the same nodes`, () => {
      const {net, snapshot} = fixtures[id];
      const extra = {title: "caption", ...options};
      const diagram = render(id, SAMPLE, extra);
      const svg = diagram.querySelector("svg");
      const neuron = diagram.querySelector(".neuron");
      for (const p of POINTS) {
        expect(diagram.update(net, {input: p, width: 960, document, ...extra, title: `at ${p}`})).toBe(true);
        const fresh = flowDiagram(net, {input: p, width: 960, document, ...extra, title: `at ${p}`});
        same(diagram, fresh);
      }
      expect(diagram.querySelector("svg")).toBe(svg);
      expect(diagram.querySelector(".neuron")).toBe(neuron);
      // The first sample's parameters at the first checkpoint: another network of the same shape.
      const early = networkAtEpoch(snapshot, snapshot.checkpoints[0].epoch);
      expect(diagram.update(early, {input: POINTS[0], width: 960, document, ...extra})).toBe(true);
      same(diagram, flowDiagram(early, {input: POINTS[0], width: 960, document, ...extra}));
    });
  }

  it("prepareFlowDiagram draws nothing, and an update to the prepared network equals a fresh diagram", () => {
    const {snapshot} = fixtures["large-relu"];
    const options = {input: POINTS[0], width: 960, document, edgeMode: "weight" as const, title: "caption"};
    const diagram = flowDiagram(fixtures["large-relu"].net, options);
    const before = diagram.outerHTML;
    // Another network object of the same parameters: nothing was prepared for it before.
    const halved = {...snapshot, layers: snapshot.layers.map((l) => ({weights: l.weights.map((r) => r.map((w) => w / 2)), biases: l.biases}))};
    const other = networkAtEpoch(halved, halved.spec.epochs);
    prepareFlowDiagram(other, options);
    expect(diagram.outerHTML).toBe(before);
    expect(diagram.update(other, options)).toBe(true);
    same(diagram, flowDiagram(other, options));
  });

  // An update skips what cannot have changed (the biases and, under weights, the edge labels for the
  // same network; a legend whose numbers stayed) and writes only what differs from what it last
  // wrote: a sequence mixing point moves and epoch changes, under each edge mode and colour mode,
  // must still end each step equal to a fresh draw.
  const MIXED: [string, Partial<FlowDiagramOptions>][] = [
    ["weights, comp colours, a unit selected", {edgeMode: "weight", colorMode: "comp", selected: {layer: 1, unit: 4}}],
    ["weights, layer colours, one unit hovered", {edgeMode: "weight", colorMode: "layer", hovered: {layer: 2, unit: 1}}],
    ["contributions, dataset colours", {edgeMode: "contribution", colorMode: "dataset"}]
  ];
  for (const [name, options] of MIXED) {
    it(`large relu, ${name}: point moves after epoch changes and back each equal a fresh diagram`, () => {
      const {snapshot, net: final} = fixtures["large-relu"];
      // Three parameter sets of one shape: the stored checkpoint, the final one, and the final one
      // halved (another parameter scale's end).
      const halved: Network = {...final, layers: final.layers.map((l) => ({weights: l.weights.map((row) => row.map((w) => w / 2)), biases: l.biases.map((b) => b / 2)}))};
      const early = networkAtEpoch(snapshot, snapshot.checkpoints[0].epoch);
      const at = (net: Network, p: [number, number]): FlowDiagramOptions => ({
        input: p,
        width: 960,
        document,
        ...options,
        ...(options.colorMode === "dataset" ? {extents: columnExtents(net, snapshot.data.x)} : {})
      });
      // Each parameter set in turn and back to the first, with a point move after each change.
      const steps: [Network, [number, number]][] = [
        [early, POINTS[0]],
        [early, POINTS[1]],
        [final, POINTS[1]],
        [final, POINTS[2]],
        [halved, POINTS[2]],
        [halved, POINTS[3]],
        [early, POINTS[3]],
        [early, POINTS[4]]
      ];
      const diagram = flowDiagram(final, at(final, POINTS[4]));
      for (const [net, p] of steps) {
        expect(diagram.update(net, at(net, p))).toBe(true);
        same(diagram, flowDiagram(net, at(net, p)));
      }
    });
  }

  it("clears a focus mark set by hover() when the update names none, and keeps the reader's selection", () => {
    const {net} = fixtures["large-relu"];
    const diagram = render("large-relu", SAMPLE);
    diagram.hover({layer: 1, unit: 2});
    diagram.value = {layer: 2, unit: 5};
    diagram.update(net, {input: POINTS[1], width: 960, document});
    same(diagram, flowDiagram(net, {input: POINTS[1], width: 960, document, selected: {layer: 2, unit: 5}}));
  });

  it("draws the neuron legend again when a ramp turns from a range into a single value and back", () => {
    const {net} = fixtures["small-relu"];
    // Every parameter 0: at the input (0, 0) every value is 0, so the single "comp" ramp is one swatch.
    const zero: Network = {...net, layers: net.layers.map((l) => ({...l, weights: l.weights.map((row) => row.map(() => 0)), biases: l.biases.map(() => 0)}))};
    const diagram = flowDiagram(net, {input: POINTS[0], width: 960, document});
    for (const [n, p] of [[zero, [0, 0]], [net, POINTS[2]]] as [Network, [number, number]][]) {
      expect(diagram.update(n, {input: p, width: 960, document})).toBe(true);
      same(diagram, flowDiagram(n, {input: p, width: 960, document}));
    }
    expect(diagram.querySelectorAll(".flow-color-legend .legend-max")).toHaveLength(1);
  });

  it("keeps the selection and the arithmetic of a unit the reader selected, at the new point", () => {
    const {net} = fixtures["large-relu"];
    const diagram = render("large-relu", SAMPLE);
    diagram.value = {layer: 1, unit: 3};
    diagram.update(net, {input: POINTS[2], width: 960, document});
    expect(diagram.value).toEqual({layer: 1, unit: 3});
    same(diagram, flowDiagram(net, {input: POINTS[2], width: 960, document, selected: {layer: 1, unit: 3}}));
  });

  it("refuses, changing nothing, when the structure differs (width, settings, another shape)", () => {
    const diagram = render("large-relu", SAMPLE);
    const before = diagram.outerHTML;
    const {net} = fixtures["large-relu"];
    expect(diagram.update(net, {input: POINTS[0], width: 700, document})).toBe(false);
    expect(diagram.update(net, {input: POINTS[0], width: 960, edgeMode: "contribution", document})).toBe(false);
    expect(diagram.update(fixtures["small-relu"].net, {input: POINTS[0], width: 960, document})).toBe(false);
    expect(diagram.outerHTML).toBe(before);
  });
});
