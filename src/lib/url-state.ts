// The view of a network page as the text of its address (the part after "#"), and back, so a view
// can be shared and the browser's back and forward buttons step through the reader's changes.
//
//   #p=0.25,-1.5&e=120&pal=viridis&cm=comp&em=weight&w=build&u=2.3
//
//   p   a free point x1,x2 (decimal numbers)     s   a sample's index (instead of p)
//   e   the epoch whose checkpoint is shown      pal the flow diagram's palette
//   cm  its colour normalisation                 em  its edge encoding
//   w   the weights in view (build / article)    u   the selected unit, layer.unit (1-based)
//
// Pure: parsing checks every value against what the page has (how many samples, which epochs were
// stored, the network's shape) and keeps only what is valid; each refused key is reported with the
// reason, so the page can say what it ignored and still show everything else. An address whose
// fragment holds no "=" is an ordinary anchor (a heading's link), not a view, and is left alone.
import type {Point} from "./datasets.js";
import type {NeuronRef} from "./flow-model.js";

export interface UrlState {
  point?: Point;
  sample?: number;
  epoch?: number;
  palette?: string;
  colorMode?: string;
  edgeMode?: string;
  weights?: string;
  /** The selected unit; null writes no "u" (nothing selected). */
  unit?: NeuronRef | null;
}

/** What a page accepts: each parsed value must be one of these. */
export interface UrlLimits {
  /** Number of samples (indices 0..samples−1). */
  samples: number;
  /** Largest |coordinate| of a free point. */
  range: number;
  /** The stored epochs. */
  epochs: readonly number[];
  palettes: readonly string[];
  colorModes: readonly string[];
  edgeModes: readonly string[];
  /** The choices of weights in view; empty when the page offers none. */
  weights: readonly string[];
  /** Units per layer after the inputs: sizes[k − 1] is layer k's (the output last). */
  units: readonly number[];
}

export interface IgnoredValue {
  key: string;
  value: string;
  reason: string;
}

export interface ParsedUrl {
  /** False for an empty fragment or an ordinary anchor: nothing to restore, nothing to report. */
  isState: boolean;
  state: UrlState;
  ignored: IgnoredValue[];
}

/** The keys, in the order they are written. */
export const URL_KEYS = ["p", "s", "e", "pal", "cm", "em", "w", "u"] as const;
type Key = (typeof URL_KEYS)[number];

/** Longest key or value text repeated back in a notice (a pasted flood stays one line). */
const QUOTE = 24;

/** Text cut to QUOTE characters, with "…" when it was longer. */
const shorten = (text: string) => (text.length > QUOTE ? `${text.slice(0, QUOTE)}…` : text);

/** A value as a notice quotes it: shortened, with invisible characters shown as escapes. */
export function quoteValue(value: string): string {
  return JSON.stringify(shorten(value));
}


/** The stored epochs as a notice lists them: all of a few, else "0, 5, 10, …, 250". */
export function epochList(epochs: readonly number[]): string {
  return epochs.length <= 5 ? epochs.join(", ") : `${epochs.slice(0, 3).join(", ")}, …, ${epochs[epochs.length - 1]}`;
}

/** A plain decimal number (no hex, no exponent-only, no Infinity), or null. */
function decimal(text: string): number | null {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return null;
  const v = Number(text);
  return Number.isFinite(v) ? v : null;
}

function wholeNumber(text: string): number | null {
  return /^\d{1,9}$/.test(text) ? Number(text) : null;
}

function decode(text: string): string | null {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return null;
  }
}

/** Parses a fragment ("#…" or without the "#") against a page's limits. */
export function parseUrlState(fragment: string, limits: UrlLimits): ParsedUrl {
  const text = fragment.startsWith("#") ? fragment.slice(1) : fragment;
  const state: UrlState = {};
  const ignored: IgnoredValue[] = [];
  if (!text.includes("=")) return {isState: false, state, ignored};
  const seen = new Set<string>();
  const refuse = (key: string, value: string, reason: string) => ignored.push({key, value, reason});
  for (const part of text.split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const rawKey = eq < 0 ? part : part.slice(0, eq);
    const key = decode(rawKey) ?? rawKey;
    const value = decode(eq < 0 ? "" : part.slice(eq + 1));
    if (value === null) {
      refuse(key, part.slice(eq + 1), "not valid percent-encoding");
      continue;
    }
    if (!(URL_KEYS as readonly string[]).includes(key)) {
      refuse(key, value, "not a setting of this page");
      continue;
    }
    if (seen.has(key)) {
      refuse(key, value, "given twice; the first is kept");
      continue;
    }
    seen.add(key);
    switch (key as Key) {
      case "p": {
        const parts = value.split(",");
        const xs = parts.map(decimal);
        if (parts.length !== 2 || xs.some((v) => v === null)) refuse(key, value, "must be two decimal numbers x1,x2");
        else if (xs.some((v) => Math.abs(v!) > limits.range)) refuse(key, value, `each coordinate must be between −${limits.range} and ${limits.range}`);
        else state.point = [xs[0]!, xs[1]!];
        break;
      }
      case "s": {
        const i = wholeNumber(value);
        if (i === null || i >= limits.samples) refuse(key, value, `must be a sample index from 0 to ${limits.samples - 1}`);
        else state.sample = i;
        break;
      }
      case "e": {
        const e = wholeNumber(value);
        if (e === null || !limits.epochs.includes(e)) refuse(key, value, `must be an epoch with a stored checkpoint: ${epochList(limits.epochs)}`);
        else state.epoch = e;
        break;
      }
      case "pal":
        if (!limits.palettes.includes(value)) refuse(key, value, `must be one of ${limits.palettes.join(", ")}`);
        else state.palette = value;
        break;
      case "cm":
        if (!limits.colorModes.includes(value)) refuse(key, value, `must be one of ${limits.colorModes.join(", ")}`);
        else state.colorMode = value;
        break;
      case "em":
        if (!limits.edgeModes.includes(value)) refuse(key, value, `must be one of ${limits.edgeModes.join(", ")}`);
        else state.edgeMode = value;
        break;
      case "w":
        if (limits.weights.length === 0) refuse(key, value, "this page shows one set of weights");
        else if (!limits.weights.includes(value)) refuse(key, value, `must be one of ${limits.weights.join(", ")}`);
        else state.weights = value;
        break;
      case "u": {
        const m = /^(\d{1,3})\.(\d{1,3})$/.exec(value);
        const layer = m ? Number(m[1]) : NaN;
        const unit = m ? Number(m[2]) : NaN;
        if (!m || layer < 1 || layer > limits.units.length || unit < 1 || unit > limits.units[layer - 1])
          refuse(key, value, `must be layer.unit of this network (layers 1 to ${limits.units.length})`);
        else state.unit = {layer, unit};
        break;
      }
    }
  }
  if (state.point && state.sample !== undefined) {
    refuse("s", String(state.sample), "a point (p) and a sample (s) were both given; the point is kept");
    delete state.sample;
  }
  return {isState: true, state, ignored};
}

/** The fragment (without "#") of a state: the keys it has, in URL_KEYS order. */
export function serializeUrlState(state: UrlState): string {
  const parts: string[] = [];
  const put = (key: Key, value: string) => parts.push(`${key}=${encodeURIComponent(value).replace(/%2C/g, ",")}`);
  // String(x) is the shortest text that reads back as exactly x, so a point survives the round trip.
  if (state.point) put("p", `${String(state.point[0])},${String(state.point[1])}`);
  else if (state.sample !== undefined) put("s", String(state.sample));
  if (state.epoch !== undefined) put("e", String(state.epoch));
  if (state.palette !== undefined) put("pal", state.palette);
  if (state.colorMode !== undefined) put("cm", state.colorMode);
  if (state.edgeMode !== undefined) put("em", state.edgeMode);
  if (state.weights !== undefined) put("w", state.weights);
  if (state.unit) put("u", `${state.unit.layer}.${state.unit.unit}`);
  return parts.join("&");
}

/** "Ignored in the address: e="abc" (must be a stored epoch …); …", or "" when nothing was ignored. */
export function ignoredNotice(ignored: readonly IgnoredValue[]): string {
  if (ignored.length === 0) return "";
  return `Ignored in the address: ${ignored.map((i) => `${shorten(i.key)}=${quoteValue(i.value)} (${i.reason})`).join("; ")}.`;
}
