// A network's declaration: what to train and how the site presents it. Each file data/<id>.json is
// one network and the only place it is declared; the config, the loader, the pages, the tests and
// the benchmarks all derive from these files (see lib/manifest.ts). This module checks a file and
// names the field that is wrong.
import {DATASET_NAMES, isDatasetName, sampleDataset, type Dataset, type DatasetName, type Point} from "./datasets.js";
import {randomLcg} from "./random.js";
import {ACTIVATION_NAMES, isActivation, type ActivationName} from "./activations.js";
import {isPaletteName, PALETTE_NAMES, type PaletteName} from "./palette-names.js";

/** A named point of interest: a preset button selects the sample nearest to it. */
export interface Preset {
  label: string;
  point: Point;
}

/** What the article reports for its own run of this network, quoted beside this build's figures. */
export interface ArticleFigures {
  /** The article's section about this network (3, 4, 5): the site lists networks in this order. */
  section: number;
  /** The last epoch's last-batch loss the article prints. */
  finalLoss: number;
}

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
  activation: ActivationName;
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
  /** The flow diagram's palette when the page opens (default "viridis"). */
  palette: PaletteName;
  /** Points offered as one-click sample presets, the first being the page's first sample (default none). */
  presets: Preset[];
  /** The article's figures for this network, when the article trained one like it. */
  article?: ArticleFigures;
  /** One sentence on what its page shows, for the introduction's list (default: none). */
  blurb?: string;
}

/**
 * Layer sizes of the network a spec declares, including its two inputs (x1, x2) and single output,
 * e.g. [2, 4, 1]: what the trainer builds and the snapshot parser checks; layerSizes (network.ts)
 * reads the same list off a network's weights.
 */
export function specLayerSizes(spec: Pick<NetworkSpec, "hidden">): number[] {
  return [2, ...spec.hidden, 1];
}

/**
 * The training samples of a spec: spec.points draws from randomLcg(spec.dataSeed). The trainer and
 * every page call this one function, so a snapshot need not store the dataset: it is regenerated,
 * bit for bit, from the seed (tests/data/loader.test.ts checks it against a trained snapshot).
 */
export function specDataset(spec: Pick<NetworkSpec, "dataset" | "points" | "dataSeed">): Dataset {
  return sampleDataset(spec.dataset, spec.points, randomLcg(spec.dataSeed));
}

/** The point of the preset with this label; a page that names a preset its spec lacks fails here, naming both. */
export function presetPoint(spec: Pick<NetworkSpec, "id" | "presets">, label: string): Point {
  const preset = spec.presets.find((p) => p.label === label);
  if (!preset) throw new ValidationError(`data/${spec.id}.json`, "presets", `must include a preset labelled ${JSON.stringify(label)}`);
  return preset.point;
}

/** The article's figures of a network that has an article page; its absence fails naming the field. */
export function articleFigures(spec: Pick<NetworkSpec, "id" | "article">): ArticleFigures {
  if (!spec.article) throw new ValidationError(`data/${spec.id}.json`, "article", "must give the article's figures {section, finalLoss} for a network with an article page");
  return spec.article;
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

/** Characters of a bad value quoted in an error message: enough to recognise it, never a flood. */
export const QUOTE_LIMIT = 40;

/** A bad value as an error message quotes it: at most QUOTE_LIMIT characters, then an ellipsis. */
export function describe(v: unknown): string {
  let text: string;
  if (Array.isArray(v)) text = v.length === 0 ? "an empty array" : `an array (${truncate(JSON.stringify(v) ?? "", QUOTE_LIMIT)})`;
  else if (typeof v === "string") text = JSON.stringify(v);
  else if (typeof v === "object" && v !== null) text = JSON.stringify(v) ?? String(v);
  else text = String(v);
  return truncate(text, QUOTE_LIMIT);
}

function truncate(text: string, n: number): string {
  return text.length > n ? `${text.slice(0, n)}…` : text;
}

/**
 * What one network may ask of the build (and of a page that draws it). A spec beyond any limit fails
 * validation naming the field and the limit; a snapshot is checked against the same limits, so a
 * page refuses an oversized file instead of freezing. The size limits keep a page's diagram and
 * analyses small; `seconds` bounds the training time the cost model below predicts.
 */
export const SPEC_LIMITS = {
  /** Training samples. */
  points: 20_000,
  /** Hidden layers. */
  layers: 4,
  /** Units in one hidden layer. */
  units: 32,
  epochs: 5_000,
  /** Parameter checkpoints a snapshot stores: ceil(epochs / checkpointEvery) + 1. */
  checkpoints: 101,
  /** Predicted training time on the build machine (2 cores), by TRAINING_COST. */
  seconds: 60
} as const;

/**
 * The trainer's cost model: every optimiser step pays a fixed overhead of tfjs kernel calls, every
 * sample of every epoch a fixed cost (its share of the batches and of the full-dataset MSE), and
 * every parameter of every sample of every epoch its arithmetic forward and back.
 *
 * The coefficients come from `npx tsx scripts/bench-limits.ts` on the build machine (2 cores), which
 * trains nine specs (at the limits, the references, the browser's widest, batches of one) and fits
 * the model to them by least squares on relative errors (scripts/cost-fit.ts). Two runs minutes
 * apart gave {4.0e-5, 6.7e-7, 3.6e-8} and {3.6e-5, 8.2e-7, 3.6e-8}; each coefficient here is the
 * larger of the two, rounded up. Its predictions are 0.96 to 1.26 times the times measured in the
 * second run. The coefficients before these were 1.9 to 4.4 times the measured times (their fit
 * counted the trainer's first, slower epochs), and refused runs, in the browser too, that would
 * have taken a few seconds.
 */
export const TRAINING_COST = {
  /** Seconds per optimiser step (epochs × floor(points / batchSize) steps). */
  perStep: 4e-5,
  /** Seconds per sample per epoch. */
  perSampleEpoch: 8.5e-7,
  /** Seconds per parameter per sample per epoch. */
  perParameterSampleEpoch: 4e-8
} as const;

/** What a spec's training time depends on. */
export type TrainingShape = Pick<NetworkSpec, "points" | "epochs" | "batchSize" | "hidden">;

/** Coefficients of the cost model (TRAINING_COST's, or a fit's: scripts/cost-fit.ts). */
export type CostCoefficients = {readonly [K in keyof typeof TRAINING_COST]: number};

/** The cost model's three terms of a spec: optimiser steps, samples × epochs, parameters × samples × epochs. */
export function trainingCostTerms(spec: TrainingShape): [number, number, number] {
  const steps = spec.epochs * Math.floor(spec.points / spec.batchSize);
  const sampleEpochs = spec.points * spec.epochs;
  return [steps, sampleEpochs, sampleEpochs * parameterCount(spec.hidden)];
}

/** The training time the cost model (TRAINING_COST, or other coefficients) predicts for a spec, in seconds. */
export function predictedTrainingSeconds(spec: TrainingShape, cost: CostCoefficients = TRAINING_COST): number {
  const [steps, sampleEpochs, parameterSampleEpochs] = trainingCostTerms(spec);
  return steps * cost.perStep + sampleEpochs * cost.perSampleEpoch + parameterSampleEpochs * cost.perParameterSampleEpoch;
}

/** A bound on a spec's predicted training time: what parseSpec checks, and how it refuses. */
export interface TimeLimit {
  /** The longest predicted training time allowed, in seconds. */
  seconds: number;
  /** A spec's predicted training time, in seconds. */
  predict: (spec: TrainingShape) => number;
  /** The refusal of a spec predicted to take `seconds` (rounded up). */
  refusal: (seconds: number) => string;
}

/** The build's bound: SPEC_LIMITS.seconds of the trainer's cost model. */
export const BUILD_TIME_LIMIT: TimeLimit = {
  seconds: SPEC_LIMITS.seconds,
  predict: (spec) => predictedTrainingSeconds(spec),
  refusal: (seconds) =>
    `with these points, batches and units would train for about ${seconds} s, more than the limit of ${SPEC_LIMITS.seconds} s: use fewer epochs or points, larger batches or fewer units`
};

/** Seeds are integers in [0, SEED_MAX]: the generator keeps 32 bits of state, so larger seeds would alias smaller ones. */
export const SEED_MAX = 2 ** 32 - 1;

/** The number of trainable parameters of a network with these hidden layers (two inputs, one output). */
export function parameterCount(hidden: readonly number[]): number {
  const sizes = [2, ...hidden, 1];
  return sizes.slice(1).reduce((n, d, k) => n + sizes[k] * d + d, 0);
}

/**
 * Checks an untrusted value against NetworkSpec; `source` names it in errors (a file name) and
 * `fieldPrefix` places it inside a larger document ("spec." inside a snapshot).
 */
export function parseSpec(value: unknown, source: string, fieldPrefix = "", timeLimit: TimeLimit = BUILD_TIME_LIMIT): NetworkSpec {
  const fail = (field: string, detail: string): never => {
    throw new ValidationError(source, fieldPrefix + field, detail);
  };
  if (!isObject(value)) throw new ValidationError(source, fieldPrefix.replace(/\.$/, "") || "(root)", "must be an object");
  const str = (field: string) => {
    const v = value[field];
    if (typeof v !== "string" || v.trim() === "") fail(field, `must be a non-empty string, got ${describe(v)}`);
    return v as string;
  };
  const posInt = (field: string, v: unknown = value[field], max = Number.MAX_SAFE_INTEGER) => {
    if (typeof v === "number" && Math.abs(v) === Infinity) fail(field, `is out of range: must be a positive integer of at most ${max}, got ${describe(v)}`);
    if (typeof v !== "number" || !Number.isInteger(v) || v < 1) fail(field, `must be a positive integer, got ${describe(v)}`);
    if ((v as number) > max) fail(field, `must be at most ${max.toLocaleString("en-US")} (the limit), got ${describe(v)}`);
    return v as number;
  };
  const seed = (field: string) => {
    const v = value[field];
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v > SEED_MAX)
      fail(field, `must be an integer from 0 to ${SEED_MAX} (2^32 − 1), got ${describe(v)}`);
    return v as number;
  };

  const id = str("id");
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) fail("id", `must be lower-case letters, digits and dashes, got ${describe(id)}`);
  const title = str("title");
  const dataset = value.dataset;
  if (!isDatasetName(dataset)) fail("dataset", `must be one of ${DATASET_NAMES.join(", ")}, got ${describe(dataset)}`);
  const points = posInt("points", value.points, SPEC_LIMITS.points);
  const hidden = value.hidden;
  if (!Array.isArray(hidden) || hidden.length === 0)
    fail("hidden", `must list the units of each hidden layer, at least one layer, e.g. [4] or [5, 5]; got ${describe(hidden)}`);
  if ((hidden as unknown[]).length > SPEC_LIMITS.layers) fail("hidden", `must have at most ${SPEC_LIMITS.layers} layers (the limit), got ${(hidden as unknown[]).length}`);
  (hidden as unknown[]).forEach((u, i) => posInt(`hidden[${i}]`, u, SPEC_LIMITS.units));
  const activation = value.activation;
  if (!isActivation(activation)) fail("activation", `must be one of ${ACTIVATION_NAMES.join(", ")}, got ${describe(activation)}`);
  if (value.optimizer !== "adam") fail("optimizer", `must be "adam", got ${describe(value.optimizer)}`);
  const learningRate = value.learningRate;
  if (typeof learningRate !== "number" || !Number.isFinite(learningRate) || learningRate <= 0)
    fail("learningRate", typeof learningRate === "number" && learningRate === Infinity ? `is out of range: must be a positive finite number, got ${describe(learningRate)}` : `must be a positive finite number, got ${describe(learningRate)}`);
  const epochs = posInt("epochs", value.epochs, SPEC_LIMITS.epochs);
  const batchSize = posInt("batchSize");
  if (batchSize > points) fail("batchSize", `must be at most the number of points (${points}), got ${batchSize}`);
  // Named on the epochs: the one choice every run has, and the one whose cost is plainly proportional.
  const seconds = timeLimit.predict({points, epochs, batchSize, hidden: hidden as number[]});
  if (seconds > timeLimit.seconds) fail("epochs", timeLimit.refusal(Math.ceil(seconds)));
  const checkpointEvery = posInt("checkpointEvery");
  const checkpoints = Math.ceil(epochs / checkpointEvery) + 1;
  if (checkpoints > SPEC_LIMITS.checkpoints)
    fail("checkpointEvery", `gives ${checkpoints} checkpoints over ${epochs} epochs, more than the limit of ${SPEC_LIMITS.checkpoints}: use at least ${Math.ceil(epochs / (SPEC_LIMITS.checkpoints - 1))}`);
  const palette = value.palette ?? "viridis";
  if (!isPaletteName(palette)) fail("palette", `must be one of ${PALETTE_NAMES.join(", ")}, got ${describe(palette)}`);
  const presets = parsePresets(value.presets, fail);
  const article = value.article === undefined ? undefined : parseArticle(value.article, fail);
  const blurb = value.blurb === undefined ? undefined : str("blurb");
  const spec: NetworkSpec = {
    id,
    title,
    dataset: dataset as DatasetName,
    points,
    hidden: (hidden as number[]).slice(),
    activation: activation as ActivationName,
    optimizer: "adam",
    learningRate: learningRate as number,
    epochs,
    batchSize,
    dataSeed: seed("dataSeed"),
    initSeed: seed("initSeed"),
    checkpointEvery,
    seedNote: str("seedNote"),
    palette: palette as PaletteName,
    presets,
    ...(article ? {article} : {}),
    ...(blurb ? {blurb} : {})
  };
  const known = new Set([...Object.keys(spec), "article", "blurb"]);
  for (const key of Object.keys(value)) if (!known.has(key)) fail(key, "is not a known spec field");
  return spec;
}

type Fail = (field: string, detail: string) => never;

const isFiniteNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

function parsePresets(value: unknown, fail: Fail): Preset[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return fail("presets", `must be an array of {label, point}, got ${describe(value)}`);
  return value.map((p: unknown, i) => {
    if (!isObject(p)) return fail(`presets[${i}]`, `must be an object {label, point}, got ${describe(p)}`);
    if (typeof p.label !== "string" || p.label.trim() === "") return fail(`presets[${i}].label`, `must be a non-empty string, got ${describe(p.label)}`);
    const point = p.point;
    if (!Array.isArray(point) || point.length !== 2 || !point.every(isFiniteNumber))
      return fail(`presets[${i}].point`, `must be two finite numbers [x1, x2], got ${describe(point)}`);
    for (const key of Object.keys(p)) if (key !== "label" && key !== "point") fail(`presets[${i}].${key}`, "is not a known preset field");
    return {label: p.label, point: [point[0], point[1]] as const};
  });
}

function parseArticle(value: unknown, fail: Fail): ArticleFigures {
  if (!isObject(value)) return fail("article", `must be an object {section, finalLoss}, got ${describe(value)}`);
  const {section, finalLoss} = value;
  if (typeof section !== "number" || !Number.isInteger(section) || section < 1) return fail("article.section", `must be a positive integer, got ${describe(section)}`);
  if (!isFiniteNumber(finalLoss) || finalLoss <= 0) return fail("article.finalLoss", `must be a positive finite number, got ${describe(finalLoss)}`);
  for (const key of Object.keys(value)) if (key !== "section" && key !== "finalLoss") fail(`article.${key}`, "is not a known field");
  return {section, finalLoss};
}

/**
 * The original's model description (its trainFCNN.mdlDescription, the title of its loss plots), in
 * its format: "lib: tf, units: 2-4-1, depth: 1, act: relu, lr: 0.005, opt: adam, epochs: 250,
 * batchSize: 100". Depth counts the hidden layers, as the original does ("depth: 1" for 2-4-1).
 * "lib: tf" is the original's name for TensorFlow; this build trains with TensorFlow.js.
 */
export function describeModel(spec: NetworkSpec): string {
  return [
    "lib: tf",
    `units: ${specLayerSizes(spec).join("-")}`,
    `depth: ${spec.hidden.length}`,
    `act: ${spec.activation}`,
    `lr: ${spec.learningRate}`,
    `opt: ${spec.optimizer}`,
    `epochs: ${spec.epochs}`,
    `batchSize: ${spec.batchSize}`
  ].join(", ");
}
