import {describe, expect, it} from "vitest";
import {randomLcg, randomNormal} from "../../src/lib/random.js";

/** Sample size for the moment checks, and how far the sample mean / stddev may stray (about 5 standard errors). */
const SAMPLES = 20_000;
const MOMENT_TOLERANCE = 0.04;

describe("randomLcg", () => {
  it("is reproducible from its seed", () => {
    const a = randomLcg(42);
    const b = randomLcg(42);
    const xs = Array.from({length: 100}, a);
    expect(Array.from({length: 100}, b)).toEqual(xs);
  });

  it("gives different sequences for different seeds (integer and fractional)", () => {
    const first = (seed: number) => Array.from({length: 5}, randomLcg(seed));
    expect(first(1)).not.toEqual(first(2));
    expect(first(0.5)).not.toEqual(first(1));
  });

  it("stays in [0, 1) and covers it", () => {
    const source = randomLcg(7);
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < SAMPLES; ++i) {
      const u = source();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      lo = Math.min(lo, u);
      hi = Math.max(hi, u);
    }
    expect(lo).toBeLessThan(0.001);
    expect(hi).toBeGreaterThan(0.999);
  });

  it("rejects a non-finite seed", () => {
    expect(() => randomLcg(NaN)).toThrow(RangeError);
    expect(() => randomLcg(Infinity)).toThrow(RangeError);
  });
});

describe("randomNormal", () => {
  it("is reproducible and finite", () => {
    const a = randomNormal(randomLcg(3));
    const b = randomNormal(randomLcg(3));
    for (let i = 0; i < 1000; ++i) {
      const x = a();
      expect(Number.isFinite(x)).toBe(true);
      expect(b()).toBe(x);
    }
  });

  it("has the requested mean and standard deviation", () => {
    const normal = randomNormal(randomLcg(11), 1.5, 2);
    const xs = Array.from({length: SAMPLES}, normal);
    const mean = xs.reduce((s, x) => s + x, 0) / SAMPLES;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (SAMPLES - 1));
    expect(Math.abs(mean - 1.5)).toBeLessThan(MOMENT_TOLERANCE * 2);
    expect(Math.abs(sd / 2 - 1)).toBeLessThan(MOMENT_TOLERANCE);
  });
});
