// The training worker of the "Train your own" page: the build's trainer (src/data/trainer.ts, the
// same module, not a copy) run off the main thread, in slices of at most EPOCHS_PER_SLICE epochs or
// SLICE_MS ms. After each slice it posts the epochs' figures and the current parameters, then yields
// to its message queue (a MessageChannel round trip: setTimeout would be clamped to 4 ms), so a
// pause or cancel is seen within one slice. Pausing only stops between epochs; the trainer's state
// is untouched, so a paused and resumed run is bit for bit an uninterrupted one. At most
// PROGRESS_WINDOW progress messages are in flight: the page acknowledges each once drawn.
/// <reference lib="webworker" />
import {createTrainer, TrainingDivergedError, type Trainer} from "../data/trainer.js";
import {EPOCHS_PER_SLICE, PROGRESS_WINDOW, SLICE_MS, type EpochFigures, type FromWorker, type ToWorker} from "../lib/train-protocol.js";
import type {Snapshot, SnapshotFile} from "../lib/snapshot.js";
import {createRunControl} from "../lib/train-run-control.js";

const scope = self as DedicatedWorkerGlobalScope;
const post = (message: FromWorker) => scope.postMessage(message);

let trainer: Trainer | null = null;
let fingerprint = "";
/** The current run's token and the reader's pause (a start's await cannot undo a cancel or pause). */
const control = createRunControl();
let running = false;
/** Training time so far, pauses excluded (ms), and when the current stretch began. */
let trainedMs = 0;
let stretchStart = 0;
/** Progress messages the page has not acknowledged yet; a slice waits while there are PROGRESS_WINDOW. */
let unacked = 0;
let waiting = false;

const yieldChannel = new MessageChannel();
yieldChannel.port1.onmessage = () => slice();
const scheduleSlice = () => yieldChannel.port2.postMessage(null);

function fileOf(s: Snapshot): SnapshotFile {
  const {data: _data, ...file} = s;
  return file;
}

const seconds = () => (trainedMs + (running ? performance.now() - stretchStart : 0)) / 1000;

function stop(): void {
  if (running) trainedMs += performance.now() - stretchStart;
  running = false;
}

function finish(): void {
  trainer?.dispose();
  trainer = null;
}

function slice(): void {
  if (!trainer || !running) return;
  if (control.paused) {
    stop();
    post({type: "paused", snapshot: fileOf(trainer.snapshot(fingerprint)), seconds: seconds()});
    return;
  }
  const start = performance.now();
  const epochs: EpochFigures[] = [];
  try {
    while (!trainer.done && epochs.length < EPOCHS_PER_SLICE && performance.now() - start < SLICE_MS) epochs.push(trainer.step());
  } catch (error) {
    if (epochs.length) post({type: "progress", epochs, layers: trainer.layers(), seconds: seconds()});
    stop();
    if (error instanceof TrainingDivergedError) {
      post({type: "diverged", epoch: error.epoch, message: error.message, snapshot: fileOf(trainer.snapshot(fingerprint)), seconds: seconds()});
    } else post({type: "failed", message: error instanceof Error ? error.message : String(error)});
    finish();
    return;
  }
  post({type: "progress", epochs, layers: trainer.layers(), seconds: seconds()});
  ++unacked;
  if (trainer.done) {
    stop();
    post({type: "done", snapshot: fileOf(trainer.snapshot(fingerprint)), seconds: seconds()});
    finish();
  } else next();
}

/** The next slice now, or when the page has caught up. */
function next(): void {
  if (unacked >= PROGRESS_WINDOW) waiting = true;
  else scheduleSlice();
}

scope.onmessage = async (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  switch (message.type) {
    case "ack":
      unacked = Math.max(0, unacked - 1);
      if (waiting && unacked < PROGRESS_WINDOW) {
        waiting = false;
        scheduleSlice();
      }
      break;
    case "start": {
      finish();
      running = false;
      unacked = 0;
      waiting = false;
      const token = control.begin();
      let created: Trainer;
      try {
        created = await createTrainer(message.spec);
      } catch (error) {
        if (control.current(token)) post({type: "failed", message: error instanceof Error ? error.message : String(error)});
        return;
      }
      // Cancelled (or replaced by a newer start) while the trainer was being created: it never runs.
      if (!control.current(token)) {
        created.dispose();
        return;
      }
      trainer = created;
      fingerprint = message.fingerprint;
      trainedMs = 0;
      running = true;
      stretchStart = performance.now();
      // A pause asked during the await holds: the first slice pauses before any epoch.
      scheduleSlice();
      break;
    }
    case "pause":
      control.pause();
      break;
    case "resume":
      control.resume();
      if (!trainer || running) break;
      running = true;
      stretchStart = performance.now();
      next();
      break;
    case "cancel":
      control.cancel();
      waiting = false;
      stop();
      finish();
      post({type: "cancelled"});
      break;
  }
};
