// Each sentence-deciding function says what is true of the run it is given.
import {describe, expect, it} from "vitest";
import {
  biasValuesSentence,
  centreZoneSentence,
  outputSignsSentence,
  comparedMse,
  flatnessSentence,
  outputWeightsSentence,
  pairsPhrase,
  parameterComparison,
  plural,
  saturationVerdict,
  shapePhrase,
  signWord,
  silencedSentence,
  symmetrySentence,
  targetArithmetic,
  targetsPhrase
} from "../../src/lib/prose.js";

const pair = (cosine: number, lengths: [number, number] = [1, 1.1]) => ({units: [1, 3] as [number, number], cosine, biases: [-0.5, 0.25] as [number, number], lengths});

describe("prose", () => {
  it("counts and shapes", () => {
    expect(plural(1, "epoch")).toBe("1 epoch");
    expect(plural(2500, "sample")).toBe("2,500 samples");
    expect(shapePhrase({hidden: [4], activation: "relu"})).toBe("one hidden layer of 4 ReLU units");
    expect(shapePhrase({hidden: [5, 5], activation: "relu"})).toBe("2 hidden layers of 5 and 5 ReLU units");
    expect(shapePhrase({hidden: [3, 3, 2], activation: "tanh"})).toBe("3 hidden layers of 3, 3 and 2 tanh units");
  });

  it("names one target when the networks share it, and each network's otherwise", () => {
    const a = {title: "Small ReLU network", dataset: "prod" as const, points: 2500};
    expect(targetsPhrase([a, {...a, title: "B"}])).toBe("the target y = x₁·x₂ / 4, on 2,500 training samples");
    expect(targetsPhrase([a, {title: "Tanh network", dataset: "sumSquares" as const, points: 100}])).toBe(
      "the target y = x₁·x₂ / 4, on 2,500 training samples (Small ReLU network); the target y = (x₁² + x₂²) / 4, on 100 training samples (Tanh network)"
    );
  });

  it("writes a target out with a point's numbers", () => {
    expect(targetArithmetic("prod", [0.37, -0.21])).toBe("0.370 × −0.210 / 4");
    expect(targetArithmetic("sumSquares", [1, -2])).toBe("((1.000)² + (−2.000)²) / 4");
    expect(targetArithmetic("polynom", [1, 2])).toBe("((1.000)² − 3 × 1.000 × 2.000 − (2.000)²) / 4");
  });

  it("says what the ReLU silences", () => {
    expect(silencedSentence([], 4)).toMatch(/silences all the units/);
    expect(silencedSentence([1, 2, 3, 4], 4)).toMatch(/^No unit is silenced/);
    expect(silencedSentence([1, 3], 4)).toMatch(/^The others have a negative linear output/);
  });

  it("states the symmetry only when every pair is nearly opposite", () => {
    expect(symmetrySentence([pair(-0.99), pair(-0.95)])).toMatch(/^both pairs are close to it, and the two units of each pair are about the same size .*shows the article's symmetry$/);
    expect(symmetrySentence([pair(-0.99)])).toMatch(/^the pair is close/);
    expect(symmetrySentence([pair(-0.99), pair(-0.95), pair(-0.91)])).toMatch(/^all 3 pairs are close/);
    expect(symmetrySentence([pair(-0.99), pair(-0.5)])).toMatch(/^this run is not as symmetric as the article's/);
    expect(symmetrySentence([pair(-0.99, [0.5, 1]), pair(-0.95)])).toBe("both pairs are close to it in direction, but not in size: unit 3's weights are 2.0 times as long as unit 1's");
    expect(pairsPhrase([pair(-0.99)])).toBe("units 1 and 3 (cosine −0.990, biases −0.500 and 0.250)");
  });

  it("groups the biases into repeated values only when each sign's values agree", () => {
    expect(biasValuesSentence([0.389, -0.708, 0.35, -0.757])).toBe(
      "The biases take two values, each repeated, as in the article: about 0.37 (units 1 and 3: 0.389, 0.350) and about −0.73 (units 2 and 4: −0.708, −0.757)."
    );
    expect(biasValuesSentence([0.389, -0.2, 0.1, -0.757])).toMatch(/^The biases do not settle on two repeated values here: units 1 and 3: 0\.389, 0\.100; units 2 and 4/);
    expect(biasValuesSentence([-0.4, -0.7, -0.35, -0.75])).toMatch(/^The biases do not settle/);
  });

  it("ties the output weights' signs to the biases' signs, or says they are not tied", () => {
    expect(outputSignsSentence([0.389, -0.708, 0.35, -0.757], [0.83, -0.47, 0.95, -0.48])).toBe(
      "The output weights follow the signs of the biases, as the article finds: the units with a positive bias (units 1 and 3) have output weights 0.83, 0.95; those with a negative bias (units 2 and 4) have −0.47, −0.48."
    );
    expect(outputSignsSentence([0.389, -0.708], [-0.83, -0.47])).toMatch(/^The output weights do not follow the signs/);
  });

  it("describes the centre zone and its flatness", () => {
    expect(centreZoneSentence(true, 4, 3)).toMatch(/closed: a polygon with 4 sides/);
    expect(centreZoneSentence(false, 5, 3)).toMatch(/not closed inside \[−3, 3\]²/);
    expect(flatnessSentence(0.05, -0.09)).toMatch(/^Both slopes are small/);
    expect(flatnessSentence(0.05, -0.2)).toMatch(/^The slopes are not small/);
    expect([signWord(2), signWord(-1), signWord(0)]).toEqual(["positive", "negative", "zero"]);
  });

  it("lists output weights by sign", () => {
    expect(outputWeightsSentence([0.41, -0.5, 1.2])).toBe("2 are positive, from 0.41 to 1.20, and 1 is negative (−0.50)");
    expect(outputWeightsSentence([-0.5])).toBe("0 are positive, and 1 is negative (−0.50)");
  });

  it("compares losses and parameter sizes", () => {
    const big = {meanAbsWeight: 4, meanAbsBias: 2, maxAbsWeight: 8, maxAbsBias: 3};
    const small = {meanAbsWeight: 1, meanAbsBias: 0.5, maxAbsWeight: 2, maxAbsBias: 1};
    const relu = (parameters: typeof big) => ({title: "Small ReLU network", finalMse: 0.001, parameters});
    expect(comparedMse(0.003, relu(small))).toBe(", higher than the small ReLU network's 0.001000");
    expect(comparedMse(0.0005, relu(small))).toBe(", lower than the small ReLU network's 0.001000");
    expect(comparedMse(0.0005, undefined)).toBe("");
    expect(parameterComparison(big, relu(small))).toMatch(/small ReLU network of the same shape.*4\.00 to 1\.00 \(4\.0×\).*both larger/);
    expect(parameterComparison(small, relu(big))).toMatch(/does not show both larger/);
    expect(parameterComparison(small, undefined)).toBe("");
  });

  it("calls a unit dead only when it is flat on (nearly) every sample", () => {
    expect(saturationVerdict([0.2, 0.5])).toMatch(/^No unit is flat/);
    expect(saturationVerdict([0.2, 0.995])).toBe("unit 2 is flat on every sample: in effect it has died.");
    expect(saturationVerdict([1, 0.995])).toBe("units 1 and 2 are flat on every sample: in effect they have died.");
  });
});
