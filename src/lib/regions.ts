// Zones of a ReLU network: where every hidden unit keeps the same on/off state the network is an
// affine function of its input. This module finds the state (the activation mask) at a point, the
// affine function that holds there, and the zone's extent.
//
// For a network with hidden layers k = 0 .. L-2 and a linear output layer L-1, the derivative of the
// output with respect to the input is the chain rule product
//   J(x) = W^(0) D^(0) W^(1) D^(1) ... W^(L-1),     D^(k) = diag(g'(z^(k)(x)))
// with g' = ACTIVATIONS[name].derivative (activations.ts). For ReLU, g'(z) is 1 where z > 0 and 0
// elsewhere: D^(k) is the activation mask, constant inside a zone, so f(x) = J x + c exactly there,
// with c = f(x) - J x; the same holds for every activation whose descriptor is piecewiseLinear
// (for the identity, D = I everywhere). For smooth activations (sigmoid, tanh) the same formula gives the tangent plane at x, a local
// approximation rather than an identity.
import {ACTIVATIONS} from "./activations.js";
import {forward, layerActivation, type Network} from "./network.js";
import type {Point} from "./datasets.js";

/** The on/off state of every hidden unit at x: mask[k][j] is true when z^(k)_j > 0. */
export function activationMask(net: Network, x: Point): boolean[][] {
  const {z} = forward(net, x);
  return z.slice(0, -1).map((zk) => zk.map((v) => v > 0));
}

/** The 1-based numbers of the units that are on in one layer's mask. */
export function activeUnits(mask: readonly boolean[]): number[] {
  return mask.flatMap((on, j) => (on ? [j + 1] : []));
}

export function masksEqual(a: boolean[][], b: boolean[][]): boolean {
  return a.length === b.length && a.every((row, k) => row.length === b[k].length && row.every((v, j) => v === b[k][j]));
}

/** y ≈ a·x1 + b·x2 + c near a point. */
export interface LocalLinear {
  a: number;
  b: number;
  c: number;
}

/** The local affine function at x: gradient by the chain rule product above, intercept f(x) - J·x. */
export function localLinear(net: Network, x: Point): LocalLinear {
  const {z, a} = forward(net, x);
  // Back-propagate the row vector d output / d a^(k), starting from the single output unit.
  let grad: number[] = [1];
  for (let k = net.layers.length - 1; k >= 0; --k) {
    const slope = ACTIVATIONS[layerActivation(net, k)].derivative;
    const dz = grad.map((g, j) => g * slope(z[k][j]));
    const W = net.layers[k].weights;
    grad = W.map((row) => row.reduce((s, w, j) => s + w * dz[j], 0));
  }
  const y = a[a.length - 1][0];
  return {a: grad[0], b: grad[1], c: y - grad[0] * x[0] - grad[1] * x[1]};
}

/**
 * The article's four steps for a network with one hidden layer and a given mask m:
 *   1. P = [W0; b0], the first layer's weights stacked over its biases (3 x n);
 *   2. v = W1ᵀ ⊙ m, the output weights with the silent units zeroed (1 x n);
 *   3. Q = P ⊙ v, each column of P scaled by its output weight (3 x n);
 *   4. s = row sums of Q + (0, 0, b1), which is (a, b, c) of y = a·x1 + b·x2 + c.
 */
export interface ZoneSteps {
  stacked: number[][];
  maskedOutputWeights: number[];
  product: number[][];
  coefficients: [number, number, number];
}

export function zoneSteps(net: Network, mask: readonly boolean[]): ZoneSteps {
  if (net.layers.length !== 2) throw new RangeError(`zoneSteps: needs one hidden layer, the network has ${net.layers.length - 1}`);
  const [first, out] = net.layers;
  if (mask.length !== first.biases.length) throw new RangeError(`zoneSteps: mask has ${mask.length} entries for ${first.biases.length} units`);
  const stacked = [...first.weights.map((r) => r.slice()), first.biases.slice()];
  const maskedOutputWeights = out.weights.map((r) => r[0]).map((w, j) => (mask[j] ? w : 0));
  const product = stacked.map((row) => row.map((p, j) => p * maskedOutputWeights[j]));
  const sums = product.map((row) => row.reduce((s, v) => s + v, 0));
  return {stacked, maskedOutputWeights, product, coefficients: [sums[0], sums[1], sums[2] + out.biases[0]]};
}

/**
 * The extent of the zone containing p along the line p + t·d: the largest interval [t0, t1] around 0,
 * within [tMin, tMax], on which the mask stays the mask at p. Found by scanning `steps` samples and
 * refining each end by bisection to `tolerance` in t.
 */
export function zoneInterval(
  net: Network,
  p: Point,
  d: Point,
  {tMin = -4, tMax = 4, steps = 400, tolerance = 1e-9}: {tMin?: number; tMax?: number; steps?: number; tolerance?: number} = {}
): [number, number] {
  const at = (t: number): Point => [p[0] + t * d[0], p[1] + t * d[1]];
  const m0 = activationMask(net, p);
  const same = (t: number) => masksEqual(activationMask(net, at(t)), m0);
  const edge = (limit: number) => {
    const h = (limit - 0) / (steps / 2);
    let inside = 0;
    for (let i = 1; i <= steps / 2; ++i) {
      const t = i * h;
      if (!same(t)) {
        let lo = inside;
        let hi = t;
        while (Math.abs(hi - lo) > tolerance) {
          const mid = (lo + hi) / 2;
          if (same(mid)) lo = mid;
          else hi = mid;
        }
        return lo;
      }
      inside = t;
    }
    return limit;
  };
  return [edge(tMin), edge(tMax)];
}

/** The line w1·x1 + w2·x2 + b = 0 drawn by one first-layer unit. */
export interface UnitLine {
  /** 1-based unit number, counted as the flow diagram draws them (unit 1 at the bottom). */
  unit: number;
  w1: number;
  w2: number;
  b: number;
}

/** The lines W0[:, j]·x + b0[j] = 0 of every first-layer unit. */
export function firstLayerLines(net: Network): UnitLine[] {
  const [first] = net.layers;
  return first.biases.map((b, j) => ({unit: j + 1, w1: first.weights[0][j], w2: first.weights[1][j], b}));
}

/** Points of a unit's line clipped to the square [-r, r]^2 (empty when it misses the square). */
export function clipLine(line: UnitLine, r: number): Point[] {
  const pts: Point[] = [];
  const {w1, w2, b} = line;
  const add = (p: Point) => {
    if (Math.abs(p[0]) <= r + 1e-12 && Math.abs(p[1]) <= r + 1e-12 && !pts.some((q) => Math.hypot(q[0] - p[0], q[1] - p[1]) < 1e-12)) pts.push(p);
  };
  if (w2 !== 0) for (const x1 of [-r, r]) add([x1, -(w1 * x1 + b) / w2]);
  if (w1 !== 0) for (const x2 of [-r, r]) add([-(w2 * x2 + b) / w1, x2]);
  return pts.slice(0, 2);
}

/**
 * The polygon of the zone of a one-hidden-layer network that contains p, clipped to [-r, r]^2:
 * the intersection of the half-planes sign(w_j·x + b_j) = sign at p (Sutherland-Hodgman clipping).
 */
export function zonePolygon(net: Network, p: Point, r: number): Point[] {
  let poly: Point[] = [
    [-r, -r],
    [r, -r],
    [r, r],
    [-r, r]
  ];
  for (const line of firstLayerLines(net)) {
    const f = (q: Point) => line.w1 * q[0] + line.w2 * q[1] + line.b;
    const side = f(p) > 0 ? 1 : -1;
    const keep = (q: Point) => side * f(q) >= 0;
    const next: Point[] = [];
    poly.forEach((cur, i) => {
      const prev = poly[(i + poly.length - 1) % poly.length];
      const cross = (): Point => {
        const t = f(prev) / (f(prev) - f(cur));
        return [prev[0] + t * (cur[0] - prev[0]), prev[1] + t * (cur[1] - prev[1])];
      };
      if (keep(cur)) {
        if (!keep(prev)) next.push(cross());
        next.push(cur);
      } else if (keep(prev)) next.push(cross());
    });
    poly = next;
    if (poly.length === 0) break;
  }
  return poly;
}

/** True when a polygon lies strictly inside [-r, r]^2, i.e. the zone is closed (bounded by lines only). */
export function isClosedZone(poly: readonly Point[], r: number, tolerance = 1e-9): boolean {
  return poly.length >= 3 && poly.every((q) => Math.abs(q[0]) < r - tolerance && Math.abs(q[1]) < r - tolerance);
}
