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
  if (!isActivation(activation)) fail("activation", `must be one of ${ACTIVATION_NAMES.join(", ")}, got ${describe(activation)}`);
  if (value.optimizer !== "adam") fail("optimizer", `must be "adam", got ${describe(value.optimizer)}`);
  const learningRate = value.learningRate;
  if (typeof learningRate !== "number" || !Number.isFinite(learningRate) || learningRate <= 0)
    fail("learningRate", `must be a positive finite number, got ${describe(learningRate)}`);
  const epochs = posInt("epochs");
  const batchSize = posInt("batchSize");
  if (batchSize > points) fail("batchSize", `must be at most points (${points}), got ${batchSize}`);
  const checkpointEvery = posInt("checkpointEvery");
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
