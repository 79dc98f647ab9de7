// A reference network's specification: what to train. The files in data/ are the only place the
// reference specs are defined; this module checks them and names the field that is wrong.
import {isDatasetName, type DatasetName} from "./datasets.js";
import {isActivation, ACTIVATIONS, type Activation} from "./network.js";
import {DATASET_NAMES} from "./datasets.js";

export interface NetworkSpec {
  /** Short identifier, also the snapshot's file name: "small-relu". */
  id: string;
  /** Human title: "Small ReLU network". */
  title: string;
  dataset: DatasetName;
  /** Number of training samples. */
  points: number;
  /** Units of each hidden layer, e.g. [5, 5]. */
  hidden: number[];
  activation: Activation;
  optimizer: "adam";
  learningRate: number;
  epochs: number;
  batchSize: number;
  /** Seed of the sampled dataset. */
  dataSeed: number;
  /** Seed of the weight initialisation. */
  initSeed: number;
  /** Parameters are stored every this many epochs (and at epoch 0 and the last epoch). */
  checkpointEvery: number;
  /** How the seeds were chosen. */
  seedNote: string;
}

/** Layer sizes including the two inputs and the single output, e.g. [2, 4, 1]. */
export function specLayerSizes(spec: Pick<NetworkSpec, "hidden">): number[] {
  return [2, ...spec.hidden, 1];
}

/** A spec, or a snapshot, failed validation; the message names the source and the field. */
export class ValidationError extends Error {
  constructor(
    readonly source: string,
    readonly field: string,
    detail: string
  ) {
    super(`${source}: field "${field}" ${detail}`);
    this.name = "ValidationError";
  }
}

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const describe = (v: unknown) => (typeof v === "string" ? JSON.stringify(v) : Array.isArray(v) ? "an array" : String(v));

/**
 * Checks an untrusted value against NetworkSpec; `source` names it in errors (a file name) and
 * `fieldPrefix` places it inside a larger document ("spec." inside a snapshot).
 */
export function parseSpec(value: unknown, source: string, fieldPrefix = ""): NetworkSpec {
  const fail = (field: string, detail: string): never => {
    throw new ValidationError(source, fieldPrefix + field, detail);
  };
  if (!isObject(value)) throw new ValidationError(source, fieldPrefix.replace(/\.$/, "") || "(root)", "must be an object");
  const str = (field: string) => {
    const v = value[field];
    if (typeof v !== "string" || v.trim() === "") fail(field, `must be a non-empty string, got ${describe(v)}`);
    return v as string;
  };
  const posInt = (field: string, v: unknown = value[field]) => {
    if (typeof v !== "number" || !Number.isInteger(v) || v < 1) fail(field, `must be a positive integer, got ${describe(v)}`);
    return v as number;
  };
  const seed = (field: string) => {
    const v = value[field];
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0) fail(field, `must be a non-negative integer, got ${describe(v)}`);
    return v as number;
  };

  const id = str("id");
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) fail("id", `must be lower-case letters, digits and dashes, got ${describe(id)}`);
  const title = str("title");
  const dataset = value.dataset;
  if (!isDatasetName(dataset)) fail("dataset", `must be one of ${DATASET_NAMES.join(", ")}, got ${describe(dataset)}`);
  const points = posInt("points");
  const hidden = value.hidden;
  if (!Array.isArray(hidden) || hidden.length === 0) fail("hidden", `must be a non-empty array of unit counts, got ${describe(hidden)}`);
  (hidden as unknown[]).forEach((u, i) => posInt(`hidden[${i}]`, u));
  const activation = value.activation;
  if (!isActivation(activation)) fail("activation", `must be one of ${ACTIVATIONS.join(", ")}, got ${describe(activation)}`);
  if (value.optimizer !== "adam") fail("optimizer", `must be "adam", got ${describe(value.optimizer)}`);
  const learningRate = value.learningRate;
  if (typeof learningRate !== "number" || !Number.isFinite(learningRate) || learningRate <= 0)
    fail("learningRate", `must be a positive finite number, got ${describe(learningRate)}`);
  const epochs = posInt("epochs");
  const batchSize = posInt("batchSize");
  if (batchSize > points) fail("batchSize", `must be at most points (${points}), got ${batchSize}`);
  const checkpointEvery = posInt("checkpointEvery");
  const spec: NetworkSpec = {
    id,
    title,
    dataset: dataset as DatasetName,
    points,
    hidden: (hidden as number[]).slice(),
    activation: activation as Activation,
    optimizer: "adam",
    learningRate: learningRate as number,
    epochs,
    batchSize,
    dataSeed: seed("dataSeed"),
    initSeed: seed("initSeed"),
    checkpointEvery,
    seedNote: str("seedNote")
  };
  const known = new Set(Object.keys(spec));
  for (const key of Object.keys(value)) if (!known.has(key)) fail(key, "is not a known spec field");
  return spec;
}

/** The original's model description: lib, units, depth, activation, lr, optimiser, epochs, batch size. */
export function describeModel(spec: NetworkSpec): string {
  const units = specLayerSizes(spec).join("-");
  return [
    "tfjs",
    `units ${units}`,
    `depth ${spec.hidden.length + 1}`,
    spec.activation,
    `lr ${spec.learningRate}`,
    spec.optimizer,
    `${spec.epochs} epochs`,
    `batch ${spec.batchSize}`
  ].join(", ");
}
