// Messages between the explorer and its contour worker (src/workers/contour-worker.ts), which makes
// every checkpoint's estimate and error contours ready off the main thread, nearest the epoch in
// view first, so that replaying training finds them computed (components/contour-prefetch.ts).
import type {DatasetName, Point} from "./datasets.js";
import type {Network} from "./network.js";
import type {ContourPaths, GridFrame} from "./contour-paths.js";
import {contourPaths} from "./contour-paths.js";
import {gridEstimate} from "./estimate.js";

/** Where the two panels that follow the network draw their contours, in their own pixels. */
export interface PanelFrames {
  estimate: GridFrame;
  error: GridFrame;
}

/** The contours of one checkpoint, for the estimate and the error panels. */
export interface CheckpointContours {
  estimate: ContourPaths;
  error: ContourPaths;
}

/** A checkpoint's grid estimate (its network's outputs over the grid, gridEstimateOf) and contours. */
export interface CheckpointPanels {
  values: Float64Array;
  contours: CheckpointContours;
}

export type ToContourWorker =
  | {
      type: "start";
      /** Identifies this job: a new start (another width) makes the earlier one's answers stale. */
      run: number;
      dataset: DatasetName;
      /** The training inputs, which place the estimate grid (estimateGrid). */
      samples: Point[];
      frames: PanelFrames;
      /** Contour thresholds per panel (Plot's `thresholds` count). */
      count: number;
      /** The checkpoints still to compute, by key (the epoch they stand for), in epoch order. */
      networks: {key: number; network: Network}[];
      /** The key in view: the worker goes outwards from it. */
      focus: number;
    }
  | {type: "focus"; key: number};

export interface FromContourWorker extends CheckpointPanels {
  type: "contours";
  run: number;
  key: number;
}

/**
 * A checkpoint's panels as the page draws them: the grid estimate of `network` (gridEstimate), and
 * contourPaths of its estimate and its error in each panel's frame. The same function runs in the
 * worker and in tests, so the worker's paths are those the page would compute itself.
 */
export function checkpointPanels(network: Network, dataset: DatasetName, samples: readonly Point[], frames: PanelFrames, count: number): CheckpointPanels {
  const est = gridEstimate(network, dataset, samples);
  return {
    values: Float64Array.from(est.estimate),
    contours: {estimate: contourPaths(est.estimate, frames.estimate, count), error: contourPaths(est.error, frames.error, count)}
  };
}

/** The next key to compute: the one nearest `focus` in epoch order (the later one on a tie), or undefined when none is left. */
export function nextKey(keys: readonly number[], focus: number): number | undefined {
  let best: number | undefined;
  for (const k of keys) if (best === undefined || Math.abs(k - focus) < Math.abs(best - focus) || (Math.abs(k - focus) === Math.abs(best - focus) && k > best)) best = k;
  return best;
}
