// The selection a network page starts with: the sample nearest a starting point (the caller's, else
// the spec's first preset, else sample 0), the trained network's epoch, no unit selected or hovered.
// Pages create it once, in their first cell, and hand it to every view that follows it.
import type {Point} from "./datasets.js";
import {nearestSample} from "./sampling.js";
import {createSelection, type Selection} from "./selection.js";
import {networkAtEpoch, snapshotNetwork, type Snapshot} from "./snapshot.js";
import type {Network} from "./network.js";

/** The index of the sample a page starts on. */
export function startSample(snapshot: Pick<Snapshot, "spec" | "data">, start?: Point): number {
  const point = start ?? snapshot.spec.presets[0]?.point;
  return point ? nearestSample(snapshot.data.x, point) : 0;
}

export function startSelection(snapshot: Pick<Snapshot, "spec" | "data">, start?: Point): Selection {
  const sample = startSample(snapshot, start);
  return createSelection({point: snapshot.data.x[sample], sample, epoch: snapshot.spec.epochs, unit: null, hover: null});
}

/**
 * The network a page shows at `epoch`: the trained parameters from the spec's last epoch on, else
 * the checkpoint stored at (or last before) that epoch.
 */
export function networkInView(snapshot: Snapshot, epoch: number): Network {
  return epoch >= snapshot.spec.epochs ? snapshotNetwork(snapshot) : networkAtEpoch(snapshot, epoch);
}
