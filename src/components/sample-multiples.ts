// Small multiples of the flow diagram: one small diagram per sample, side by side, as the article
// shows its samples in separate figures to compare. Each sits in a <figure> whose <figcaption> is
// the page's sentence about that sample (lib/sample-prose.ts); the diagrams share one palette, one
// colour mode and, with colorMode "dataset", one neuron colour scale per column, so a neuron's colour
// means the same value in every figure. (The edge scale is each diagram's own: the flow diagram
// fits it to the values it draws.)
//
// Layout: a grid of two columns when the page is at least TWO_COLUMNS_MIN px wide, else one. A
// diagram is drawn at its column's width, or at the least width its columns need when that is more
// (then the stylesheet scales it down to fit, so the page never scrolls sideways). What stays
// legible at that size is decided here:
//   - edge labels all or none (in a comparison, a figure with some of its labels is misread as one
//     whose other edges carry nothing): kept only when the diagrams are shown at the size they are
//     drawn and every figure's labels are all there, clear of one another, of the circles and of the
//     bias boxes, and not so dense that they read as a mesh (edgeLabelsClear); otherwise the edges
//     keep their colour and width, and the numbers stay on the neurons and the biases;
//   - no numbers at all when the stylesheet would scale the text below MIN_TEXT_SCALE.
// The flow diagram has no switch for its edge labels alone, so this component removes them.
//
// Each diagram keeps its own selection (a unit clicked writes out its arithmetic below it).
import type {Point} from "../lib/datasets.js";
import type {Extent} from "../lib/extents.js";
import type {ColorMode, EdgeMode} from "../lib/flow-model.js";
import {estimateTextWidth, flowLayout, overlapArea, type Rect} from "../lib/flow-layout.js";
import {pointLabel} from "../lib/format.js";
import {forward, layerSizes, type Network} from "../lib/network.js";
import {sampleName} from "../lib/sample-prose.js";
import {h} from "./dom.js";
import {DIAGRAM_DIGITS, flowDiagram} from "./flow-diagram.js";
import {edgeEncoding, hasLabel} from "./flow/encodings.js";
import {EDGE_FONT} from "./flow/text.js";
import type {PaletteName} from "./palettes.js";

/** One sample to draw: its preset label, its index in the dataset and its input. */
export interface MultipleSample {
  label: string;
  index: number;
  input: Point;
}

export interface SampleMultiplesOptions<S extends MultipleSample> {
  samples: readonly S[];
  /** Width of the whole grid in px (the page width). */
  width: number;
  palette?: PaletteName;
  colorMode?: ColorMode;
  /**
   * What the edges show (default "contribution"): the weights are the same in every figure, while
   * the terms w·a they add differ from sample to sample, which is what a comparison is for.
   */
  edgeMode?: EdgeMode;
  /** Per-column extents over the dataset, columnExtents(net, inputs): required by colorMode "dataset". */
  extents?: readonly Extent[];
  /** The sentence under each diagram (default: the sample's name and its input). */
  caption?: (s: S) => string;
  document?: Document;
}

/** Page width from which the grid has two columns. */
export const TWO_COLUMNS_MIN = 640;
/** Gap between the grid's columns in px (the stylesheet reads it from --multiples-gap). */
export const COLUMN_GAP = 24;
/**
 * Room kept free between an edge label's estimated box and a circle or bias box, in px: the label's
 * halo (a 3 px stroke) and the estimate's error, so a label "clear" of them does not touch them.
 */
export const LABEL_CLEARANCE = 2;
/**
 * Largest share of a band of edges (the space between two columns of units) that its labels may
 * cover: above it the numbers sit on one another's edges and read as a mesh, even when no two
 * labels overlap (25 labels between the large network's hidden layers, two columns to a desktop).
 */
export const MAX_LABEL_COVERAGE = 0.1;
/** Below this scale (drawn width / shown width) the diagram's 10 px numbers are too small to read. */
export const MIN_TEXT_SCALE = 0.75;

/** How the grid is laid out and each diagram drawn, for a page width and network layer sizes. */
export interface MultiplesLayout {
  columns: 1 | 2;
  /** Width each diagram is shown at: its column's width. */
  cellWidth: number;
  /** Width each diagram is drawn at: the cell's, or more when its columns need more room. */
  drawWidth: number;
  /** Whether the diagrams may keep their edge labels (then only if every one of them is clear). */
  edgeLabels: boolean;
  /** Whether the diagrams show numbers at all. */
  numbers: boolean;
}

/** The right edge of a flow layout's last column plus its right margin, for a drawing width. */
function neededWidth(sizes: readonly number[], width: number): number {
  // The layout's right margin: what a very wide layout leaves after its last column.
  const WIDE = 10_000;
  const wide = flowLayout(sizes, WIDE);
  const margin = WIDE - (wide.columns[wide.columns.length - 1].xa + wide.r);
  const l = flowLayout(sizes, width);
  return Math.ceil(l.columns[l.columns.length - 1].xa + l.r + margin);
}

export function multiplesLayout(sizes: readonly number[], width: number, count: number): MultiplesLayout {
  const columns = width >= TWO_COLUMNS_MIN && count > 1 ? 2 : 1;
  const cellWidth = Math.max(1, Math.floor((width - (columns - 1) * COLUMN_GAP) / columns));
  const drawWidth = Math.max(cellWidth, neededWidth(sizes, cellWidth));
  const numbers = cellWidth / drawWidth >= MIN_TEXT_SCALE;
  return {columns, cellWidth, drawWidth, edgeLabels: numbers && drawWidth === cellWidth, numbers};
}

/** The sum of the translate(x, y) transforms of an SVG element and its groups, up to its <svg>. */
function offsetOf(el: Element): [number, number] {
  let x = 0;
  let y = 0;
  for (let e: Element | null = el; e && e.tagName.toLowerCase() !== "svg"; e = e.parentElement) {
    const m = /translate\(\s*([-\d.e]+)[\s,]+([-\d.e]+)/.exec(e.getAttribute("transform") ?? "");
    if (m) {
      x += Number(m[1]);
      y += Number(m[2]);
    }
  }
  return [x, y];
}

const num = (el: Element, name: string) => Number(el.getAttribute(name) ?? 0);

/**
 * Whether a drawn flow diagram's edge labels can be read: the label of every edge that has a value
 * to show is there, each clear of the other labels and LABEL_CLEARANCE away from the neuron circles
 * (taken as their bounding squares) and the bias boxes, and in each band of edges the labels cover at
 * most `maxCoverage` of it. Label boxes are estimated from the text as the diagram places them
 * (estimateTextWidth, which flow-layout keeps from falling short of the rendered text).
 */
export function edgeLabelsClear(diagram: Element, edgeMode: EdgeMode, maxCoverage = MAX_LABEL_COVERAGE): boolean {
  const encoding = edgeEncoding(edgeMode);
  const attribute = edgeMode === "contribution" ? "data-contribution" : "data-weight";
  const svg = diagram.querySelector("svg.flow-svg");
  if (!svg) return false;
  const expected = [...svg.querySelectorAll("line.edge")].filter((l) => hasLabel(Number(l.getAttribute(attribute)), encoding)).length;
  const labels = [...svg.querySelectorAll("text.edge-label")];
  if (labels.length !== expected) return false;
  const boxes = (pad: number): Rect[] =>
    labels.map((t) => {
      const width = estimateTextWidth(t.textContent ?? "", EDGE_FONT) + 2 * pad;
      const height = EDGE_FONT + 2 * pad;
      const [dx, dy] = offsetOf(t);
      return {x: dx + num(t, "x") - width / 2, y: dy + num(t, "y") - height / 2, width, height};
    });
  const tight = boxes(0);
  const padded = boxes(LABEL_CLEARANCE);
  const circles: Rect[] = [...svg.querySelectorAll("circle.value-circle")].map((c) => {
    const [dx, dy] = offsetOf(c);
    const r = num(c, "r");
    return {x: dx + num(c, "cx") - r, y: dy + num(c, "cy") - r, width: 2 * r, height: 2 * r};
  });
  const biasBoxes: Rect[] = [...svg.querySelectorAll(".bias rect")].map((b) => {
    const [dx, dy] = offsetOf(b);
    return {x: dx + num(b, "x"), y: dy + num(b, "y"), width: num(b, "width"), height: num(b, "height")};
  });
  const obstacles = [...circles, ...biasBoxes];
  // Labels apart from each other, and a clearance away from the circles and boxes.
  const clear = tight.every((b, n) => tight.slice(n + 1).every((c) => overlapArea(b, c) === 0)) && padded.every((b) => obstacles.every((o) => overlapArea(b, o) === 0));
  if (!clear || labels.length === 0) return clear;
  // Each band spans its edges' ends across, and the units' circles from top to bottom.
  const top = Math.min(...circles.map((c) => c.y));
  const bottom = Math.max(...circles.map((c) => c.y + c.height));
  const edges = [...svg.querySelectorAll("line.edge")];
  const bands = new Set(edges.map((e) => e.getAttribute("data-layer")));
  return [...bands].every((layer) => {
    const inBand = edges.filter((e) => e.getAttribute("data-layer") === layer);
    const left = Math.min(...inBand.map((e) => num(e, "x1")));
    const right = Math.max(...inBand.map((e) => num(e, "x2")));
    const covered = tight.filter((_, n) => labels[n].getAttribute("data-layer") === layer).reduce((sum, b) => sum + b.width * b.height, 0);
    return covered <= maxCoverage * (right - left) * (bottom - top);
  });
}

/** "North-east: sample 1852 at (1.01, 1.04)", the heading above a diagram. */
function heading(s: MultipleSample): string {
  const label = s.label.charAt(0).toUpperCase() + s.label.slice(1);
  return `${label}: sample ${s.index} at ${pointLabel(s.input, DIAGRAM_DIGITS)}`;
}

/** The grid of diagrams, one <figure class="sample-multiple"> per sample. */
export function sampleMultiples<S extends MultipleSample>(net: Network, options: SampleMultiplesOptions<S>): HTMLElement {
  const doc = options.document ?? document;
  const {samples, width, palette = "viridis", colorMode = "comp", edgeMode = "contribution", extents} = options;
  const caption = options.caption ?? ((s: S) => `${sampleName(s)} at ${pointLabel(s.input, DIAGRAM_DIGITS)}.`);
  const layout = multiplesLayout(layerSizes(net), width, samples.length);

  const drawn = samples.map((s) => {
    const diagram = flowDiagram(net, {
      input: s.input,
      width: layout.drawWidth,
      palette,
      colorMode,
      edgeMode,
      extents,
      showNumbers: layout.numbers,
      values: forward(net, s.input),
      title: heading(s),
      document: doc
    });
    return {s, diagram};
  });
  // All or none, across the figures too: edge labels stay only if every figure can show all of its own.
  const edgeLabels = layout.edgeLabels && drawn.every(({diagram}) => edgeLabelsClear(diagram, edgeMode));
  if (!edgeLabels) for (const {diagram} of drawn) diagram.querySelector("svg.flow-svg > g.edge-labels")?.remove();
  const figures = drawn.map(({s, diagram}) =>
    h(
      doc,
      "figure",
      {class: "sample-multiple", "data-sample": s.index, "data-label": s.label},
      diagram,
      h(doc, "figcaption", {}, caption(s))
    )
  );

  const grid = h(
    doc,
    "div",
    {
      class: "sample-multiples",
      "data-columns": layout.columns,
      "data-edge-labels": String(edgeLabels),
      "data-numbers": String(layout.numbers)
    },
    figures
  );
  grid.style.setProperty("--multiples-columns", String(layout.columns));
  grid.style.setProperty("--multiples-gap", `${COLUMN_GAP}px`);
  return grid;
}
