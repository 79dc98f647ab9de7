// The article's own small ReLU network (2-4-1, section 3 of the post), rebuilt from the numbers the
// post prints, with a record of where every parameter comes from, the arrays the post prints for
// each of its four zones, and the places where its prose and its printed numbers disagree.
// Pure: no DOM, no tfjs.
//
// Line numbers ("L91") refer to /work/shared/article-seed.txt, the text the site recreates.
//
// The network:  z = x W0 + b0 (W0 is 2 x 4),  a = relu(z),  y = a · w1 + b1 (w1 has one weight per
// hidden unit; in network.ts's layout it is the [4][1] weights of the output layer).
//
// The post's zone computation for a mask m (one 0/1 per hidden unit), as in regions.ts zoneSteps:
//   step 1  P = [W0; b0]                      (3 x 4)
//   step 2  v = w1 ⊙ m                        (1 x 4)
//   step 3  Q = P ⊙ v                         (3 x 4, column j of P scaled by v_j)
//   step 4  s = Σ_j Q[:, j] + (0, 0, b1)      = (a, b, c) of y = a·x1 + b·x2 + c in the zone.
//
// What the post prints, and so what can be recovered:
//   - W0 (L91-92, again as rows 1-2 of step 1, L134-135) and b0 (row 3 of step 1, L136). numpy prints
//     a float32 with the fewest decimals (at most 8) that identify it among float32 values: most
//     entries show 8 decimals (within 5e-9 of the weight); "0.2759463" and "-0.8133788" show 7 because
//     7 already identify the float32, whose values are 0.27594628930… and -0.81337881088… (1.1e-8 away).
//     Because float32 values in [0.125, 1) are at least 1.5e-8 apart, each print pins its float32
//     exactly: Math.fround(printed) is the post's weight, bit for bit (ARTICLE_NETWORK_FLOAT32).
//   - Step 2 of the centre zone (L147) shows w1 of units 1 and 3 exactly as printed: 0.82583565 and
//     0.94744754. Units 2 and 4 print as "-0.": numpy's w·0 keeps the sign of w, so both are negative.
//   - b1: step 4's last entry minus step 3's bias row sum, in any zone (derived below).
//   - w1 of unit 4: the north (L241) and north-west (L214) zones both switch unit 4 on; each of their
//     step-4 entries is linear in it (derived below).
//   - w1 of unit 2: no zone the post studies switches unit 2 on, so no printed array depends on it.
//     Its only trace is the hand-written output arithmetic of L77, rounded to 2 decimals: -0.47.
import type {Network} from "./network.js";
import type {Point} from "./datasets.js";
import {forward} from "./network.js";
import {activationMask, zoneSteps, type ZoneSteps} from "./regions.js";

/**
 * How closely a number computed from the rebuilt (decimal) network must agree with the same number
 * printed by the post. Each parameter we use is its print, within 5e-9 of the post's float32 value
 * (1.1e-8 for W0's two 7-decimal prints, 2e-8 for the derived w1[4]); a step-4 entry sums at most four
 * products of such parameters with weights below 1, and the print itself rounds by 5e-9: a few 1e-8
 * at worst, under 1e-7 with room to spare.
 */
export const PRINTED_TOLERANCE = 1e-7;

/** numpy's default print precision: arrays print at most 8 decimals (trailing zeros dropped). */
export const NUMPY_PRINT_PRECISION = 8;

// ---------------------------------------------------------------------------------------------
// Printed numbers

/** One number exactly as the post prints it. */
export interface PrintedNumber {
  /** The characters printed, e.g. "0.2759463", "-0.", "0.0162". */
  text: string;
  /** Its value (Number(text): "-0." is negative zero). */
  value: number;
  /** Digits after the decimal point: 7 for "0.2759463", 0 for "-0.". */
  decimals: number;
}

export function parsePrinted(text: string): PrintedNumber {
  const value = Number(text);
  if (!Number.isFinite(value)) throw new RangeError(`parsePrinted: "${text}" is not a number`);
  const dot = text.indexOf(".");
  return {text, value, decimals: dot < 0 ? 0 : text.length - dot - 1};
}

/** Half a unit of the last printed decimal: the widest a correctly rounded print can be off. */
export function halfUnit(decimals: number): number {
  return 0.5 * 10 ** -decimals;
}

/** An array the post prints, entries kept as their printed text. */
export interface PrintedArray {
  /** Lines of article-seed.txt holding the array. */
  lines: readonly number[];
  /** Most decimals any entry may have (numpy's precision), or the decimals the prose rounds to. */
  precision: number;
  /** Entries as printed, row by row; a 1-D array is a single row. */
  rows: readonly (readonly string[])[];
}

// ---------------------------------------------------------------------------------------------
// The parameters

/** Where a parameter's value comes from. */
export type ParameterStatus =
  /** Printed by the post to `decimals` decimals, copied as printed. */
  | "printed"
  /** Not printed, solved from printed arrays (the derivation is in this file). */
  | "derived"
  /** Printed only rounded, in hand-written arithmetic; no printed array depends on it. */
  | "rounded";

export interface ParameterProvenance {
  /** The parameter, in the post's names: "W0", "b0", "w1[1]" .. "w1[4]" (1-based unit), "b1". */
  parameter: string;
  status: ParameterStatus;
  /** The value this module uses (for W0 and b0, see ARTICLE_NETWORK). */
  value: number | null;
  /** Decimals of `value` (for "derived", the decimals we keep: the post's 8). */
  decimals: number;
  /** Half-width of the interval known to hold the post's value, around `value`. */
  uncertainty: number;
  /** Lines of article-seed.txt the value is read from or solved from. */
  lines: readonly number[];
  /** Zones whose printed arrays depend on the parameter. */
  usedByZones: readonly ArticleZoneName[];
}

// Step 2 of the centre zone, L147: "[[ 0.82583565 -0.          0.94744754 -0.        ]]".
const W1_UNIT1 = 0.82583565; // L147, printed
const W1_UNIT3 = 0.94744754; // L147, printed

// b1, derived. In any zone, step 4's third entry is c = Σ_j Q[2][j] + b1, and step 3 (L156-158) prints
// the bias row Q[2] of the centre zone. With step 4 of the centre zone, L169:
//   b1 = c − Σ_j Q[2][j] = −0.00330321 − (0.32113451 + 0 + 0.33123674 + 0) = −0.65567446   (L169, L158)
// exact in decimal. The north-east zone (unit 1 only) agrees to the last digit:
//   b1 = −0.33453995 − 0.32113451 = −0.65567446                                              (L187, L158)
const B1 = -0.65567446;

// w1 of unit 4, derived. The north zone (mask [1, 0, 0, 1], L235/L237) has, row r of P = [W0; b0],
//   s_r = P[r][0]·w1[1] + P[r][3]·w1[4]  (+ b1 in row 3),   so   w1[4] = (s_r − P[r][0]·w1[1] − [r=3]·b1) / P[r][3].
// With s = (0.44432752, −0.01468917, 0.02665675) (L241):
//   row 1: (0.44432752 − 0.2759463·0.82583565) / −0.45353654                 = −0.4772299669
//   row 2: (−0.01468917 − 0.44429868·0.82583565) / 0.79962885                = −0.4772299789
//   row 3: (0.02665675 − 0.38886008·0.82583565 + 0.65567446) / −0.75686085   = −0.4772299863
// The north-west zone (mask [1, 0, 1, 1], L208/L210) also includes unit 3's column; with
// s = (0.23262142, −0.39528124, 0.35789349) (L214) it gives −0.4772299694, −0.4772299859, −0.4772299909.
// The six agree to 3e-8, as 8-decimal prints of float32 arithmetic should. Their least-squares value
// (Σ_r P[r][3]·(estimate numerators) / Σ_r P[r][3]², over both zones) is −0.4772299828; kept to the
// post's 8 decimals: −0.47722998. (The issue's −0.47723 is this to 5 decimals.) The derivation is
// `deriveUnit4OutputWeight` below, and the test reruns it. Float32 values here are 2.98e-8 apart;
// the nearest to the estimates is −0.47722998261… (numpy prints it −0.47722998), and it is the only
// one with which the six printed entries come out character for character (its float32 neighbours
// −0.47723001… and −0.47722995… each miss some; see numpyZoneSteps and the test).
const W1_UNIT4 = -0.47722998;

// w1 of unit 2, rounded. L77 writes the output layer's dot product with the output weights listed
// from the top unit down, (−0.48, 0.95, −0.47, 0.83) = (w1[4], w1[3], w1[2], w1[1]) rounded: units
// 4, 3 and 1 match the values above to 2 decimals, which fixes the order, so w1[2] ≈ −0.47 (the
// post's value lies in [−0.475, −0.465]). L147's "-0." confirms its sign; L120 calls the two
// negative weights "about −0.45". No zone the post studies has unit 2 on, so the value does not
// enter any printed array: any value in that interval reproduces them all equally.
const W1_UNIT2 = -0.47;

/**
 * The article's small ReLU network: first layer as printed (W0 at L91-92 and L134-135, b0 at L136),
 * output layer as recovered above.
 */
export const ARTICLE_NETWORK: Network = {
  activation: "relu",
  layers: [
    {
      // W0[i][j]: input i to unit j (units numbered 1-4 from the bottom of the post's diagram).
      weights: [
        [0.2759463, 0.49641293, -0.22344889, -0.45353654], // L91, L134
        [0.44429868, -0.8133788, -0.40170252, 0.79962885] // L92, L135
      ],
      biases: [0.38886008, -0.70824724, 0.34960958, -0.75686085] // L136
    },
    {
      weights: [[W1_UNIT1], [W1_UNIT2], [W1_UNIT3], [W1_UNIT4]],
      biases: [B1]
    }
  ]
};

/** Where each parameter of ARTICLE_NETWORK comes from. */
export const ARTICLE_PROVENANCE: readonly ParameterProvenance[] = [
  // W0's two 7-decimal prints are 1.1e-8 from their float32 values; a 7-decimal print of a float32 in [0.5, 1) can be up to half its spacing, 3e-8, away.
  {parameter: "W0", status: "printed", value: null, decimals: 8, uncertainty: 3e-8, lines: [91, 92, 134, 135], usedByZones: ["centre", "north-east", "north-west", "north"]},
  {parameter: "b0", status: "printed", value: null, decimals: 8, uncertainty: halfUnit(8), lines: [136], usedByZones: ["centre", "north-east", "north-west", "north"]},
  {parameter: "w1[1]", status: "printed", value: W1_UNIT1, decimals: 8, uncertainty: halfUnit(8), lines: [147], usedByZones: ["centre", "north-east", "north-west", "north"]},
  {parameter: "w1[2]", status: "rounded", value: W1_UNIT2, decimals: 2, uncertainty: halfUnit(2), lines: [77, 147], usedByZones: []},
  {parameter: "w1[3]", status: "printed", value: W1_UNIT3, decimals: 8, uncertainty: halfUnit(8), lines: [147], usedByZones: ["centre", "north-west"]},
  // Uncertainty: the six estimates above lie within 1.6e-8 of the least-squares value, and rounding it to 8 decimals moves it by 2.8e-9.
  {parameter: "w1[4]", status: "derived", value: W1_UNIT4, decimals: 8, uncertainty: 2e-8, lines: [214, 241, 91, 92, 136, 147], usedByZones: ["north-west", "north"]},
  {parameter: "b1", status: "derived", value: B1, decimals: 8, uncertainty: halfUnit(8), lines: [158, 169, 187], usedByZones: ["centre", "north-east", "north-west", "north"]}
];

// ---------------------------------------------------------------------------------------------
// The four zones, as printed

export type ArticleZoneName = "centre" | "north-east" | "north-west" | "north";

/** "left"/"right" of a line, as the post's LHS/RHS: smaller/larger x1 than the line at the same x2. */
export type Side = "left" | "right";

/** A side of a first-layer line the post says a zone lies on. */
export interface StatedSide {
  /** 1-based unit whose line W0[:, j]·x + b0[j] = 0 is meant. */
  unit: number;
  side: Side;
  /** The colour the post names the line by. */
  colour: string;
  /** Whether the post gives the unit's number, or only the colour (the number then follows from L208's pairing). */
  unitGiven: boolean;
  line: number;
}

/** The segment along which the post plots a zone's linear function against the truth. */
export interface ArticleSegment {
  /** x2 = slope·x1, for x1 from x1From to x1To, as the post's code draws it. */
  slope: number;
  x1From: number;
  x1To: number;
  /** The post says the fit is good for x1 beyond this value, on the side away from the origin. */
  goodFitBeyond: number;
  lines: readonly number[];
}

export interface ArticleZone {
  name: ArticleZoneName;
  /** The point the post names in the zone. */
  point: Point;
  pointLine: number;
  /** The mask the post's code uses (1 = unit on), unit 1 first. */
  mask: readonly boolean[];
  /** Lines with the mask: the prose's statement and the code's call. */
  maskLines: readonly number[];
  /** The active units as the prose states them (1-based). */
  statedActiveUnits: readonly number[];
  /** The printed step arrays; steps 1-3 are printed for the centre zone only. */
  steps: {
    stacked?: PrintedArray;
    maskedOutputWeights?: PrintedArray;
    product?: PrintedArray;
    coefficients: PrintedArray;
  };
  /** The prose's rounded y ≈ a·x1 + b·x2 + c, where it writes one. */
  equation?: PrintedArray;
  /** The lines the prose says bound the zone, and on which side. */
  sides: readonly StatedSide[];
  segment?: ArticleSegment;
}

/** Rows of a printed array, each written as its entries separated by spaces, as numpy prints them. */
function printedRows(...rows: string[]): string[][] {
  return rows.map((row) => row.trim().split(/\s+/));
}

const ON = true;
const OFF = false;

// Step 1 prints the same W0 rows as L91-92, then b0.
const STACKED: PrintedArray = {
  lines: [134, 135, 136],
  precision: NUMPY_PRINT_PRECISION,
  rows: printedRows(
    "0.2759463 0.49641293 -0.22344889 -0.45353654",
    "0.44429868 -0.8133788 -0.40170252 0.79962885",
    "0.38886008 -0.70824724 0.34960958 -0.75686085"
  )
};

export const ARTICLE_ZONE_STEPS: Readonly<Record<ArticleZoneName, ArticleZone>> = {
  centre: {
    name: "centre",
    point: [0, 0], // L116
    pointLine: 116,
    mask: [ON, OFF, ON, OFF], // L126 (prose: units 1 and 3), L142-143 (code)
    maskLines: [126, 142, 143],
    statedActiveUnits: [1, 3],
    steps: {
      stacked: STACKED,
      maskedOutputWeights: {lines: [147], precision: NUMPY_PRINT_PRECISION, rows: [["0.82583565", "-0.", "0.94744754", "-0."]]},
      product: {
        lines: [156, 157, 158],
        precision: NUMPY_PRINT_PRECISION,
        rows: printedRows(
          "0.22788628 -0. -0.2117061 0.",
          "0.36691769 0. -0.38059207 -0.",
          "0.32113451 0. 0.33123674 0."
        )
      },
      coefficients: {lines: [169], precision: NUMPY_PRINT_PRECISION, rows: [["0.01618018", "-0.01367438", "-0.00330321"]]}
    },
    equation: {lines: [174], precision: 4, rows: [["0.0162", "-0.0137", "-0.0033"]]},
    // L124: units 1 and 2 are on right of their lines, units 3 and 4 on the left: that is where each
    // unit is active, not a bound of the zone (see ARTICLE_ACTIVE_SIDES); the centre's bounds are the
    // four lines of the diamond (L116).
    sides: []
  },
  "north-east": {
    name: "north-east",
    point: [1, 1], // L180
    pointLine: 180,
    mask: [ON, OFF, OFF, OFF], // L180 (prose), L183 (code)
    maskLines: [180, 183],
    statedActiveUnits: [1],
    steps: {coefficients: {lines: [187], precision: NUMPY_PRINT_PRECISION, rows: [["0.22788628", "0.36691769", "-0.33453995"]]}},
    // L180 names colours only; L208 pairs red with 4 and green with 3; yellow is then line 2 (the
    // zone's third bound: unit 2 turns on across it).
    sides: [
      {unit: 4, side: "right", colour: "red", unitGiven: false, line: 180},
      {unit: 3, side: "right", colour: "green", unitGiven: false, line: 180},
      {unit: 2, side: "left", colour: "yellow", unitGiven: false, line: 180}
    ],
    segment: {slope: 0.5, x1From: 0.8, x1To: 2, goodFitBeyond: 1.25, lines: [190, 192, 193]}
  },
  "north-west": {
    name: "north-west",
    point: [-1, 1], // L208
    pointLine: 208,
    mask: [ON, OFF, ON, ON], // L208 (prose), L210 (code)
    maskLines: [208, 210],
    statedActiveUnits: [1, 3, 4],
    steps: {coefficients: {lines: [214], precision: NUMPY_PRINT_PRECISION, rows: [["0.23262142", "-0.39528124", "0.35789349"]]}},
    sides: [
      {unit: 4, side: "left", colour: "red", unitGiven: true, line: 208},
      {unit: 3, side: "left", colour: "green", unitGiven: true, line: 208},
      {unit: 1, side: "right", colour: "blue", unitGiven: true, line: 208}
    ],
    // The code's segment (L219-220): x2 = −x1/2. The prose at L217 writes x2 = x1/2 (a slip, below).
    segment: {slope: -0.5, x1From: -2, x1To: -0.8, goodFitBeyond: -1.25, lines: [217, 219, 220]}
  },
  north: {
    name: "north",
    point: [0, 2], // L235
    pointLine: 235,
    mask: [ON, OFF, OFF, ON], // L235 (prose), L237 (code)
    maskLines: [235, 237],
    statedActiveUnits: [1, 4],
    steps: {coefficients: {lines: [241], precision: NUMPY_PRINT_PRECISION, rows: [["0.44432752", "-0.01468917", "0.02665675"]]}},
    equation: {lines: [246], precision: 4, rows: [["0.444", "-0.0147", "0.0266"]]},
    sides: [
      {unit: 4, side: "left", colour: "red", unitGiven: true, line: 235},
      // L235 calls line 1 green; L208 calls it blue (and green is line 3): see articleSlips.
      {unit: 1, side: "right", colour: "green", unitGiven: true, line: 235}
    ]
  }
};

export const ARTICLE_ZONE_NAMES: readonly ArticleZoneName[] = ["centre", "north-east", "north-west", "north"];

/** L124: the side of its own line on which each unit is active (z > 0). */
export const ARTICLE_ACTIVE_SIDES: readonly {unit: number; side: Side; line: number}[] = [
  {unit: 1, side: "right", line: 124},
  {unit: 2, side: "right", line: 124},
  {unit: 3, side: "left", line: 124},
  {unit: 4, side: "left", line: 124}
];

/** Which side of unit j's line a point lies on: compare x1 with the line's x1 at the same x2. */
export function sideOfLine(net: Network, unit: number, [x1, x2]: Point): Side {
  const [first] = net.layers;
  const j = unit - 1;
  const w1 = first.weights[0][j];
  const w2 = first.weights[1][j];
  const b = first.biases[j];
  // On the line, w1·x1 + w2·x2 + b = 0, i.e. x1 = −(w2·x2 + b)/w1 (all four lines here have w1 ≠ 0).
  const x1OnLine = -(w2 * x2 + b) / w1;
  return x1 > x1OnLine ? "right" : "left";
}

// ---------------------------------------------------------------------------------------------
// The worked sample of section 3.1

/** The hand-written arithmetic for sample 10 (L65-79), numbers as written. */
export const ARTICLE_SAMPLE_ARITHMETIC = {
  /** L67: the sample's inputs and the product target, rounded as written. */
  input: [0.37, -0.21] as Point,
  target: -0.019,
  inputLine: 67,
  /** L69: the value the prose gives the top unit (unit 4) before its hand sum. */
  topUnitStatedValue: 0.81,
  /**
   * L71: the hand sum for unit 4, term i multiplying input i:
   *   .37·(.8) + −.21·(−.453) − 0.757 ≈ −0.366
   */
  topUnitSum: {line: 71, unit: 4, weights: [0.8, -0.453] as const, bias: -0.757, result: -0.366},
  /**
   * L77: the output layer's dot product, listed from the top unit down (units 4, 3, 2, 1):
   *   (0, 0.25, 0, 0.5) · (−0.48, 0.95, −0.47, 0.83) = 0.25·0.95 + 0.5·0.83 = −0.01
   */
  outputSum: {line: 77, units: [4, 3, 2, 1] as const, activations: [0, 0.25, 0, 0.5] as const, weights: [-0.48, 0.95, -0.47, 0.83] as const, result: -0.01},
  /** L79: the prediction. */
  prediction: -0.01,
  predictionLine: 79
};

// ---------------------------------------------------------------------------------------------
// Derivations, executable

/** Σ of a printed row. */
function rowSum(row: readonly string[]): number {
  return row.reduce((s, t) => s + parsePrinted(t).value, 0);
}

/** b1 = c − Σ_j Q[2][j] from the centre zone's step 3 (L158) and step 4 (L169). */
export function deriveOutputBias(): number {
  const centre = ARTICLE_ZONE_STEPS.centre.steps;
  const product = centre.product!;
  const c = parsePrinted(centre.coefficients.rows[0][2]).value;
  return c - rowSum(product.rows[2]);
}

/** The six one-row estimates of w1[4] and their least-squares value (north and north-west zones). */
export function deriveUnit4OutputWeight(): {estimates: {zone: ArticleZoneName; row: number; value: number}[]; leastSquares: number} {
  const [first] = ARTICLE_NETWORK.layers;
  const P = [first.weights[0], first.weights[1], first.biases];
  const estimates: {zone: ArticleZoneName; row: number; value: number}[] = [];
  let num = 0;
  let den = 0;
  for (const name of ["north", "north-west"] as const) {
    const zone = ARTICLE_ZONE_STEPS[name];
    const s = zone.steps.coefficients.rows[0].map((t) => parsePrinted(t).value);
    for (let r = 0; r < 3; ++r) {
      // Row r: s_r = Σ_{j on, j ≠ 4} P[r][j]·w1[j] + P[r][3]·w1[4] (+ b1 for r = 3). Unit 2 is off in
      // both zones, so only the printed w1[1], w1[3] and the derived b1 enter.
      let known = r === 2 ? B1 : 0;
      if (zone.mask[0]) known += P[r][0] * W1_UNIT1;
      if (zone.mask[2]) known += P[r][2] * W1_UNIT3;
      const rhs = s[r] - known;
      estimates.push({zone: name, row: r + 1, value: rhs / P[r][3]});
      // Least squares for the single unknown w in P[r][3]·w = rhs: w = Σ P·rhs / Σ P².
      num += P[r][3] * rhs;
      den += P[r][3] * P[r][3];
    }
  }
  return {estimates, leastSquares: num / den};
}

// ---------------------------------------------------------------------------------------------
// Printed versus computed

export type StepName = keyof ArticleZone["steps"] | "equation";

/** One printed number next to the number computed from a network. */
export interface PrintedComparison {
  zone: ArticleZoneName;
  step: StepName;
  row: number;
  column: number;
  printed: PrintedNumber;
  computed: number;
  /** |computed − printed|. */
  deviation: number;
}

function computedArray(steps: ZoneSteps, step: StepName): number[][] {
  switch (step) {
    case "stacked":
      return steps.stacked;
    case "maskedOutputWeights":
      return [steps.maskedOutputWeights];
    case "product":
      return steps.product;
    case "coefficients":
    case "equation":
      return [steps.coefficients.slice()];
  }
}

/** Every number the post prints for its four zones, beside zoneSteps(net, mask) for the zone's mask. */
export function compareWithPrinted(net: Network = ARTICLE_NETWORK): PrintedComparison[] {
  const out: PrintedComparison[] = [];
  for (const name of ARTICLE_ZONE_NAMES) {
    const zone = ARTICLE_ZONE_STEPS[name];
    const steps = zoneSteps(net, zone.mask);
    const arrays: [StepName, PrintedArray | undefined][] = [
      ["stacked", zone.steps.stacked],
      ["maskedOutputWeights", zone.steps.maskedOutputWeights],
      ["product", zone.steps.product],
      ["coefficients", zone.steps.coefficients],
      ["equation", zone.equation]
    ];
    for (const [step, printed] of arrays) {
      if (!printed) continue;
      const computed = computedArray(steps, step);
      printed.rows.forEach((row, r) =>
        row.forEach((text, c) => {
          const p = parsePrinted(text);
          const v = computed[r][c];
          out.push({zone: name, step, row: r, column: c, printed: p, computed: v, deviation: Math.abs(v - p.value)});
        })
      );
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The post's own arithmetic, digit for digit
//
// The post's numbers come from float32 parameters (TensorFlow) combined by numpy. Step 2 multiplies
// the float32 output weights by an integer mask (np.r_[1, 0, 1, 0]), which numpy promotes to float64,
// so steps 2-4 are float64 arithmetic on float32 parameters; w·0 keeps the sign of w, hence "-0.".
// Printing uses numpy's default: at most 8 decimals, the fewest that identify the value in its dtype,
// trailing zeros dropped ("0." and "-0." for zeros).

/** The article's network with every parameter the float32 its print identifies (Math.fround). */
export const ARTICLE_NETWORK_FLOAT32: Network = {
  activation: ARTICLE_NETWORK.activation,
  layers: ARTICLE_NETWORK.layers.map((l) => ({weights: l.weights.map((r) => r.map(Math.fround)), biases: l.biases.map(Math.fround)}))
};

/** A number as numpy prints it by default (floatmode "maxprec", precision 8), for a float32 or float64 value. */
export function formatNumpy(x: number, dtype: "float32" | "float64"): string {
  if (x === 0) return Object.is(x, -0) ? "-0." : "0.";
  const same = (t: string) => (dtype === "float32" ? Math.fround(Number(t)) : Number(t)) === x;
  for (let d = 1; d < NUMPY_PRINT_PRECISION; ++d) {
    const t = x.toFixed(d);
    if (same(t)) return t.replace(/0+$/, "");
  }
  return x.toFixed(NUMPY_PRINT_PRECISION).replace(/0+$/, "");
}

/**
 * The four steps as the post's numpy computed them: like zoneSteps, but a silent unit's weight is
 * w·0 (keeping w's sign), as numpy's masking does. All in float64; feed ARTICLE_NETWORK_FLOAT32.
 */
export function numpyZoneSteps(net: Network, mask: readonly boolean[]): ZoneSteps {
  const [first, out] = net.layers;
  const stacked = [...first.weights.map((r) => r.slice()), first.biases.slice()];
  const maskedOutputWeights = out.weights.map((r, j) => r[0] * (mask[j] ? 1 : 0));
  const product = stacked.map((row) => row.map((p, j) => p * maskedOutputWeights[j]));
  const sums = product.map((row) => row.reduce((acc, v) => acc + v));
  return {stacked, maskedOutputWeights, product, coefficients: [sums[0], sums[1], sums[2] + out.biases[0]]};
}

/** One printed entry beside the text numpy would print for the recomputed value. */
export interface PrintedText {
  zone: ArticleZoneName;
  step: keyof ArticleZone["steps"];
  row: number;
  column: number;
  printed: string;
  reproduced: string;
}

/** Every entry of the four zones' printed arrays, reprinted from numpyZoneSteps(net, mask). */
export function reprintZoneSteps(net: Network = ARTICLE_NETWORK_FLOAT32): PrintedText[] {
  const out: PrintedText[] = [];
  for (const name of ARTICLE_ZONE_NAMES) {
    const zone = ARTICLE_ZONE_STEPS[name];
    const steps = numpyZoneSteps(net, zone.mask);
    for (const step of ["stacked", "maskedOutputWeights", "product", "coefficients"] as const) {
      const printed = zone.steps[step];
      if (!printed) continue;
      // Step 1 stacks the float32 parameters; steps 2-4 are float64 (see above).
      const dtype = step === "stacked" ? "float32" : "float64";
      const computed = computedArray(steps, step);
      printed.rows.forEach((row, r) =>
        row.forEach((text, c) => out.push({zone: name, step, row: r, column: c, printed: text, reproduced: formatNumpy(computed[r][c], dtype)}))
      );
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Slips

/** The places where the post's prose and its own printed numbers disagree, as data. */
export type ArticleSlip =
  | {
      /** A hand sum multiplies each input by the other input's weight. */
      kind: "swapped-weights";
      lines: readonly number[];
      unit: number;
      input: Point;
      /** Weights as the sum places them (term i multiplies input i), and its bias and result. */
      statedWeights: readonly [number, number];
      statedBias: number;
      statedResult: number;
      /** The network's weights into the unit, input 1 then input 2: the stated ones, swapped. */
      networkWeights: readonly [number, number];
      /** The stated sum redone with the stated numbers: matches statedResult. */
      statedSumRecomputed: number;
      /** The same rounded numbers, each weight on its own input. */
      correctedSum: number;
      /** z of the unit at the input, full-precision weights. */
      networkSum: number;
      /** relu of the stated and of the correct sum: the unit is silent either way. */
      statedActivation: number;
      networkActivation: number;
    }
  | {
      /** A value given for a unit matches none of the unit's computed values. */
      kind: "unmatched-value";
      lines: readonly number[];
      unit: number;
      input: Point;
      stated: number;
      computedZ: number;
      computedA: number;
    }
  | {
      /** A written dot product leaves out the output bias. */
      kind: "omitted-bias";
      lines: readonly number[];
      /** Σ of the written terms (activation·weight). */
      writtenSum: number;
      statedResult: number;
      outputBias: number;
      /** writtenSum + b1. */
      sumWithBias: number;
    }
  | {
      /** Values read off the sample's figure that the printed network does not give at the printed input. */
      kind: "values-not-reproduced";
      lines: readonly number[];
      input: Point;
      units: readonly number[];
      statedActivations: readonly number[];
      computedActivations: readonly number[];
      statedPrediction: number;
      computedPrediction: number;
      /** How far rounding the input to 2 decimals (±0.005 each) can move any stated quantity: too little to explain the gap. */
      largestShiftFromInputRounding: number;
    }
  | {
      /** An output printed under another zone's name. */
      kind: "zone-label";
      lines: readonly number[];
      zone: ArticleZoneName;
      printedLabel: string;
    }
  | {
      /** The prose's segment formula differs from the one the code draws. */
      kind: "segment-formula";
      lines: readonly number[];
      zone: ArticleZoneName;
      proseSlope: number;
      codeSlope: number;
      x1Mid: number;
      /** Masks (unit 1 first) at the segment's middle, by the prose's and by the code's formula. */
      maskOnProseSegment: readonly boolean[];
      maskOnCodeSegment: readonly boolean[];
      zoneMask: readonly boolean[];
    }
  | {
      /** A coefficient written truncated rather than rounded. */
      kind: "truncated";
      lines: readonly number[];
      zone: ArticleZoneName;
      written: string;
      printedExact: string;
      computed: number;
      rounded: string;
    }
  | {
      /** A line named by a colour other than the one the post gives it elsewhere. */
      kind: "colour-name";
      lines: readonly number[];
      unit: number;
      statedColour: string;
      /** The colour the post pairs with this line elsewhere, and where. */
      colourElsewhere: string;
      elsewhereLine: number;
      /** The line the stated colour names elsewhere. */
      statedColourIsUnitElsewhere: number;
    }
  | {
      /** An operation named differently from what the code does. */
      kind: "operation-name";
      lines: readonly number[];
      statedOperation: "matrix product";
      codeOperation: "element-wise product (broadcast)";
      shapes: readonly (readonly [number, number])[];
    };

const relu = (z: number) => Math.max(0, z);

/** The slips, their computed numbers taken from `net` (the article's network by default). */
export function articleSlips(net: Network = ARTICLE_NETWORK): ArticleSlip[] {
  const s = ARTICLE_SAMPLE_ARITHMETIC;
  const [x1, x2] = s.input;
  const [first, out] = net.layers;
  const {z, a} = forward(net, s.input);

  // L71: .37·(.8) + −.21·(−.453) − .757. Unit 4's weights are W0[0][3] ≈ −0.4535 (input 1) and
  // W0[1][3] ≈ 0.7996 (input 2): the sum gives input 1 the weight of input 2 and vice versa.
  const [sw1, sw2] = s.topUnitSum.weights;
  const top = s.topUnitSum.unit - 1;
  const statedSum = x1 * sw1 + x2 * sw2 + s.topUnitSum.bias;
  const correctedSum = x1 * sw2 + x2 * sw1 + s.topUnitSum.bias;

  // L77: Σ over the written terms, as written (units 4, 3, 2, 1).
  const writtenSum = s.outputSum.activations.reduce((acc: number, act, i) => acc + act * s.outputSum.weights[i], 0);

  // Rounding each input by at most 0.005 moves z_j by at most 0.005·(|W0[0][j]| + |W0[1][j]|) and the
  // output by at most 0.005·Σ_j |w1[j]|·(|W0[0][j]| + |W0[1][j]|) (relu is 1-Lipschitz).
  const h = 0.005;
  const unitShift = first.biases.map((_, j) => h * (Math.abs(first.weights[0][j]) + Math.abs(first.weights[1][j])));
  const outputShift = unitShift.reduce((acc, d, j) => acc + Math.abs(out.weights[j][0]) * d, 0);
  const stated = s.outputSum.units.flatMap((u, i) => (s.outputSum.activations[i] > 0 ? [{unit: u, value: s.outputSum.activations[i]}] : [])).sort((p, q) => p.unit - q.unit);

  // L217 writes x2 = x1/2 for the north-west segment; L220 draws x2 = −x1/2.
  const nw = ARTICLE_ZONE_STEPS["north-west"];
  const seg = nw.segment!;
  const x1Mid = (seg.x1From + seg.x1To) / 2;

  // L246 writes c as 0.0266; L241 prints 0.02665675, which rounds to 0.0267.
  const north = ARTICLE_ZONE_STEPS.north;
  const northC = zoneSteps(net, north.mask).coefficients[2];

  return [
    {
      kind: "swapped-weights",
      lines: [69, 71],
      unit: s.topUnitSum.unit,
      input: s.input,
      statedWeights: [sw1, sw2],
      statedBias: s.topUnitSum.bias,
      statedResult: s.topUnitSum.result,
      networkWeights: [first.weights[0][top], first.weights[1][top]],
      statedSumRecomputed: statedSum,
      correctedSum,
      networkSum: z[0][top],
      statedActivation: relu(statedSum),
      networkActivation: a[0][top]
    },
    {
      kind: "unmatched-value",
      lines: [69],
      unit: s.topUnitSum.unit,
      input: s.input,
      stated: s.topUnitStatedValue,
      computedZ: z[0][top],
      computedA: a[0][top]
    },
    {
      kind: "omitted-bias",
      lines: [77],
      writtenSum,
      statedResult: s.outputSum.result,
      outputBias: out.biases[0],
      sumWithBias: writtenSum + out.biases[0]
    },
    {
      kind: "values-not-reproduced",
      lines: [67, 77, 79],
      input: s.input,
      units: stated.map((p) => p.unit),
      statedActivations: stated.map((p) => p.value),
      computedActivations: stated.map((p) => a[0][p.unit - 1]),
      statedPrediction: s.prediction,
      computedPrediction: a[1][0],
      largestShiftFromInputRounding: Math.max(...unitShift, outputShift)
    },
    {kind: "zone-label", lines: [211, 213], zone: "north-west", printedLabel: "North-East"},
    {
      kind: "segment-formula",
      lines: [217, 220],
      zone: "north-west",
      proseSlope: 0.5,
      codeSlope: seg.slope,
      x1Mid,
      maskOnProseSegment: activationMask(net, [x1Mid, 0.5 * x1Mid])[0],
      maskOnCodeSegment: activationMask(net, [x1Mid, seg.slope * x1Mid])[0],
      zoneMask: nw.mask
    },
    {
      kind: "truncated",
      lines: [241, 246],
      zone: "north",
      written: north.equation!.rows[0][2],
      printedExact: north.steps.coefficients.rows[0][2],
      computed: northC,
      rounded: northC.toFixed(4)
    },
    {kind: "colour-name", lines: [235], unit: 1, statedColour: "green", colourElsewhere: "blue", elsewhereLine: 208, statedColourIsUnitElsewhere: 3},
    {
      kind: "operation-name",
      lines: [150, 152],
      statedOperation: "matrix product",
      codeOperation: "element-wise product (broadcast)",
      shapes: [
        [3, 4],
        [1, 4]
      ]
    }
  ];
}
