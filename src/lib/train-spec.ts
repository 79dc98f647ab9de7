// What a reader may train in the browser ("Train your own"): the choices the page's controls hold,
// the spec they make, and the limits of an in-browser run. Every check goes through the build's spec
// validator (parseSpec), so a control shows the same message a bad spec file gets, naming the field;
// the browser adds three limits of its own (named in their messages): at most BROWSER_LIMITS.units
// units a layer, the activations of the playground (no linear network), and a predicted run time.
import type {DatasetName} from "./datasets.js";
import {parseSpec, predictedTrainingSeconds, SPEC_LIMITS, ValidationError, type NetworkSpec, type TimeLimit, type TrainingShape} from "./spec.js";
import type {ActivationName} from "./activations.js";
import {inSentence} from "./prose.js";

/** What the reader chooses; everything else of the spec comes from the reference network. */
export interface TrainChoices {
  dataset: DatasetName;
  hidden: number[];
  activation: ActivationName;
  learningRate: number;
  epochs: number;
  batchSize: number;
  dataSeed: number;
  initSeed: number;
}

export const CHOICE_FIELDS = ["dataset", "hidden", "activation", "learningRate", "epochs", "batchSize", "dataSeed", "initSeed"] as const;
export type ChoiceField = (typeof CHOICE_FIELDS)[number];

export const BROWSER_ACTIVATIONS: readonly ActivationName[] = ["relu", "sigmoid", "tanh"];

/**
 * The in-browser limits. `seconds` bounds the run time the build's cost model predicts
 * (predictedTrainingSeconds, fitted to the Node trainer) times `browserFactor`, the ratio of the
 * page's training time to the Node trainer's that scripts/bench-train-browser.ts measures: its
 * medians have been 0.99 to 1.8 on the build machine (1.08 when the cost model was last refitted),
 * and a reader also waits about half a second for the worker and tfjs to start. `seconds` is a
 * comfortable wait with the page open, half the build's own limit.
 */
export const BROWSER_LIMITS = {
  layers: SPEC_LIMITS.layers,
  units: 16,
  seconds: 30,
  browserFactor: 1.5
} as const;

/**
 * The browser's bound on a run's predicted time, checked by the build's validator in place of the
 * build's (which is wider, and speaks of points a reader cannot change).
 */
const BROWSER_TIME_LIMIT: TimeLimit = {
  seconds: BROWSER_LIMITS.seconds,
  predict: (spec) => predictedBrowserSeconds(spec),
  refusal: (seconds) =>
    `with these layers, epochs and batches would train for about ${seconds} s, more than the in-browser limit of ${BROWSER_LIMITS.seconds} s: use fewer epochs or units, or larger batches`
};

/** The id, title and seed note of every spec trained in the browser. */
export const BROWSER_SPEC_ID = "your-network";
// It reads as a heading and, lower-cased by inSentence, inside a sentence ("Sample 12 through the
// network trained in your browser"); it stays true of a downloaded snapshot loaded again later.
export const BROWSER_SPEC_TITLE = "Network trained in your browser";

/** The source named in the messages of the controls' checks. */
export const CONTROLS_SOURCE = "Train your own";

/** The predicted in-browser run time of a spec, in seconds. */
export function predictedBrowserSeconds(spec: TrainingShape): number {
  return predictedTrainingSeconds(spec) * BROWSER_LIMITS.browserFactor;
}

/** The reader's choices of a spec (to start the controls from a reference network). */
export function choicesOf(spec: NetworkSpec): TrainChoices {
  const {dataset, hidden, activation, learningRate, epochs, batchSize, dataSeed, initSeed} = spec;
  return {dataset, hidden: hidden.slice(), activation, learningRate, epochs, batchSize, dataSeed, initSeed};
}

/**
 * Checkpoints every reference interval, or more sparsely when the epochs would store more than the
 * spec limit allows (at most SPEC_LIMITS.checkpoints, epoch 0 included).
 */
export function checkpointInterval(epochs: number, referenceEvery: number): number {
  return Math.max(referenceEvery, Math.ceil(epochs / (SPEC_LIMITS.checkpoints - 1)));
}

/**
 * The spec the choices make, on the reference network's points, palette and presets; throws a
 * ValidationError naming the field (the build's message, or a browser limit's).
 */
export function browserSpec(choices: Record<ChoiceField, unknown>, reference: NetworkSpec): NetworkSpec {
  const fail = (field: string, detail: string): never => {
    throw new ValidationError(CONTROLS_SOURCE, field, detail);
  };
  const epochs = choices.epochs;
  const candidate = {
    id: BROWSER_SPEC_ID,
    title: BROWSER_SPEC_TITLE,
    dataset: choices.dataset,
    points: reference.points,
    hidden: choices.hidden,
    activation: choices.activation,
    optimizer: "adam",
    learningRate: choices.learningRate,
    epochs,
    batchSize: choices.batchSize,
    dataSeed: choices.dataSeed,
    initSeed: choices.initSeed,
    checkpointEvery: typeof epochs === "number" && Number.isFinite(epochs) ? checkpointInterval(epochs, reference.checkpointEvery) : reference.checkpointEvery,
    seedNote: "Chosen by the reader on the Train your own page.",
    palette: reference.palette,
    presets: reference.presets
  };
  // The browser's narrower unit limit is named before the build's wider one would be.
  if (Array.isArray(choices.hidden))
    choices.hidden.forEach((u: unknown, i) => {
      if (typeof u === "number" && Number.isInteger(u) && u > BROWSER_LIMITS.units)
        fail(`hidden[${i}]`, `must be at most ${BROWSER_LIMITS.units} units in the browser (the limit), got ${u}`);
    });
  const spec = parseSpec(candidate, CONTROLS_SOURCE, "", BROWSER_TIME_LIMIT);
  if (!BROWSER_ACTIVATIONS.includes(spec.activation)) fail("activation", `must be one of ${BROWSER_ACTIVATIONS.join(", ")} in the browser, got "${spec.activation}"`);
  return spec;
}

/** A check's message without its source: what a control shows beside itself. */
export function fieldMessage(error: ValidationError): string {
  return error.message.slice(error.source.length + 2);
}

/** The name of each choice as its control's label reads (shortened). */
export const CHOICE_LABELS: Record<ChoiceField, string> = {
  dataset: "Dataset",
  hidden: "Hidden layers",
  activation: "Activation",
  learningRate: "Learning rate",
  epochs: "Epochs",
  batchSize: "Batch size",
  dataSeed: "Data seed",
  initSeed: "Initialisation seed"
};

/**
 * A check's message as a reader of the controls (or of a link) reads it: the validator's message,
 * its field named as the control's label ("hidden[2]", 0-based, is "Hidden layer 3"), and a value
 * that is no number quoted as typed (`got "abc"` rather than `got NaN`). `typed` holds each choice's
 * text as typed (the controls' values, or the link's parameters); a choice without it keeps the
 * validator's wording of the value.
 */
export function readerMessage(error: ValidationError, typed: Partial<Record<ChoiceField, string>> = {}): string {
  const body = fieldMessage(error).replace(/^field "[^"]*" /, "");
  const choice = choiceOfField(error.field) ?? "epochs";
  const layer = /^hidden\[(\d+)\]$/.exec(error.field);
  const label = layer ? `Hidden layer ${Number(layer[1]) + 1}` : CHOICE_LABELS[choice];
  let text = typed[choice];
  if (layer && text !== undefined) text = hiddenPieces(text)[Number(layer[1])];
  const quoted = text === undefined ? body : body.replace(/got NaN$/, text.trim() === "" ? "got nothing" : `got ${JSON.stringify(text.trim())}`);
  // "Learning rate must be …"; a message that is no predicate ("with these layers … would train …")
  // follows its label after a colon.
  return /^(must|is) /.test(quoted) ? `${label} ${quoted}` : `${label}: ${quoted}`;
}

/** A reader message inside a sentence ("learning rate must be …"). */
export function readerMessageInSentence(error: ValidationError, typed: Partial<Record<ChoiceField, string>> = {}): string {
  return inSentence(readerMessage(error, typed));
}

/** The choice a spec field belongs to ("hidden[2]" belongs to "hidden"). */
export function choiceOfField(field: string): ChoiceField | null {
  const base = field.replace(/\[.*$/, "");
  return (CHOICE_FIELDS as readonly string[]).includes(base) ? (base as ChoiceField) : null;
}

/** A number typed in a control: the empty text is no number (NaN), so the validator names it. */
export function numberOfText(text: string): number {
  return text.trim() === "" ? NaN : Number(text.trim());
}

/** Hidden layers typed as "5, 5" or "5 5": each layer's units; an empty entry is NaN. */
export function hiddenOfText(text: string): number[] {
  return hiddenPieces(text).map(numberOfText);
}

/** The text of each layer in hidden layers typed as "5, 5" or "5 5". */
function hiddenPieces(text: string): string[] {
  const t = text.trim();
  return t === "" ? [] : t.split(/\s*,\s*|\s+/);
}

export function hiddenText(hidden: readonly number[]): string {
  return hidden.join(", ");
}

/**
 * The snapshot fingerprint of a run in the browser: "browser:" and a 32-bit FNV-1a hash of the
 * spec's JSON (the same spec gives the same fingerprint; it only has to tell runs apart).
 */
export function browserFingerprint(spec: NetworkSpec): string {
  let hash = 0x811c9dc5;
  for (const ch of JSON.stringify(spec)) {
    hash ^= ch.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `browser:${hash.toString(16).padStart(8, "0")}`;
}
