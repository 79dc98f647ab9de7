// Makes the estimate panels' contours of every checkpoint ready off the main thread: a module worker
// (src/workers/contour-worker.ts) computes them nearest the epoch in view first and hands each (with the
// grid estimate it contoured) to `onPanels` as it arrives. A checkpoint met for the first time then costs the page a swap of path
// data instead of ~20 ms of contouring. Where there is no Worker (jsdom), or the worker fails to
// start, this returns null or goes quiet: the panels compute what they need themselves.
//
// Framework rewrites the import.meta.resolve below into the built worker's address, bundling it with
// the lib modules it imports.
import type {CheckpointPanels, FromContourWorker, PanelFrames, ToContourWorker} from "../lib/contour-protocol.js";
import type {DatasetName, Point} from "../lib/datasets.js";
import type {Network} from "../lib/network.js";

export interface ContourPrefetchOptions {
  dataset: DatasetName;
  samples: readonly Point[];
  frames: PanelFrames;
  /** Contour thresholds per panel. */
  count: number;
  /** The checkpoints to compute, by key. */
  networks: {key: number; network: Network}[];
  /** The key in view. */
  focus: number;
  onPanels: (key: number, panels: CheckpointPanels) => void;
  document?: Document;
}

export interface ContourPrefetch {
  /** The epoch in view moved: the worker goes on from there. */
  focus(key: number): void;
  /** Ends the worker (the panels were drawn again, at another width). */
  stop(): void;
}

let runs = 0;

export function contourPrefetch({dataset, samples, frames, count, networks, focus, onPanels, document: doc = globalThis.document}: ContourPrefetchOptions): ContourPrefetch | null {
  const view = doc.defaultView;
  if (!view || typeof view.Worker !== "function" || networks.length === 0) return null;
  const run = ++runs;
  let worker: Worker | null = new view.Worker(import.meta.resolve("../workers/contour-worker.js"), {type: "module"});
  const stop = () => {
    worker?.terminate();
    worker = null;
  };
  let left = networks.length;
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
  const send = (message: ToContourWorker) => worker?.postMessage(message);
  send({type: "start", run, dataset, samples: [...samples], frames, count, networks, focus});
  return {focus: (key) => send({type: "focus", key}), stop};
}
