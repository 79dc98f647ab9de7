// The exact zones of a piecewise-linear network over a rectangle of the input plane, found by
// clipping convex polygons layer by layer (no sampling, so no zone is missed).
//
// On a polygon where the activation pattern of layers 0 .. k-1 is fixed, every activation of
// layer k-1 is an affine function of the input x = (x1, x2), so every unit j of layer k has
//   z_j(x) = p_j·x1 + q_j·x2 + r_j      (affine on the polygon).
// Cutting the polygon by each line z_j = 0 (a convex polygon cut by a line gives at most two convex
// polygons) fixes layer k's pattern on every piece, and on each piece
//   a_j = g(z_j) = g(0) + s·z_j,  s = g'(+1) where z_j > 0 and g'(−1) where z_j ≤ 0,
// which is again affine in x. After the last hidden layer the linear output is affine on each piece:
// y = a·x1 + b·x2 + c exactly there. The pieces tile the window.
//
// Tolerances:
// - SLIVER_AREA: a cut that leaves a piece of area below SLIVER_AREA × (window area) drops that
//   piece. Such pieces arise when a line passes within rounding error of a vertex (z at the vertex is
//   ~1e-16 rather than 0); they are not zones but rounding, and keeping them would add thousands of
//   empty zones. The tiling loses at most that much area per dropped piece.
// - VERTEX_MERGE: consecutive vertices closer than VERTEX_MERGE × (window size) are merged, for the
//   same reason (a cut through a vertex creates a duplicate).
import {ACTIVATIONS} from "./activations.js";
import {SAMPLE_RANGE, type Point} from "./datasets.js";
import {layerActivation, type Network} from "./network.js";
import type {NeuronRef} from "./flow-model.js";

/** Pieces smaller than this share of the window's area are rounding slivers, not zones. */
export const SLIVER_AREA = 1e-12;
/** Consecutive vertices closer than this share of the window's diagonal are one vertex. */
export const VERTEX_MERGE = 1e-12;

export interface Window {
  x: [number, number];
  y: [number, number];
}

/** y = a·x1 + b·x2 + c */
export interface Affine {
  a: number;
  b: number;
  c: number;
}

export interface LinearZone {
  /** Vertices, counter-clockwise. */
  polygon: Point[];
  /** pattern[k][j]: z > 0 for unit j + 1 of hidden layer k + 1. */
  pattern: boolean[][];
  /** The network's output on the zone. */
  affine: Affine;
  area: number;
  centroid: Point;
  /**
   * Each hidden unit's z on the zone: preActivations[k][3j], [3j + 1], [3j + 2] are (p, q, r) with
   * z = p·x1 + q·x2 + r for unit j + 1 of hidden layer k + 1 (fixed by the pattern of the layers
   * before it). Where z = 0 on an edge, that edge is part of the unit's boundary.
   */
  preActivations: Float64Array[];
}

export interface Partition {
  window: Window;
  zones: LinearZone[];
}

/** The data square [−SAMPLE_RANGE, SAMPLE_RANGE]². */
export const DATA_WINDOW: Window = {x: [-SAMPLE_RANGE, SAMPLE_RANGE], y: [-SAMPLE_RANGE, SAMPLE_RANGE]};

/** A piece while the partition is being built: flat vertices (x, y, x, y, …) and the affine maps of the current layer's inputs. */
interface Piece {
  xy: number[];
  /** Per input of the current layer: (coefficient of x1, of x2, constant), flattened. */
  maps: Float64Array;
  /** One mask per hidden layer done so far. */
  masks: Uint8Array[];
  /** The z coefficients of every hidden layer done so far (shared by the pieces cut from one polygon). */
  zs: Float64Array[];
}

/** The two linear pieces of a piecewise-linear activation: g(z) = g0 + slope·z on each side of 0. */
function linearPieces(net: Network, k: number): {g0: number; on: number; off: number} {
  const name = layerActivation(net, k);
  const d = ACTIVATIONS[name];
  if (!d.piecewiseLinear) {
    throw new RangeError(
      `exactPartition: the activation "${name}" (${d.formula}) is not piecewise linear, so the network has no zones where it is exactly linear`
    );
  }
  return {g0: d.fn(0), on: d.derivative(1), off: d.derivative(-1)};
}

function polygonArea(xy: readonly number[]): number {
  let s = 0;
  const n = xy.length;
  for (let i = 0; i < n; i += 2) {
    const j = (i + 2) % n;
    s += xy[i] * xy[j + 1] - xy[j] * xy[i + 1];
  }
  return s / 2;
}

function polygonCentroid(xy: readonly number[], area: number): Point {
  let cx = 0;
  let cy = 0;
  const n = xy.length;
  for (let i = 0; i < n; i += 2) {
    const j = (i + 2) % n;
    const cross = xy[i] * xy[j + 1] - xy[j] * xy[i + 1];
    cx += (xy[i] + xy[j]) * cross;
    cy += (xy[i + 1] + xy[j + 1]) * cross;
  }
  return [cx / (6 * area), cy / (6 * area)];
}

/** Appends (x, y) unless it repeats the last vertex within `merge`. */
function pushVertex(out: number[], x: number, y: number, merge: number): void {
  const n = out.length;
  if (n >= 2 && Math.abs(out[n - 2] - x) <= merge && Math.abs(out[n - 1] - y) <= merge) return;
  out.push(x, y);
}

/** Closes a vertex list: drops a last vertex that repeats the first. */
function closeRing(out: number[], merge: number): number[] {
  const n = out.length;
  if (n >= 4 && Math.abs(out[n - 2] - out[0]) <= merge && Math.abs(out[n - 1] - out[1]) <= merge) out.length = n - 2;
  return out;
}

/** The values of the cutting line at a polygon's vertices, reused between cuts (one allocation, not one per cut). */
let scratch = new Float64Array(64);

/**
 * Cuts a convex polygon by the line p·x + q·y + r = 0 into the part where the value is > 0 (`pos`)
 * and the part where it is ≤ 0 (`neg`); either may come back with fewer than 3 vertices (empty).
 */
function cut(xy: readonly number[], p: number, q: number, r: number, merge: number): {pos: number[]; neg: number[]} {
  const n = xy.length;
  let allPos = true;
  let allNeg = true;
  if (scratch.length < n / 2) scratch = new Float64Array(2 * n);
  const s = scratch;
  for (let i = 0; i < n; i += 2) {
    const v = p * xy[i] + q * xy[i + 1] + r;
    s[i / 2] = v;
    if (v > 0) allNeg = false;
    else if (v < 0) allPos = false;
    // A vertex on the line (v = 0) belongs to both sides' boundaries; it decides neither.
  }
  // z ≡ 0 on the whole polygon (a unit with zero weights and bias): z ≤ 0, the unit is off.
  if (allPos && allNeg) return {pos: [], neg: xy as number[]};
  if (allPos) return {pos: xy as number[], neg: []};
  if (allNeg) return {pos: [], neg: xy as number[]};
  const pos: number[] = [];
  const neg: number[] = [];
  const m = n / 2;
  for (let i = 0; i < m; ++i) {
    const j = (i + 1) % m;
    const x0 = xy[2 * i];
    const y0 = xy[2 * i + 1];
    const s0 = s[i];
    const s1 = s[j];
    if (s0 >= 0) pushVertex(pos, x0, y0, merge);
    if (s0 <= 0) pushVertex(neg, x0, y0, merge);
    if ((s0 > 0 && s1 < 0) || (s0 < 0 && s1 > 0)) {
      const t = s0 / (s0 - s1);
      const x = x0 + t * (xy[2 * j] - x0);
      const y = y0 + t * (xy[2 * j + 1] - y0);
      pushVertex(pos, x, y, merge);
      pushVertex(neg, x, y, merge);
    }
  }
  return {pos: closeRing(pos, merge), neg: closeRing(neg, merge)};
}

/**
 * The exact linear zones of `net` in `window` (default: the data square), in float64.
 * Throws a RangeError for an activation that is not piecewise linear.
 */
export function exactPartition(net: Network, window: Window = DATA_WINDOW): Partition {
  const [x0, x1] = window.x;
  const [y0, y1] = window.y;
  if (!(x1 > x0 && y1 > y0) || ![x0, x1, y0, y1].every(Number.isFinite)) {
    throw new RangeError(`exactPartition: the window must be a finite rectangle with x0 < x1 and y0 < y1, got x [${x0}, ${x1}], y [${y0}, ${y1}]`);
  }
  const L = net.layers.length;
  const hidden = Array.from({length: L - 1}, (_, k) => linearPieces(net, k));
  const windowArea = (x1 - x0) * (y1 - y0);
  const minArea = SLIVER_AREA * windowArea;
  const merge = VERTEX_MERGE * Math.hypot(x1 - x0, y1 - y0);
  let pieces: Piece[] = [{xy: [x0, y0, x1, y0, x1, y1, x0, y1], maps: new Float64Array([1, 0, 0, 0, 1, 0]), masks: [], zs: []}];
  for (let k = 0; k < L - 1; ++k) {
    const {weights: W, biases: B} = net.layers[k];
    const units = B.length;
    const {g0, on, off} = hidden[k];
    const next: Piece[] = [];
    for (const piece of pieces) {
      // z_j = Σ_i a_i W[i][j] + b_j, with a_i = (maps[3i], maps[3i+1], maps[3i+2])·(x1, x2, 1).
      const z = new Float64Array(3 * units);
      const inputs = piece.maps.length / 3;
      for (let j = 0; j < units; ++j) z[3 * j + 2] = B[j];
      for (let i = 0; i < inputs; ++i) {
        const row = W[i];
        const ax = piece.maps[3 * i];
        const ay = piece.maps[3 * i + 1];
        const ac = piece.maps[3 * i + 2];
        for (let j = 0; j < units; ++j) {
          const w = row[j];
          z[3 * j] += ax * w;
          z[3 * j + 1] += ay * w;
          z[3 * j + 2] += ac * w;
        }
      }
      // Cut the piece by every unit's line; each sub-piece remembers which side it is on.
      let parts: {xy: number[]; mask: Uint8Array}[] = [{xy: piece.xy, mask: new Uint8Array(units)}];
      for (let j = 0; j < units; ++j) {
        const p = z[3 * j];
        const q = z[3 * j + 1];
        const r = z[3 * j + 2];
        if (on === off) {
          // The same slope on both sides (the identity): no kink, no cut; the mask notes the side of the centroid.
          for (const part of parts) {
            const c = polygonCentroid(part.xy, polygonArea(part.xy));
            part.mask[j] = p * c[0] + q * c[1] + r > 0 ? 1 : 0;
          }
          continue;
        }
        const out: {xy: number[]; mask: Uint8Array}[] = [];
        for (const part of parts) {
          const {pos, neg} = cut(part.xy, p, q, r, merge);
          const keepPos = pos.length >= 6 && (pos === part.xy || polygonArea(pos) >= minArea);
          const keepNeg = neg.length >= 6 && (neg === part.xy || polygonArea(neg) >= minArea);
          if (keepPos && keepNeg) {
            const m = part.mask.slice();
            m[j] = 1;
            part.mask[j] = 0;
            out.push({xy: pos, mask: m}, {xy: neg, mask: part.mask});
          } else if (keepPos) {
            part.mask[j] = 1;
            out.push({xy: pos === part.xy ? part.xy : pos, mask: part.mask});
          } else if (keepNeg) {
            part.mask[j] = 0;
            out.push({xy: neg, mask: part.mask});
          } else {
            // Both sides are slivers: the part itself was below the tolerance (cannot happen for a kept part).
            part.mask[j] = 0;
            out.push(part);
          }
        }
        parts = out;
      }
      for (const part of parts) {
        // a_j = g0 + slope_j·z_j on this part.
        const maps = new Float64Array(3 * units);
        for (let j = 0; j < units; ++j) {
          const s = part.mask[j] ? on : off;
          maps[3 * j] = s * z[3 * j];
          maps[3 * j + 1] = s * z[3 * j + 1];
          maps[3 * j + 2] = g0 + s * z[3 * j + 2];
        }
        next.push({xy: part.xy, maps, masks: [...piece.masks, part.mask], zs: [...piece.zs, z]});
      }
    }
    pieces = next;
  }
  // The linear output: y = Σ_i a_i W[i][0] + b_0.
  const {weights: W, biases: B} = net.layers[L - 1];
  const zones = pieces.map((piece): LinearZone => {
    let a = 0;
    let b = 0;
    let c = B[0];
    for (let i = 0; i < W.length; ++i) {
      const w = W[i][0];
      a += piece.maps[3 * i] * w;
      b += piece.maps[3 * i + 1] * w;
      c += piece.maps[3 * i + 2] * w;
    }
    const area = polygonArea(piece.xy);
    const polygon: Point[] = [];
    for (let i = 0; i < piece.xy.length; i += 2) polygon.push([piece.xy[i], piece.xy[i + 1]]);
    return {
      polygon,
      pattern: piece.masks.map((m) => Array.from(m, (v) => v === 1)),
      affine: {a, b, c},
      area,
      centroid: polygonCentroid(piece.xy, area),
      preActivations: piece.zs
    };
  });
  return {window: {x: [x0, x1], y: [y0, y1]}, zones};
}

/** Where a point lies relative to a convex ccw polygon: every edge's cross product ≥ −tolerance. */
export function polygonContains(polygon: readonly Point[], [px, py]: Point, tolerance = 1e-12): boolean {
  const n = polygon.length;
  for (let i = 0; i < n; ++i) {
    const [ax, ay] = polygon[i];
    const [bx, by] = polygon[(i + 1) % n];
    if ((bx - ax) * (py - ay) - (by - ay) * (px - ax) < -tolerance) return false;
  }
  return n >= 3;
}

/** The zone holding `point` (the first found when it lies on a boundary), or null outside the window. */
export function zoneContaining(partition: Partition, point: Point): LinearZone | null {
  return partition.zones.find((zone) => polygonContains(zone.polygon, point)) ?? null;
}

/** The index of the zone holding `point` in partition.zones, or −1. */
export function zoneIndexContaining(partition: Partition, point: Point): number {
  return partition.zones.findIndex((zone) => polygonContains(zone.polygon, point));
}

/** z = p·x1 + q·x2 + r of one hidden unit on a zone (under the zone's pattern of the layers before it). */
export function unitAffineOnZone(net: Network, zone: LinearZone, ref: NeuronRef): {p: number; q: number; r: number} {
  const k = ref.layer - 1;
  if (!Number.isInteger(k) || k < 0 || k >= net.layers.length - 1 || !Number.isInteger(ref.unit) || ref.unit < 1 || ref.unit > net.layers[k].biases.length) {
    throw new RangeError(`unitAffineOnZone: no hidden unit layer ${ref.layer} unit ${ref.unit} in this network`);
  }
  const z = zone.preActivations[k];
  const j = 3 * (ref.unit - 1);
  return {p: z[j], q: z[j + 1], r: z[j + 2]};
}

/** Share of a line's coefficient size within which a vertex counts as on the line z = 0. */
export const BOUNDARY_TOLERANCE = 1e-9;

/**
 * Where a hidden unit's z = 0 inside the partition's window, as polylines: a straight segment for a
 * first-layer unit, a bent line for a deeper one. Made of the edges of the zones where the unit is
 * on that lie on their z = 0 line (every boundary edge is an edge of exactly one such zone).
 */
export function unitBoundary(net: Network, partition: Partition, ref: NeuronRef): Point[][] {
  unitAffineOnZone(net, partition.zones[0], ref); // names a bad ref
  return unitBoundaries(partition).get(boundaryKey(ref)) ?? [];
}

/** "2-3" for layer 2 unit 3: the key of unitBoundaries' map. */
export function boundaryKey(ref: NeuronRef): string {
  return `${ref.layer}-${ref.unit}`;
}

/**
 * Every hidden unit's boundary (as unitBoundary) in one pass over the zones: a map from
 * boundaryKey(unit) to its polylines; a unit whose z never changes sign in the window has none.
 */
export function unitBoundaries(partition: Partition): Map<string, Point[][]> {
  const segments = new Map<string, [Point, Point][]>();
  for (const zone of partition.zones) {
    const n = zone.polygon.length;
    zone.pattern.forEach((layer, k) => {
      const z = zone.preActivations[k];
      layer.forEach((on, j) => {
        if (!on) return;
        const [p, q, r] = [z[3 * j], z[3 * j + 1], z[3 * j + 2]];
        const tol = BOUNDARY_TOLERANCE * (Math.abs(p) + Math.abs(q) + Math.abs(r));
        for (let i = 0; i < n; ++i) {
          const a = zone.polygon[i];
          const b = zone.polygon[(i + 1) % n];
          if (Math.abs(p * a[0] + q * a[1] + r) <= tol && Math.abs(p * b[0] + q * b[1] + r) <= tol) {
            const key = boundaryKey({layer: k + 1, unit: j + 1});
            if (!segments.has(key)) segments.set(key, []);
            segments.get(key)!.push([a, b]);
          }
        }
      });
    });
  }
  const w = partition.window;
  const tolerance = VERTEX_MERGE * 1e3 * Math.hypot(w.x[1] - w.x[0], w.y[1] - w.y[0]);
  return new Map([...segments].map(([key, list]) => [key, chainSegments(list, tolerance)]));
}

/** Joins segments that share end points (within `tolerance`) into polylines. */
function chainSegments(segments: [Point, Point][], tolerance: number): Point[][] {
  const same = (a: Point, b: Point) => Math.abs(a[0] - b[0]) <= tolerance && Math.abs(a[1] - b[1]) <= tolerance;
  const left = segments.slice();
  const lines: Point[][] = [];
  while (left.length) {
    const line: Point[] = [...left.pop()!];
    let grown = true;
    while (grown) {
      grown = false;
      for (let i = 0; i < left.length; ++i) {
        const [a, b] = left[i];
        const head = line[0];
        const tail = line[line.length - 1];
        if (same(tail, a)) line.push(b);
        else if (same(tail, b)) line.push(a);
        else if (same(head, b)) line.unshift(a);
        else if (same(head, a)) line.unshift(b);
        else continue;
        left.splice(i, 1);
        grown = true;
        break;
      }
    }
    lines.push(line);
  }
  return lines;
}

/** The part of the window where p·x1 + q·x2 + r > 0 (a first-layer unit's active half-plane), ccw; empty when none. */
export function halfPlaneInWindow(window: Window, p: number, q: number, r: number): Point[] {
  const [x0, x1] = window.x;
  const [y0, y1] = window.y;
  const {pos} = cut([x0, y0, x1, y0, x1, y1, x0, y1], p, q, r, 0);
  const out: Point[] = [];
  for (let i = 0; i + 1 < pos.length; i += 2) out.push([pos[i], pos[i + 1]]);
  return out.length >= 3 ? out : [];
}

/**
 * The data square's partition of a network, computed once per set of parameters: the zone count
 * chart partitions every checkpoint when a page opens, and the zone map asks again for the
 * checkpoint in view. Keyed by the layers array (a snapshot's checkpoints keep theirs), so a network
 * built afresh from the same arrays finds it; the cache lets go of parameters nobody holds.
 */
const dataWindowPartitions = new WeakMap<readonly unknown[], Partition>();

export function dataWindowPartition(net: Network): Partition {
  let partition = dataWindowPartitions.get(net.layers);
  if (!partition) dataWindowPartitions.set(net.layers, (partition = exactPartition(net)));
  return partition;
}
