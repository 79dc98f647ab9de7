// How often a smooth unit works in its flat tails. For the sigmoid, g'(z) = σ(z)(1 - σ(z)) is at
// most 1/4 (at z = 0) and falls below SATURATED_SLOPE once |z| > about 3.9; for tanh,
// g'(z) = 1 - tanh(z)^2 does once |z| > about 2.6. There a unit's output hardly moves with its
// input, and so its incoming weights hardly receive any gradient. g' and the threshold come from the
// activation's descriptor (activations.ts); ReLU and the identity have no saturation rule.
import {ACTIVATIONS, type ActivationName} from "./activations.js";
import {forward, layerActivation, type Network} from "./network.js";

export const SATURATED_SLOPE = 0.02;

function saturationRule(name: ActivationName) {
  const rule = ACTIVATIONS[name].saturation;
  if (!rule) throw new RangeError(`saturation: ${name} units have no saturation rule`);
  return rule;
}

/** The |z| beyond which g'(z) < slope, for an activation with a saturation rule (the sigmoid by default). */
export function saturationThreshold(slope = SATURATED_SLOPE, activation: ActivationName = "sigmoid"): number {
  return saturationRule(activation).threshold(slope);
}

/** For each unit of hidden layer k, the share of the inputs at which g'(z) < SATURATED_SLOPE. */
export function saturatedShare(net: Network, inputs: readonly (readonly number[])[], k = 0): number[] {
  const name = layerActivation(net, k);
  saturationRule(name);
  const slope = ACTIVATIONS[name].derivative;
  const counts = net.layers[k].biases.map(() => 0);
  for (const x of inputs) {
    forward(net, x).z[k].forEach((z, j) => {
      if (slope(z) < SATURATED_SLOPE) counts[j] += 1;
    });
  }
  return counts.map((c) => c / inputs.length);
}
