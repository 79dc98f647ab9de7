// How often a sigmoid unit works in its flat tails. σ'(z) = σ(z)(1 - σ(z)) is at most 1/4 (at z = 0)
// and falls below SATURATED_SLOPE once |z| > about 3.9: there a unit's output hardly moves with its
// input, and so its incoming weights hardly receive any gradient.
import {ACTIVATION_FN, forward, type Network} from "./network.js";

export const SATURATED_SLOPE = 0.02;

/**
 * The |z| beyond which σ'(z) < SATURATED_SLOPE: with s = σ(z), s(1 - s) = m gives
 * s = (1 + sqrt(1 - 4m)) / 2 and z = ln(s / (1 - s)).
 */
export function saturationThreshold(slope = SATURATED_SLOPE): number {
  const s = (1 + Math.sqrt(1 - 4 * slope)) / 2;
  return Math.log(s / (1 - s));
}

/** For each unit of hidden layer k, the share of the inputs at which σ'(z) < SATURATED_SLOPE. */
export function saturatedShare(net: Network, inputs: readonly (readonly number[])[], k = 0): number[] {
  const counts = net.layers[k].biases.map(() => 0);
  for (const x of inputs) {
    forward(net, x).z[k].forEach((z, j) => {
      const s = ACTIVATION_FN.sigmoid(z);
      if (s * (1 - s) < SATURATED_SLOPE) counts[j] += 1;
    });
  }
  return counts.map((c) => c / inputs.length);
}
