// Makes the estimate panels' contours of every checkpoint ready off the main thread: a module worker
// (src/workers/contour-worker.ts) computes them nearest the epoch in view first and hands each (with
// the grid estimate it contoured) to `onPanels` as it arrives. A checkpoint met for the first time
// then costs the page a swap of path data instead of ~20 ms of contouring. Where there is no Worker
// (jsdom), or the worker fails to start, this returns null or goes quiet: the panels compute what
// they need themselves.
//
// One worker per explorer: panels drawn again at another width restart its job (a new run, whose
// answers alone count) rather than end a worker that may still be loading its modules. It ends once
// every checkpoint of its job has arrived.
//
// Framework rewrites the import.meta.resolve below into the built worker's address, bundling it with
// the lib modules it imports.
import type {CheckpointPanels, FromContourWorker, PanelFrames, ToContourWorker} from "../lib/contour-protocol.js";
import type {DatasetName, Point} from "../lib/datasets.js";
import type {Network} from "../lib/network.js";

/** What to compute: the checkpoints, where the panels draw, and the epoch in view. */
export interface ContourJob {
  frames: PanelFrames;
  /** The checkpoints to compute, by key. */
  networks: {key: number; network: Network}[];
  /** The key in view. */
  focus: number;
}

export interface ContourPrefetchOptions {
  dataset: DatasetName;
  samples: readonly Point[];
  /** Contour thresholds per panel. */
  count: number;
  onPanels: (key: number, panels: CheckpointPanels) => void;
  document?: Document;
}

export interface ContourPrefetch {
  /** The epoch in view moved: the worker goes on from there. */
  focus(key: number): void;
  /** Replaces the job (the panels were drawn again): answers to the earlier one are dropped. False once the worker has ended. */
  restart(job: ContourJob): boolean;
  /** Whether the worker is still at work: checkpoints of its job are yet to arrive. */
  working(): boolean;
  /** Ends the worker. */
  stop(): void;
}

let runs = 0;

export function contourPrefetch(job: ContourJob, {dataset, samples, count, onPanels, document: doc = globalThis.document}: ContourPrefetchOptions): ContourPrefetch | null {
  const view = doc.defaultView;
  if (!view || typeof view.Worker !== "function" || job.networks.length === 0) return null;
  let worker: Worker | null = new view.Worker(import.meta.resolve("../workers/contour-worker.js"), {type: "module"});
  const stop = () => {
    worker?.terminate();
    worker = null;
  };
  const send = (message: ToContourWorker) => worker?.postMessage(message);
  let run = 0;
  let left = 0;
  const start = (next: ContourJob) => {
    run = ++runs;
    left = next.networks.length;
    send({type: "start", run, dataset, samples: [...samples], frames: next.frames, count, networks: next.networks, focus: next.focus});
  };
  worker.onmessage = (event: MessageEvent<FromContourWorker>) => {
    if (event.data.run !== run) return;
    onPanels(event.data.key, {values: event.data.values, contours: event.data.contours});
    // Every checkpoint done: the worker's thread is given back.
    if (--left === 0) stop();
  };
  // A worker that cannot start leaves the page as it was without one (and no error in its console).
  worker.onerror = (event) => {
    event.preventDefault();
    stop();
  };
  start(job);
  return {
    focus: (key) => send({type: "focus", key}),
    restart(next: ContourJob) {
      if (!worker) return false;
      start(next);
      return true;
    },
    working: () => worker !== null,
    stop
  };
}
