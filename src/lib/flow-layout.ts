// Geometry of the flow diagram: where each column, neuron and bias box goes for a given width, and
// where each edge's value label goes so that labels collide as little as possible. Pure numbers, no
// DOM (text widths are estimated from character classes, so drawing never measures and never
// forces a layout).
//
// Columns: column 0 holds the inputs (one circle each); column c >= 1 holds layer c, each neuron
// drawn as two circles side by side, z on the left and a = g(z) on the right, with its bias box
// above the z circle. Within a column, unit index 0 (unit 1) is at the bottom.

export interface ColumnGeometry {
  /** Centre x of the z circle (inputs: of the single circle). */
  xz: number;
  /** Centre x of the a circle (inputs: same as xz). */
  xa: number;
  /** Number of units. */
  size: number;
}

export interface FlowLayout {
  width: number;
  height: number;
  /** Circle radius. */
  r: number;
  /** Vertical distance between two neighbouring units. */
  rowHeight: number;
  /** Height of the band at the top that holds the column titles. */
  headerHeight: number;
  biasWidth: number;
  biasHeight: number;
  columns: ColumnGeometry[];
  /** Centre y of unit `unit` (0-based, bottom-up) of column `column`. */
  y(column: number, unit: number): number;
}

const MARGIN_LEFT = 26;
const MARGIN_RIGHT = 22;
const HEADER_HEIGHT = 36;
/** Smallest room given to the edges between two columns, per source unit (a label's width). */
const MIN_LANE_WIDTH = 36;

/** Circle radius for a width: large enough for "−0.00" in 10px type, smaller on narrow pages. */
function radiusFor(width: number): number {
  return Math.max(14, Math.min(19, Math.round(width / 50)));
}

function columnWidths(sizes: readonly number[], r: number): number[] {
  const gap = Math.round(r * 0.9);
  return sizes.map((_, c) => (c === 0 ? 2 * r : 4 * r + gap));
}

/**
 * The width under which the edge labels of a network of these layer sizes (input first) start to
 * crowd: the columns plus MIN_LANE_WIDTH per source unit of every band of edges.
 */
export function comfortableWidth(sizes: readonly number[], r = 17): number {
  const columns = columnWidths(sizes, r).reduce((s, w) => s + w, 0);
  const lanes = sizes.slice(0, -1).reduce((s, n) => s + MIN_LANE_WIDTH * n + 24, 0);
  return MARGIN_LEFT + MARGIN_RIGHT + columns + lanes;
}

/** Positions of everything for layer sizes [nInput, n1, ..., nOutput] in a given width. */
export function flowLayout(sizes: readonly number[], width: number): FlowLayout {
  const r = radiusFor(width);
  const gap = Math.round(r * 0.9);
  const widths = columnWidths(sizes, r);
  const bands = sizes.length - 1;
  const free = width - MARGIN_LEFT - MARGIN_RIGHT - widths.reduce((s, w) => s + w, 0);
  const band = Math.max(24, free / bands);

  const columns: ColumnGeometry[] = [];
  let x = MARGIN_LEFT;
  sizes.forEach((size, c) => {
    if (c === 0) columns.push({xz: x + r, xa: x + r, size});
    else columns.push({xz: x + r, xa: x + 3 * r + gap, size});
    x += widths[c] + band;
  });

  const biasHeight = 14;
  const biasWidth = Math.round(2 * r * 0.95);
  const rowHeight = 2 * r + biasHeight + 14;
  const nMax = Math.max(...sizes);
  const height = HEADER_HEIGHT + nMax * rowHeight + 4;

  // Row s (0 = top) of a column of n units, centred vertically among nMax rows; the bias box sits
  // at the top of the row, the circles below it.
  const y = (column: number, unit: number) => {
    const n = sizes[column];
    const s = n - 1 - unit;
    const top = HEADER_HEIGHT + ((nMax - n) * rowHeight) / 2 + s * rowHeight;
    return top + biasHeight + 8 + r;
  };

  return {width, height, r, rowHeight, headerHeight: HEADER_HEIGHT, biasWidth, biasHeight, columns, y};
}

/** Approximate advance width of a number label in a sans-serif face: no measuring, no reflow. */
export function estimateTextWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += ch === "." || ch === "," ? 0.28 : ch === "−" || ch === "-" ? 0.58 : 0.56;
  return em * fontSize;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Area of the intersection of two rectangles (0 when they do not overlap). */
export function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** One label to place on the segment (x1, y1) -> (x2, y2), preferably at fraction t0 of its length. */
export interface LabelRequest {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  height: number;
  t0: number;
}

export interface LabelPlacement {
  /** Centre of the label. */
  x: number;
  y: number;
  t: number;
  /** Overlap area with labels placed before it (0 when it found a free spot). */
  overlap: number;
}

/** Fractions tried along an edge, away from its ends (which crowd around the circles). */
const CANDIDATES = Array.from({length: 21}, (_, i) => 0.1 + (0.8 * i) / 20);

/**
 * Greedy label placement: each label in turn takes the free position along its own segment nearest
 * its preferred fraction t0, among fractions 0.1 .. 0.9 that keep it between the segment's ends;
 * when none is free, the one overlapping the labels already placed the least. O(labels² × 21),
 * about 25k rectangle tests for the 40 edges of a [5, 5] network.
 */
export function placeLabels(requests: readonly LabelRequest[], padding = 1): LabelPlacement[] {
  const placed: Rect[] = [];
  return requests.map((q) => {
    const xMin = Math.min(q.x1, q.x2) + q.width / 2;
    const xMax = Math.max(q.x1, q.x2) - q.width / 2;
    const dx = q.x2 - q.x1;
    const at = (t: number) => ({x: q.x1 + t * dx, y: q.y1 + t * (q.y2 - q.y1)});
    const order = CANDIDATES.filter((t) => {
      const {x} = at(t);
      return x >= xMin && x <= xMax;
    }).sort((a, b) => Math.abs(a - q.t0) - Math.abs(b - q.t0) || a - b);
    if (order.length === 0) order.push(0.5);

    let best: LabelPlacement | null = null;
    for (const t of order) {
      const {x, y} = at(t);
      const rect = {
        x: x - q.width / 2 - padding,
        y: y - q.height / 2 - padding,
        width: q.width + 2 * padding,
        height: q.height + 2 * padding
      };
      let overlap = 0;
      for (const p of placed) overlap += overlapArea(rect, p);
      if (!best || overlap < best.overlap) best = {x, y, t, overlap};
      if (overlap === 0) break;
    }
    const b = best!;
    placed.push({x: b.x - q.width / 2, y: b.y - q.height / 2, width: q.width, height: q.height});
    return b;
  });
}

/**
 * Preferred fraction along an edge leaving source unit i of n: one "lane" per source, spread over
 * the middle of the band, so that labels of edges leaving the same unit line up at one distance
 * from it and neighbouring sources use different distances.
 */
export function laneFraction(i: number, n: number): number {
  return 0.18 + (0.64 * (i + 0.5)) / n;
}
