// The contour worker of the network pages: computes every checkpoint's estimate and error contours
// (lib/contour-protocol.ts, checkpointPanels: the grid estimate and its contours) off the main thread, one checkpoint per turn of its
// message loop, always the one nearest the epoch in view, and posts each as soon as it is ready.
// A "focus" message moves that centre (the reader moved the epoch slider); a new "start" replaces the
// job (the panels were drawn at another width).
/// <reference lib="webworker" />
import {checkpointPanels, nextKey, type FromContourWorker, type ToContourWorker} from "../lib/contour-protocol.js";
import type {Network} from "../lib/network.js";

const scope = self as DedicatedWorkerGlobalScope;

let job: (Extract<ToContourWorker, {type: "start"}> & {todo: Map<number, Network>}) | null = null;

// One checkpoint per turn, so a focus message is read between two (a MessageChannel round trip:
// setTimeout would be clamped to 4 ms).
const turn = new MessageChannel();
let scheduled = false;
const schedule = () => {
  if (scheduled) return;
  scheduled = true;
  turn.port2.postMessage(null);
};
turn.port1.onmessage = () => {
  scheduled = false;
  if (!job) return;
  const key = nextKey([...job.todo.keys()], job.focus);
  if (key === undefined) {
    job = null;
    return;
  }
  const network = job.todo.get(key)!;
  job.todo.delete(key);
  const message: FromContourWorker = {type: "contours", run: job.run, key, ...checkpointPanels(network, job.dataset, job.samples, job.frames, job.count)};
  // The values' buffer is handed over, not copied.
  scope.postMessage(message, [message.values.buffer]);
  schedule();
};

scope.onmessage = (event: MessageEvent<ToContourWorker>) => {
  const message = event.data;
  if (message.type === "start") job = {...message, todo: new Map(message.networks.map((n) => [n.key, n.network]))};
  else if (job) job.focus = message.key;
  schedule();
};
