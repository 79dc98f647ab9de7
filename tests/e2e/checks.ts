// Expectations computed by the tests themselves, from the snapshot the page was served, with the
// pure forward pass of src/lib: what the flow diagram and the arithmetic panel must show.
import {expect} from "vitest";
import {ACTIVATIONS} from "../../src/lib/activations.js";
import {forward, layerActivation, type Network} from "../../src/lib/network.js";
import {FLOAT_SLACK, halfUnit, parseShown, type ShownFlow, type ShownTerm} from "./site.js";

/** Expects `shown` (text) to be `exact` rounded to `digits` decimals. */
function expectShown(shown: string, exact: number, digits: number, what: string): void {
  const v = parseShown(shown);
  expect(Math.abs(v - exact), `${what}: shown ${shown}, exact ${exact}`).toBeLessThanOrEqual(halfUnit(digits) + FLOAT_SLACK);
}

/**
 * Every number the flow diagram shows for input `x` agrees with forward(net, x) to its precision:
 * inputs, z and a of every neuron (drawn and in its aria-label), biases and edge labels (weights,
 * or contributions w·a), and the description names the input and the output.
 */
export function expectFlowMatches(flow: ShownFlow, net: Network, x: readonly number[]): void {
  const d = flow.digits;
  const values = forward(net, x);
  expect(flow.inputs.map((i) => i.unit)).toEqual(x.map((_, i) => i + 1));
  for (const input of flow.inputs) expectShown(input.text, x[input.unit - 1], d, `input x${input.unit}`);
  const expectedNeurons = net.layers.reduce((n, l) => n + l.biases.length, 0);
  expect(flow.neurons).toHaveLength(expectedNeurons);
  for (const n of flow.neurons) {
    const z = values.z[n.layer - 1][n.unit - 1];
    const a = values.a[n.layer - 1][n.unit - 1];
    expectShown(n.z, z, d, `layer ${n.layer} unit ${n.unit} z`);
    expectShown(n.a, a, d, `layer ${n.layer} unit ${n.unit} a`);
    const label = /z = (\S+), a = (\S+)$/.exec(n.label);
    expect(label, `aria-label of layer ${n.layer} unit ${n.unit}: ${n.label}`).not.toBeNull();
    expectShown(label![1], z, d, `aria-label z of layer ${n.layer} unit ${n.unit}`);
    expectShown(label![2], a, d, `aria-label a of layer ${n.layer} unit ${n.unit}`);
  }
  expect(flow.biases).toHaveLength(expectedNeurons);
  for (const b of flow.biases) expectShown(b.text, net.layers[b.layer - 1].biases[b.unit - 1], d, `bias of layer ${b.layer} unit ${b.unit}`);
  const weights = net.layers.reduce((n, l) => n + l.weights.length * l.biases.length, 0);
  if (flow.edgeMode === "weight") expect(flow.edges).toHaveLength(weights);
  expect(flow.edges.length).toBeGreaterThan(0);
  for (const e of flow.edges) {
    const w = net.layers[e.layer - 1].weights[e.from - 1][e.to - 1];
    const source = e.layer === 1 ? values.input : values.a[e.layer - 2];
    const exact = flow.edgeMode === "weight" ? w : w * source[e.from - 1];
    expectShown(e.text, exact, d, `edge ${e.from} -> ${e.to} into layer ${e.layer} (${flow.edgeMode})`);
  }
  // The text alternative names the sample's coordinates and the output, as drawn.
  const input = /Input sample \(x1, x2\) = \((\S+), (\S+)\)/.exec(flow.desc);
  expect(input, `description: ${flow.desc}`).not.toBeNull();
  expectShown(input![1], x[0], d, "x1 in the description");
  expectShown(input![2], x[1], d, "x2 in the description");
  const output = /Output ŷ = (−?\d+(?:\.\d+)?)/.exec(flow.desc);
  expect(output, `description: ${flow.desc}`).not.toBeNull();
  expectShown(output![1], values.a.at(-1)![0], d, "output in the description");
}

/**
 * The arithmetic panel of neuron {layer, unit} for input x: every number agrees with forward() to
 * the shown precision, and the shown numbers satisfy z = Σ w·a + b within what rounding allows:
 * each shown term is within (|a| + |w| + 1) half-units of shown input × shown weight (rounding of
 * both factors and of the product), and the shown terms plus the shown bias are within (n + 2)
 * half-units of the shown z (n terms, the bias and z itself rounded).
 */
export function expectArithmetic(
  shown: {layer: number; unit: number; digits: number; table: ShownTerm[]; sumLine: ShownTerm[]; activationLine: ShownTerm[]},
  net: Network,
  x: readonly number[],
  ref: {layer: number; unit: number}
): void {
  expect({layer: shown.layer, unit: shown.unit}).toEqual(ref);
  const d = shown.digits;
  const h = halfUnit(d);
  const values = forward(net, x);
  const k = ref.layer - 1;
  const j = ref.unit - 1;
  const inputs = k === 0 ? x : values.a[k - 1];
  const n = inputs.length;
  const pick = (terms: ShownTerm[], role: string, index: number | null = null) => {
    const t = terms.find((t) => t.role === role && t.index === index);
    expect(t, `${role}${index === null ? "" : `[${index}]`} shown`).toBeDefined();
    return t!.text;
  };
  let sum = 0;
  for (let i = 0; i < n; ++i) {
    const a = parseShown(pick(shown.table, "input", i));
    const w = parseShown(pick(shown.table, "weight", i));
    const p = parseShown(pick(shown.table, "product", i));
    expectShown(pick(shown.table, "input", i), inputs[i], d, `input ${i + 1}`);
    expectShown(pick(shown.table, "weight", i), net.layers[k].weights[i][j], d, `weight ${i + 1}`);
    expectShown(pick(shown.table, "product", i), inputs[i] * net.layers[k].weights[i][j], d, `term ${i + 1}`);
    expect(Math.abs(a * w - p), `shown ${a} × ${w} against shown term ${p}`).toBeLessThanOrEqual((Math.abs(a) + Math.abs(w) + 1) * h + h * h + FLOAT_SLACK);
    // The one-line sum shows the same input and weight.
    expect(pick(shown.sumLine, "input", i)).toBe(pick(shown.table, "input", i));
    expect(pick(shown.sumLine, "weight", i)).toBe(pick(shown.table, "weight", i));
    sum += p;
  }
  const b = parseShown(pick(shown.table, "bias"));
  const z = parseShown(pick(shown.table, "z"));
  expectShown(pick(shown.table, "bias"), net.layers[k].biases[j], d, "bias");
  expectShown(pick(shown.table, "z"), values.z[k][j], d, "z");
  expect(Math.abs(sum + b - z), `Σ shown terms + shown bias = ${sum + b} against shown z = ${z}`).toBeLessThanOrEqual((n + 2) * h + FLOAT_SLACK);
  expect(pick(shown.sumLine, "bias")).toBe(pick(shown.table, "bias"));
  expect(pick(shown.sumLine, "z")).toBe(pick(shown.table, "z"));
  // a = g(z), shown to the same precision; g applied to the shown z lands within rounding of the shown a
  // (ReLU, identity and sigmoid have slope at most 1).
  const a = parseShown(pick(shown.activationLine, "a"));
  expectShown(pick(shown.activationLine, "a"), values.a[k][j], d, "a");
  const g = ACTIVATIONS[layerActivation(net, k)].fn;
  expect(Math.abs(g(z) - a), `g(shown z) = ${g(z)} against shown a = ${a}`).toBeLessThanOrEqual(2 * h + FLOAT_SLACK);
}
