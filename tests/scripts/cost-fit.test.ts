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

  it("weighs relative errors: a time 10 % high on one spec moves the fit less than 10 % on the others", () => {
    const truth = {perStep: 7e-5, perSampleEpoch: 5e-7, perParameterSampleEpoch: 2.7e-8};
    const measured = specs.map((s, i) => ({terms: costTerms(s), seconds: predictedTrainingSeconds(s, truth) * (i === 0 ? 1.1 : 1)}));
    const fit = fitCost(measured);
    measured.forEach((m, i) => expect(Math.abs(predictedTrainingSeconds(specs[i], fit) / m.seconds - 1)).toBeLessThan(0.1));
  });

  it("refuses too few measurements, dependent ones and times that are not positive", () => {
    const row = {terms: costTerms(specs[0]), seconds: 1};
    expect(() => fitCost([row, row])).toThrow(/at least 3 measurements, got 2/);
    expect(() => fitCost([row, row, row])).toThrow(/do not tell the three costs apart/);
    expect(() => fitCost([row, {terms: costTerms(specs[1]), seconds: 0}, {terms: costTerms(specs[2]), seconds: 1}])).toThrow(/must be positive, got 0/);
  });
});
