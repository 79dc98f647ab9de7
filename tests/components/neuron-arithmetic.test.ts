// @vitest-environment jsdom
import {beforeAll, describe, expect, it} from "vitest";
import {expectGolden, loadFixture, SPREAD_POINTS} from "./golden.js";
import {ARITHMETIC_DIGITS, neuronArithmetic, updateNeuronArithmetic} from "../../src/components/neuron-arithmetic.js";
import {fixed} from "../../src/lib/format.js";
import {networkAtEpoch, snapshotNetwork, type Snapshot} from "../../src/lib/snapshot.js";
import {forward, type Network} from "../../src/lib/network.js";

const fx: Record<string, {snapshot: Snapshot; net: Network}> = {};
beforeAll(async () => {
  for (const id of ["small-relu", "large-relu", "small-sigmoid"] as const) {
    const snapshot = await loadFixture(id);
    fx[id] = {snapshot, net: snapshotNetwork(snapshot)};
  }
});

const SAMPLE = 10;
const parse = (text: string | null) => Number((text ?? "").trim().replace("−", "-"));
const numbers = (el: Element, role: string) => [...el.querySelectorAll(`[data-role="${role}"]`)].map((n) => parse(n.textContent));

describe("neuronArithmetic goldens", () => {
  it("the article's worked example: the top first-layer neuron of the small relu net", () => {
    const {net, snapshot} = fx["small-relu"];
    expectGolden(neuronArithmetic(net, {input: snapshot.data.x[SAMPLE], neuron: {layer: 1, unit: 4}, document}), "arithmetic-small-relu-1-4");
  });
  it("a sigmoid hidden neuron", () => {
    const {net, snapshot} = fx["small-sigmoid"];
    expectGolden(neuronArithmetic(net, {input: snapshot.data.x[SAMPLE], neuron: {layer: 1, unit: 2}, document}), "arithmetic-small-sigmoid-1-2");
  });
  it("the linear output of the large relu net", () => {
    const {net, snapshot} = fx["large-relu"];
    expectGolden(neuronArithmetic(net, {input: snapshot.data.x[SAMPLE], neuron: {layer: 3, unit: 1}, document}), "arithmetic-large-relu-3-1");
  });
});

describe("neuronArithmetic numbers", () => {
  it("shows forward()'s values, and the shown terms add up to the shown z within the display precision", () => {
    const half = 0.5 * 10 ** -ARITHMETIC_DIGITS;
    for (const id of ["small-relu", "large-relu", "small-sigmoid"]) {
      const {net, snapshot} = fx[id];
      for (const sample of [0, SAMPLE, 77]) {
        const x = snapshot.data.x[sample];
        const {z, a} = forward(net, x);
        net.layers.forEach((layer, k) =>
          layer.biases.forEach((_, j) => {
            const el = neuronArithmetic(net, {input: x, neuron: {layer: k + 1, unit: j + 1}, document});
            const table = el.querySelector(".na-terms")!;
            const inputs = numbers(table, "input");
            const weights = numbers(table, "weight");
            const products = numbers(table, "product");
            const [b] = numbers(table, "bias");
            const [zShown] = numbers(table, "z");
            expect(inputs).toHaveLength(layer.weights.length);
            expect(zShown).toBe(parse(fixed(z[k][j], ARITHMETIC_DIGITS)));
            // Each shown product is shown input × shown weight, up to the rounding of the factors...
            products.forEach((p, i) =>
              expect(Math.abs(p - inputs[i] * weights[i])).toBeLessThanOrEqual((Math.abs(inputs[i]) + Math.abs(weights[i]) + 1) * half + half * half + 1e-12)
            );
            // ...and the shown products and bias add up to the shown z within (n + 2) half-units.
            const sum = products.reduce((s, p) => s + p, b);
            expect(Math.abs(sum - zShown)).toBeLessThanOrEqual((products.length + 2) * half + 1e-12);
            // The one-line equation repeats the same numbers.
            const eq = el.querySelector(".na-z")!;
            expect(numbers(eq, "input")).toEqual(inputs);
            expect(numbers(eq, "weight")).toEqual(weights);
            const [aShown] = numbers(el.querySelector(".na-a")!, "a");
            expect(Math.abs(aShown - a[k][j])).toBeLessThanOrEqual(half + 1e-12);
            expect(Number(el.getAttribute("data-z"))).toBe(z[k][j]);
          })
        );
      }
    }
  });

  it("writes the activation out: relu as max(0, z), sigmoid as 1/(1 + e^−z), the output as linear", () => {
    const x = fx["small-relu"].snapshot.data.x[SAMPLE];
    const relu = neuronArithmetic(fx["small-relu"].net, {input: x, neuron: {layer: 1, unit: 1}, document});
    expect(relu.querySelector(".na-a")!.textContent).toMatch(/^a = relu\(z\) = max\(0, −?\d+\.\d{3}\) = \d+\.\d{3}$/);
    const sigmoid = neuronArithmetic(fx["small-sigmoid"].net, {input: x, neuron: {layer: 1, unit: 1}, document});
    const line = sigmoid.querySelector(".na-a")!;
    expect(line.textContent).toMatch(/^a = σ\(z\) = 1 \/ \(1 \+ e−z\) = 1 \/ \(1 \+ e−?\d+\.\d{3}\) = \d\.\d{3}$/);
    const [minusZ] = numbers(line, "minus-z");
    const [aShown] = numbers(line, "a");
    expect(Math.abs(1 / (1 + Math.exp(minusZ)) - aShown)).toBeLessThan(2e-3);
    const out = neuronArithmetic(fx["small-relu"].net, {input: x, neuron: {layer: 2, unit: 1}, document});
    expect(out.querySelector(".na-a")!.textContent).toContain("linear");
  });

  it("writes tanh out, and calls a linear layer the output only when it is", () => {
    const layers = [{weights: [[0.5], [-1]], biases: [0.25]}, {weights: [[2]], biases: [0]}];
    const tanh = neuronArithmetic({activation: "tanh", layers}, {input: [1, 0.5], neuron: {layer: 1, unit: 1}, document});
    expect(tanh.querySelector(".na-a")!.textContent).toBe(`a = tanh(z) = tanh(0.250) = ${fixed(Math.tanh(0.25), 3)}`);
    const hidden = neuronArithmetic({activation: "linear", layers}, {input: [1, 0.5], neuron: {layer: 1, unit: 1}, document});
    expect(hidden.querySelector(".na-a")!.textContent).toBe("a = z = 0.250");
    const out = neuronArithmetic({activation: "linear", layers}, {input: [1, 0.5], neuron: {layer: 2, unit: 1}, document});
    expect(out.querySelector(".na-a")!.textContent).toBe("a = z = 0.500 (the output layer is linear)");
  });

  it("names the inputs x for the first layer and a of the previous layer after", () => {
    const {net, snapshot} = fx["large-relu"];
    const x = snapshot.data.x[SAMPLE];
    const first = neuronArithmetic(net, {input: x, neuron: {layer: 1, unit: 1}, document});
    expect([...first.querySelectorAll("tbody tr td:first-child")].map((td) => td.textContent)).toEqual(["x1", "x2", "bias b"]);
    const second = neuronArithmetic(net, {input: x, neuron: {layer: 2, unit: 1}, document});
    expect(second.querySelector("tbody tr td:first-child")!.textContent).toBe("a1(1)");
  });

  it("honours digits, heading and a precomputed forward pass; rejects a neuron not in the network", () => {
    const {net, snapshot} = fx["small-relu"];
    const x = snapshot.data.x[SAMPLE];
    const el = neuronArithmetic(net, {input: x, neuron: {layer: 1, unit: 4}, document, digits: 5, heading: "Worked example", values: forward(net, x)});
    expect(el.querySelector(".na-heading")!.textContent).toBe("Worked example");
    expect(el.querySelector('[data-role="z"]')!.textContent).toBe(fixed(forward(net, x).z[0][3], 5));
    expect(neuronArithmetic(net, {input: x, neuron: {layer: 1, unit: 4}, document, heading: null}).querySelector(".na-heading")).toBeNull();
    expect(() => neuronArithmetic(net, {input: x, neuron: {layer: 1, unit: 5}, document})).toThrow(RangeError);
  });
});

describe("updateNeuronArithmetic", () => {
  // Points across the data square, and both stored parameter sets: the signs of inputs, weights and
  // products change between them, so some updates keep the block's nodes and some cannot.
  const POINTS = SPREAD_POINTS;

  it("leaves a block equal to a fresh one, in place when the signs keep its nodes, else refusing and changing nothing", () => {
    const {net, snapshot} = fx["large-relu"];
    const nets = [net, networkAtEpoch(snapshot, snapshot.checkpoints[0].epoch)];
    let inPlace = 0;
    let refused = 0;
    for (const neuron of [{layer: 1, unit: 2}, {layer: 2, unit: 4}, {layer: 3, unit: 1}]) {
      const block = neuronArithmetic(net, {input: POINTS[0], neuron, document});
      for (const n of nets) {
        for (const input of POINTS) {
          const before = block.outerHTML;
          const fresh = neuronArithmetic(n, {input, neuron, document});
          if (updateNeuronArithmetic(block, n, {input, neuron, document})) {
            ++inPlace;
            expect(block.outerHTML).toBe(fresh.outerHTML);
          } else {
            ++refused;
            expect(block.outerHTML).toBe(before);
            block.replaceChildren(...fresh.childNodes);
            for (const name of ["data-z", "data-a"]) block.setAttribute(name, fresh.getAttribute(name)!);
          }
        }
      }
    }
    // Both paths were taken (a test that always refused, or never, would not check this function).
    expect(inPlace).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });

  it("refuses another neuron, other digits, or a block without a heading", () => {
    const {net} = fx["small-relu"];
    const neuron = {layer: 1, unit: 4};
    const block = neuronArithmetic(net, {input: POINTS[0], neuron, document});
    const before = block.outerHTML;
    expect(updateNeuronArithmetic(block, net, {input: POINTS[0], neuron: {layer: 1, unit: 3}, document})).toBe(false);
    expect(updateNeuronArithmetic(block, net, {input: POINTS[0], neuron, digits: 2, document})).toBe(false);
    expect(updateNeuronArithmetic(block, net, {input: POINTS[0], neuron, heading: null, document})).toBe(false);
    expect(block.outerHTML).toBe(before);
    const bare = neuronArithmetic(net, {input: POINTS[0], neuron, heading: null, document});
    expect(updateNeuronArithmetic(bare, net, {input: POINTS[1], neuron, heading: null, document})).toBe(false);
  });
});
