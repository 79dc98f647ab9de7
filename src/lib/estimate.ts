// A model's estimate over the 101 x 101 grid, beside the truth and the error, for the estimate charts.
import {estimateGrid, TARGETS, type DatasetName, type Grid, type Point} from "./datasets.js";
import type {Network} from "./network.js";
import {predictPoints} from "./grid-predict.js";

export interface GridEstimate {
  dataset: DatasetName;
  grid: Grid;
  /** Network output at each grid point (grid order: x1 fastest). */
  estimate: number[];
  /** Target function at each grid point. */
  truth: number[];
  /** estimate - truth. */
  error: number[];
}

/**
 * The grid and the truth on it, per samples array and dataset: they do not depend on the network,
 * so every epoch of a page shares them (and the same grid object).
 */
const TRUTHS = new WeakMap<readonly Point[], Map<DatasetName, {grid: Grid; truth: number[]}>>();

function gridTruth(dataset: DatasetName, samples: readonly Point[]): {grid: Grid; truth: number[]} {
  let byDataset = TRUTHS.get(samples);
  if (!byDataset) TRUTHS.set(samples, (byDataset = new Map()));
  let entry = byDataset.get(dataset);
  if (!entry) {
    const grid = estimateGrid(samples);
    const f = TARGETS[dataset];
    byDataset.set(dataset, (entry = {grid, truth: grid.points.map((p) => f(p[0], p[1]))}));
  }
  return entry;
}

export function gridEstimate(net: Network, dataset: DatasetName, samples: readonly Point[]): GridEstimate {
  // predictPoints gives predict(net, p) bit for bit, with flat float64 loops and no allocation per point.
  return gridEstimateOf(predictPoints(net, gridTruth(dataset, samples).grid.points), dataset, samples);
}

/** The grid estimate whose network outputs at the grid points (grid order) are `values` (computed elsewhere: the contour worker). */
export function gridEstimateOf(values: ArrayLike<number>, dataset: DatasetName, samples: readonly Point[]): GridEstimate {
  const {grid, truth} = gridTruth(dataset, samples);
  if (values.length !== grid.points.length) throw new RangeError(`gridEstimateOf: ${values.length} values for a grid of ${grid.points.length} points`);
  const estimate = Array.from(values);
  return {dataset, grid, estimate, truth: truth.slice(), error: estimate.map((v, i) => v - truth[i])};
}

/** The largest |error| over the grid points within [-r, r]^2 (all points when r is Infinity). */
export function maxAbsError(est: GridEstimate, r = Infinity): number {
  let max = 0;
  est.grid.points.forEach((p, i) => {
    if (Math.abs(p[0]) <= r && Math.abs(p[1]) <= r) max = Math.max(max, Math.abs(est.error[i]));
  });
  return max;
}
