import {describe, expect, it} from "vitest";
import {nextKey} from "../../src/lib/contour-protocol.js";

describe("contour worker order", () => {
  it("takes the checkpoint nearest the epoch in view, the later one on a tie, and none when none is left", () => {
    const keys = [0, 5, 10, 15, 20];
    expect(nextKey(keys, 10)).toBe(10);
    expect(nextKey(keys, 12)).toBe(10);
    expect(nextKey(keys, 7.5)).toBe(10);
    expect(nextKey([0, 20], 10)).toBe(20);
    expect(nextKey(keys, 250)).toBe(20);
    expect(nextKey([], 3)).toBeUndefined();
    // Going outwards from the focus: the order in which a job of every checkpoint is done.
    const order: number[] = [];
    const left = [...keys];
    for (let k = nextKey(left, 10); k !== undefined; k = nextKey(left, 10)) {
      order.push(k);
      left.splice(left.indexOf(k), 1);
    }
    expect(order).toEqual([10, 15, 5, 20, 0]);
  });
});

describe("gridEstimateOf", () => {
  it("rebuilds gridEstimate from the network's values over the grid, and names a wrong length", async () => {
    const {gridEstimate, gridEstimateOf} = await import("../../src/lib/estimate.js");
    const {estimateGrid} = await import("../../src/lib/datasets.js");
    const samples: [number, number][] = [[-2, -2], [2, 2], [0.5, -1]];
    const net = {activation: "relu" as const, layers: [{weights: [[1, -1], [0.5, 2]], biases: [0.1, -0.2]}, {weights: [[1], [-0.5]], biases: [0.3]}]};
    const est = gridEstimate(net, "prod", samples);
    expect(gridEstimateOf(Float64Array.from(est.estimate), "prod", samples)).toEqual(est);
    expect(() => gridEstimateOf(new Float64Array(3), "prod", samples)).toThrow(`3 values for a grid of ${estimateGrid(samples).points.length} points`);
  });
});
