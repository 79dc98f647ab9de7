// The forward pass of a fully connected network, in float64.
//
// Layer k maps a^(k-1) (with a^(-1) = x, the input) to
//   z^(k) = a^(k-1) W^(k) + b^(k)        (W^(k) has shape [dIn, dOut], applied as x @ W)
//   a^(k) = g(z^(k))
// where g is the hidden activation for every layer but the last, and the identity for the last
// (a linear output, as in the original regression networks). g is ACTIVATIONS[name].fn
// (activations.ts).

import {ACTIVATIONS, activationOfLayer, type ActivationName} from "./activations.js";

/** One dense layer: weights[i][j] connects input i to unit j; biases[j] is unit j's bias. */
export interface Layer {
  weights: number[][];
  biases: number[];
}

export interface Network {
  layers: Layer[];
  /** Activation of the hidden layers; the output layer is linear. */
  activation: ActivationName;
}

/** The values of every layer for one input: z[k] and a[k] for k = 0 .. depth-1. */
export interface LayerValues {
  input: number[];
  z: number[][];
  a: number[][];
}

/** The activation used by layer k of a network (the last layer is linear). */
export function layerActivation(net: Network, k: number): ActivationName {
  return activationOfLayer(net.activation, k, net.layers.length);
}

/** Forward pass for one input, keeping z and a of every layer. */
export function forward(net: Network, input: readonly number[]): LayerValues {
  const z: number[][] = [];
  const a: number[][] = [];
  let prev: readonly number[] = input;
  net.layers.forEach((layer, k) => {
    const g = ACTIVATIONS[layerActivation(net, k)].fn;
    const zk = layer.biases.slice();
    for (let i = 0; i < prev.length; ++i) {
      const row = layer.weights[i];
      const xi = prev[i];
      for (let j = 0; j < zk.length; ++j) zk[j] += xi * row[j];
    }
    z.push(zk);
    const ak = zk.map(g);
    a.push(ak);
    prev = ak;
  });
  return {input: input.slice(), z, a};
}

/** The network's scalar output for one input (the first unit of the last layer). */
export function predict(net: Network, input: readonly number[]): number {
  const {a} = forward(net, input);
  return a[a.length - 1][0];
}

/** Mean squared error of the network over a dataset: (1/n) sum (f(x_i) - y_i)^2. */
export function meanSquaredError(net: Network, inputs: readonly (readonly number[])[], targets: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < inputs.length; ++i) {
    const d = predict(net, inputs[i]) - targets[i];
    s += d * d;
  }
  return s / inputs.length;
}

/**
 * Layer sizes including input and output, e.g. [2, 4, 1], read off the weights: any network, not
 * only one declared by a spec (whose sizes, before any weights exist, are specLayerSizes in spec.ts;
 * parseSnapshot checks that a snapshot's layers have them).
 */
export function layerSizes(net: Network): number[] {
  return [net.layers[0].weights.length, ...net.layers.map((l) => l.biases.length)];
}
