import {describe, expect, it} from "vitest";
import {
  comfortableWidth,
  estimateTextWidth,
  flowLayout,
  laneFraction,
  overlapArea,
  placeLabels,
  type LabelRequest
} from "../../src/lib/flow-layout.js";

/** Layout arithmetic in float64 agrees to 9 decimals (far below a pixel). */
const LAYOUT_DIGITS = 9;

describe("flowLayout", () => {
  it("puts columns left to right, z before a, inside the width", () => {
    const l = flowLayout([2, 5, 5, 1], 960);
    expect(l.columns).toHaveLength(4);
    for (let c = 1; c < l.columns.length; ++c) {
      expect(l.columns[c].xz).toBeGreaterThan(l.columns[c - 1].xa + 2 * l.r);
      expect(l.columns[c].xa).toBeGreaterThan(l.columns[c].xz + 2 * l.r);
    }
    expect(l.columns[0].xz - l.r).toBeGreaterThan(0);
    expect(l.columns[3].xa + l.r).toBeLessThan(960);
  });

  it("is at least as wide as its columns on a narrow page, and as wide as asked otherwise", () => {
    for (const width of [0, 200, 320, 375]) {
      const l = flowLayout([2, 5, 5, 1], width);
      const last = l.columns[l.columns.length - 1];
      expect(last.xa + l.r).toBeLessThan(l.width);
      expect(l.width).toBeGreaterThanOrEqual(width);
    }
    expect(flowLayout([2, 5, 5, 1], 960).width).toBe(960);
  });

  it("numbers units bottom-up: unit 0 has the largest y", () => {
    const l = flowLayout([2, 4, 1], 800);
    const ys = [0, 1, 2, 3].map((u) => l.y(1, u));
    for (let u = 1; u < 4; ++u) expect(ys[u]).toBeLessThan(ys[u - 1]);
    expect(ys[0] - ys[1]).toBeCloseTo(l.rowHeight, LAYOUT_DIGITS);
  });

  it("derives the height from the largest layer and centres smaller ones", () => {
    const small = flowLayout([2, 4, 1], 800);
    const large = flowLayout([2, 5, 5, 1], 800);
    expect(large.height - small.height).toBeCloseTo(large.rowHeight, LAYOUT_DIGITS);
    // The single output sits at the middle of the 4 hidden units.
    expect(small.y(2, 0)).toBeCloseTo((small.y(1, 1) + small.y(1, 2)) / 2, LAYOUT_DIGITS);
    // Every bias box (above its circle) stays below the header.
    expect(large.y(1, 4) - large.r - 6 - large.biasHeight).toBeGreaterThanOrEqual(large.headerHeight);
  });

  it("says a [5, 5] network needs more room than a [4] one", () => {
    expect(comfortableWidth([2, 5, 5, 1])).toBeGreaterThan(comfortableWidth([2, 4, 1]));
  });
});

/**
 * Advance widths at 10 px, measured in Chromium on Debian (playwright-core 1.65, chromium package,
 * getComputedTextLength of an svg <text> in font-family "system-ui, sans-serif", which resolves to
 * DejaVu Sans there, the widest of the faces it resolves to): every character a number label is
 * made of, and labels the flow diagram draws ("−0.51" is the one flow-layout.ts cites). Each text's
 * getBBox() was as wide.
 */
const MEASURED_10PX: Record<string, number> = {
  "0": 6.375,
  "1": 6.375,
  "5": 6.375,
  "9": 6.375,
  ".": 3.1875,
  "−": 8.390625,
  "-": 3.609375,
  "−0.51": 30.65625,
  "−0.71": 30.65625,
  "0.96": 22.265625,
  "0.00": 22.265625,
  "−1.29": 30.65625,
  "10.00": 28.640625,
  "−10.00": 37.015625
};
/**
 * How much wider than the measured text the estimate may be: enough for the hyphen (0.37 em for
 * 0.361), small enough that a label is not left off for room it does not need.
 */
const ESTIMATE_SLACK = 0.03;

describe("estimateTextWidth", () => {
  it("is never short of the measured width, and over it by at most ESTIMATE_SLACK, at any size", () => {
    for (const [text, measured] of Object.entries(MEASURED_10PX))
      for (const size of [9, 10, 12]) {
        const estimate = estimateTextWidth(text, size);
        const real = (measured * size) / 10;
        expect(estimate, `"${text}" at ${size} px`).toBeGreaterThanOrEqual(real);
        expect(estimate, `"${text}" at ${size} px`).toBeLessThanOrEqual(real * (1 + ESTIMATE_SLACK));
      }
  });

  it("grows with the text and the font size", () => {
    expect(estimateTextWidth("−0.45", 10)).toBeGreaterThan(estimateTextWidth("0.45", 10));
    expect(estimateTextWidth("0.45", 20)).toBeCloseTo(2 * estimateTextWidth("0.45", 10), LAYOUT_DIGITS);
  });
});

describe("overlapArea", () => {
  it("is the intersection area, 0 for disjoint or touching rectangles", () => {
    expect(overlapArea({x: 0, y: 0, width: 2, height: 2}, {x: 1, y: 1, width: 2, height: 2})).toBe(1);
    expect(overlapArea({x: 0, y: 0, width: 2, height: 2}, {x: 2, y: 0, width: 2, height: 2})).toBe(0);
  });
});

describe("placeLabels", () => {
  const fan = (n: number): LabelRequest[] =>
    // n edges from one point to n targets 60 px apart, all preferring the same spot.
    Array.from({length: n}, (_, j) => ({x1: 0, y1: 150, x2: 200, y2: j * 60, width: 30, height: 11, t0: 0.3}));

  it("keeps each label on its own segment and between its ends", () => {
    const requests = fan(5);
    const placed = placeLabels(requests);
    for (const [q, p] of requests.map((q, n) => [q, placed[n]] as const)) {
      expect(p.x).toBeCloseTo(q.x1 + p.t * (q.x2 - q.x1), LAYOUT_DIGITS);
      expect(p.y).toBeCloseTo(q.y1 + p.t * (q.y2 - q.y1), LAYOUT_DIGITS);
      expect(p.x - q.width / 2).toBeGreaterThanOrEqual(q.x1);
      expect(p.x + q.width / 2).toBeLessThanOrEqual(q.x2);
    }
  });

  it("moves labels away from each other when their preferred spots collide", () => {
    const placed = placeLabels(fan(5));
    expect(placed.every((p) => p.placed)).toBe(true);
    const rects = placed.map((p) => ({x: p.x - 15, y: p.y - 5.5, width: 30, height: 11}));
    for (let a = 0; a < rects.length; ++a) for (let b = a + 1; b < rects.length; ++b) expect(overlapArea(rects[a], rects[b])).toBe(0);
  });

  it("is deterministic and takes the preferred spot when it is free", () => {
    const one = placeLabels([{x1: 0, y1: 0, x2: 100, y2: 0, width: 10, height: 10, t0: 0.5}]);
    expect(one[0]).toEqual({x: 50, y: 0, t: 0.5, placed: true});
    expect(placeLabels(fan(5))).toEqual(placeLabels(fan(5)));
  });

  it("leaves off the labels of least priority when there is no room, and never overlaps two", () => {
    // Five edges on one horizontal line, each 40 px long with a 30 px label: room for one label only.
    const crowd: LabelRequest[] = [3, 1, 5, 2, 4].map((priority) => ({x1: 0, y1: 0, x2: 40, y2: 0, width: 30, height: 11, t0: 0.5, priority}));
    const placed = placeLabels(crowd);
    expect(placed.map((p) => p.placed)).toEqual([false, false, true, false, false]);
  });

  it("moves a placed label along its edge to make room for another", () => {
    // The first label takes the middle of a long edge; the second edge lies along it and is exactly
    // as long as its label, so its only spot is that middle: the first must slide along its edge.
    const requests: LabelRequest[] = [
      {x1: 0, y1: 50, x2: 400, y2: 50, width: 30, height: 11, t0: 0.5, priority: 2},
      {x1: 185, y1: 50, x2: 215, y2: 50, width: 30, height: 11, t0: 0.5, priority: 1}
    ];
    const placed = placeLabels(requests);
    expect(placed.every((p) => p.placed)).toBe(true);
    expect(placed[1].t).toBe(0.5);
    expect(placed[0].t).not.toBe(0.5);
    const rects = placed.map((p, n) => ({x: p.x - requests[n].width / 2, y: p.y - requests[n].height / 2, width: requests[n].width, height: requests[n].height}));
    expect(overlapArea(rects[0], rects[1])).toBe(0);
  });
});

describe("laneFraction", () => {
  it("spreads the sources of a band over distinct fractions inside (0.1, 0.9)", () => {
    const t = [0, 1, 2, 3, 4].map((i) => laneFraction(i, 5));
    for (let i = 1; i < 5; ++i) expect(t[i]).toBeGreaterThan(t[i - 1]);
    expect(t[0]).toBeGreaterThan(0.1);
    expect(t[4]).toBeLessThan(0.9);
  });
});
