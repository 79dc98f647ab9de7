// The full-dataset mean squared error recorded after every epoch, computed in float64 exactly as
// the pages compute it (lib/network.ts forward + meanSquaredError, same operations in the same
// order), but on the packed parameter vector and without allocating per sample: the trainer calls
// it every epoch, and with tensors it would cost more than a third of the training time.
//
//   MSE = (1/N) sum_i (f(x_i) - y_i)^2,  f the network's forward pass (linear output)
import {ACTIVATIONS, type ActivationName} from "../lib/activations.js";
import type {Point} from "../lib/datasets.js";

/**
 * Returns params -> MSE over (x, y) for a network with layer sizes `sizes` ([2, ...hidden, 1]) and
 * hidden activation `activation`, params packed per layer as W row-major then b (parameters.ts).
 */
export function fullMseEvaluator(sizes: readonly number[], activation: ActivationName, x: readonly Point[], y: readonly number[]) {
  const depth = sizes.length - 1;
  const width = Math.max(...sizes);
  const n = x.length;
  const inputs = Float64Array.from(x.flat());
  const targets = Float64Array.from(y);
  // Two value buffers used alternately by successive layers (no allocation per sample).
  const buffers = [new Float64Array(width), new Float64Array(width)];
  // g of the hidden layers: the descriptor's function, as lib/network.ts forward() applies it.
  const g = ACTIVATIONS[activation].fn;
  // The parameters, converted to float64 once per call.
  const p = new Float64Array(sizes.slice(1).reduce((total, dOut, k) => total + (sizes[k] + 1) * dOut, 0));
  return (params: ArrayLike<number>): number => {
    for (let i = 0; i < p.length; ++i) p[i] = params[i];
    let s = 0;
    for (let m = 0; m < n; ++m) {
      let prev = buffers[0];
      prev[0] = inputs[2 * m];
      prev[1] = inputs[2 * m + 1];
      let offset = 0;
      for (let k = 0; k < depth; ++k) {
        const next = buffers[(k + 1) & 1];
        const dIn = sizes[k];
        const dOut = sizes[k + 1];
        const bias = offset + dIn * dOut;
        // z_j = b_j + sum_i a_i W_ij, accumulated in the order of lib/network.ts forward().
        for (let j = 0; j < dOut; ++j) next[j] = p[bias + j];
        for (let i = 0; i < dIn; ++i) {
          const ai = prev[i];
          const row = offset + i * dOut;
          for (let j = 0; j < dOut; ++j) next[j] += ai * p[row + j];
        }
        if (k < depth - 1) for (let j = 0; j < dOut; ++j) next[j] = g(next[j]);
        offset = bias + dOut;
        prev = next;
      }
      const d = prev[0] - targets[m];
      s += d * d;
    }
    return s / n;
  };
}
