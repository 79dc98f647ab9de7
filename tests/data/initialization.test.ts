import {describe, expect, it} from "vitest";
import {initialLayers, initialStddev} from "../../src/data/initialization.js";
import {specLayerSizes} from "../../src/lib/spec.js";
import {packLayers, unpackLayers} from "../../src/data/parameters.js";
import {randomLcg, randomNormal} from "../../src/lib/random.js";

/** Sample standard deviation of many initial weights vs 2 / (dIn + dOut): relative tolerance. */
const STDDEV_TOLERANCE = 0.05;

describe("initialLayers", () => {
  it("draws W ~ Normal(0, 2 / (dIn + dOut)) in layer, row, column order, with zero biases", () => {
    const spec = {hidden: [4, 3], initSeed: 17};
    const layers = initialLayers(spec);
    expect(specLayerSizes(spec)).toEqual([2, 4, 3, 1]);
    const normal = randomNormal(randomLcg(17));
    const sizes = specLayerSizes(spec);
    layers.forEach((layer, k) => {
      const sd = initialStddev(sizes[k], sizes[k + 1]);
      expect(sd).toBe(2 / (sizes[k] + sizes[k + 1]));
      expect(layer.weights).toHaveLength(sizes[k]);
      for (const row of layer.weights) for (const w of row) expect(w).toBe(sd * normal());
      expect(layer.biases).toEqual(new Array(sizes[k + 1]).fill(0));
    });
  });

  it("has the stated spread (no square root) and depends on the seed", () => {
    const layers = initialLayers({hidden: [400], initSeed: 1});
    const w = layers[0].weights.flat(); // 800 deviates with stddev 2 / 402
    const sd = Math.sqrt(w.reduce((s, x) => s + x * x, 0) / w.length);
    expect(Math.abs(sd / (2 / 402) - 1)).toBeLessThan(STDDEV_TOLERANCE);
    expect(initialLayers({hidden: [4], initSeed: 2})).not.toEqual(initialLayers({hidden: [4], initSeed: 1}));
  });
});

describe("packLayers / unpackLayers", () => {
  it("round-trip through the flat [W; b] layout (in float32)", () => {
    const layers = [
      {weights: [[1, 2], [3, 4]], biases: [5, 6]},
      {weights: [[7], [8]], biases: [9]}
    ];
    const flat = packLayers(layers);
    expect(Array.from(flat)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(unpackLayers(flat, [2, 2, 1])).toEqual(layers);
  });
});
