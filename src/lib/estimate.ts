// A model's estimate over the 101 x 101 grid, beside the truth and the error, for the estimate charts.
import {estimateGrid, TARGETS, type DatasetName, type Grid, type Point} from "./datasets.js";
import {predict, type Network} from "./network.js";

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

export function gridEstimate(net: Network, dataset: DatasetName, samples: readonly Point[]): GridEstimate {
  const grid = estimateGrid(samples);
  const f = TARGETS[dataset];
  const estimate = grid.points.map((p) => predict(net, p));
  const truth = grid.points.map((p) => f(p[0], p[1]));
  return {dataset, grid, estimate, truth, error: estimate.map((v, i) => v - truth[i])};
}

/** The largest |error| over the grid points within [-r, r]^2 (all points when r is Infinity). */
export function maxAbsError(est: GridEstimate, r = Infinity): number {
  let max = 0;
  est.grid.points.forEach((p, i) => {
    if (Math.abs(p[0]) <= r && Math.abs(p[1]) <= r) max = Math.max(max, Math.abs(est.error[i]));
  });
  return max;
}
