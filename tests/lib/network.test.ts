import {describe, expect, it} from "vitest";
import {forward, layerSizes, meanSquaredError, predict, type Network} from "../../src/lib/network.js";

/** The hand computations below are exact in binary except for the sigmoid: allow float64 noise. */
const TOLERANCE = 1e-12;

const net: Network = {
  activation: "relu",
  layers: [
    {weights: [[1, -1], [2, 0.5]], biases: [0, -1]},
    {weights: [[2], [-3]], biases: [0.5]}
  ]
};

describe("forward", () => {
  it("computes z = a W + b and a = g(z), linear output", () => {
    // x = (1, 1): z0 = (1 + 2 + 0, -1 + 0.5 - 1) = (3, -1.5); a0 = (3, 0); z1 = 6 + 0.5.
    const {z, a} = forward(net, [1, 1]);
    expect(z).toEqual([[3, -1.5], [6.5]]);
    expect(a).toEqual([[3, 0], [6.5]]);
    expect(predict(net, [1, 1])).toBe(6.5);
    expect(layerSizes(net)).toEqual([2, 2, 1]);
  });

  it("applies sigmoid to hidden layers only", () => {
    const sig: Network = {...net, activation: "sigmoid"};
    const {a} = forward(sig, [0, 0]);
    const s = 1 / (1 + Math.exp(1)); // sigmoid(-1)
    expect(a[0][0]).toBe(0.5);
    expect(Math.abs(a[0][1] - s)).toBeLessThan(TOLERANCE);
    expect(Math.abs(a[1][0] - (0.5 * 2 - 3 * s + 0.5))).toBeLessThan(TOLERANCE);
  });

  it("meanSquaredError averages the squared errors", () => {
    // predictions: (1, 1) -> 6.5; (0, 0) -> 0.5
    expect(meanSquaredError(net, [[1, 1], [0, 0]], [6, 1])).toBe((0.25 + 0.25) / 2);
  });
});
