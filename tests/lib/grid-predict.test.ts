import {describe, expect, it} from "vitest";
import {predictPoints} from "../../src/lib/grid-predict.js";
import {predict, type Network} from "../../src/lib/network.js";
import {estimateGrid, sampleDataset} from "../../src/lib/datasets.js";
import {randomLcg, randomNormal} from "../../src/lib/random.js";
import type {ActivationName} from "../../src/lib/activations.js";

describe("predictPoints", () => {
  it("gives predict()'s values bit for bit, for each activation and depth", () => {
    const normal = randomNormal(randomLcg(3));
    const points = estimateGrid(sampleDataset("prod", 50, randomLcg(1)).x, 21).points;
    for (const [hidden, activation] of [[[4], "relu"], [[5, 5], "tanh"], [[16, 3, 2, 7], "sigmoid"], [[3], "linear"]] as [number[], ActivationName][]) {
      const sizes = [2, ...hidden, 1];
      const net: Network = {
        activation,
        layers: sizes.slice(1).map((n, k) => ({weights: Array.from({length: sizes[k]}, () => Array.from({length: n}, normal)), biases: Array.from({length: n}, normal)}))
      };
      expect(Array.from(predictPoints(net, points)), `${activation} [${hidden}]`).toEqual(points.map((p) => predict(net, p)));
    }
  });
});
