// The facts that decide the wording of the pages' sentences. Each function takes what a run shows
// and returns the sentence (plain text) that is true of it, so no page holds a ternary that chooses
// wording, and each choice is tested (tests/lib/prose.test.ts). Numbers are formatted with format.ts.
import type {NetworkSpec} from "./spec.js";
import {ACTIVATIONS} from "./activations.js";
import {TARGET_TEXT, type DatasetName} from "./datasets.js";
import {OPPOSITE_COSINE, type UnitPair} from "./symmetry.js";
import type {ParameterStats} from "./extents.js";
import {fixed, sig, unitList} from "./format.js";

/** A title inside a sentence: "Small ReLU network" becomes "small ReLU network". */
export function inSentence(title: string): string {
  return title.charAt(0).toLowerCase() + title.slice(1);
}

/** Thousands separated by commas; one formatter for all (toLocaleString would build one per call). */
const GROUPED = new Intl.NumberFormat("en-US");

/** "2,500": thousands separated by commas. */
export const grouped = (n: number): string => GROUPED.format(n);

/** "1 epoch", "250 epochs". */
export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${grouped(n)} ${n === 1 ? word : pluralWord}`;
}

/** "one hidden layer of 4 ReLU units", "2 hidden layers of 5 and 5 ReLU units". */
export function shapePhrase(spec: Pick<NetworkSpec, "hidden" | "activation">): string {
  const layers = spec.hidden.length === 1 ? "one hidden layer" : `${spec.hidden.length} hidden layers`;
  const units = spec.hidden.length === 1 ? spec.hidden[0] : `${spec.hidden.slice(0, -1).join(", ")} and ${spec.hidden.at(-1)}`;
  return `${layers} of ${units} ${ACTIVATIONS[spec.activation].label} units`;
}

/** The targets and dataset sizes of several networks: one phrase when they share them, else one per network. */
export function targetsPhrase(networks: readonly {title: string; dataset: DatasetName; points: number}[]): string {
  const phrase = (n: {dataset: DatasetName; points: number}) => `the target ${TARGET_TEXT[n.dataset]}, on ${plural(n.points, "training sample")}`;
  const distinct = new Set(networks.map(phrase));
  if (distinct.size <= 1) return networks.length ? phrase(networks[0]) : "no network was built";
  return networks.map((n) => `${phrase(n)} (${n.title})`).join("; ");
}

/** A target written out with a point's numbers: "0.370 × −0.210 / 4" for prod. */
export function targetArithmetic(dataset: DatasetName, [x1, x2]: readonly [number, number]): string {
  const a = fixed(x1, 3);
  const b = fixed(x2, 3);
  const sq = (v: string) => `(${v})²`;
  switch (dataset) {
    case "prod":
      return `${a} × ${b} / 4`;
    case "sumSquares":
      return `(${sq(a)} + ${sq(b)}) / 4`;
    case "polynom":
      return `(${sq(a)} − 3 × ${a} × ${b} − ${sq(b)}) / 4`;
  }
}

/** What the ReLU does to a sample's hidden layer, given its active units out of `units`. */
export function silencedSentence(active: readonly number[], units: number): string {
  if (active.length === 0) return "Every linear output is negative, the ReLU silences all the units, and the output is the output bias alone.";
  if (active.length === units) return "No unit is silenced: every linear output is positive and passes through unchanged.";
  return "The others have a negative linear output, which the ReLU sets to zero.";
}

/** The pairs of opposite first-layer units, listed. */
export function pairsPhrase(pairs: readonly UnitPair[]): string {
  return pairs.map((p) => `units ${p.units[0]} and ${p.units[1]} (cosine ${fixed(p.cosine, 3)}, biases ${fixed(p.biases[0], 3)} and ${fixed(p.biases[1], 3)})`).join("; ");
}

/** Length ratio (longer / shorter) up to which the two units of a pair count as the same size. */
export const SAME_SIZE_RATIO = 1.25;

/**
 * Whether this run shows the article's symmetry, stated honestly: opposite directions (every pair's
 * cosine below OPPOSITE_COSINE) and, separately, whether the two units of each pair are also the
 * same size (|w| within SAME_SIZE_RATIO), since a pair can point opposite ways with one unit twice
 * the other.
 */
export function symmetrySentence(pairs: readonly UnitPair[]): string {
  if (pairs.length === 0) return "with a single unit there is no pair to compare";
  if (!pairs.every((p) => p.cosine < OPPOSITE_COSINE)) return "this run is not as symmetric as the article's: not every pair points in opposite directions";
  const which = pairs.length === 1 ? "the pair is" : pairs.length === 2 ? "both pairs are" : `all ${pairs.length} pairs are`;
  const ratios = pairs.map((p) => {
    const [long, short] = p.lengths[0] >= p.lengths[1] ? [0, 1] : [1, 0];
    return {long: p.units[long], short: p.units[short], ratio: p.lengths[long] / p.lengths[short]};
  });
  const unequal = ratios.filter((r) => r.ratio > SAME_SIZE_RATIO);
  if (unequal.length === 0) return `${which} close to it, and the two units of each pair are about the same size (lengths within ${fixed((SAME_SIZE_RATIO - 1) * 100, 0)}%): this run shows the article's symmetry`;
  const sizes = unequal.map((r) => `unit ${r.long}'s weights are ${fixed(r.ratio, 1)} times as long as unit ${r.short}'s`).join(", and ");
  return `${which} close to it in direction, but not in size: ${sizes}`;
}

/** Relative spread ((max − min) / mean |b|) up to which a group of biases counts as one repeated value. */
export const SAME_BIAS_SPREAD = 0.2;

/** The article's "two bias values, repeated twice": the biases grouped by sign, and whether each group shares one value. */
export function biasValuesSentence(biases: readonly number[]): string {
  const groups = [biases.flatMap((b, j) => (b > 0 ? [j] : [])), biases.flatMap((b, j) => (b <= 0 ? [j] : []))].filter((g) => g.length > 0);
  const describe = (g: number[]) => {
    const values = g.map((j) => biases[j]);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const spread = (Math.max(...values) - Math.min(...values)) / Math.abs(mean);
    return {text: `${unitList(g.map((j) => j + 1))}: ${values.map((v) => fixed(v, 3)).join(", ")}`, mean, shared: g.length > 1 && spread <= SAME_BIAS_SPREAD};
  };
  const described = groups.map(describe);
  if (described.length === 2 && described.every((d) => d.shared))
    return `The biases take two values, each repeated, as in the article: about ${fixed(described[0].mean, 2)} (${described[0].text}) and about ${fixed(described[1].mean, 2)} (${described[1].text}).`;
  return `The biases do not settle on two repeated values here: ${described.map((d) => d.text).join("; ")}.`;
}

/** The article's link between the output weights' signs and the first-layer biases' signs. */
export function outputSignsSentence(biases: readonly number[], outWeights: readonly number[]): string {
  const units = (test: (j: number) => boolean) => biases.flatMap((_, j) => (test(j) ? [j] : []));
  const positive = units((j) => biases[j] > 0);
  const negative = units((j) => biases[j] <= 0);
  const weights = (g: number[]) => g.map((j) => fixed(outWeights[j], 2)).join(", ");
  const follows = positive.every((j) => outWeights[j] > 0) && negative.every((j) => outWeights[j] < 0);
  const parts = [
    positive.length ? `the units with a positive bias (${unitList(positive.map((j) => j + 1))}) have output weights ${weights(positive)}` : "",
    negative.length ? `those with a negative bias (${unitList(negative.map((j) => j + 1))}) have ${weights(negative)}` : ""
  ].filter(Boolean);
  return follows
    ? `The output weights follow the signs of the biases, as the article finds: ${parts.join("; ")}.`
    : `The output weights do not follow the signs of the biases in this run: ${parts.join("; ")}.`;
}

/** Whether the zone around the origin is closed inside the plotted square [-r, r]^2. */
export function centreZoneSentence(closed: boolean, sides: number, r: number): string {
  return closed
    ? `is closed: a polygon with ${sides} sides inside the plot, bounded by lines only`
    : `is not closed inside [−${r}, ${r}]²: it reaches the edge of the plot`;
}

/** Slope magnitude below which a zone counts as nearly flat. */
const FLAT_SLOPE = 0.1;

/** Whether the network is nearly flat in the centre zone, as the product is near the origin. */
export function flatnessSentence(a: number, b: number): string {
  return Math.max(Math.abs(a), Math.abs(b)) < FLAT_SLOPE
    ? "Both slopes are small: the network is nearly flat here, as the product is near the origin."
    : "The slopes are not small: this run does not flatten the centre as much as the article's.";
}

/** "positive", "negative" or "zero". */
export function signWord(v: number): string {
  return v > 0 ? "positive" : v < 0 ? "negative" : "zero";
}

/** The output layer's weights by sign: "3 are positive, from 0.41 to 1.20, and 2 are negative (−0.50, −0.72)". */
export function outputWeightsSentence(weights: readonly number[]): string {
  const positive = weights.filter((w) => w > 0);
  const negative = weights.filter((w) => w < 0);
  const count = (n: number) => `${n} ${n === 1 ? "is" : "are"}`;
  const pos = positive.length ? `, from ${fixed(Math.min(...positive), 2)} to ${fixed(Math.max(...positive), 2)}` : "";
  const neg = negative.length ? ` (${negative.map((w) => fixed(w, 2)).join(", ")})` : "";
  return `${count(positive.length)} positive${pos}, and ${count(negative.length)} negative${neg}`;
}

/** A network to compare with: its title and figures (a NetworkSummary), or undefined when there is none. */
export interface Comparison {
  title: string;
  finalMse: number;
  parameters: ParameterStats;
}

/** How one MSE compares with another network's: ", higher than the small relu network's 0.001364", or "" with none. */
export function comparedMse(mse: number, other: Comparison | undefined): string {
  if (!other) return "";
  const o = other.finalMse;
  return `, ${mse > o ? "higher than" : mse < o ? "lower than" : "the same as"} the ${inSentence(other.title)}'s ${sig(o)}`;
}

/** The sigmoid network's parameter sizes against a ReLU network's of the same shape, or "" with none. */
export function parameterComparison(sigmoid: ParameterStats, other: Comparison | undefined): string {
  if (!other) return "";
  const relu = other.parameters;
  const ratio = (a: number, b: number) => `${fixed(a, 2)} to ${fixed(b, 2)} (${fixed(a / b, 1)}×)`;
  const verdict =
    sigmoid.meanAbsWeight > relu.meanAbsWeight && sigmoid.meanAbsBias > relu.meanAbsBias
      ? "both larger, as the argument above expects"
      : "this run does not show both larger";
  return (
    `Against the ${inSentence(other.title)} of the same shape, the sigmoid network's mean absolute weight is ` +
    `${ratio(sigmoid.meanAbsWeight, relu.meanAbsWeight)} and its mean absolute bias ${ratio(sigmoid.meanAbsBias, relu.meanAbsBias)}: ${verdict}.`
  );
}

/** Share of the samples above which a unit counts as flat everywhere (dead). */
const DEAD_SHARE = 0.99;

/** Whether any unit sits in a flat tail of its activation on (nearly) every sample. */
export function saturationVerdict(shares: readonly number[]): string {
  const dead = shares.flatMap((s, j) => (s > DEAD_SHARE ? [j + 1] : []));
  return dead.length
    ? `${unitList(dead)} ${dead.length === 1 ? "is" : "are"} flat on every sample: in effect ${dead.length === 1 ? "it has" : "they have"} died.`
    : "No unit is flat on every sample: every unit still responds somewhere in the data.";
}
