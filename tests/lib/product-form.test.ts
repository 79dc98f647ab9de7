import {describe, expect, it} from "vitest";
import {productForm} from "../../src/lib/product-form.js";
import {exactPartition} from "../../src/lib/partition.js";
import {localLinear, zoneSteps} from "../../src/lib/regions.js";
import {randomLcg, randomNormal} from "../../src/lib/random.js";
import type {Layer, Network} from "../../src/lib/network.js";

/** The product and the zone's affine function, both float64, agree to this. */
const TOLERANCE = 1e-9;

function randomNet(sizes: number[], seed: number): Network {
  const normal = randomNormal(randomLcg(seed));
  const layers: Layer[] = sizes.slice(1).map((dOut, k) => ({
    weights: Array.from({length: sizes[k]}, () => Array.from({length: dOut}, normal)),
    biases: Array.from({length: dOut}, normal)
  }));
  return {layers, activation: "relu"};
}

describe("productForm", () => {
  for (const sizes of [[2, 4, 1], [2, 5, 5, 1], [2, 6, 4, 3, 1]]) {
    it(`is every zone's affine function and localLinear for ${sizes.join("-")}`, () => {
      const net = randomNet(sizes, sizes.length);
      for (const zone of exactPartition(net).zones) {
        const f = productForm(net, zone.pattern);
        const l = localLinear(net, zone.centroid);
        for (const [got, want] of [
          [f.jacobian[0], zone.affine.a],
          [f.jacobian[1], zone.affine.b],
          [f.intercept, zone.affine.c],
          [f.jacobian[0], l.a],
          [f.intercept, l.c]
        ])
          expect(Math.abs(got - want)).toBeLessThan(TOLERANCE);
        expect(f.masks.flat().every((d) => d === 0 || d === 1)).toBe(true);
      }
    });
  }

  it("is the four steps for one hidden layer", () => {
    const net = randomNet([2, 4, 1], 2);
    const mask = [true, false, true, true];
    const f = productForm(net, [mask]);
    const s = zoneSteps(net, mask).coefficients;
    expect(Math.abs(f.jacobian[0] - s[0]) + Math.abs(f.jacobian[1] - s[1]) + Math.abs(f.intercept - s[2])).toBeLessThan(TOLERANCE);
  });

  it("refuses a pattern of the wrong shape", () => {
    const net = randomNet([2, 4, 1], 2);
    expect(() => productForm(net, [[true]])).toThrow(/layer 1 of the pattern has 1 units, the network 4/);
    expect(() => productForm(net, [])).toThrow(/0 layers/);
  });
});
