import {describe, expect, it} from "vitest";
import {randomLcg, randomNormal} from "../../src/lib/random.js";
import {predict, type Layer, type Network} from "../../src/lib/network.js";
import {
  activationMask,
  clipLine,
  firstLayerLines,
  isClosedZone,
  localLinear,
  masksEqual,
  zoneInterval,
  zonePolygon,
  zoneSteps
} from "../../src/lib/regions.js";
import type {Point} from "../../src/lib/datasets.js";

/** The article prints its steps to 8 digits: agree to 7 decimals. */
const PRINTED_DIGITS = 7;
/** Our output bias is solved from the article's rounded figures, so c agrees only to 4 decimals. */
const SOLVED_BIAS_DIGITS = 4;
/** Float64 results of the same formula agree to 12 decimals. */
const FLOAT_DIGITS = 12;

/** Agreement of float64 computations that take different routes to the same number. */
const EXACT = 1e-12;
/** Central finite differences with step FD_STEP are accurate to about FD_STEP^2 for smooth functions. */
const FD_STEP = 1e-5;
const FD_TOLERANCE = 1e-7;

/** The article's small ReLU network (first layer as printed; output layer solved from its zones). */
const articleNet: Network = {
  activation: "relu",
  layers: [
    {
      weights: [
        [0.2759463, 0.49641293, -0.22344889, -0.45353654],
        [0.44429868, -0.8133788, -0.40170252, 0.79962885]
      ],
      biases: [0.38886008, -0.70824724, 0.34960958, -0.75686085]
    },
    {weights: [[0.82583565], [-0.45], [0.94744754], [-0.4774]], biases: [-0.6557]}
  ]
};

function randomNet(sizes: number[], activation: Network["activation"], seed: number): Network {
  const normal = randomNormal(randomLcg(seed));
  const layers: Layer[] = sizes.slice(1).map((dOut, k) => ({
    weights: Array.from({length: sizes[k]}, () => Array.from({length: dOut}, normal)),
    biases: Array.from({length: dOut}, normal)
  }));
  return {layers, activation};
}

const probes: Point[] = [
  [0.1, 0.2],
  [1, 1],
  [-1, 1],
  [0, 2],
  [-1.3, -0.7],
  [1.7, -1.9]
];

describe("localLinear", () => {
  for (const [name, net] of [
    ["article [4] relu", articleNet],
    ["random [5, 5] relu", randomNet([2, 5, 5, 1], "relu", 3)],
    ["random [4] sigmoid", randomNet([2, 4, 1], "sigmoid", 4)],
    ["random [3, 3] tanh", randomNet([2, 3, 3, 1], "tanh", 5)]
  ] as const) {
    it(`equals the network's output at the point (${name})`, () => {
      for (const p of probes) {
        const {a, b, c} = localLinear(net, p);
        expect(a * p[0] + b * p[1] + c).toBeCloseTo(predict(net, p), 11);
      }
    });
    it(`has the network's gradient as coefficients (${name})`, () => {
      for (const p of probes) {
        const {a, b} = localLinear(net, p);
        const d1 = (predict(net, [p[0] + FD_STEP, p[1]]) - predict(net, [p[0] - FD_STEP, p[1]])) / (2 * FD_STEP);
        const d2 = (predict(net, [p[0], p[1] + FD_STEP]) - predict(net, [p[0], p[1] - FD_STEP])) / (2 * FD_STEP);
        expect(Math.abs(a - d1)).toBeLessThan(FD_TOLERANCE);
        expect(Math.abs(b - d2)).toBeLessThan(FD_TOLERANCE);
      }
    });
  }

  it("is exact across a ReLU zone, not only at the point", () => {
    const p: Point = [1, 1];
    const {a, b, c} = localLinear(articleNet, p);
    const [t0, t1] = zoneInterval(articleNet, p, [1, 0.5]);
    for (const t of [t0 * 0.99, t0 / 2, t1 / 2, t1 * 0.99]) {
      const q: Point = [p[0] + t, p[1] + 0.5 * t];
      expect(Math.abs(a * q[0] + b * q[1] + c - predict(articleNet, q))).toBeLessThan(EXACT);
    }
  });
});

describe("zoneSteps", () => {
  it("reproduces the article's printed steps for its centre mask [1, 0, 1, 0]", () => {
    const s = zoneSteps(articleNet, [true, false, true, false]);
    // Values the article prints (to its 8 digits); our output bias is solved from them, so c agrees to 1e-4.
    expect(s.maskedOutputWeights).toEqual([0.82583565, 0, 0.94744754, 0]);
    expect(s.product[0][0]).toBeCloseTo(0.22788628, PRINTED_DIGITS);
    expect(s.product[2][2]).toBeCloseTo(0.33123674, PRINTED_DIGITS);
    expect(s.coefficients[0]).toBeCloseTo(0.01618018, PRINTED_DIGITS);
    expect(s.coefficients[1]).toBeCloseTo(-0.01367438, PRINTED_DIGITS);
    expect(s.coefficients[2]).toBeCloseTo(-0.00330321, SOLVED_BIAS_DIGITS);
  });

  it("gives the same function as localLinear wherever the mask is the point's own", () => {
    for (const p of probes) {
      const mask = activationMask(articleNet, p)[0];
      const [a, b, c] = zoneSteps(articleNet, mask).coefficients;
      const lin = localLinear(articleNet, p);
      expect(Math.abs(a - lin.a)).toBeLessThan(EXACT);
      expect(Math.abs(b - lin.b)).toBeLessThan(EXACT);
      expect(Math.abs(c - lin.c)).toBeLessThan(EXACT);
    }
  });

  it("refuses deeper networks and wrong-sized masks", () => {
    expect(() => zoneSteps(randomNet([2, 3, 3, 1], "relu", 1), [true, true, true])).toThrow(/one hidden layer/);
    expect(() => zoneSteps(articleNet, [true])).toThrow(/mask has 1 entries/);
  });
});

describe("zones in the plane", () => {
  it("finds the article's diamond: the centre zone is closed by four lines", () => {
    const poly = zonePolygon(articleNet, [0, 0], 3);
    expect(poly.length).toBe(4);
    expect(isClosedZone(poly, 3)).toBe(true);
    // Every vertex lies on one of the unit lines.
    for (const v of poly) {
      const onLine = firstLayerLines(articleNet).some((l) => Math.abs(l.w1 * v[0] + l.w2 * v[1] + l.b) < EXACT);
      expect(onLine).toBe(true);
    }
  });

  it("has the point's mask everywhere inside the polygon", () => {
    const poly = zonePolygon(articleNet, [1, 1], 3);
    const centroid: Point = [poly.reduce((s, v) => s + v[0], 0) / poly.length, poly.reduce((s, v) => s + v[1], 0) / poly.length];
    expect(masksEqual(activationMask(articleNet, centroid), activationMask(articleNet, [1, 1]))).toBe(true);
  });

  it("clips a unit's line to the square", () => {
    const [line] = firstLayerLines(articleNet);
    const pts = clipLine(line, 3);
    expect(pts).toHaveLength(2);
    for (const p of pts) {
      expect(Math.abs(line.w1 * p[0] + line.w2 * p[1] + line.b)).toBeLessThan(EXACT);
      expect(Math.max(Math.abs(p[0]), Math.abs(p[1]))).toBeCloseTo(3, FLOAT_DIGITS);
    }
    expect(clipLine({unit: 1, w1: 0, w2: 1, b: -10}, 3)).toHaveLength(0);
  });

  it("bounds the interval where the mask holds to the bisection tolerance", () => {
    const p: Point = [0, 0];
    const [t0, t1] = zoneInterval(articleNet, p, [1, 0], {tolerance: 1e-10});
    expect(t0).toBeLessThan(0);
    expect(t1).toBeGreaterThan(0);
    const m = activationMask(articleNet, p);
    expect(masksEqual(activationMask(articleNet, [t1 - 1e-9, 0]), m)).toBe(true);
    expect(masksEqual(activationMask(articleNet, [t1 + 1e-9, 0]), m)).toBe(false);
  });
});
