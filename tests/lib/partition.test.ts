import {describe, expect, it} from "vitest";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {boundaryKey, DATA_WINDOW, dataWindowPartition, exactPartition, halfPlaneInWindow, polygonContains, unitAffineOnZone, unitBoundaries, unitBoundary, zoneContaining, type Partition} from "../../src/lib/partition.js";
import {activationMask, clipLine, firstLayerLines, localLinear, masksEqual} from "../../src/lib/regions.js";
import {forward, predict, type Layer, type Network} from "../../src/lib/network.js";
import {parseSnapshot, snapshotNetwork} from "../../src/lib/snapshot.js";
import {randomLcg, randomNormal} from "../../src/lib/random.js";
import {zoneMap} from "../../src/lib/zone-map.js";
import {SAMPLE_RANGE, type Point} from "../../src/lib/datasets.js";

/** The zones' areas sum to the window's up to this (dropped slivers and rounding). */
const AREA_TOLERANCE = 1e-9;
/** A zone's affine function and the forward pass agree to this in float64. */
const VALUE_TOLERANCE = 1e-9;
/** Random points checked per network. */
const PROBES = 10_000;

function randomNet(sizes: number[], seed: number, activation: Network["activation"] = "relu"): Network {
  const normal = randomNormal(randomLcg(seed));
  const layers: Layer[] = sizes.slice(1).map((dOut, k) => ({
    weights: Array.from({length: sizes[k]}, () => Array.from({length: dOut}, () => normal() / Math.sqrt(sizes[k]))),
    biases: Array.from({length: dOut}, () => 0.5 * normal())
  }));
  return {layers, activation};
}

function fixtureNet(id: string): Network {
  const text = readFileSync(join(process.cwd(), "tests/fixtures", `${id}.json`), "utf8");
  return snapshotNetwork(parseSnapshot(JSON.parse(text), id));
}

const windowArea = (p: Partition) => (p.window.x[1] - p.window.x[0]) * (p.window.y[1] - p.window.y[0]);

function randomPoints(n: number, seed: number, p: Partition): Point[] {
  const u = randomLcg(seed);
  const [x0, x1] = p.window.x;
  const [y0, y1] = p.window.y;
  return Array.from({length: n}, () => [x0 + (x1 - x0) * u(), y0 + (y1 - y0) * u()] as Point);
}

/** Zones of an arrangement of lines in general position inside a rectangle: 1 + lines crossing it + crossings inside it. */
function arrangementCount(lines: {w1: number; w2: number; b: number}[], r: number): number {
  const inside = (p: Point) => Math.abs(p[0]) < r && Math.abs(p[1]) < r;
  // A line crosses the open square when the corners' signs differ.
  const corners: Point[] = [[-r, -r], [r, -r], [r, r], [-r, r]];
  const crossing = lines.filter((l) => {
    const s = corners.map(([x, y]) => Math.sign(l.w1 * x + l.w2 * y + l.b));
    return s.some((v) => v > 0) && s.some((v) => v < 0);
  });
  let meets = 0;
  for (let i = 0; i < crossing.length; ++i)
    for (let j = i + 1; j < crossing.length; ++j) {
      const a = crossing[i];
      const b = crossing[j];
      const det = a.w1 * b.w2 - a.w2 * b.w1;
      if (det === 0) continue;
      const p: Point = [(-a.b * b.w2 + b.b * a.w2) / det, (-a.w1 * b.b + b.w1 * a.b) / det];
      if (inside(p)) meets += 1;
    }
  return 1 + crossing.length + meets;
}

const cases: [string, () => Network][] = [
  ["small-relu fixture [4]", () => fixtureNet("small-relu")],
  ["large-relu fixture [5, 5]", () => fixtureNet("large-relu")],
  ["random [16, 16, 16]", () => randomNet([2, 16, 16, 16, 1], 11)],
  ["random [8]", () => randomNet([2, 8, 1], 3)]
];

describe("exactPartition", () => {
  for (const [name, make] of cases) {
    describe(name, () => {
      const net = make();
      const partition = exactPartition(net);

      it("tiles the window: areas sum to its area, each random point lies in exactly one zone", () => {
        const total = partition.zones.reduce((s, z) => s + z.area, 0);
        expect(Math.abs(total - windowArea(partition))).toBeLessThan(AREA_TOLERANCE);
        expect(partition.zones.every((z) => z.area > 0)).toBe(true);
        for (const p of randomPoints(2000, 5, partition)) {
          const holders = partition.zones.filter((z) => polygonContains(z.polygon, p, 0)).length;
          expect(holders, `point ${p}`).toBe(1);
        }
      });

      it("gives every point its activation pattern and the forward pass's value", () => {
        for (const p of randomPoints(PROBES, 17, partition)) {
          const zone = zoneContaining(partition, p)!;
          expect(masksEqual(zone.pattern, activationMask(net, p)), `pattern at ${p}`).toBe(true);
          const {a, b, c} = zone.affine;
          expect(Math.abs(a * p[0] + b * p[1] + c - predict(net, p))).toBeLessThan(VALUE_TOLERANCE);
        }
      });

      it("finds at least as many zones as dense grid sampling", () => {
        expect(partition.zones.length).toBeGreaterThanOrEqual(zoneMap(net, 2, 121).zones.length);
      });

      it("lists polygons counter-clockwise, with their centroids inside", () => {
        for (const z of partition.zones) {
          expect(polygonContains(z.polygon, z.centroid)).toBe(true);
          expect(z.polygon.length).toBeGreaterThanOrEqual(3);
        }
      });
    });
  }

  it("counts a one-hidden-layer network's zones as its line arrangement in the window", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const net = randomNet([2, 7, 1], seed);
      const first = net.layers[0];
      const lines = first.biases.map((b, j) => ({w1: first.weights[0][j], w2: first.weights[1][j], b}));
      expect(exactPartition(net).zones.length, `seed ${seed}`).toBe(arrangementCount(lines, 2));
    }
  });

  it("finds the four quadrants of two axis lines", () => {
    const net: Network = {activation: "relu", layers: [{weights: [[1, 0], [0, 1]], biases: [0, 0]}, {weights: [[1], [1]], biases: [0]}]};
    const zones = exactPartition(net).zones;
    expect(zones).toHaveLength(4);
    for (const z of zones) expect(z.area).toBeCloseTo(4, 12);
  });

  it("takes another window", () => {
    const net = fixtureNet("large-relu");
    const p = exactPartition(net, {x: [-1, 3], y: [0, 1]});
    expect(Math.abs(p.zones.reduce((s, z) => s + z.area, 0) - 4)).toBeLessThan(AREA_TOLERANCE);
  });

  it("refuses a smooth activation, naming it", () => {
    expect(() => exactPartition(fixtureNet("small-sigmoid"))).toThrow(/"sigmoid".*not piecewise linear/);
    expect(() => exactPartition(randomNet([2, 3, 1], 1, "tanh"))).toThrow(/"tanh"/);
  });

  it("refuses an empty window", () => {
    expect(() => exactPartition(fixtureNet("small-relu"), {x: [1, 1], y: [0, 1]})).toThrow(/window/);
  });

  it("agrees with localLinear inside every zone", () => {
    const net = randomNet([2, 6, 6, 1], 9);
    for (const z of exactPartition(net).zones) {
      const l = localLinear(net, z.centroid);
      expect(Math.abs(l.a - z.affine.a) + Math.abs(l.b - z.affine.b) + Math.abs(l.c - z.affine.c)).toBeLessThan(VALUE_TOLERANCE);
    }
  });
});

describe("unitBoundary", () => {
  /** A boundary point's z is zero up to this. */
  const Z_TOLERANCE = 1e-9;

  it("is the clipped line of a first-layer unit", () => {
    const net = fixtureNet("large-relu");
    const partition = exactPartition(net);
    let crossing = 0;
    for (let unit = 1; unit <= 5; ++unit) {
      const lines = unitBoundary(net, partition, {layer: 1, unit});
      for (const line of lines) for (const p of line) expect(Math.abs(forward(net, p).z[0][unit - 1])).toBeLessThan(Z_TOLERANCE);
      // One straight piece where the unit's line crosses the window (clipLine, computed independently), none elsewhere.
      const crosses = clipLine(firstLayerLines(net)[unit - 1], SAMPLE_RANGE).length === 2;
      expect(lines).toHaveLength(crosses ? 1 : 0);
      crossing += crosses ? 1 : 0;
    }
    // The fixture's first layer does cut the data square.
    expect(crossing).toBeGreaterThan(0);
  });

  it("is a bent line where a second-layer unit's z is 0, between zones where it is on and off", () => {
    const net = fixtureNet("large-relu");
    const partition = exactPartition(net);
    let drawn = 0;
    for (let unit = 1; unit <= 5; ++unit) {
      for (const line of unitBoundary(net, partition, {layer: 2, unit})) {
        drawn += 1;
        for (const p of line) expect(Math.abs(forward(net, p).z[1][unit - 1])).toBeLessThan(Z_TOLERANCE);
        // Just off each edge's midpoint, on either side, the unit is on on one side and off on the other.
        for (let i = 0; i + 1 < line.length; ++i) {
          const [a, b] = [line[i], line[i + 1]];
          const m: Point = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
          const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
          const n: Point = [(-(b[1] - a[1]) / len) * 1e-6, ((b[0] - a[0]) / len) * 1e-6];
          const z1 = forward(net, [m[0] + n[0], m[1] + n[1]]).z[1][unit - 1];
          const z2 = forward(net, [m[0] - n[0], m[1] - n[1]]).z[1][unit - 1];
          expect(Math.sign(z1) * Math.sign(z2), `unit ${unit} edge ${i}`).toBe(-1);
        }
      }
    }
    expect(drawn).toBeGreaterThan(0);
  });
});

describe("unitBoundaries and unitAffineOnZone", () => {
  it("give each unit's z on each zone and its boundary, as forward() and unitBoundary do", () => {
    const net = randomNet([2, 6, 6, 6, 1], 4);
    const partition = exactPartition(net);
    const all = unitBoundaries(partition);
    for (const zone of partition.zones.slice(0, 50)) {
      const {z} = forward(net, zone.centroid);
      for (let k = 0; k < 3; ++k)
        for (let j = 0; j < 6; ++j) {
          const {p, q, r} = unitAffineOnZone(net, zone, {layer: k + 1, unit: j + 1});
          expect(Math.abs(p * zone.centroid[0] + q * zone.centroid[1] + r - z[k][j])).toBeLessThan(VALUE_TOLERANCE);
        }
    }
    for (let k = 1; k <= 3; ++k)
      for (let j = 1; j <= 6; ++j) expect(unitBoundary(net, partition, {layer: k, unit: j})).toEqual(all.get(boundaryKey({layer: k, unit: j})) ?? []);
    expect(all.size).toBeGreaterThan(6);
  });

  it("refuse a unit the network does not have, naming it", () => {
    const net = randomNet([2, 6, 1], 4);
    expect(() => unitBoundary(net, exactPartition(net), {layer: 2, unit: 1})).toThrow(/no hidden unit layer 2 unit 1/);
    expect(() => unitBoundary(net, exactPartition(net), {layer: 1, unit: 7})).toThrow(/layer 1 unit 7/);
  });
});

describe("halfPlaneInWindow", () => {
  it("is the part of the window where the unit is active", () => {
    const poly = halfPlaneInWindow(DATA_WINDOW, 1, 0, -1);
    // x1 > 1 within [−2, 2]²: the rectangle [1, 2] × [−2, 2].
    expect(poly).toHaveLength(4);
    expect(poly.every(([x]) => x >= 1)).toBe(true);
    expect(halfPlaneInWindow(DATA_WINDOW, 1, 0, 5)).toHaveLength(4);
    expect(halfPlaneInWindow(DATA_WINDOW, 1, 0, -5)).toEqual([]);
  });
  it("computes the data square's partition once per set of parameters", () => {
    const net = fixtureNet("large-relu");
    const first = dataWindowPartition(net);
    expect(first.zones.length).toBe(exactPartition(net).zones.length);
    // A network rebuilt around the same layers finds the same partition; other layers get their own.
    expect(dataWindowPartition({layers: net.layers, activation: net.activation})).toBe(first);
    const other = {layers: net.layers.map((l) => ({weights: l.weights.map((r) => r.map((w) => -w)), biases: l.biases})), activation: net.activation};
    expect(dataWindowPartition(other)).not.toBe(first);
  });
});
