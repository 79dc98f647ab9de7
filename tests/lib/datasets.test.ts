import {describe, expect, it} from "vitest";
import {estimateGrid, GRID_SIZE, linspace, sampleDataset, SAMPLE_RANGE, TARGETS} from "../../src/lib/datasets.js";
import {randomLcg} from "../../src/lib/random.js";

/** Grid coordinates are computed as a + (b - a) i / (n - 1): allow a few ulps around exact values. */
const GRID_TOLERANCE = 1e-12;

describe("TARGETS", () => {
  it("are the three formulas of the original", () => {
    expect(TARGETS.prod(2, 3)).toBe(1.5); // 2 * 3 / 4
    expect(TARGETS.prod(-1, 1)).toBe(-0.25);
    expect(TARGETS.sumSquares(2, -2)).toBe(2); // (4 + 4) / 4
    expect(TARGETS.sumSquares(0, 1)).toBe(0.25);
    expect(TARGETS.polynom(1, 1)).toBe(-0.75); // (1 - 3 - 1) / 4
    expect(TARGETS.polynom(2, 0)).toBe(1); // 4 / 4
    expect(TARGETS.polynom(0, 2)).toBe(-1); // -4 / 4
  });
});

describe("sampleDataset", () => {
  it("draws n points in [-2, 2]^2 with their exact targets", () => {
    for (const name of ["prod", "sumSquares", "polynom"] as const) {
      const {x, y} = sampleDataset(name, 2500, randomLcg(5));
      expect(x).toHaveLength(2500);
      expect(y).toHaveLength(2500);
      x.forEach(([x1, x2], i) => {
        expect(Math.abs(x1)).toBeLessThanOrEqual(SAMPLE_RANGE);
        expect(Math.abs(x2)).toBeLessThanOrEqual(SAMPLE_RANGE);
        expect(y[i]).toBe(TARGETS[name](x1, x2));
      });
      // Uniform on the square: both signs and most of the range are reached.
      const x1s = x.map((p) => p[0]);
      expect(Math.min(...x1s)).toBeLessThan(-1.99);
      expect(Math.max(...x1s)).toBeGreaterThan(1.99);
    }
  });

  it("is reproducible from its seed and differs between seeds", () => {
    expect(sampleDataset("prod", 10, randomLcg(1))).toEqual(sampleDataset("prod", 10, randomLcg(1)));
    expect(sampleDataset("prod", 10, randomLcg(1)).x).not.toEqual(sampleDataset("prod", 10, randomLcg(2)).x);
  });

  it("rejects a non-positive or fractional size", () => {
    expect(() => sampleDataset("prod", 0, randomLcg(1))).toThrow(RangeError);
    expect(() => sampleDataset("prod", 1.5, randomLcg(1))).toThrow(RangeError);
  });
});

describe("estimateGrid", () => {
  it("is 101 x 101 over [min - 1, max + 1] of each axis, x1 varying fastest", () => {
    const samples = [
      [-1.5, 0.25],
      [1.75, -2],
      [0, 1.5]
    ] as const;
    const grid = estimateGrid(samples);
    expect(GRID_SIZE).toBe(101);
    expect(grid.x1).toHaveLength(101);
    expect(grid.x2).toHaveLength(101);
    expect(grid.points).toHaveLength(101 * 101);
    expect(Math.abs(grid.x1[0] - -2.5)).toBeLessThan(GRID_TOLERANCE);
    expect(Math.abs(grid.x1[100] - 2.75)).toBeLessThan(GRID_TOLERANCE);
    expect(Math.abs(grid.x2[0] - -3)).toBeLessThan(GRID_TOLERANCE);
    expect(Math.abs(grid.x2[100] - 2.5)).toBeLessThan(GRID_TOLERANCE);
    expect(grid.points[1]).toEqual([grid.x1[1], grid.x2[0]]);
    expect(grid.points[101]).toEqual([grid.x1[0], grid.x2[1]]);
  });

  it("spans about [-3, 3]^2 for a reference dataset", () => {
    const grid = estimateGrid(sampleDataset("prod", 2500, randomLcg(1)).x);
    for (const axis of [grid.x1, grid.x2]) {
      expect(axis[0]).toBeGreaterThan(-3.001);
      expect(axis[0]).toBeLessThan(-2.99);
      expect(axis[100]).toBeLessThan(3.001);
      expect(axis[100]).toBeGreaterThan(2.99);
    }
  });

  it("linspace includes both ends", () => {
    expect(linspace(0, 1, 5)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(linspace(2, 3, 1)).toEqual([2]);
  });
});
