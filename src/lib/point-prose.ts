// The words a network page writes about the point in view: a sample of the dataset (with its index
// and stored target) or a free point the reader chose anywhere in the plane (its target computed from
// the dataset's formula), seen through the network as trained or as it was at an earlier epoch.
// Pages call these instead of choosing wording themselves; tests/lib/point-prose.test.ts covers every
// branch.
import {TARGETS, type DatasetName, type Point} from "./datasets.js";
import {fixed, pointLabel} from "./format.js";
import {plural} from "./prose.js";

/** What the page knows of the point in view. */
export interface PointInView {
  point: Point;
  /** The sample's index, or null for a free point. */
  sample: number | null;
}

/** Decimals of coordinates in names; of targets and outputs in sentences. */
const POINT_DIGITS = 3;
const VALUE_DIGITS = 4;

/**
 * The target at the point in view: the sample's stored target, or the formula's value at a free
 * point (the samples' targets are that formula's values too, so the two agree where both exist).
 */
export function targetAt(dataset: DatasetName, targets: readonly number[], v: PointInView): number {
  return v.sample === null ? TARGETS[dataset](v.point[0], v.point[1]) : targets[v.sample];
}

/** "Sample 12" or "The point (0.250, −1.500)": how captions and headings name the point in view. */
export function pointName(v: PointInView): string {
  return v.sample === null ? `The point ${pointLabel(v.point, POINT_DIGITS)}` : `Sample ${v.sample}`;
}

/** "after 40 of 250 epochs" for a replayed checkpoint, "" for the trained network. */
export function epochPhrase(epoch: number, epochs: number): string {
  return epoch >= epochs ? "" : `after ${epoch} of ${plural(epochs, "epoch")}`;
}

/** A caption for the flow diagram: "Sample 12 through the small ReLU network (after 40 of 250 epochs)". */
export function throughCaption(v: PointInView, network: string, epoch: number, epochs: number): string {
  const when = epochPhrase(epoch, epochs);
  return `${pointName(v)} through the ${network}${when ? ` (${when})` : ""}`;
}

/**
 * The sentence that opens a page's account of the point in view, with its target and the
 * network's output: "Sample 12 enters at (…). Its target is … and the network outputs …." or, for
 * a free point, "The point (…) is no sample of the dataset; the formula gives it the target …, and
 * the network outputs …." A replayed epoch is named: "the network, after 40 of 250 epochs, outputs".
 */
export function entrySentence(v: PointInView, target: number, output: number, epoch: number, epochs: number): string {
  const when = epochPhrase(epoch, epochs);
  const network = when ? `the network, ${when},` : "the network";
  const values = `${fixed(target, VALUE_DIGITS)} and ${network} outputs ${fixed(output, VALUE_DIGITS)}.`;
  return v.sample === null
    ? `${pointName(v)} is no sample of the dataset; the formula gives it the target ${values}`
    : `Sample ${v.sample} enters at ${pointLabel(v.point, POINT_DIGITS)}. Its target is ${values}`;
}

/** "this sample" or "this point": how a sentence refers back to the point in view. */
export function thisPoint(v: PointInView): string {
  return v.sample === null ? "this point" : "this sample";
}

/**
 * A sentence put before an account written from the network in view, when that network is a
 * replayed checkpoint: "These numbers use the parameters after 40 of 250 epochs. " — nothing for the trained one.
 * A sentence of its own, so the account after it starts as a sentence does.
 */
export function replayLead(epoch: number, epochs: number): string {
  const when = epochPhrase(epoch, epochs);
  return when ? `These numbers use the parameters ${when}. ` : "";
}
