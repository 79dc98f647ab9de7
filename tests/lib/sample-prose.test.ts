// Each wording branch of the side-by-side samples' sentences, on small hand-made networks whose
// activations are known exactly.
import {describe, expect, it} from "vitest";
import type {Network} from "../../src/lib/network.js";
import type {Point} from "../../src/lib/datasets.js";
import {
  BARELY_ON,
  CANCEL_SHARE,
  contributionShiftSentence,
  contributionsSentence,
  countingWeightsSentence,
  OFF_LEVEL,
  ON_LEVEL,
  reluLayerPhrase,
  sampleName,
  sampleSentence,
  SLIGHT_CHANGE,
  smoothLayerPhrase,
  STEADY_CHANGE,
  type TargetedSample
} from "../../src/lib/sample-prose.js";

const A: Point = [1, 0];
const B: Point = [0, 1];

/**
 * A ReLU network with one hidden layer whose activations are `atA` at input (1, 0) and `atB` at
 * (0, 1) (all >= 0, zero biases), every output weight 1 and output bias 0: the contributions a·w are
 * the activations themselves.
 */
function shiftNet(atA: number[], atB: number[]): Network {
  return {
    activation: "relu",
    layers: [
      {weights: [atA, atB], biases: atA.map(() => 0)},
      {weights: atA.map(() => [1]), biases: [0]}
    ]
  };
}

const from: TargetedSample = {index: 1, label: "north-east", input: A, target: 0.25};
const to: TargetedSample = {index: 2, label: "south-west", input: B, target: 0.26};
const shift = (atA: number[], atB: number[]) => contributionShiftSentence(shiftNet(atA, atB), from, to);

describe("the thresholds", () => {
  it("are ordered as the wording assumes", () => {
    expect(0 < BARELY_ON && BARELY_ON < OFF_LEVEL && OFF_LEVEL < ON_LEVEL && ON_LEVEL < 1).toBe(true);
    expect(0 < STEADY_CHANGE && STEADY_CHANGE < SLIGHT_CHANGE).toBe(true);
    expect(CANCEL_SHARE).toBeGreaterThan(0);
    expect(CANCEL_SHARE).toBeLessThan(0.5);
  });
});

describe("sampleName", () => {
  it("names a sample with or without its preset label", () => {
    expect(sampleName({index: 1852, label: "north-east"})).toBe("Sample 1852 (north-east)");
    expect(sampleName({index: 17})).toBe("Sample 17");
    expect(sampleName({index: 17, label: "north"}, true)).toBe("sample 17 (north)");
  });
});

describe("reluLayerPhrase", () => {
  it("says when no unit, every unit, one unit or some units are on", () => {
    expect(reluLayerPhrase([0, 0, 0])).toBe("no unit is on");
    expect(reluLayerPhrase([0.3, 1.2, 0.5])).toBe("all 3 units are on");
    expect(reluLayerPhrase([0, 0.9, 0])).toBe("only unit 2 is on");
    expect(reluLayerPhrase([0.4, 0, 0.9, 1.1])).toBe("units 1, 3 and 4 are on");
  });
  it("says 'unit 1 is on', not 'all 1 units', for a layer of one", () => {
    expect(reluLayerPhrase([0.3])).toBe("unit 1 is on");
  });
  it("names the units that are only just on", () => {
    expect(reluLayerPhrase([0.4, 0, 0.9, 0.04])).toBe("units 1, 3 and 4 are on, unit 4 only just (a = 0.04)");
    expect(reluLayerPhrase([0.01, 0.02])).toBe("all 2 units are on, units 1 and 2 only just (a = 0.01 and 0.02)");
    // At BARELY_ON a unit is simply on.
    expect(reluLayerPhrase([BARELY_ON, 0])).toBe("only unit 1 is on");
  });
});

describe("countingWeightsSentence", () => {
  const weights = [0.54, -0.57, -0.76, 0.92];
  it("with no active unit, the output is the bias alone", () => {
    expect(countingWeightsSentence(weights, [0, 0, 0, 0], -0.963)).toBe("No output weight counts: the output is the output bias alone, −0.96.");
  });
  it("with every unit active, every weight counts", () => {
    expect(countingWeightsSentence(weights, [1, 1, 1, 1], 0)).toBe("Every output weight counts: 0.54, −0.57, −0.76 and 0.92.");
  });
  it("names the one weight that counts", () => {
    expect(countingWeightsSentence(weights, [0, 0, 0, 0.3], 0)).toBe("Only unit 4's output weight counts (0.92); the others are multiplied by zero.");
  });
  it("names the weights that count, with their values", () => {
    expect(countingWeightsSentence(weights, [0.1, 0, 0.2, 0.3], 0)).toBe(
      "Only the output weights of units 1, 3 and 4 count (0.54, −0.76 and 0.92); the others are multiplied by zero."
    );
  });
});

describe("smoothLayerPhrase", () => {
  it("groups the units into on, partly on and nearly off, with their activations", () => {
    expect(smoothLayerPhrase([0.06, 0.01, 0.54, 0.12])).toBe("units 3 and 4 are partly on (a = 0.54 and 0.12) and units 1 and 2 are nearly off (a = 0.06 and 0.01)");
    expect(smoothLayerPhrase([0.9, 0.3, 0.02])).toBe("unit 1 is on (a = 0.90), unit 2 is partly on (a = 0.30) and unit 3 is nearly off (a = 0.02)");
  });
  it("says 'all' when every unit is in one group", () => {
    expect(smoothLayerPhrase([0.7, 0.8])).toBe("all 2 units are on (a = 0.70 and 0.80)");
    expect(smoothLayerPhrase([0.01, 0.02, 0.03])).toBe("all 3 units are nearly off (a = 0.01, 0.02 and 0.03)");
    expect(smoothLayerPhrase([0.5])).toBe("unit 1 is partly on (a = 0.50)");
  });
  it("places the thresholds: ON_LEVEL is on, OFF_LEVEL is partly on", () => {
    expect(smoothLayerPhrase([ON_LEVEL, OFF_LEVEL])).toBe("unit 1 is on (a = 0.60) and unit 2 is partly on (a = 0.10)");
  });
});

describe("contributionsSentence", () => {
  it("lists every contribution and names the largest in size", () => {
    expect(contributionsSentence([-0.08, 0.01, 0.61, -0.11])).toBe(
      "Every output weight counts, times its unit's activation: the contributions a·w of units 1 to 4 are −0.08, 0.01, 0.61 and −0.11; unit 3's is the largest in size."
    );
    expect(contributionsSentence([-0.9, 0.2])).toMatch(/unit 1's is the largest in size\.$/);
  });
});

describe("sampleSentence", () => {
  it("for a ReLU network: the units on per hidden layer, the weights that count, the output", () => {
    const net: Network = {
      activation: "relu",
      layers: [
        {weights: [[0.5, -1, 0.02], [0, 0, 0]], biases: [0, 0, 0]},
        {weights: [[1, 0], [0, 0], [0, 0]], biases: [0, -1]},
        {weights: [[2], [3]], biases: [0.1]}
      ]
    };
    expect(sampleSentence(net, {index: 5, label: "east", input: [1, 0], target: 0})).toBe(
      "Sample 5 (east), at (1.00, 0.00): in hidden layer 1, units 1 and 3 are on, unit 3 only just (a = 0.02); in hidden layer 2, only unit 1 is on. " +
        "Only unit 1's output weight counts (2.00); the others are multiplied by zero. The output is 1.100, against a target of 0.000."
    );
  });
  it("for a ReLU network of one hidden layer: no layer numbers", () => {
    const net: Network = {
      activation: "relu",
      layers: [
        {weights: [[1, -1], [0, 0]], biases: [0, 0]},
        {weights: [[0.5], [0.7]], biases: [-0.2]}
      ]
    };
    expect(sampleSentence(net, {index: 9, input: [-1, 0], target: 0.1})).toBe(
      "Sample 9, at (−1.00, 0.00): only unit 2 is on. Only unit 2's output weight counts (0.70); the others are multiplied by zero. The output is 0.500, against a target of 0.100."
    );
  });
  it("for a sigmoid network: how far on each unit is, every contribution a·w, the output", () => {
    // Zero weights: a = σ(b) = σ(2) ≈ 0.881, σ(0) = 0.5, σ(−3) ≈ 0.047, whatever the input.
    const net: Network = {
      activation: "sigmoid",
      layers: [
        {weights: [[0, 0, 0], [0, 0, 0]], biases: [2, 0, -3]},
        {weights: [[1], [-2], [4]], biases: [0.5]}
      ]
    };
    const s = 1 / (1 + Math.exp(-2));
    const t = 1 / (1 + Math.exp(3));
    const y = 0.5 + s - 1 + 4 * t;
    expect(sampleSentence(net, {index: 3, label: "north", input: [0.5, 2], target: 0.25})).toBe(
      "Sample 3 (north), at (0.50, 2.00): unit 1 is on (a = 0.88), unit 2 is partly on (a = 0.50) and unit 3 is nearly off (a = 0.05). " +
        "Every output weight counts, times its unit's activation: the contributions a·w of units 1 to 3 are 0.88, −1.00 and 0.19; unit 2's is the largest in size. " +
        `The output is ${y.toFixed(3)}, against a target of 0.250.`
    );
  });
});

describe("contributionShiftSentence", () => {
  it("one rises while another falls, one moves slightly, one barely changes, and they nearly cancel", () => {
    expect(shift([0.1, 0.01, 0.6, 0.2], [0.11, 0.6, 0.05, 0.25])).toBe(
      "From sample 1 (north-east) to sample 2 (south-west), unit 2's contribution rises from 0.01 to 0.60 while unit 3's falls from 0.60 to 0.05; " +
        "unit 4's rises slightly from 0.20 to 0.25 and unit 1's barely changes. " +
        "These moves nearly cancel: the output only goes from 0.910 to 1.010, against targets of 0.250 and 0.260."
    );
  });
  it("several rise while one falls, and the output moves", () => {
    expect(shift([0.1, 0.1, 0.5], [0.5, 0.6, 0.1])).toBe(
      "From sample 1 (north-east) to sample 2 (south-west), unit 1's contribution rises from 0.10 to 0.50 and unit 2's from 0.10 to 0.60 while unit 3's falls from 0.50 to 0.10. " +
        "The output goes from 0.700 to 1.200, against targets of 0.250 and 0.260."
    );
  });
  it("only falls, with several units that barely change", () => {
    expect(shift([0.5, 0.6, 0.1, 0.2], [0.1, 0.2, 0.1, 0.21])).toBe(
      "From sample 1 (north-east) to sample 2 (south-west), unit 1's contribution falls from 0.50 to 0.10 and unit 2's from 0.60 to 0.20; " +
        "the contributions of units 3 and 4 barely change. The output goes from 1.400 to 0.610, against targets of 0.250 and 0.260."
    );
  });
  it("only a slight move opens the sentence", () => {
    expect(shift([0.1, 0.2], [0.15, 0.2])).toBe(
      "From sample 1 (north-east) to sample 2 (south-west), unit 1's contribution rises slightly from 0.10 to 0.15 and unit 2's barely changes. " +
        "The output goes from 0.300 to 0.350, against targets of 0.250 and 0.260."
    );
  });
  it("nothing moves", () => {
    expect(shift([0.1, 0.2], [0.11, 0.21])).toBe(
      "From sample 1 (north-east) to sample 2 (south-west), every unit's contribution stays within 0.03 of where it was. " +
        "The output goes from 0.300 to 0.320, against targets of 0.250 and 0.260."
    );
  });
  it("a lone steady unit opens the sentence when nothing else moves it", () => {
    // One unit, steady: the 'every unit' branch, not a dangling "unit 1's barely changes".
    expect(shift([0.4], [0.41])).toMatch(/, every unit's contribution stays within 0\.03 of where it was\./);
  });
  it("names the contributions a·w, not the activations: a negative output weight turns a rise into a fall", () => {
    const net = shiftNet([0.1, 0.2], [0.6, 0.2]);
    net.layers[1].weights[0][0] = -1;
    expect(contributionShiftSentence(net, from, to)).toMatch(/unit 1's contribution falls from −0\.10 to −0\.60; unit 2's barely changes\./);
  });
});
