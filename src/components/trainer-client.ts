// The page's handle on its training worker (src/workers/train-worker.ts). The worker is created on
// the first start, so tfjs (which only the worker imports) is fetched when the reader first trains,
// never by the page itself. Framework rewrites the import.meta.resolve below into the built
// worker module's hashed URL and bundles the module and its imports.
import type {FromWorker, ToWorker} from "../lib/train-protocol.js";
import type {NetworkSpec} from "../lib/spec.js";

export interface TrainerClient {
  start(spec: NetworkSpec, fingerprint: string): void;
  pause(): void;
  resume(): void;
  cancel(): void;
  /** Tells the worker one progress message has been drawn. */
  ack(): void;
}

export function trainerClient(onMessage: (message: FromWorker) => void): TrainerClient {
  let worker: Worker | null = null;
  const send = (message: ToWorker) => worker?.postMessage(message);
  return {
    start(spec, fingerprint) {
      if (!worker) {
        worker = new Worker(import.meta.resolve("../workers/train-worker.js"), {type: "module"});
        worker.onmessage = (event: MessageEvent<FromWorker>) => onMessage(event.data);
        worker.onerror = (event) => onMessage({type: "failed", message: `the training worker failed: ${event.message || "it could not be loaded"}`});
      }
      send({type: "start", spec, fingerprint});
    },
    pause: () => send({type: "pause"}),
    resume: () => send({type: "resume"}),
    cancel: () => send({type: "cancel"}),
    ack: () => send({type: "ack"})
  };
}
