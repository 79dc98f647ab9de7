import {describe, expect, it} from "vitest";
import {columnDomains, columnValues, describeFlow, isNeuronOf, neuronTerms} from "../../src/lib/flow-model.js";
import {activePhrase, unitList} from "../../src/lib/format.js";
import {columnExtents} from "../../src/lib/extents.js";
import {forward, type Network} from "../../src/lib/network.js";

/** Float64 sums of the same terms agree to 12 decimals. */
const FLOAT_DIGITS = 12;

// z1 = x·W1 + b1 with W1 = [[1, -1], [2, 0.5]], b1 = [0.5, -1]; output z2 = a1·W2 + b2.
const net: Network = {
  activation: "relu",
  layers: [
    {weights: [[1, -1], [2, 0.5]], biases: [0.5, -1]},
    {weights: [[3], [-2]], biases: [0.25]}
  ]
};
const x = [1, -0.5];
const values = forward(net, x); // z1 = [0.5, -2.25], a1 = [0.5, 0], z2 = a2 = [1.75]

describe("flow model", () => {
  it("names neurons 1-based by layer and unit", () => {
    expect(isNeuronOf(net, {layer: 1, unit: 2})).toBe(true);
    expect(isNeuronOf(net, {layer: 2, unit: 1})).toBe(true);
    expect(isNeuronOf(net, {layer: 0, unit: 1})).toBe(false);
    expect(isNeuronOf(net, {layer: 2, unit: 2})).toBe(false);
    expect(isNeuronOf(net, {layer: 1.5, unit: 1})).toBe(false);
    expect(isNeuronOf(net, null)).toBe(false);
  });

  it("lists the values of each column: input, then z and a of each layer", () => {
    expect(columnValues(values)).toEqual([[1, -0.5], [0.5, -2.25, 0.5, 0], [1.75, 1.75]]);
  });

  it("computes one domain for comp, one per column for layer, the given extents for dataset", () => {
    expect(columnDomains(values, "comp")).toEqual([[-2.25, 1.75], [-2.25, 1.75], [-2.25, 1.75]]);
    expect(columnDomains(values, "layer")).toEqual([[-0.5, 1], [-2.25, 0.5], [1.75, 1.75]]);
    const extents = columnExtents(net, [x, [0, 0]]);
    expect(columnDomains(values, "dataset", extents)).toEqual(extents);
    expect(() => columnDomains(values, "dataset")).toThrow(/columnExtents/);
  });

  it("writes out a neuron's terms, which add up to z", () => {
    const t = neuronTerms(net, values, {layer: 2, unit: 1});
    expect(t).toMatchObject({activation: "linear", inputs: [0.5, 0], weights: [3, -2], bias: 0.25, z: 1.75, a: 1.75});
    expect(t.products.reduce((s, p) => s + p, 0) + t.bias).toBeCloseTo(t.z, FLOAT_DIGITS);
    expect(neuronTerms(net, values, {layer: 1, unit: 2}).inputs).toEqual(x);
    expect(() => neuronTerms(net, values, {layer: 3, unit: 1})).toThrow(RangeError);
  });

  it("describes the shape, the sample, the output and the active units", () => {
    const text = describeFlow(net, values, 2);
    expect(text).toContain("2 → 2 → 1");
    expect(text).toContain("(1.00, −0.50)");
    expect(text).toContain("ŷ = 1.75");
    expect(text).toContain("unit 1 active (a > 0), unit 2 inactive");
    const sigmoid = describeFlow({...net, activation: "sigmoid"}, forward({...net, activation: "sigmoid"}, x), 2);
    expect(sigmoid).toMatch(/activations, unit 1 \(bottom\) to 2 \(top\): 0\.62, 0\.10/);
    // Only on/off units (relu) are "active" or not: a linear hidden layer lists its values.
    const linear = describeFlow({...net, activation: "linear"}, forward({...net, activation: "linear"}, x), 2);
    expect(linear).not.toContain("active");
    expect(linear).toMatch(/Hidden layer 1 activations, unit 1 \(bottom\) to 2 \(top\): /);
  });

  it("lists units in words", () => {
    expect(activePhrase([])).toBe("no unit is active");
    expect(activePhrase([2])).toBe("unit 2 is active");
    expect(activePhrase([1, 3])).toBe("units 1 and 3 are active");
    expect(unitList([])).toBe("no unit");
    expect(unitList([3])).toBe("unit 3");
    expect(unitList([1, 2, 5])).toBe("units 1, 2 and 5");
  });
});
