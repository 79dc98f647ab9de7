// The wording of the "Train your own" page's run status, decided here (tested), not in the page.
import {grouped, plural} from "./prose.js";
import {sig} from "./format.js";

/** A run's progress: `epoch` epochs done after `seconds` of training (pauses excluded). */
export interface ProgressSample {
  epoch: number;
  seconds: number;
}

/** The start of a run, from which the time left is measured until later samples exist. */
const START: ProgressSample = {epoch: 0, seconds: 0};

/**
 * The sample to measure a run's rate from: the last one at or before half the training time so far
 * (`samples` in order). A run's first epochs are slower (the engine compiles the trainer, tfjs warms
 * its kernels): the rate since the start overstated the time left early in a run, and the rate over
 * the later half of the time does not carry that start.
 */
export function rateBase(samples: readonly ProgressSample[], seconds: number): ProgressSample {
  let base = START;
  for (const s of samples) {
    if (s.seconds > seconds / 2) break;
    base = s;
  }
  return base;
}

/**
 * "about 12 s" / "about 2 min": the time left at the rate measured since `from` (default: the
 * start), from the epochs done and the seconds spent.
 */
export function timeLeft(epochsDone: number, epochs: number, seconds: number, from: ProgressSample = START): string {
  if (epochsDone <= 0 || seconds <= 0) return "estimating the time left";
  const [doneSince, spentSince] = epochsDone > from.epoch && seconds > from.seconds ? [epochsDone - from.epoch, seconds - from.seconds] : [epochsDone, seconds];
  const left = ((epochs - epochsDone) * spentSince) / doneSince;
  if (left < 1) return "less than a second left";
  return left < 90 ? `about ${Math.round(left)} s left` : `about ${Math.round(left / 60)} min left`;
}

export type RunState = "idle" | "running" | "pausing" | "paused" | "done" | "cancelled" | "diverged" | "failed" | "loaded";

/** The sentence of the run's status (`rateFrom`: where the rate of a running one is measured from, see rateBase). */
export function runStatus(state: RunState, epoch: number, epochs: number, seconds: number, divergedAt?: number, rateFrom?: ProgressSample): string {
  const at = `epoch ${epoch} of ${epochs}`;
  switch (state) {
    case "idle":
      return "Not trained yet: press Train.";
    case "running":
      return `Training: ${at}, ${timeLeft(epoch, epochs, seconds, rateFrom)}.`;
    case "pausing":
      return `Pausing after ${at}…`;
    case "paused":
      return `Paused after ${at}. The network as it is now is open below; resume to go on.`;
    case "done":
      return `Trained ${plural(epochs, "epoch")} in ${seconds.toFixed(1)} s.`;
    case "cancelled":
      return `Cancelled after ${at}.`;
    case "diverged":
      return `Training stopped at epoch ${divergedAt}: its loss was not a finite number (the learning rate is too large for this network). The network after epoch ${epoch}, the last good one, is open below.`;
    case "failed":
      return "Training failed.";
    case "loaded":
      // `epochs` is the loaded snapshot's.
      return `A snapshot file of ${plural(epochs, "epoch")} is open below (not trained in this page). Press Train to train a network here.`;
  }
}

/**
 * The status of a run whose parameters grew past what a snapshot may hold (PARAMETER_LIMIT, `limit`)
 * while its loss stayed finite: a learning rate far too large. `epoch` is the first stored epoch
 * with such a parameter, `value` that parameter.
 */
export function oversizedRunSentence(epoch: number, value: number, limit: number): string {
  return `Training failed: by epoch ${epoch} a parameter had grown to ${sig(value, 3)}, past the ±${grouped(limit)} a network here may hold, so the trained network cannot be shown. Parameters that large come from a learning rate too large for this network: try a smaller one.`;
}

/** The status of a run whose result is no valid snapshot for another reason (`reason`: the validation's message). */
export function unopenableRunSentence(reason: string): string {
  return `Training failed: the trained network cannot be opened (${reason}).`;
}
