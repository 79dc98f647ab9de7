// The snapshot contract: what a loader writes for one trained network and what a page reads.
// The same validating parser runs on both sides, so a malformed file fails with the field named.
import {parseSpec, specLayerSizes, ValidationError, type NetworkSpec} from "./spec.js";
import type {Layer, Network} from "./network.js";
import type {Point} from "./datasets.js";

/** Bump when the shape of the snapshot changes. */
export const SNAPSHOT_VERSION = 1;

export interface Checkpoint {
  /** Number of epochs completed when the parameters were taken (0 = initialisation). */
  epoch: number;
  layers: Layer[];
}

export interface Snapshot {
  version: typeof SNAPSHOT_VERSION;
  /** Hash of the spec and of the trainer's source: a different fingerprint means a stale snapshot. */
  fingerprint: string;
  spec: NetworkSpec;
  data: {x: Point[]; y: number[]};
  /** Trained parameters, layer by layer. */
  layers: Layer[];
  /** One value per epoch: the loss of the epoch's last mini-batch, before its update (as the original records it). */
  lossHistory: number[];
  /** One value per epoch: the mean squared error over the whole dataset after the epoch. */
  mseHistory: number[];
  checkpoints: Checkpoint[];
  runtime: {tfjsVersion: string; backend: string};
}

/** The network a snapshot describes. */
export function snapshotNetwork(s: Snapshot, layers: Layer[] = s.layers): Network {
  return {layers, activation: s.spec.activation};
}

/** Final full-dataset MSE of the trained network. */
export function finalMse(s: Snapshot): number {
  return s.mseHistory[s.mseHistory.length - 1];
}

/** Final loss as the original reports it: the last epoch's last-batch loss. */
export function finalLoss(s: Snapshot): number {
  return s.lossHistory[s.lossHistory.length - 1];
}

type Obj = Record<string, unknown>;

/** Checks an untrusted value (parsed JSON) against the snapshot contract. */
export function parseSnapshot(value: unknown, source = "snapshot"): Snapshot {
  const fail = (field: string, detail: string): never => {
    throw new ValidationError(source, field, detail);
  };
  const obj = (v: unknown, field: string): Obj => {
    if (typeof v !== "object" || v === null || Array.isArray(v)) fail(field, "must be an object");
    return v as Obj;
  };
  const arr = (v: unknown, field: string, length?: number): unknown[] => {
    if (!Array.isArray(v)) fail(field, "must be an array");
    const a = v as unknown[];
    if (length !== undefined && a.length !== length) fail(field, `must have ${length} entries, has ${a.length}`);
    return a;
  };
  const num = (v: unknown, field: string): number => {
    if (typeof v !== "number" || !Number.isFinite(v)) fail(field, `must be a finite number, got ${JSON.stringify(v)}`);
    return v as number;
  };
  const nums = (v: unknown, field: string, length?: number): number[] => {
    const a = arr(v, field, length);
    a.forEach((x, i) => num(x, `${field}[${i}]`));
    return a as number[];
  };
  const str = (v: unknown, field: string): string => {
    if (typeof v !== "string" || v === "") fail(field, "must be a non-empty string");
    return v as string;
  };

  const root = obj(value, "(root)");
  if (root.version !== SNAPSHOT_VERSION) fail("version", `must be ${SNAPSHOT_VERSION}, got ${JSON.stringify(root.version)}`);
  const fingerprint = str(root.fingerprint, "fingerprint");
  const spec: NetworkSpec = parseSpec(root.spec, source, "spec.");
  const sizes = specLayerSizes(spec);

  const data = obj(root.data, "data");
  const x = arr(data.x, "data.x", spec.points).map((p, i) => nums(p, `data.x[${i}]`, 2) as unknown as Point);
  const y = nums(data.y, "data.y", spec.points);

  const layers = (v: unknown, field: string): Layer[] =>
    arr(v, field, sizes.length - 1).map((l, k) => {
      const layer = obj(l, `${field}[${k}]`);
      const weights = arr(layer.weights, `${field}[${k}].weights`, sizes[k]).map((row, i) =>
        nums(row, `${field}[${k}].weights[${i}]`, sizes[k + 1])
      );
      const biases = nums(layer.biases, `${field}[${k}].biases`, sizes[k + 1]);
      return {weights, biases};
    });

  const checkpoints = arr(root.checkpoints, "checkpoints").map((c, i) => {
    const cp = obj(c, `checkpoints[${i}]`);
    const epoch = num(cp.epoch, `checkpoints[${i}].epoch`);
    if (!Number.isInteger(epoch) || epoch < 0 || epoch > spec.epochs) fail(`checkpoints[${i}].epoch`, `must be an integer in [0, ${spec.epochs}]`);
    return {epoch, layers: layers(cp.layers, `checkpoints[${i}].layers`)};
  });
  const runtime = obj(root.runtime, "runtime");

  return {
    version: SNAPSHOT_VERSION,
    fingerprint,
    spec,
    data: {x, y},
    layers: layers(root.layers, "layers"),
    lossHistory: nums(root.lossHistory, "lossHistory", spec.epochs),
    mseHistory: nums(root.mseHistory, "mseHistory", spec.epochs),
    checkpoints,
    runtime: {tfjsVersion: str(runtime.tfjsVersion, "runtime.tfjsVersion"), backend: str(runtime.backend, "runtime.backend")}
  };
}
