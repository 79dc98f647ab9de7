// The zones of a ReLU network of any depth, found by sampling: every point of a grid gets its
// activation mask, and points with the same mask belong to the same zone (the same affine piece).
// Sampling can miss zones narrower than the grid step; counts are "at least" figures. The pages draw
// the exact zones (partition.ts); this sampled count is kept as the independent lower bound the
// exact partition is tested against.
import {linspace, type Point} from "./datasets.js";
import {activationMask} from "./regions.js";
import type {Network} from "./network.js";

export interface ZoneMap {
  /** Grid points, x1 varying fastest. */
  points: Point[];
  /** Mask key of each point, e.g. "10110|01101" (layer by layer, units 1..n). */
  keys: string[];
  /** Distinct keys in order of first appearance. */
  zones: string[];
  /** Grid step along each axis. */
  step: number;
}

export function maskKey(mask: readonly (readonly boolean[])[]): string {
  return mask.map((layer) => layer.map((on) => (on ? "1" : "0")).join("")).join("|");
}

export function zoneMap(net: Network, range: number, size: number): ZoneMap {
  const axis = linspace(-range, range, size);
  const points: Point[] = [];
  for (const b of axis) for (const a of axis) points.push([a, b]);
  const keys = points.map((p) => maskKey(activationMask(net, p)));
  return {points, keys, zones: [...new Set(keys)], step: axis[1] - axis[0]};
}
