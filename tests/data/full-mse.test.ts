import {describe, expect, it} from "vitest";
import {fullMseEvaluator} from "../../src/data/full-mse.js";
import {initialLayers} from "../../src/data/initialization.js";
import {specLayerSizes} from "../../src/lib/spec.js";
import {packLayers, unpackLayers} from "../../src/data/parameters.js";
import {sampleDataset} from "../../src/lib/datasets.js";
import {meanSquaredError} from "../../src/lib/network.js";
import {randomLcg} from "../../src/lib/random.js";

describe("fullMseEvaluator", () => {
  it("equals lib meanSquaredError exactly (same float64 operations), for every activation", () => {
    const data = sampleDataset("polynom", 300, randomLcg(4));
    for (const activation of ["relu", "sigmoid", "tanh", "linear"] as const) {
      for (const hidden of [[4], [5, 5], [3, 2, 6]]) {
        const sizes = specLayerSizes({hidden});
        // Non-zero biases too, so that their place in the sums is exercised.
        const flat = packLayers(initialLayers({hidden, initSeed: 3})).map((v, i) => v + 0.01 * (i % 7));
        const layers = unpackLayers(flat, sizes);
        const expected = meanSquaredError({layers, activation}, data.x, data.y);
        expect(fullMseEvaluator(sizes, activation, data.x, data.y)(flat)).toBe(expected);
      }
    }
  });

  it("can be called again with other parameters (it reuses its buffers)", () => {
    const data = sampleDataset("prod", 123, randomLcg(2));
    const hidden = [5, 5];
    const sizes = specLayerSizes({hidden});
    const evaluate = fullMseEvaluator(sizes, "relu", data.x, data.y);
    const vectors = [1, 2, 1].map((initSeed) => packLayers(initialLayers({hidden, initSeed})).map((v, i) => v - 0.02 * (i % 5)));
    for (const flat of vectors) expect(evaluate(flat)).toBe(meanSquaredError({layers: unpackLayers(flat, sizes), activation: "relu"}, data.x, data.y));
  });
});
