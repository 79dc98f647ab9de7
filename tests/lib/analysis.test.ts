import {describe, expect, it} from "vitest";
import {oppositePairs, columnCosine} from "../../src/lib/symmetry.js";
import {nearestSample} from "../../src/lib/sampling.js";
import {columnExtents, layerRanges, parameterStats} from "../../src/lib/extents.js";
import {fixed, linearFormula, pointLabel, sig} from "../../src/lib/format.js";
import {forward, type Network} from "../../src/lib/network.js";
import {gridEstimate, maxAbsError} from "../../src/lib/estimate.js";

/** Decimal digits to which float64 results of the same formula agree. */
const FLOAT_DIGITS = 12;

const EXACT = 1e-12;

describe("oppositePairs", () => {
  it("pairs units whose weight columns point opposite ways", () => {
    const layer = {
      weights: [
        [1, 0, -1, 0.1],
        [0, 1, 0.05, -1]
      ],
      biases: [1, 2, 3, 4]
    };
    const pairs = oppositePairs(layer);
    expect(pairs.map((p) => p.units)).toEqual([
      [1, 3],
      [2, 4]
    ]);
    expect(pairs[0].cosine).toBeCloseTo(columnCosine(layer, 0, 2), FLOAT_DIGITS);
    expect(pairs[0].cosine).toBeLessThan(-0.99);
    expect(pairs[1].biases).toEqual([2, 4]);
  });
});

describe("nearestSample", () => {
  it("returns the closest point, the first on ties", () => {
    const xs = [
      [0, 0],
      [1, 1],
      [1, 1],
      [-2, 2]
    ] as const;
    expect(nearestSample(xs, [0.9, 1.2])).toBe(1);
    expect(nearestSample(xs, [-5, 5])).toBe(3);
    expect(() => nearestSample([], [0, 0])).toThrow(/no samples/);
  });
});

describe("extents", () => {
  const net: Network = {activation: "relu", layers: [{weights: [[1, -1], [2, 0]], biases: [0, 0.5]}, {weights: [[1], [1]], biases: [-1]}]};
  const inputs = [
    [1, 0],
    [-1, 1],
    [0.5, -0.5]
  ];
  it("covers every z and a of every sample", () => {
    const ranges = layerRanges(net, inputs);
    const cols = columnExtents(net, inputs);
    for (const x of inputs) {
      const v = forward(net, x);
      v.z.forEach((zk, k) =>
        zk.forEach((z, j) => {
          expect(z).toBeGreaterThanOrEqual(ranges[k].z[0] - EXACT);
          expect(z).toBeLessThanOrEqual(ranges[k].z[1] + EXACT);
          expect(v.a[k][j]).toBeGreaterThanOrEqual(cols[k + 1][0] - EXACT);
        })
      );
    }
    expect(cols[0]).toEqual([-1, 1]);
    expect(ranges[0].a[0]).toBe(0);
  });
  it("summarises parameter magnitudes", () => {
    const s = parameterStats(net.layers);
    expect(s.maxAbsWeight).toBe(2);
    expect(s.meanAbsWeight).toBeCloseTo((1 + 1 + 2 + 0 + 1 + 1) / 6, FLOAT_DIGITS);
    expect(s.maxAbsBias).toBe(1);
  });
});

describe("gridEstimate", () => {
  it("holds the network, the truth and their difference on the 101 x 101 grid", () => {
    const net: Network = {activation: "linear", layers: [{weights: [[0.5], [0.25]], biases: [0.1]}]};
    const est = gridEstimate(net, "prod", [
      [-2, -2],
      [2, 2]
    ]);
    expect(est.estimate).toHaveLength(101 * 101);
    const i = 57 * 101 + 13;
    const [x1, x2] = est.grid.points[i];
    expect(est.estimate[i]).toBeCloseTo(0.5 * x1 + 0.25 * x2 + 0.1, FLOAT_DIGITS);
    expect(est.truth[i]).toBeCloseTo((x1 * x2) / 4, FLOAT_DIGITS);
    expect(est.error[i]).toBeCloseTo(est.estimate[i] - est.truth[i], FLOAT_DIGITS);
  });

  it("finds the largest error inside a square and over the whole grid", () => {
    const net: Network = {activation: "linear", layers: [{weights: [[0], [0]], biases: [0]}]};
    // The zero network's error is -x1·x2/4: largest at the corners, g²/4 within [-2, 2]^2 where g is
    // the outermost grid coordinate inside it (the grid, on [-3, 3], has no point at exactly 2).
    const est = gridEstimate(net, "prod", [
      [-2, -2],
      [2, 2]
    ]);
    const g = Math.max(...est.grid.x1.filter((v) => Math.abs(v) <= 2));
    expect(g).toBeGreaterThan(1.9);
    expect(maxAbsError(est, 2)).toBeCloseTo((g * g) / 4, FLOAT_DIGITS);
    expect(maxAbsError(est)).toBeCloseTo(9 / 4, FLOAT_DIGITS);
  });
});

describe("format", () => {
  it("uses a true minus and never prints -0", () => {
    expect(fixed(-0.0001, 3)).toBe("0.000");
    expect(fixed(-1.25, 2)).toBe("−1.25");
    expect(sig(0.001387043, 4)).toBe("0.001387");
    expect(sig(-0.00001234, 3)).toBe("−1.23e−5");
    expect(sig(0.00001234, 3)).toBe("1.23e−5");
  });
  it("writes a value that rounds to zero, or −0, without a minus", () => {
    expect(fixed(-0.00001, 4)).toBe("0.0000");
    expect(fixed(-0, 4)).toBe("0.0000");
    expect(fixed(-0.4, 0)).toBe("0");
    expect(fixed(-0.00006, 4)).toBe("−0.0001");
    expect(sig(-0)).toBe("0");
    expect(pointLabel([-0.001, -0], 2)).toBe("(0.00, 0.00)");
  });
  it("signs each formula term by its printed value: a term that rounds to zero is + 0", () => {
    // Epoch 0 of the large ReLU network: a bias of −0.00001 once read "− 0.0000".
    expect(linearFormula(0.0746, 0.0191, -0.00001, 4)).toBe("0.0746·x₁ + 0.0191·x₂ + 0.0000");
    expect(linearFormula(0.0746, 0.0191, -0, 4)).toBe("0.0746·x₁ + 0.0191·x₂ + 0.0000");
    expect(linearFormula(-0.00001, -0, -0.00004, 4)).toBe("0.0000·x₁ + 0.0000·x₂ + 0.0000");
    expect(linearFormula(-0.004, 0.25, -0.006, 2)).toBe("0.00·x₁ + 0.25·x₂ − 0.01");
    // Just past the rounding boundary the minus stays.
    expect(linearFormula(-0.00006, -0.00006, -0.00006, 4)).toBe("−0.0001·x₁ − 0.0001·x₂ − 0.0001");
  });
  it("writes a linear formula with signed terms", () => {
    expect(linearFormula(0.0162, -0.0137, -0.0033, 4)).toBe("0.0162·x₁ − 0.0137·x₂ − 0.0033");
    expect(linearFormula(-0.5, 0.25, 1, 2)).toBe("−0.50·x₁ + 0.25·x₂ + 1.00");
  });
});
