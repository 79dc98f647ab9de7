import {describe, expect, it} from "vitest";
import {contourPaths, contourThresholds, finiteExtent} from "../../src/lib/contour-paths.js";

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
    // threshold); the 0.5 band crosses halfway between the centre and its neighbours.
    expect(d[0]).toBe("M30,5L30,15L30,25L25,30L15,30L5,30L0,25L0,15L0,5L5,0L15,0L25,0Z");
    expect(d[1]).toBe("M20,15L15,20L10,15L15,10Z");
  });

  it("names a grid that does not match its values", () => {
    expect(() => contourPaths([1, 2, 3], {width: 2, height: 2, left: 0, right: 1, bottom: 1, top: 0}, 4)).toThrow(/3 values for a 2 × 2 grid/);
  });
});
