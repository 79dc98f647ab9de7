// The flat parameter vector the trainer and Adam work on, and its conversion to and from layers.
// Layout: layer by layer, W row-major then b, i.e. [W_0; b_0], [W_1; b_1], ... each row-major
// (W_k has shape [dIn, dOut]: weights[i][j] connects input i to unit j).
import type {Layer} from "../lib/network.js";

/** Packs layers into one flat vector: per layer, W row-major then b, i.e. [W; b] row-major. */
export function packLayers(layers: readonly Layer[]): Float32Array {
  const values: number[] = [];
  for (const {weights, biases} of layers) {
    for (const row of weights) values.push(...row);
    values.push(...biases);
  }
  return Float32Array.from(values);
}

/** The inverse of packLayers, for layer sizes `sizes` ([2, ...hidden, 1]). */
export function unpackLayers(flat: ArrayLike<number>, sizes: readonly number[]): Layer[] {
  const layers: Layer[] = [];
  let offset = 0;
  for (let k = 0; k + 1 < sizes.length; ++k) {
    const dIn = sizes[k];
    const dOut = sizes[k + 1];
    const weights: number[][] = [];
    for (let i = 0; i < dIn; ++i, offset += dOut) weights.push(Array.from({length: dOut}, (_, j) => flat[offset + j]));
    const biases = Array.from({length: dOut}, (_, j) => flat[offset + j]);
    offset += dOut;
    layers.push({weights, biases});
  }
  return layers;
}
