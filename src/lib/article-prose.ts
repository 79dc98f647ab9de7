// Sentences about the article's own network (lib/article-network.ts) beside this build's run: which
// network a figure shows, where the article's hand arithmetic slips, and how closely the rebuilt
// network reproduces the article's printed arrays. The wording is decided here, from the data, so
// the small ReLU page holds no ternary that chooses it (tests/lib/article-prose.test.ts).
import {articleSlips, PRINTED_TOLERANCE, type ArticleSlip, type PrintedComparison} from "./article-network.js";
import type {Network} from "./network.js";
import {fixed, pointLabel, sig, unitList} from "./format.js";

/** Which network the page's figures show: this build's run, or the article's printed weights. */
export type ShownNetwork = "build" | "article";

/** "this build's run" / "the article's network" (capitalised to open a sentence). */
export function shownNetworkPhrase(source: ShownNetwork, capital = false): string {
  const phrase = source === "article" ? "the article's network" : "this build's run";
  return capital ? phrase.charAt(0).toUpperCase() + phrase.slice(1) : phrase;
}

function slip<K extends ArticleSlip["kind"]>(net: Network, kind: K): Extract<ArticleSlip, {kind: K}> | undefined {
  return articleSlips(net).find((s): s is Extract<ArticleSlip, {kind: K}> => s.kind === kind);
}

/** The article's hand sum for its top unit multiplies each input by the other input's weight. */
export function swappedWeightsSentence(net: Network): string {
  const s = slip(net, "swapped-weights");
  if (!s) return "";
  const [w1, w2] = s.networkWeights;
  return (
    `The article's own hand sum for this unit puts the two weights in swapped places: it multiplies x₁ by ${fixed(s.statedWeights[0], 3)} ` +
    `and x₂ by ${fixed(s.statedWeights[1], 3)}, where the unit's weights are ${fixed(w1, 3)} for x₁ and ${fixed(w2, 3)} for x₂, ` +
    `and so writes ${fixed(s.statedResult, 3)} where the sum is ${fixed(s.networkSum, 3)}. Both are negative, so the ReLU silences the unit either way, and the article's conclusion stands.`
  );
}

/** The sample's values the article reads off its figure, against what its printed weights give. */
export function articleSampleSentence(net: Network): string {
  const s = slip(net, "values-not-reproduced");
  if (!s) return "";
  const units = unitList(s.units);
  return (
    `At ${pointLabel(s.input, 2)} the printed weights give ${units} the activations ${s.computedActivations.map((a) => fixed(a, 3)).join(" and ")} ` +
    `and the output ${fixed(s.computedPrediction, 4)}; the article's text has ${s.statedActivations.map((a) => fixed(a, 2)).join(" and ")} and ${fixed(s.statedPrediction, 2)}, ` +
    `numbers its printed network does not give at that input (rounding the input moves them by at most ${fixed(s.largestShiftFromInputRounding, 3)}).`
  );
}

/** How closely the shown network's four-step tables match the arrays the article prints. */
export function printedAgreementSentence(source: ShownNetwork, comparisons: readonly PrintedComparison[]): string {
  if (source === "build")
    return "The article prints these arrays for its own network: show the article's printed weights above to see them reproduced.";
  // The printed arrays, not the prose's rounded equations (which round to 3 or 4 digits).
  const arrays = comparisons.filter((c) => c.step !== "equation");
  const largest = Math.max(...arrays.map((c) => c.deviation));
  return (
    `With the article's printed weights, the ${arrays.length} numbers the article prints in these four zones' arrays are reproduced: ` +
    `the largest difference is ${sig(largest, 2)}, below the ${sig(PRINTED_TOLERANCE, 1)} that printing to 8 decimals allows.`
  );
}

/** How the output is made from the units that are on: "unit 1 is on, so the output is ...". */
export function outputCompositionSentence(active: readonly number[], outWeights: readonly number[], outputBias: number): string {
  if (active.length === 0) return `No unit is on, so the output is the output bias alone, ${fixed(outputBias, 3)}.`;
  const weights = active.map((u) => fixed(outWeights[u - 1], 3)).join(" and ");
  const what = active.length === 1 ? "its activation times its output weight" : "the sum of their activations, each times its output weight";
  return `${unitList(active)} ${active.length === 1 ? "is" : "are"} on, so the output is ${what} (${weights}), plus the output bias ${fixed(outputBias, 3)}.`;
}

/**
 * Where the zone's linear function fits the truth along the article's segment, against the x1 the
 * article names ("good for x1 > 1.25"): `goodFitBeyond` > 0 reads as x1 above it, < 0 as below.
 */
export function segmentFitSentence(intervals: readonly (readonly [number, number])[], tolerance: number, segment: {slope: number}, goodFitBeyond: number): string {
  const line = `x₂ = ${segment.slope < 0 ? "−" : ""}x₁/2`;
  const article = `the article reads a good fit for x₁ ${goodFitBeyond > 0 ? ">" : "<"} ${fixed(goodFitBeyond, 2)}`;
  if (intervals.length === 0) return `Along ${line} the zone's linear function is never within ${fixed(tolerance, 2)} of the truth; ${article}.`;
  const spans = intervals.map(([a, b]) => `from ${fixed(a, 2)} to ${fixed(b, 2)}`).join(" and ");
  return `Along ${line} the zone's linear function stays within ${fixed(tolerance, 2)} of the truth for x₁ ${spans}; ${article}.`;
}