// The full-dataset mean squared error recorded after every epoch, computed in float64 exactly as
// the pages compute it (lib/network.ts forward + meanSquaredError, same operations in the same
// order), but on the packed parameter vector and without allocating: the trainer calls it every
// epoch, and with tensors it would cost more than a third of the training time.
//
//   MSE = (1/N) sum_m (f(x_m) - y_m)^2,  f the network's forward pass (linear output)
//
// For speed the pass runs over the whole dataset one unit at a time, on columns: layer k's values
// are held unit by unit, a[k][j] = the column of unit j's values over all N samples. Unit j of
// layer k is then
//   z_j = b_j;  z_j += a_0 W_0j;  z_j += a_1 W_1j;  ...   (element-wise over the N samples)
// which adds, for every sample, the same terms in the same order as forward() (it starts from the
// bias and adds a_i W_ij for i = 0, 1, ...), so every number is the same; only the loops are long
// (N iterations) instead of a few, which is what makes them fast.
import {ACTIVATIONS, type ActivationName} from "../lib/activations.js";
import type {Point} from "../lib/datasets.js";

/**
 * Returns params -> MSE over (x, y) for a network with layer sizes `sizes` ([2, ...hidden, 1]) and
 * hidden activation `activation`, params packed per layer as W row-major then b (parameters.ts).
 */
export function fullMseEvaluator(sizes: readonly number[], activation: ActivationName, x: readonly Point[], y: readonly number[]) {
  const depth = sizes.length - 1;
  const n = x.length;
  // Column j of every layer's values: the inputs x_j, then one Float64Array of N per unit.
  const columns: Float64Array[][] = [Array.from({length: sizes[0]}, (_, j) => Float64Array.from(x, (point) => point[j]))];
  for (let k = 1; k <= depth; ++k) columns.push(Array.from({length: sizes[k]}, () => new Float64Array(n)));
  const targets = Float64Array.from(y);
  // g of the hidden layers: the descriptor's function, as lib/network.ts forward() applies it.
  const g = ACTIVATIONS[activation].fn;
  return (params: ArrayLike<number>): number => {
    let offset = 0;
    for (let k = 0; k < depth; ++k) {
      const inputs = columns[k];
      const dIn = sizes[k];
      const dOut = sizes[k + 1];
      const bias = offset + dIn * dOut;
      for (let j = 0; j < dOut; ++j) {
        const z = columns[k + 1][j];
        z.fill(params[bias + j]);
        for (let i = 0; i < dIn; ++i) {
          const a = inputs[i];
          const w = params[offset + i * dOut + j];
          for (let m = 0; m < n; ++m) z[m] += a[m] * w;
        }
        if (k < depth - 1) for (let m = 0; m < n; ++m) z[m] = g(z[m]);
      }
      offset = bias + dOut;
    }
    // The output layer has one unit.
    const out = columns[depth][0];
    let s = 0;
    for (let m = 0; m < n; ++m) {
      const d = out[m] - targets[m];
      s += d * d;
    }
    return s / n;
  };
}
