import {describe, expect, it} from "vitest";
import {smoothActivationNote, patternBits, patternPhrase, tangentComparison, windowLabel, zoneCountSentence, zoneCountSummary, zoneDescription, zoneFormulaSentence} from "../../src/lib/zone-prose.js";
import {DATA_WINDOW} from "../../src/lib/partition.js";
import {linearFormula} from "../../src/lib/format.js";

describe("zone prose", () => {
  it("writes the point's zone formula, and says when the point is off the map", () => {
    const f = {a: 0.25, b: -0.5, c: 0.125};
    expect(zoneFormulaSentence([1, -1], f, DATA_WINDOW)).toBe(`In the zone of (1.000, −1.000): y = ${linearFormula(0.25, -0.5, 0.125)}`);
    // The window's edge is on the map; past it is not.
    expect(zoneFormulaSentence([2, -2], f, DATA_WINDOW)).toMatch(/^In the zone of/);
    expect(zoneFormulaSentence([2.5, 0], f, DATA_WINDOW)).toBe(`(2.500, 0.000) lies off the map, outside [−2, 2]²; in its zone, y = ${linearFormula(0.25, -0.5, 0.125)}`);
  });

  it("states the exact count of the square", () => {
    expect(zoneCountSentence(37, DATA_WINDOW)).toBe(
      "Cut along every unit's boundary, the square [−2, 2]² falls into exactly 37 zones; on each the network is one linear function of (x₁, x₂)."
    );
    expect(zoneCountSentence(1, DATA_WINDOW)).toContain("exactly 1 zone;");
    expect(zoneCountSentence(1234, DATA_WINDOW)).toContain("exactly 1,234 zones");
  });

  it("labels windows", () => {
    expect(windowLabel(DATA_WINDOW)).toBe("[−2, 2]²");
    expect(windowLabel({x: [-1, 1.5], y: [0, 1]})).toBe("[−1, 1.50] × [0, 1]");
  });

  it("writes a pattern layer by layer", () => {
    const pattern = [[true, false, true], [false, false]];
    expect(patternPhrase(pattern)).toBe("layer 1: units 1 and 3 on; layer 2: no unit on");
    expect(patternBits(pattern)).toBe("101 | 00");
  });

  it("describes the zone under the cursor", () => {
    expect(zoneDescription([0.5, -1], 2, 9, [[true, true]], {a: 1, b: -0.5, c: 0})).toBe(
      "Point (0.50, −1.00) lies in zone 3 of 9: layer 1: units 1 and 2 on; there y = 1.0000·x₁ − 0.5000·x₂ + 0.0000."
    );
  });

  it("compares the network with the truth's tangent plane", () => {
    const s = tangentComparison([1, 1], {a: 0.3, b: 0.2, c: -0.2}, {a: 0.25, b: 0.25, c: -0.25});
    expect(s).toContain("The truth's tangent plane at (1.000, 1.000) is y = 0.2500·x₁ + 0.2500·x₂ − 0.2500");
    expect(s).toContain("differs from the network's by 0.0707");
  });

  it("summarises the count over training", () => {
    expect(zoneCountSummary({epoch: 0, count: 10}, {epoch: 100, count: 30}, {epoch: 95, count: 31})).toBe(
      "Exact zone count in the data square at each checkpoint: 10 zones at epoch 0, 30 zones at epoch 100, most (31) at epoch 95."
    );
  });

  it("says why a smooth activation has no zones", () => {
    expect(smoothActivationNote("sigmoid")).toBe(
      "Zones where the network is exactly linear exist only for piecewise-linear activations such as the ReLU. " +
        "This network uses sigmoid, a = σ(z) = 1 / (1 + e^−z), which curves everywhere, so its output is nowhere exactly linear."
    );
  });
});
