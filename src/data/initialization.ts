// The original's initialisation, made reproducible: W ~ Normal(0, stddev = 2 / (dIn + dOut)) (the
// standard deviation itself, not its square root, as in the original toyNN class), biases zero.
// Pure TypeScript: the trainer and the benchmark both start from these exact numbers.
import {randomLcg, randomNormal} from "../lib/random.js";
import type {Layer} from "../lib/network.js";
import {specLayerSizes, type NetworkSpec} from "../lib/spec.js";

/** Standard deviation of the initial weights of a dIn x dOut layer (no square root). */
export function initialStddev(dIn: number, dOut: number): number {
  return 2 / (dIn + dOut);
}

/**
 * The initial parameters for a spec, drawn from one generator randomNormal(randomLcg(initSeed)).
 * Fixed order: layer by layer (input side first), then row by row (input unit i), then column by
 * column (output unit j): weights[i][j] is the (sum of sizes before) + i * dOut + j -th deviate.
 * Each deviate consumes two uniforms (Box-Muller, the second value is not cached).
 */
export function initialLayers(spec: Pick<NetworkSpec, "hidden" | "initSeed">): Layer[] {
  const normal = randomNormal(randomLcg(spec.initSeed));
  const sizes = specLayerSizes(spec);
  const layers: Layer[] = [];
  for (let k = 0; k + 1 < sizes.length; ++k) {
    const dIn = sizes[k];
    const dOut = sizes[k + 1];
    const stddev = initialStddev(dIn, dOut);
    const weights = Array.from({length: dIn}, () => Array.from({length: dOut}, () => stddev * normal()));
    layers.push({weights, biases: new Array<number>(dOut).fill(0)});
  }
  return layers;
}
