// Adam on a flat float32 parameter vector, bit for bit the arithmetic of tfjs's AdamOptimizer on
// its cpu backend, without the per-op overhead of tensors (see trainer.ts for why that matters).
//
// For step t = 1, 2, ... with gradient g (all element-wise):
//   m <- beta1 m + (1 - beta1) g
//   v <- beta2 v + (1 - beta2) g^2
//   p <- (-lr) ((m / (1 - beta1^t)) / (sqrt(v / (1 - beta2^t)) + eps)) + p
// with beta1^t and beta2^t kept as float32 running products (tfjs's accBeta1, accBeta2).
//
// Why this is exact: a tfjs cpu kernel reads float32 inputs, computes each element in float64 and
// stores it into a Float32Array, i.e. it returns fround(a op b). Doing the same operations, in
// the same order, with Math.fround after each one yields the same bits (tests/data/adam.test.ts
// checks this against tf.train.adam).

/** tfjs / Keras defaults. */
export const ADAM_BETA1 = 0.9;
export const ADAM_BETA2 = 0.999;
/** tfjs's backend epsilon for float32 backends, used by its Adam when none is given. */
export const ADAM_EPSILON = 1e-7;

const f32 = Math.fround;

export interface Adam {
  /** Applies one update to `params` in place, given the gradient of the loss. */
  step(params: Float32Array, gradient: ArrayLike<number>): void;
  /** Number of updates applied so far. */
  readonly iterations: number;
}

export function createAdam(size: number, learningRate: number, beta1 = ADAM_BETA1, beta2 = ADAM_BETA2, epsilon = ADAM_EPSILON): Adam {
  const m = new Float32Array(size);
  const v = new Float32Array(size);
  // Scalars as tfjs makes them: float32 tensors of the JavaScript values (1 - beta computed in float64).
  const b1 = f32(beta1);
  const b2 = f32(beta2);
  const oneMinusB1 = f32(1 - beta1);
  const oneMinusB2 = f32(1 - beta2);
  const eps = f32(epsilon);
  const negLr = f32(-learningRate);
  let accBeta1 = f32(beta1);
  let accBeta2 = f32(beta2);
  let iterations = 0;
  return {
    get iterations() {
      return iterations;
    },
    step(params, gradient) {
      if (params.length !== size || gradient.length !== size) throw new RangeError(`adam: expected ${size} values`);
      const c1 = f32(1 - accBeta1);
      const c2 = f32(1 - accBeta2);
      for (let i = 0; i < size; ++i) {
        const g = gradient[i];
        const mi = f32(f32(m[i] * b1) + f32(g * oneMinusB1));
        const vi = f32(f32(v[i] * b2) + f32(f32(g * g) * oneMinusB2));
        m[i] = mi;
        v[i] = vi;
        const mHat = f32(mi / c1);
        const vHat = f32(vi / c2);
        const ratio = f32(mHat / f32(f32(Math.sqrt(vHat)) + eps));
        params[i] = f32(f32(ratio * negLr) + params[i]);
      }
      accBeta1 = f32(accBeta1 * b1);
      accBeta2 = f32(accBeta2 * b2);
      ++iterations;
    }
  };
}
