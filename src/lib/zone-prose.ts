// The words of the exact zone map: its count, a zone's pattern and formula, and the comparison of
// the network's local linear function with the truth's tangent plane. Decided here, tested, so no
// page or component words a sentence by itself.
import {fixed, linearFormula, pointLabel, unitList} from "./format.js";
import {plural} from "./prose.js";
import type {Window} from "./partition.js";
import type {Point} from "./datasets.js";
import {ACTIVATIONS, type ActivationName} from "./activations.js";

/** "[−2, 2]²" for a square window, "[−2, 2] × [−1, 1]" otherwise. */
export function windowLabel(w: Window): string {
  const num = (v: number) => fixed(v, Number.isInteger(v) ? 0 : 2);
  const range = (r: readonly [number, number]) => `[${num(r[0])}, ${num(r[1])}]`;
  const same = w.x[0] === w.y[0] && w.x[1] === w.y[1];
  return same ? `${range(w.x)}²` : `${range(w.x)} × ${range(w.y)}`;
}

/**
 * The selected point's zone as a formula: "In the zone of (x₁, x₂): y = …". A point outside the map's
 * window (the reader may choose one up to the estimate grid's edge) is said to be off the map, and
 * its formula is still its own zone's (the local function there, from its activation pattern).
 */
export function zoneFormulaSentence(point: Point, f: {a: number; b: number; c: number}, w: Window): string {
  const inside = point[0] >= w.x[0] && point[0] <= w.x[1] && point[1] >= w.y[0] && point[1] <= w.y[1];
  const formula = `y = ${linearFormula(f.a, f.b, f.c)}`;
  return inside ? `In the zone of ${pointLabel(point, 3)}: ${formula}` : `${pointLabel(point, 3)} lies off the map, outside ${windowLabel(w)}; in its zone, ${formula}`;
}

/** The map's count, stated as exact. */
export function zoneCountSentence(count: number, w: Window): string {
  return (
    `Cut along every unit's boundary, the square ${windowLabel(w)} falls into exactly ${plural(count, "zone")}; ` +
    `on each the network is one linear function of (x₁, x₂).`
  );
}

/** "layer 1: units 1 and 3 on; layer 2: no unit on" */
export function patternPhrase(pattern: readonly (readonly boolean[])[]): string {
  return pattern
    .map((layer, k) => {
      const on = layer.flatMap((v, j) => (v ? [j + 1] : []));
      return `layer ${k + 1}: ${unitList(on)} on`;
    })
    .join("; ");
}

/** "1011 | 01101": the pattern as bits, layer by layer, unit 1 first. */
export function patternBits(pattern: readonly (readonly boolean[])[]): string {
  return pattern.map((layer) => layer.map((v) => (v ? "1" : "0")).join("")).join(" | ");
}

/** What the map's live region says of the zone under its cursor. */
export function zoneDescription(point: Point, index: number, count: number, pattern: readonly (readonly boolean[])[], affine: {a: number; b: number; c: number}): string {
  return `Point ${pointLabel(point)} lies in zone ${index + 1} of ${count}: ${patternPhrase(pattern)}; there y = ${linearFormula(affine.a, affine.b, affine.c)}.`;
}

/** The local linear function against the truth's tangent plane at a point. */
export function tangentComparison(point: Point, net: {a: number; b: number; c: number}, truth: {a: number; b: number; c: number}): string {
  const slope = Math.hypot(net.a - truth.a, net.b - truth.b);
  return (
    `The truth's tangent plane at ${pointLabel(point, 3)} is y = ${linearFormula(truth.a, truth.b, truth.c)}; ` +
    `its slope differs from the network's by ${fixed(slope, 4)} (the length of the difference of the two gradients).`
  );
}

/** The zone count chart's summary. */
export function zoneCountSummary(first: {epoch: number; count: number}, last: {epoch: number; count: number}, most: {epoch: number; count: number}): string {
  return (
    `Exact zone count in the data square at each checkpoint: ${plural(first.count, "zone")} at epoch ${first.epoch}, ` +
    `${plural(last.count, "zone")} at epoch ${last.epoch}, most (${most.count}) at epoch ${most.epoch}.`
  );
}

/** Why a network with a smooth activation has no zones (the zone explorer's and the count chart's note). */
export function smoothActivationNote(activation: ActivationName): string {
  return (
    `Zones where the network is exactly linear exist only for piecewise-linear activations such as the ReLU. ` +
    `This network uses ${activation}, ${ACTIVATIONS[activation].formula}, which curves everywhere, so its output is nowhere exactly linear.`
  );
}
