import {describe, expect, it} from "vitest";
import {maskKey, zoneMap} from "../../src/lib/zone-map.js";
import {saturatedShare, saturationThreshold, SATURATED_SLOPE} from "../../src/lib/saturation.js";
import {ACTIVATIONS} from "../../src/lib/activations.js";
import type {Network} from "../../src/lib/network.js";

/** Float64 results of the same formula agree to 12 decimals. */
const FLOAT_DIGITS = 12;

// Two units with lines x1 = 0 and x2 = 0: the plane splits into four quadrant zones.
const quadrants: Network = {
  activation: "relu",
  layers: [
    {weights: [[1, 0], [0, 1]], biases: [0.001, 0.001]},
    {weights: [[1], [1]], biases: [0]}
  ]
};

describe("zoneMap", () => {
  it("finds one zone per activation pattern", () => {
    const map = zoneMap(quadrants, 2, 21);
    expect(map.points).toHaveLength(21 * 21);
    expect(new Set(map.zones)).toEqual(new Set(["11", "01", "10", "00"]));
    expect(map.step).toBeCloseTo(0.2, FLOAT_DIGITS);
  });

  it("labels each grid point with the quadrant it lies in", () => {
    // Unit 1 is on where x1 > -0.001, unit 2 where x2 > -0.001: the key is "<unit 1><unit 2>".
    const map = zoneMap(quadrants, 2, 21);
    const expected = (p: readonly number[]) => `${p[0] > -0.001 ? 1 : 0}${p[1] > -0.001 ? 1 : 0}`;
    map.points.forEach((p, i) => expect(map.keys[i], `point ${p}`).toBe(expected(p)));
    expect(map.keys[map.points.findIndex((p) => p[0] === -2 && p[1] === 2)]).toBe("01");
  });

  it("writes a mask layer by layer, units in order", () => {
    expect(maskKey([[true, false, true], [false, true]])).toBe("101|01");
  });
});

describe("saturatedShare", () => {
  it("counts the samples where the sigmoid's slope is below the threshold", () => {
    const net: Network = {activation: "sigmoid", layers: [{weights: [[10], [0]], biases: [0]}, {weights: [[1]], biases: [0]}]};
    // z = 10·x1: |z| > 3.9 (slope < SATURATED_SLOPE) exactly when |x1| > 0.39.
    const inputs = [-1, -0.5, -0.2, 0, 0.2, 0.5, 1].map((x1) => [x1, 0]);
    expect(saturatedShare(net, inputs)).toEqual([4 / 7]);
  });
});

describe("saturationThreshold", () => {
  it("is where the sigmoid's slope equals the threshold", () => {
    const z = saturationThreshold();
    const s = ACTIVATIONS.sigmoid.fn(z);
    expect(s * (1 - s)).toBeCloseTo(SATURATED_SLOPE, FLOAT_DIGITS);
    expect(z).toBeGreaterThan(3.8);
    expect(z).toBeLessThan(4);
  });
});
