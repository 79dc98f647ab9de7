// Geometry of the flow diagram: where each column, neuron and bias box goes for a given width, and
// where each edge's value label goes so that no two labels overlap (a label with no free spot on its
// edge is left off). Pure numbers, no DOM (text widths are estimated from character classes, so
// drawing never measures and never forces a layout).
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

  // When the bands are held at their narrowest (a phone), the columns need more than the width asked
  // for: the layout is then as wide as they need, so that nothing falls outside the svg, and the
  // stylesheet scales the svg down to the page (.flow-diagram svg: max-width: 100%). Otherwise the
  // columns end exactly MARGIN_RIGHT inside the width.
  const last = columns[columns.length - 1];
  const fitted = band > free / bands ? Math.ceil(last.xa + r + MARGIN_RIGHT) : width;
  return {width: fitted, height, r, rowHeight, headerHeight: HEADER_HEIGHT, biasWidth, biasHeight, columns, y};
}

/** Gap between a bias box and its z circle, spanned by the stem, in px. */
export const BIAS_STEM = 6;

/** Centre y of the bias box above a neuron whose circles are centred at y. */
export function biasBoxY(y: number, layout: Pick<FlowLayout, "r" | "biasHeight">): number {
  return y - layout.r - BIAS_STEM - layout.biasHeight / 2;
}

/**
 * Advance widths (em) of the characters of a number label, taken from the widest of the faces
 * `system-ui, sans-serif` resolves to: DejaVu Sans, the Linux fallback (digits 0.636, "." 0.318,
 * "−" 0.838, "-" 0.361). Arial, Segoe UI and San Francisco are narrower, so an estimate from these
 * is never short: a label placed clear of another by the estimate is clear on screen too (measured
 * in Chromium on Debian: "−0.51" at 10 px is 30.66 px wide, 30.7 px estimated).
 */
const EM = {digit: 0.64, point: 0.32, minus: 0.84, hyphen: 0.37};

/** Approximate advance width of a number label in a sans-serif face: no measuring, no reflow. */
export function estimateTextWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += ch === "." || ch === "," ? EM.point : ch === "−" ? EM.minus : ch === "-" ? EM.hyphen : EM.digit;
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
  /**
   * Labels of larger priority choose their spot first (default 0; ties keep the requests' order), so
   * when a band runs out of room, the labels left off are those of least priority.
   */
  priority?: number;
}

export interface LabelPlacement {
  /** Centre of the label (for a label left off: the point at t0, unused). */
  x: number;
  y: number;
  t: number;
  /**
   * Whether the label found a spot on its edge where its box overlaps no other placed label's box.
   * A label that did not is left off: two numbers drawn over each other can be read as neither.
   */
  placed: boolean;
}

/**
 * Fractions tried along an edge, 0.05 .. 0.95 in steps of 1/80 (each an exact quotient, so 0.5 is
 * exactly 0.5): fine enough that a label slides
 * past its neighbours by less than a pixel per step on the widest bands, and short of the very ends,
 * where every edge of a unit meets.
 */
const CANDIDATES = Array.from({length: 73}, (_, i) => (4 + i) / 80);

/**
 * Label placement in order of priority: each label in turn takes the spot along its own segment
 * nearest its preferred fraction t0, among the CANDIDATES that keep it between the segment's ends
 * and off every obstacle (the caller's rectangles: circles, boxes, grown by the room it wants kept),
 * where its box (grown by `padding` on each side) overlaps no label placed before it. A label with no
 * such spot gets one repair: if some spot of its own is blocked by a single placed label that can
 * move to another free spot of its own edge, that label moves and this one takes the spot. A label
 * still without a spot is not placed (placed: false), so no two placed labels ever overlap.
 * O(labels² × 73) for the greedy pass, about 100k rectangle tests for the 40 edges of a [5, 5]
 * network; a repair costs up to 73 × 73 × labels more, and only the few crowded labels need one.
 */
export function placeLabels(requests: readonly LabelRequest[], {padding = 1, obstacles = []}: {padding?: number; obstacles?: readonly Rect[]} = {}): LabelPlacement[] {
  const candidates = requests.map((q) => {
    const xMin = Math.min(q.x1, q.x2) + q.width / 2;
    const xMax = Math.max(q.x1, q.x2) - q.width / 2;
    return CANDIDATES.filter((t) => {
      const x = q.x1 + t * (q.x2 - q.x1);
      return x >= xMin && x <= xMax;
    }).sort((a, b) => Math.abs(a - q.t0) - Math.abs(b - q.t0) || a - b);
  });
  const at = (n: number, t: number) => {
    const q = requests[n];
    return {x: q.x1 + t * (q.x2 - q.x1), y: q.y1 + t * (q.y2 - q.y1)};
  };
  /** The box of label n at fraction t, grown by `padding` when it is the one being placed. */
  const box = (n: number, t: number, pad: number): Rect => {
    const q = requests[n];
    const {x, y} = at(n, t);
    return {x: x - q.width / 2 - pad, y: y - q.height / 2 - pad, width: q.width + 2 * pad, height: q.height + 2 * pad};
  };
  /** Fraction of each placed label (undefined: not placed yet, or left off), and its box (unpadded). */
  const spot = new Map<number, number>();
  const placedBox = new Map<number, Rect>();
  const place = (n: number, t: number) => {
    spot.set(n, t);
    placedBox.set(n, box(n, t, 0));
  };
  /** Spots whose box overlaps an obstacle (a neuron, a bias box) are never candidates. */
  for (const [n, list] of candidates.entries()) {
    // Every box of label n lies within its segment's bounding box grown by half the label's size, so
    // only the obstacles overlapping that can block it.
    const q = requests[n];
    const reach = {x: Math.min(q.x1, q.x2) - q.width / 2, y: Math.min(q.y1, q.y2) - q.height / 2, width: Math.abs(q.x2 - q.x1) + q.width, height: Math.abs(q.y2 - q.y1) + q.height};
    const near = obstacles.filter((o) => overlapArea(reach, o) > 0);
    candidates[n] = list.filter((t) => {
      const b = box(n, t, 0);
      return near.every((o) => overlapArea(b, o) === 0);
    });
  }
  /**
   * The placed labels (other than `except`) whose boxes overlap label n's padded box at t. This is
   * the inner loop of the placement (about 100k tests for a [5, 5] network), so the padded box is
   * made once and each placed label's box was made when it was placed.
   */
  const blockers = (n: number, t: number, except: number | null = null) => {
    const b = box(n, t, padding);
    const found: number[] = [];
    for (const [m, bm] of placedBox) if (m !== except && overlapArea(b, bm) > 0) found.push(m);
    return found;
  };
  /** Whether label n's padded box at t overlaps no placed label. */
  const clear = (n: number, t: number) => {
    const b = box(n, t, padding);
    for (const bm of placedBox.values()) if (overlapArea(b, bm) > 0) return false;
    return true;
  };

  // Array.prototype.sort is stable, so equal priorities keep the order of the requests.
  const order = requests.map((_, n) => n).sort((a, b) => (requests[b].priority ?? 0) - (requests[a].priority ?? 0));
  for (const n of order) {
    const free = candidates[n].find((t) => clear(n, t));
    if (free !== undefined) {
      place(n, free);
      continue;
    }
    // Repair: move a single blocker elsewhere on its own edge, clear of every label and of n's new box.
    repair: for (const t of candidates[n]) {
      const blocking = blockers(n, t);
      if (blocking.length !== 1) continue;
      const [m] = blocking;
      const mine = box(n, t, 0);
      for (const tm of candidates[m]) {
        if (tm === spot.get(m)) continue;
        if (blockers(m, tm, m).length > 0 || overlapArea(box(m, tm, padding), mine) > 0) continue;
        place(m, tm);
        place(n, t);
        break repair;
      }
    }
  }
  return requests.map((q, n) => {
    const t = spot.get(n);
    return t === undefined ? {...at(n, q.t0), t: q.t0, placed: false} : {...at(n, t), t, placed: true};
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
