// The messages between the "Train your own" page and its training worker (src/workers/train-worker.ts).
// Plain data only (structured clone): the page never loads tfjs; the worker never touches the DOM.
import type {Layer} from "./network.js";
import type {NetworkSpec} from "./spec.js";
import type {SnapshotFile} from "./snapshot.js";

/** One trained epoch: its last mini-batch loss (before that batch's update) and full-dataset MSE. */
export interface EpochFigures {
  epoch: number;
  loss: number;
  mse: number;
}

/**
 * The worker trains at most this many epochs between two progress messages, and every progress
 * message carries the current parameters, so the page's estimate can follow every 10 epochs.
 */
export const EPOCHS_PER_SLICE = 10;

/**
 * ...and at most this long (ms) between two messages, so the loss chart gets at least 1000 / 50 = 20
 * updates a second even for a network whose 10 epochs take longer, and a pause or cancel waits at
 * most about this long.
 */
export const SLICE_MS = 50;

/**
 * Progress messages the worker may have in flight: it waits for the page's "ack" of the older ones
 * before it trains on, so the page draws every message's parameters (every ≤ 10 epochs) and never
 * falls behind, even when its main thread is slow.
 */
export const PROGRESS_WINDOW = 2;

export type ToWorker =
  | {type: "start"; spec: NetworkSpec; fingerprint: string}
  /** The page has drawn one progress message. */
  | {type: "ack"}
  | {type: "pause"}
  | {type: "resume"}
  | {type: "cancel"};

export type FromWorker =
  /** Epochs trained since the last message; `seconds` is the training time so far, pauses excluded. */
  | {type: "progress"; epochs: EpochFigures[]; layers: Layer[]; seconds: number}
  /** The run is paused at the end of `epoch`; `snapshot` is the run so far. */
  | {type: "paused"; snapshot: SnapshotFile; seconds: number}
  | {type: "done"; snapshot: SnapshotFile; seconds: number}
  /** Epoch `epoch` gave a non-finite loss or MSE; `snapshot` holds the epochs before it. */
  | {type: "diverged"; epoch: number; message: string; snapshot: SnapshotFile; seconds: number}
  | {type: "cancelled"}
  | {type: "failed"; message: string};
