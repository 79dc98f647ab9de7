// The fit behind the trainer's cost model (src/lib/spec.ts, TRAINING_COST): given measured training
// times of several specs, the three coefficients that predict them best. The model is
//   seconds ≈ perStep · steps + perSampleEpoch · sampleEpochs + perParameterSampleEpoch · parameterSampleEpochs
// (linear in its coefficients), fitted by least squares on relative errors: each measurement's
// equation (its terms: trainingCostTerms) is divided by its measured time, so a 2 s spec counts as much as a 60 s one and the fit
// minimises Σ (predicted / measured − 1)².
import type {CostCoefficients} from "../src/lib/spec.js";

/** Smallest pivot, relative to the largest diagonal entry, of a system whose measurements tell the three costs apart. */
const PIVOT_RATIO = 1e-10;

/**
 * Least-squares coefficients on relative errors, from at least three measurements whose terms are
 * independent (else the normal equations are singular, or nearly, and this throws; it throws too
 * when a cost comes out at zero or below, which measurements of real runs cannot mean). Solves the 3 × 3 normal
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
  const largest = Math.max(...[0, 1, 2].map((i) => m[i][i]));
  for (let col = 0; col < 3; ++col) {
    let pivot = col;
    for (let r = col + 1; r < 3; ++r) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    if (!(Math.abs(m[pivot][col]) > PIVOT_RATIO * largest)) throw new Error("fitCost: the measurements do not tell the three costs apart (their terms are dependent)");
    [m[col], m[pivot]] = [m[pivot], m[col]];
    for (let r = 0; r < 3; ++r) {
      if (r === col) continue;
      const f = m[r][col] / m[col][col];
      for (let k = col; k < 4; ++k) m[r][k] -= f * m[col][k];
    }
  }
  const c = [0, 1, 2].map((i) => m[i][3] / m[i][i] / scale[i]);
  const fit = {perStep: c[0], perSampleEpoch: c[1], perParameterSampleEpoch: c[2]};
  const negative = Object.entries(fit).filter(([, v]) => !(v > 0));
  if (negative.length > 0) throw new Error(`fitCost: the fit gives ${negative.map(([k, v]) => `${k} = ${v}`).join(", ")}: the measurements do not tell the three costs apart`);
  return fit;
}
