// The regression family of the series: three targets of two inputs, uniform sampling of the
// inputs on [-2, 2]^2 (no noise), and the grid on which a model's estimate is drawn.
import type {RandomSource} from "./random.js";

export type DatasetName = "prod" | "sumSquares" | "polynom";
export type Point = readonly [number, number];

/** Target functions y = f(x1, x2). */
export const TARGETS: Record<DatasetName, (x1: number, x2: number) => number> = {
  prod: (x1, x2) => (x1 * x2) / 4,
  sumSquares: (x1, x2) => (x1 * x1 + x2 * x2) / 4,
  polynom: (x1, x2) => (x1 * x1 - 3 * x1 * x2 - x2 * x2) / 4
};

/** The formula of each target, for display. */
export const TARGET_TEXT: Record<DatasetName, string> = {
  prod: "y = x₁·x₂ / 4",
  sumSquares: "y = (x₁² + x₂²) / 4",
  polynom: "y = (x₁² − 3·x₁·x₂ − x₂²) / 4"
};

export const DATASET_NAMES = Object.keys(TARGETS) as DatasetName[];

export function isDatasetName(name: unknown): name is DatasetName {
  return typeof name === "string" && Object.hasOwn(TARGETS, name);
}

/**
 * The target's gradient (df/dx1, df/dx2) at p by central differences with step h: exact up to
 * rounding for the quadratic targets here, whose third derivatives vanish.
 */
export function targetGradient(name: DatasetName, [x1, x2]: Point, h = 1e-3): Point {
  const f = TARGETS[name];
  return [(f(x1 + h, x2) - f(x1 - h, x2)) / (2 * h), (f(x1, x2 + h) - f(x1, x2 - h)) / (2 * h)];
}

/** Half-width of the sampling square: inputs are uniform on [-SAMPLE_RANGE, SAMPLE_RANGE]^2. */
export const SAMPLE_RANGE = 2;

export interface Dataset {
  x: Point[];
  y: number[];
}

/** n points uniform on [-2, 2]^2 (each coordinate 2 * (2u - 1)), with their exact targets. */
export function sampleDataset(name: DatasetName, n: number, source: RandomSource): Dataset {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`sampleDataset: n must be a positive integer, got ${n}`);
  const f = TARGETS[name];
  const x: Point[] = [];
  const y: number[] = [];
  for (let i = 0; i < n; ++i) {
    const x1 = SAMPLE_RANGE * (2 * source() - 1);
    const x2 = SAMPLE_RANGE * (2 * source() - 1);
    x.push([x1, x2]);
    y.push(f(x1, x2));
  }
  return {x, y};
}

/** Points per axis of the estimate grid, as in the original (101 x 101). */
export const GRID_SIZE = 101;

export interface Grid {
  /** The coordinates along each axis, GRID_SIZE values each. */
  x1: number[];
  x2: number[];
  /** All grid points, x1 varying fastest (row-major with x2 as the row). */
  points: Point[];
}

/** The estimate grid: GRID_SIZE points per axis over [min - 1, max + 1] of the samples. */
export function estimateGrid(samples: readonly Point[], size = GRID_SIZE): Grid {
  if (samples.length === 0) throw new RangeError("estimateGrid: no samples");
  const axis = (k: 0 | 1) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const p of samples) {
      if (p[k] < lo) lo = p[k];
      if (p[k] > hi) hi = p[k];
    }
    return linspace(lo - 1, hi + 1, size);
  };
  const x1 = axis(0);
  const x2 = axis(1);
  const points: Point[] = [];
  for (const b of x2) for (const a of x1) points.push([a, b]);
  return {x1, x2, points};
}

/** n evenly spaced values from a to b inclusive. */
export function linspace(a: number, b: number, n: number): number[] {
  if (n === 1) return [a];
  return Array.from({length: n}, (_, i) => a + ((b - a) * i) / (n - 1));
}
