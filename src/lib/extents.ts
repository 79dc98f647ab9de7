// Value ranges used to normalise colours and to compare networks.
import {forward, type Layer, type Network} from "./network.js";

export type Extent = [number, number];

/** Widens `e` in place to hold every value (in place, so a loop over many samples allocates nothing). */
function extend(e: Extent, values: Iterable<number>): void {
  for (const v of values) {
    if (v < e[0]) e[0] = v;
    if (v > e[1]) e[1] = v;
  }
}

/** The [min, max] of the values; [Infinity, −Infinity] for none. */
export function extentOf(values: Iterable<number>): Extent {
  const e: Extent = [Infinity, -Infinity];
  extend(e, values);
  return e;
}

/** The range of the linear outputs z and of the activations a of one layer. */
export interface LayerRanges {
  z: Extent;
  a: Extent;
}

/** For every layer, the ranges of z and a over all the given inputs. */
export function layerRanges(net: Network, inputs: readonly (readonly number[])[]): LayerRanges[] {
  const ranges = net.layers.map(() => ({z: [Infinity, -Infinity] as Extent, a: [Infinity, -Infinity] as Extent}));
  for (const x of inputs) {
    const {z, a} = forward(net, x);
    z.forEach((zk, k) => {
      extend(ranges[k].z, zk);
      extend(ranges[k].a, a[k]);
    });
  }
  return ranges;
}

/**
 * For each column of the flow diagram (the input, then every layer), the range of the values
 * (z and a together) over all the given inputs. Used by the "dataset" colour mode so that a
 * neuron's colour means the same thing whichever sample is shown.
 */
export function columnExtents(net: Network, inputs: readonly (readonly number[])[]): Extent[] {
  const input = extentOf(inputs.flat());
  return [input, ...layerRanges(net, inputs).map(({z, a}) => [Math.min(z[0], a[0]), Math.max(z[1], a[1])] as Extent)];
}

/** Summary of a network's parameters: largest and mean magnitude of weights and of biases. */
export interface ParameterStats {
  maxAbsWeight: number;
  meanAbsWeight: number;
  maxAbsBias: number;
  meanAbsBias: number;
}

export function parameterStats(layers: readonly Layer[]): ParameterStats {
  const w = layers.flatMap((l) => l.weights.flat()).map(Math.abs);
  const b = layers.flatMap((l) => l.biases).map(Math.abs);
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  return {maxAbsWeight: Math.max(...w), meanAbsWeight: mean(w), maxAbsBias: Math.max(...b), meanAbsBias: mean(b)};
}
