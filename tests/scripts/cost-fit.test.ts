import {describe, expect, it} from "vitest";
import {fitCost} from "../../scripts/cost-fit.js";
import {predictedTrainingSeconds, trainingCostTerms as costTerms} from "../../src/lib/spec.js";

/** Relative tolerance of a fit to exact data: the solve loses a few digits to the terms' spread (1e8). */
const EXACT_FIT = 1e-9;

const specs = [
  {points: 2500, batchSize: 10, hidden: [4], epochs: 220},
  {points: 20000, batchSize: 400, hidden: [8], epochs: 450},
  {points: 2500, batchSize: 100, hidden: [32, 32, 32, 32], epochs: 100},
  {points: 2500, batchSize: 100, hidden: [4], epochs: 250}
];

describe("cost fit", () => {
  it("recovers the coefficients that generated exact times", () => {
    const truth = {perStep: 7e-5, perSampleEpoch: 5e-7, perParameterSampleEpoch: 2.7e-8};
    const fit = fitCost(specs.map((s) => ({terms: costTerms(s), seconds: predictedTrainingSeconds(s, truth)})));
    for (const key of Object.keys(truth) as (keyof typeof truth)[]) expect(Math.abs(fit[key] / truth[key] - 1)).toBeLessThan(EXACT_FIT);
  });

  it("minimises the relative errors: their gradient at the fit is zero, where the absolute errors' is not", () => {
    const truth = {perStep: 7e-5, perSampleEpoch: 5e-7, perParameterSampleEpoch: 2.7e-8};
    // Times off by −20 % to +30 %, so that no coefficients predict them all and the objectives differ.
    const noise = [1.3, 0.8, 1.1, 0.9];
    const measured = specs.map((s, i) => ({terms: costTerms(s), seconds: predictedTrainingSeconds(s, truth) * noise[i]}));
    const fit = fitCost(measured);
    // ∂/∂c_j Σ (pred_i / meas_i − 1)² ∝ Σ r_i · terms_ij / meas_i, with r_i = pred_i / meas_i − 1.
    const gradient = (weight: (m: (typeof measured)[number]) => number) =>
      [0, 1, 2].map((j) => {
        const parts = measured.map((m, i) => (predictedTrainingSeconds(specs[i], fit) / m.seconds - 1) * m.terms[j] * weight(m));
        return Math.abs(parts.reduce((a, b) => a + b, 0)) / Math.max(...parts.map(Math.abs));
      });
    for (const g of gradient((m) => 1 / m.seconds)) expect(g).toBeLessThan(EXACT_FIT * 1e3);
    // The absolute objective's gradient (Σ (pred − meas) · terms) is far from zero at this fit.
    expect(Math.max(...gradient((m) => m.seconds))).toBeGreaterThan(0.01);
  });

  it("refuses too few measurements, dependent ones, times that are not positive and fits with a cost at or below zero", () => {
    const row = {terms: costTerms(specs[0]), seconds: 1};
    expect(() => fitCost([row, row])).toThrow(/at least 3 measurements, got 2/);
    expect(() => fitCost([row, row, row])).toThrow(/do not tell the three costs apart/);
    expect(() => fitCost([row, {terms: costTerms(specs[1]), seconds: 0}, {terms: costTerms(specs[2]), seconds: 1}])).toThrow(/must be positive, got 0/);
    // Nearly dependent: the same spec twice more, one epoch apart.
    const near = [specs[0], {...specs[0], epochs: specs[0].epochs + 1}, {...specs[0], epochs: specs[0].epochs + 2}].map((s) => ({terms: costTerms(s), seconds: 1}));
    expect(() => fitCost(near)).toThrow(/do not tell the three costs apart/);
    // A spec with more of every term measured as faster: only a negative cost would fit it.
    const cheap = specs.slice(0, 3).map((s, i) => ({terms: costTerms(s), seconds: [1, 50, 0.01][i]}));
    expect(() => fitCost(cheap)).toThrow(/the fit gives .* = -?[\d.e-]+.*: the measurements do not tell the three costs apart/);
  });
});
