// The article notices that its small ReLU network learned first-layer units in opposite pairs
// (one column of W0 is close to minus another). This finds such pairs in any trained layer, so the
// page can say what this run shows instead of repeating the article's claim.
import type {Layer} from "./network.js";

/** Cosine below which a pair of units counts as opposite (an angle above about 154°). */
export const OPPOSITE_COSINE = -0.9;

export interface UnitPair {
  /** 1-based unit numbers. */
  units: [number, number];
  /** cos of the angle between the two units' weight vectors: -1 means exactly opposite. */
  cosine: number;
  biases: [number, number];
  /** Lengths |w| of the two units' incoming weight vectors. */
  lengths: [number, number];
}

/** Cosine of the angle between columns i and j of W (each unit's incoming weight vector). */
export function columnCosine(layer: Layer, i: number, j: number): number {
  let dot = 0;
  let ni = 0;
  let nj = 0;
  for (const row of layer.weights) {
    dot += row[i] * row[j];
    ni += row[i] * row[i];
    nj += row[j] * row[j];
  }
  return dot / Math.sqrt(ni * nj);
}

/** |W[:, i]|: the length of unit i's incoming weight vector. */
export function columnLength(layer: Layer, i: number): number {
  return Math.hypot(...layer.weights.map((row) => row[i]));
}

/**
 * Pairs the units greedily, most opposite first: repeatedly take the unpaired (i, j) with the
 * smallest cosine. With an odd number of units one is left out.
 */
export function oppositePairs(layer: Layer): UnitPair[] {
  const n = layer.biases.length;
  const candidates: {i: number; j: number; cos: number}[] = [];
  for (let i = 0; i < n; ++i) for (let j = i + 1; j < n; ++j) candidates.push({i, j, cos: columnCosine(layer, i, j)});
  candidates.sort((a, b) => a.cos - b.cos);
  const used = new Set<number>();
  const pairs: UnitPair[] = [];
  for (const {i, j, cos} of candidates) {
    if (used.has(i) || used.has(j)) continue;
    used.add(i);
    used.add(j);
    pairs.push({units: [i + 1, j + 1], cosine: cos, biases: [layer.biases[i], layer.biases[j]], lengths: [columnLength(layer, i), columnLength(layer, j)]});
  }
  return pairs;
}
