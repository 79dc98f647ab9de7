// The sentences under the article's side-by-side samples: for one sample, which hidden units are on
// and which output weights count; for two samples of a smooth (sigmoid) network, how each unit's
// contribution a·w to the output moves from one to the other, in words. Each function takes the
// network and the samples and returns plain text that is true of this run, so a page never chooses
// wording with a ternary; tests/lib/sample-prose.test.ts covers every branch. Units are numbered
// 1..n bottom-up, as the flow diagram draws them (and as the article counts its neurons).
import {ACTIVATIONS} from "./activations.js";
import type {Point} from "./datasets.js";
import {fixed, pointLabel, unitList} from "./format.js";
import {forward, type LayerValues, type Network} from "./network.js";

/** An active ReLU unit whose activation is below this is "only just" on (the article's "almost dead"). */
export const BARELY_ON = 0.05;
/** A smooth unit (sigmoid) whose activation is at least this in size is "on" (its range is (0, 1)). */
export const ON_LEVEL = 0.6;
/** A smooth unit whose activation is below this in size is "nearly off" (never exactly: σ(z) > 0). */
export const OFF_LEVEL = 0.1;
/** A contribution a·w that moves by less than this between two samples "barely changes". */
export const STEADY_CHANGE = 0.03;
/** A contribution that moves by at least STEADY_CHANGE but less than this rises or falls "slightly". */
export const SLIGHT_CHANGE = 0.1;
/**
 * The units' moves "nearly cancel" when the output moves by less than this share of the sum of their
 * sizes: what one unit adds, the others take away.
 */
export const CANCEL_SHARE = 0.1;

/** Decimals of activations, weights and contributions in the sentences; of outputs and targets. */
const VALUE_DIGITS = 2;
const OUTPUT_DIGITS = 3;

/** A sample as the figures name it: its index in the dataset, its preset label (if any), its input. */
export interface SampleRef {
  /** The sample's index in the dataset, or null for a free point (one that is no sample). */
  index: number | null;
  label?: string;
  input: Point;
}

/** A sample with its target, for the sentences that compare the output with it. */
export interface TargetedSample extends SampleRef {
  target: number;
}

/**
 * "Sample 1852 (north-east)", or "Sample 17" without a label; "sample …" inside a sentence; a free
 * point (index null) is "The chosen point".
 */
export function sampleName(s: Pick<SampleRef, "index" | "label">, inSentence = false): string {
  const name = s.index === null ? `${inSentence ? "the" : "The"} chosen point` : `${inSentence ? "sample" : "Sample"} ${s.index}`;
  return s.label ? `${name} (${s.label})` : name;
}

/** "a", "a and b", "a, b and c". */
function andList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

const values = (vs: readonly number[], digits = VALUE_DIGITS) => andList(vs.map((v) => fixed(v, digits)));
const isAre = (n: number) => (n === 1 ? "is" : "are");
const output = (v: LayerValues) => v.a[v.a.length - 1][0];
/** The 1-based units of a layer whose activation passes a test. */
const unitsWhere = (a: readonly number[], test: (v: number) => boolean) => a.flatMap((v, j) => (test(v) ? [j + 1] : []));
/** A phrase per hidden layer, prefixed "in hidden layer k, " when there are several. */
const perLayer = (phrases: readonly string[]) => (phrases.length === 1 ? phrases[0] : phrases.map((p, k) => `in hidden layer ${k + 1}, ${p}`).join("; "));

/**
 * Which units of one ReLU layer are on (a > 0): "no unit is on", "all 5 units are on",
 * "only unit 4 is on", "units 1, 3 and 4 are on", each with the units that are only just on
 * (0 < a < BARELY_ON) named: "units 1, 3 and 4 are on, unit 4 only just (a = 0.04)".
 */
export function reluLayerPhrase(a: readonly number[]): string {
  const on = unitsWhere(a, (v) => v > 0);
  if (on.length === 0) return "no unit is on";
  const which = on.length === a.length && a.length > 1 ? `all ${a.length} units are on` : `${on.length === 1 && a.length > 1 ? "only " : ""}${unitList(on)} ${isAre(on.length)} on`;
  const barely = unitsWhere(a, (v) => v > 0 && v < BARELY_ON);
  if (barely.length === 0) return which;
  return `${which}, ${unitList(barely)} only just (a = ${values(barely.map((u) => a[u - 1]))})`;
}

/**
 * Which output weights count for a ReLU sample: those of the last hidden layer's active units, with
 * their values; with none active, the output is the output bias alone.
 */
export function countingWeightsSentence(outWeights: readonly number[], lastActivations: readonly number[], outBias: number): string {
  const on = unitsWhere(lastActivations, (v) => v > 0);
  const weights = values(on.map((u) => outWeights[u - 1]));
  if (on.length === 0) return `No output weight counts: the output is the output bias alone, ${fixed(outBias, VALUE_DIGITS)}.`;
  if (on.length === outWeights.length) return `Every output weight counts: ${weights}.`;
  const counted = on.length === 1 ? `Only unit ${on[0]}'s output weight counts` : `Only the output weights of ${unitList(on)} count`;
  return `${counted} (${weights}); the others are multiplied by zero.`;
}

/**
 * How far on the units of one smooth layer (sigmoid) are, by the size of their activation: "on"
 * from ON_LEVEL, "nearly off" below OFF_LEVEL, "partly on" between; each group with its values:
 * "units 3 and 4 are partly on (a = 0.54 and 0.12) and units 1 and 2 are nearly off (a = 0.06 and 0.01)".
 */
export function smoothLayerPhrase(a: readonly number[]): string {
  const groups: [string, number[]][] = [
    ["on", unitsWhere(a, (v) => Math.abs(v) >= ON_LEVEL)],
    ["partly on", unitsWhere(a, (v) => Math.abs(v) >= OFF_LEVEL && Math.abs(v) < ON_LEVEL)],
    ["nearly off", unitsWhere(a, (v) => Math.abs(v) < OFF_LEVEL)]
  ];
  const phrase = ([state, units]: [string, number[]]) => {
    const who = units.length === a.length && a.length > 1 ? `all ${a.length} units` : unitList(units);
    return `${who} ${isAre(units.length)} ${state} (a = ${values(units.map((u) => a[u - 1]))})`;
  };
  return andList(groups.filter(([, units]) => units.length > 0).map(phrase));
}

/** The contributions a·w of the last hidden layer's units to the output, and which is largest. */
export function contributionsSentence(contributions: readonly number[]): string {
  let largest = 0;
  contributions.forEach((c, j) => {
    if (Math.abs(c) > Math.abs(contributions[largest])) largest = j;
  });
  return (
    `Every output weight counts, times its unit's activation: the contributions a·w of units 1 to ${contributions.length} ` +
    `are ${values(contributions)}; unit ${largest + 1}'s is the largest in size.`
  );
}

/** "The output is 0.273, against a target of 0.263." */
function outputSentence(y: number, target: number): string {
  return `The output is ${fixed(y, OUTPUT_DIGITS)}, against a target of ${fixed(target, OUTPUT_DIGITS)}.`;
}

/** The output weights (one output unit) and each last-layer unit's contribution a·w at these values. */
function contributionsOf(net: Network, v: LayerValues): number[] {
  const out = net.layers[net.layers.length - 1];
  const last = v.a[v.a.length - 2];
  return last.map((a, j) => a * out.weights[j][0]);
}

/**
 * The sentence under one sample's diagram. For a ReLU (on/off) network: which units are on, per
 * hidden layer, and which output weights count, with their values. For a smooth network (sigmoid):
 * how far on each unit is, and every unit's contribution a·w. Then the output against the
 * target.
 */
export function sampleSentence(net: Network, s: TargetedSample): string {
  const v = forward(net, s.input);
  const hidden = v.a.slice(0, -1);
  const head = `${sampleName(s)}, at ${pointLabel(s.input, VALUE_DIGITS)}`;
  const out = net.layers[net.layers.length - 1];
  if (ACTIVATIONS[net.activation].onOff) {
    const weights = countingWeightsSentence(
      out.weights.map((row) => row[0]),
      hidden[hidden.length - 1],
      out.biases[0]
    );
    return `${head}: ${perLayer(hidden.map(reluLayerPhrase))}. ${weights} ${outputSentence(output(v), s.target)}`;
  }
  return `${head}: ${perLayer(hidden.map(smoothLayerPhrase))}. ${contributionsSentence(contributionsOf(net, v))} ${outputSentence(output(v), s.target)}`;
}

/** One unit's contribution at two samples. */
interface Move {
  unit: number;
  from: number;
  to: number;
}

const span = (m: Move) => `from ${fixed(m.from, VALUE_DIGITS)} to ${fixed(m.to, VALUE_DIGITS)}`;

/**
 * A group of units whose contributions move the same way, each with its own numbers:
 * "unit 2's contribution rises from 0.01 to 0.64 and unit 5's from 0.10 to 0.30". `first` says
 * whether the group opens the sentence (and so names "contribution").
 */
function movePhrase(group: readonly Move[], verb: string, first: boolean): string {
  return andList(group.map((m, i) => `unit ${m.unit}'s${first && i === 0 ? " contribution" : ""} ${i === 0 ? `${verb} ` : ""}${span(m)}`));
}

/**
 * How each unit's contribution a·w to the output moves from sample `from` to sample `to`, in words:
 * the units whose contribution rises or falls by at least SLIGHT_CHANGE, those that move slightly,
 * those that barely change (less than STEADY_CHANGE); then whether the moves nearly cancel in the
 * output (CANCEL_SHARE), with the outputs and the targets.
 */
export function contributionShiftSentence(net: Network, from: TargetedSample, to: TargetedSample): string {
  const a = forward(net, from.input);
  const b = forward(net, to.input);
  const ca = contributionsOf(net, a);
  const cb = contributionsOf(net, b);
  const moves: Move[] = ca.map((c, j) => ({unit: j + 1, from: c, to: cb[j]}));
  const delta = (m: Move) => m.to - m.from;
  const rising = moves.filter((m) => delta(m) >= SLIGHT_CHANGE);
  const falling = moves.filter((m) => delta(m) <= -SLIGHT_CHANGE);
  const slight = moves.filter((m) => Math.abs(delta(m)) >= STEADY_CHANGE && Math.abs(delta(m)) < SLIGHT_CHANGE);
  const steady = moves.filter((m) => Math.abs(delta(m)) < STEADY_CHANGE);

  const main: string[] = [];
  if (rising.length) main.push(movePhrase(rising, "rises", true));
  if (falling.length) main.push(movePhrase(falling, "falls", main.length === 0));
  const minor: string[] = slight.map((m, i) => {
    const opens = main.length === 0 && i === 0;
    return `unit ${m.unit}'s${opens ? " contribution" : ""} ${delta(m) > 0 ? "rises" : "falls"} slightly ${span(m)}`;
  });
  if (steady.length === moves.length) {
    minor.push(`every unit's contribution stays within ${fixed(STEADY_CHANGE, VALUE_DIGITS)} of where it was`);
  } else if (steady.length === 1) {
    minor.push(`unit ${steady[0].unit}'s${main.length + minor.length === 0 ? " contribution" : ""} barely changes`);
  } else if (steady.length > 1) {
    minor.push(`the contributions of ${unitList(steady.map((m) => m.unit))} barely change`);
  }
  const moved = [main.join(" while "), andList(minor)].filter((p) => p !== "").join("; ");

  const ya = output(a);
  const yb = output(b);
  const total = moves.reduce((s, m) => s + Math.abs(delta(m)), 0);
  const cancel = rising.length + falling.length > 0 && Math.abs(yb - ya) < CANCEL_SHARE * total;
  const outputs = `from ${fixed(ya, OUTPUT_DIGITS)} to ${fixed(yb, OUTPUT_DIGITS)}, against targets of ${fixed(from.target, OUTPUT_DIGITS)} and ${fixed(to.target, OUTPUT_DIGITS)}`;
  const closing = cancel ? `These moves nearly cancel: the output only goes ${outputs}.` : `The output goes ${outputs}.`;
  return `From ${sampleName(from, true)} to ${sampleName(to, true)}, ${moved}. ${closing}`;
}
