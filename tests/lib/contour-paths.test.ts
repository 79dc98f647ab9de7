import {describe, expect, it} from "vitest";
import {CHORD_TOLERANCE_PX, contourPaths, contourThresholds, finiteExtent, simplifiedRing} from "../../src/lib/contour-paths.js";

describe("contour paths", () => {
  it("takes Plot's thresholds: d3 ticks over the niced extent, the lowest at or under the minimum, all under the maximum", () => {
    const t = contourThresholds([0.13, 0.5, 0.97], 16);
    expect(t).toEqual([0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95]);
    expect(contourThresholds([1, 1], 16)).toEqual([]);
    expect(contourThresholds([], 16)).toEqual([]);
    expect(finiteExtent([3, -2, 5])).toEqual([-2, 5]);
  });

  it("draws a band per threshold in pixels: a single cell above the threshold is a diamond around its centre", () => {
    // 3 × 3 grid, the centre cell 1, the rest 0; the frame maps the grid's edges to [0, 30] × [30, 0].
    const values = [0, 0, 0, 0, 1, 0, 0, 0, 0];
    const {thresholds, d} = contourPaths(values, {width: 3, height: 3, left: 0, right: 30, bottom: 30, top: 0}, 2);
    expect(thresholds).toEqual([0, 0.5]);
    // The lowest band covers the frame (d3 cuts its corners: outside the grid counts as below every
    // threshold), each side one chord (d3 also puts a vertex at each side's middle, 30,15 and so on);
    // the 0.5 band crosses halfway between the centre and its neighbours.
    expect(d[0]).toBe("M30,5L30,25L25,30L5,30L0,25L0,5L5,0L25,0Z");
    expect(d[1]).toBe("M20,15L15,20L10,15L15,10Z");
  });

  it("names a grid that does not match its values", () => {
    expect(() => contourPaths([1, 2, 3], {width: 2, height: 2, left: 0, right: 1, bottom: 1, top: 0}, 4)).toThrow(/3 values for a 2 × 2 grid/);
  });

  it("draws a straight run of vertices as one chord, and keeps corners, spikes and curves", () => {
    // A square with three vertices on its bottom side and one on its right side.
    expect(simplifiedRing([0, 0, 1, 0, 2, 0, 3, 0, 3, 1.5, 3, 3, 0, 3], CHORD_TOLERANCE_PX)).toEqual([0, 3, 5, 6]);
    // A spike: vertex 2 goes out along the side and comes back; it lies on the line, not between.
    expect(simplifiedRing([0, 0, 2, 0, 3, 0, 1, 0, 1, 1], CHORD_TOLERANCE_PX)).toEqual([0, 2, 3, 4]);
    // A vertex 0.04 px off the chord goes, one 0.06 px off stays.
    expect(simplifiedRing([0, 0, 5, 0.04, 10, 0, 5, 5], CHORD_TOLERANCE_PX)).toEqual([0, 2, 3]);
    expect(simplifiedRing([0, 0, 5, 0.06, 10, 0, 5, 5], CHORD_TOLERANCE_PX)).toEqual([0, 1, 2, 3]);
  });

  it("leaves out only vertices within the tolerance of the chord drawn instead, on circles of every size", () => {
    for (const radius of [0.5, 5, 50, 500]) {
      const n = 400;
      const xy = Array.from({length: 2 * n}, (_, k) => (k % 2 ? Math.sin : Math.cos)((2 * Math.PI * Math.floor(k / 2)) / n) * radius);
      const kept = simplifiedRing(xy, CHORD_TOLERANCE_PX);
      // In order, starting at 0.
      expect(kept[0]).toBe(0);
      kept.forEach((k, i) => i && expect(k).toBeGreaterThan(kept[i - 1]));
      // Every vertex left out lies within the tolerance of the chord between the kept ones around it.
      for (let i = 0; i < kept.length; ++i) {
        const a = kept[i];
        const b = kept[(i + 1) % kept.length];
        const [ax, ay, bx, by] = [xy[2 * a], xy[2 * a + 1], xy[2 * b], xy[2 * b + 1]];
        for (let m = a + 1; m < (b || n); ++m) {
          const dist = Math.abs((xy[2 * m] - ax) * (by - ay) - (xy[2 * m + 1] - ay) * (bx - ax)) / Math.hypot(bx - ax, by - ay);
          expect(dist).toBeLessThanOrEqual(CHORD_TOLERANCE_PX + 1e-12);
        }
      }
      // A large circle keeps many vertices; a tiny one (its sagitta under the tolerance) a few. A
      // chord over k steps of angle 2π/n is r(1 − cos(πk/n)) from the arc: at most 0.05 px for k ≤ 5
      // when r = 50 and for k = 1 when r = 500.
      if (radius === 50) expect(kept.length).toBeGreaterThanOrEqual(n / 5);
      if (radius === 500) expect(kept.length).toBe(n);
      if (radius <= 0.5) expect(kept.length).toBeLessThan(10);
    }
  });
});
