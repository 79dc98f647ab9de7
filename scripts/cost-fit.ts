// The fit behind the trainer's cost model (src/lib/spec.ts, TRAINING_COST): given measured training
// times of several specs, the three coefficients that predict them best. The model is
//   seconds ≈ perStep · steps + perSampleEpoch · sampleEpochs + perParameterSampleEpoch · parameterSampleEpochs
// (linear in its coefficients), fitted by least squares on relative errors: each measurement's
// equation (its terms: trainingCostTerms) is divided by its measured time, so a 2 s spec counts as much as a 60 s one and the fit
// minimises Σ (predicted / measured − 1)².
import type {TRAINING_COST} from "../src/lib/spec.js";

/** The cost model's coefficients (seconds per step, per sample-epoch, per parameter-sample-epoch). */
export type CostCoefficients = {[K in keyof typeof TRAINING_COST]: number};

/**
 * Least-squares coefficients on relative errors, from at least three measurements whose terms are
 * independent (else the normal equations are singular and this throws). Solves the 3 × 3 normal
 * equations AᵀA c = Aᵀb, with rows a_i = terms_i / seconds_i and b_i = 1, by Gaussian elimination
 * with partial pivoting (the columns are scaled to unit size first: their magnitudes differ by 1e8).
 */
export function fitCost(measured: readonly {terms: readonly number[]; seconds: number}[]): CostCoefficients {
  if (measured.length < 3) throw new Error(`fitCost: needs at least 3 measurements, got ${measured.length}`);
  for (const m of measured) if (!(m.seconds > 0)) throw new Error(`fitCost: a measured time must be positive, got ${m.seconds}`);
  const rows = measured.map((m) => m.terms.map((t) => t / m.seconds));
  const scale = [0, 1, 2].map((j) => Math.max(...rows.map((r) => Math.abs(r[j]))) || 1);
  const a = rows.map((r) => r.map((v, j) => v / scale[j]));
  // Augmented normal equations [AᵀA | Aᵀ1].
  const m = [0, 1, 2].map((i) => [...[0, 1, 2].map((j) => a.reduce((s, r) => s + r[i] * r[j], 0)), a.reduce((s, r) => s + r[i], 0)]);
  for (let col = 0; col < 3; ++col) {
    let pivot = col;
    for (let r = col + 1; r < 3; ++r) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    if (Math.abs(m[pivot][col]) < 1e-12) throw new Error("fitCost: the measurements do not tell the three costs apart (their terms are dependent)");
    [m[col], m[pivot]] = [m[pivot], m[col]];
    for (let r = 0; r < 3; ++r) {
      if (r === col) continue;
      const f = m[r][col] / m[col][col];
      for (let k = col; k < 4; ++k) m[r][k] -= f * m[col][k];
    }
  }
  const c = [0, 1, 2].map((i) => m[i][3] / m[i][i] / scale[i]);
  return {perStep: c[0], perSampleEpoch: c[1], perParameterSampleEpoch: c[2]};
}
