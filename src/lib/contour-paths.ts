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
// - path strings: d3 `geoPath()` with no projection (planar, three decimals).
// Plot's default "nearest" interpolation of a dense grid onto a raster of the same size gives back
// the grid's own values (each raster cell centre is its own sample), so it is skipped here.
import {contours, geoPath, nice, ticks} from "d3";

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
  const path = geoPath();
  const grid = Array.isArray(values) ? (values as number[]) : Array.from(values);
  const d = thresholds.map((t) => {
    const shape = contour.contour(grid, t);
    for (const polygon of shape.coordinates)
      for (const ring of polygon)
        for (const point of ring) {
          point[0] = point[0] / kx + left;
          point[1] = point[1] / ky + bottom;
        }
    return path(shape);
  });
  return {thresholds, d};
}
