import {describe, expect, it} from "vitest";
import {gridEstimate} from "../../src/lib/estimate.js";
import {predict, type Network} from "../../src/lib/network.js";
import {sampleDataset, TARGETS} from "../../src/lib/datasets.js";
import {randomLcg, randomNormal} from "../../src/lib/random.js";

describe("gridEstimate", () => {
  const samples = sampleDataset("prod", 60, randomLcg(2)).x;
  const normal = randomNormal(randomLcg(5));
  const sizes = [2, 5, 5, 1];
  const net: Network = {
    activation: "relu",
    layers: sizes.slice(1).map((n, k) => ({weights: Array.from({length: sizes[k]}, () => Array.from({length: n}, normal)), biases: Array.from({length: n}, normal)}))
  };

  it("holds predict()'s output, the target and their difference at every grid point, exactly", () => {
    const est = gridEstimate(net, "prod", samples);
    expect(est.estimate).toEqual(est.grid.points.map((p) => predict(net, p)));
    expect(est.truth).toEqual(est.grid.points.map((p) => TARGETS.prod(p[0], p[1])));
    expect(est.error).toEqual(est.estimate.map((v, i) => v - est.truth[i]));
  });

  it("shares the grid between networks on the same samples, and gives each estimate its own arrays", () => {
    const a = gridEstimate(net, "prod", samples);
    const b = gridEstimate({...net, activation: "tanh"}, "prod", samples);
    expect(b.grid).toBe(a.grid);
    expect(b.truth).not.toBe(a.truth);
    expect(b.truth).toEqual(a.truth);
    expect(b.estimate).not.toEqual(a.estimate);
  });
});
