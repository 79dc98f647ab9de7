// A zone's linear function in product form, for a network of any depth. With hidden layers
// k = 0 .. L−1, the output layer L, row vectors (z^(k) = a^(k−1) W^(k) + b^(k)) and, on a zone, the
// activation a^(k) = g(0) + D^(k) z^(k) with D^(k) the diagonal of each unit's slope on its side
// (for ReLU a 0/1 mask: 1 for the units that are on), the output is affine:
//   y = x J + c,   J = W^(0) D^(0) W^(1) D^(1) … W^(L)          (2 × 1: the slopes a and b)
//   c = (…((b^(0) D^(0) + g0) W^(1) + b^(1)) D^(1) + g0) … ) W^(L) + b^(L)
// (g0 = g(0) = 0 for ReLU, so c = (…(b^(0) D^(0) W^(1) + b^(1)) D^(1) …) W^(L) + b^(L)).
// The article's four steps (regions.ts zoneSteps) are the case L = 1 of the same product.
import {ACTIVATIONS} from "./activations.js";
import {layerActivation, type Network} from "./network.js";

export interface ProductForm {
  /** W^(k), k = 0 .. L, each dIn × dOut as stored. */
  weights: number[][][];
  /** b^(k), k = 0 .. L. */
  biases: number[][];
  /** The diagonal of D^(k), k = 0 .. L−1: each unit's slope on the zone (1 on, 0 off for ReLU). */
  masks: number[][];
  /** J = W^(0) D^(0) … W^(L): (a, b). */
  jacobian: [number, number];
  /** c, the output at x = 0 of the zone's affine function. */
  intercept: number;
}

export function productForm(net: Network, pattern: readonly (readonly boolean[])[]): ProductForm {
  const L = net.layers.length - 1;
  if (pattern.length !== L) throw new RangeError(`productForm: the pattern has ${pattern.length} layers, the network ${L} hidden layers`);
  const masks = pattern.map((layer, k) => {
    const units = net.layers[k].biases.length;
    if (layer.length !== units) throw new RangeError(`productForm: layer ${k + 1} of the pattern has ${layer.length} units, the network ${units}`);
    const d = ACTIVATIONS[layerActivation(net, k)];
    if (!d.piecewiseLinear) throw new RangeError(`productForm: the activation "${net.activation}" is not piecewise linear`);
    return layer.map((on) => d.derivative(on ? 1 : -1));
  });
  // M = W^(0) D^(0) W^(1) …, a 2 × n matrix, multiplied left to right; v the constant row.
  let M = net.layers[0].weights.map((row) => row.slice());
  let v = net.layers[0].biases.slice();
  for (let k = 0; k < L; ++k) {
    const g0 = ACTIVATIONS[layerActivation(net, k)].fn(0);
    const D = masks[k];
    const {weights: W, biases: B} = net.layers[k + 1];
    const scaled = M.map((row) => row.map((m, j) => m * D[j]));
    const a = v.map((z, j) => g0 + D[j] * z);
    M = scaled.map((row) => W[0].map((_, t) => row.reduce((s, m, j) => s + m * W[j][t], 0)));
    v = B.map((b, t) => a.reduce((s, x, j) => s + x * W[j][t], b));
  }
  return {
    weights: net.layers.map((l) => l.weights.map((r) => r.slice())),
    biases: net.layers.map((l) => l.biases.slice()),
    masks,
    jacobian: [M[0][0], M[1][0]],
    intercept: v[0]
  };
}
