// Filled contours of a dense grid of values as SVG path strings, computed exactly as Observable
// Plot's contour mark computes them (marks/contour.js, Plot 0.6.17) for a dense grid with
// `thresholds: <count>`, so that a chart can draw and redraw them itself, in place, without
// building a Plot chart per grid:
//
// - thresholds: d3 `ticks(...nice(lo, hi, count), count)` over the finite extent [lo, hi] of the
//   values, then the ticks ≥ hi dropped from the top, and from the bottom every tick while the
//   second one is still < lo (so the first threshold is the largest tick ≤ lo, whose band covers
//   the whole grid);
// - geometry: d3 `contours().size([w, h]).smooth(true)` of the values in grid coordinates
//   (column gx in [0, w], row gy in [0, h], row 0 = the grid's first x2 value), one multipolygon
//   per threshold, then rescaled to pixels as Plot does: px = gx / kx + left, py = gy / ky + bottom
//   with kx = w / (right − left), ky = h / (top − bottom) (negative: pixels grow downwards);
// - path strings: what d3 `geoPath()` with no projection writes (planar, three decimals), written
//   here directly while rescaling (a quarter of the time): per ring "M" then "L" to each point but
//   the last (the ring's closing copy of the first), then "Z"; a coordinate c is written as
//   String(Math.round(c * 1000) / 1000), as d3-geo's appendRound does;
// - with one difference: a ring's vertices that lie within CHORD_TOLERANCE_PX of a straight run are
//   left out (simplifiedRing). Marching squares put a vertex on every grid line a contour crosses,
//   and most of them are on straight lines: the frame's sides, and the level lines of a piecewise
//   linear network, straight inside each of its zones. Leaving them out draws the same picture (a
//   twentieth of a pixel at most) from about a seventh of the path data, which the browser parses and
//   lays out on every epoch change.
// Plot's default "nearest" interpolation of a dense grid onto a raster of the same size gives back
// the grid's own values (each raster cell centre is its own sample), so it is skipped here.
import {contours, nice, ticks} from "d3";

/** The pixel positions of the grid's outer edges (the cell boundaries, half a step beyond the first and last values). */
export interface GridFrame {
  /** Columns (x1) of the grid, and rows (x2). */
  width: number;
  height: number;
  /** Pixel x of the left and right edges. */
  left: number;
  right: number;
  /** Pixel y of the bottom edge (the first row's side) and of the top edge. */
  bottom: number;
  top: number;
}

/** One filled band per threshold: its path covers every cell whose value is ≥ the threshold. */
export interface ContourPaths {
  thresholds: number[];
  /** SVG path data, or null for an empty band (never the case with thresholds below the maximum). */
  d: (string | null)[];
}

/** The finite extent of the values, [Infinity, -Infinity] when there is no finite value. */
export function finiteExtent(values: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; ++i) {
    const v = values[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

/** Plot's contour thresholds for a count (see the top of this file). */
export function contourThresholds(values: ArrayLike<number>, count: number): number[] {
  const [lo, hi] = finiteExtent(values);
  if (!(lo <= hi)) return [];
  const tz = ticks(...nice(lo, hi, count), count);
  while (tz[tz.length - 1] >= hi) tz.pop();
  while (tz[1] < lo) tz.shift();
  return tz;
}

/** The filled contours of `values` (dense, row-major: x1 fastest) on `frame`, at Plot's thresholds for `count`. */
export function contourPaths(values: ArrayLike<number>, frame: GridFrame, count: number): ContourPaths {
  const {width: w, height: h, left, right, bottom, top} = frame;
  if (values.length !== w * h) throw new RangeError(`contourPaths: ${values.length} values for a ${w} × ${h} grid`);
  const thresholds = contourThresholds(values, count);
  const kx = w / (right - left);
  const ky = h / (top - bottom);
  const contour = contours().size([w, h]).smooth(true);
  const grid = Array.isArray(values) ? (values as number[]) : Array.from(values);
  const round = (c: number) => Math.round(c * 1000) / 1000;
  const d = thresholds.map((t) => {
    let path = "";
    for (const polygon of contour.contour(grid, t).coordinates)
      for (const ring of polygon) {
        // The ring in pixels, as written (rounded), without its closing copy of the first point.
        const n = ring.length - 1;
        const xy = new Float64Array(2 * n);
        for (let i = 0; i < n; ++i) {
          xy[2 * i] = round(ring[i][0] / kx + left);
          xy[2 * i + 1] = round(ring[i][1] / ky + bottom);
        }
        simplifiedRing(xy, CHORD_TOLERANCE_PX).forEach((i, k) => (path += `${k ? "L" : "M"}${xy[2 * i]},${xy[2 * i + 1]}`));
        path += "Z";
      }
    return path === "" ? null : path;
  });
  return {thresholds, d};
}

/** How far (px) a left-out vertex may be from the chord drawn in its place. */
export const CHORD_TOLERANCE_PX = 0.05;

/**
 * The indices of the vertices of a closed ring (xy = x0, y0, x1, y1, …; the closing point not
 * repeated) that are kept when every run of vertices lying along a straight chord is drawn as that
 * chord. Greedy from vertex 0 (always kept): from the last kept vertex A, the chord to the next
 * candidate B is taken as long as every vertex P between them lies within `tolerance` of the line
 * AB and strictly between A and B along it, 0 < (P − A)·(B − A) < |B − A|²; the vertex before the
 * first candidate that fails is kept and becomes A. The last chord runs back to vertex 0. Whatever
 * is left out is within `tolerance` of the outline drawn, and the kept vertices keep their order:
 * a spike (a vertex beyond its neighbours along their line) is never cut.
 */
export function simplifiedRing(xy: ArrayLike<number>, tolerance: number): number[] {
  const n = xy.length / 2;
  const kept = [0];
  let a = 0;
  for (let j = 2; j <= n; ++j) {
    // Candidate chord from vertex a to vertex j (n wraps to 0), over the vertices a+1 … j-1.
    const b = j % n;
    const ax = xy[2 * a];
    const ay = xy[2 * a + 1];
    const dx = xy[2 * b] - ax;
    const dy = xy[2 * b + 1] - ay;
    const len2 = dx * dx + dy * dy;
    let straight = len2 > 0;
    for (let m = a + 1; straight && m < j; ++m) {
      const px = xy[2 * m] - ax;
      const py = xy[2 * m + 1] - ay;
      const along = px * dx + py * dy;
      const cross = px * dy - py * dx;
      // |cross| / |AB| is P's distance from the line AB.
      straight = along > 0 && along < len2 && cross * cross <= tolerance * tolerance * len2;
    }
    if (!straight) kept.push((a = j - 1));
  }
  return kept;
}
