// Seeded pseudo-random sources. Randomness is always passed in as a value, never read from a
// global, so that every sampled dataset and every initialisation is reproducible from its seed.

/** A source of uniform numbers in [0, 1). */
export type RandomSource = () => number;

/**
 * A linear congruential generator with the constants of Numerical Recipes
 * (state' = 1664525 * state + 1013904223 mod 2^32), the same family as d3's randomLcg.
 * The seed is any finite number; its fractional part is used so that 0.5 and 1 differ.
 */
export function randomLcg(seed: number): RandomSource {
  if (!Number.isFinite(seed)) throw new RangeError(`randomLcg: seed must be a finite number, got ${seed}`);
  let state = ((seed >= 0 && seed < 1 ? seed * 2 ** 32 : Math.abs(seed)) >>> 0) ^ 0x5bd1e995;
  return () => {
    state = (Math.imul(1664525, state) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Standard normal deviates by the Box-Muller transform:
 * for u1, u2 uniform on (0, 1], sqrt(-2 ln u1) * cos(2 pi u2) ~ Normal(0, 1).
 */
export function randomNormal(source: RandomSource, mean = 0, stddev = 1): () => number {
  return () => {
    const u1 = 1 - source(); // in (0, 1], so the logarithm is finite
    const u2 = source();
    return mean + stddev * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  };
}
