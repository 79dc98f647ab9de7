// Legends, drawn with D3 into small SVGs:
// - colorLegend: the flow diagram's neuron colour scale(s) in use, either one ramp ("comp") or one
//   small ramp under each column ("layer", "dataset"), each labelled with its domain ends;
// - parameterLegend: the parameter scale from −max to +max, as short segments drawn exactly as edges
//   are (colour, and width when the figure encodes it), so one picture says what colour and width mean;
//   edgeLegend is the flow diagram's, titled by its edge encoding; the weight heatmap shows the same
//   scale without widths.
// Every number shown is a domain end (or 0), i.e. an exact value of the figure, formatted like it.
// Text is filled with currentColor, the page's text colour in any theme.
import * as d3 from "d3";
import type {Extent} from "../lib/extents.js";
import {fixed} from "../lib/format.js";
import type {ColorMode} from "../lib/flow-model.js";
import {setAttr, setText, svgElement} from "./dom.js";
import type {EdgeEncoding} from "./flow/encodings.js";
import type {ParameterScale} from "./parameter-scale.js";

let gradientCount = 0;

/** The narrowest a palette or parameter ramp is drawn, in px, however little room it is given. */
const MIN_RAMP_WIDTH = 60;

/** One ramp: a label, its domain and its horizontal span (centre and width, in px). */
export interface RampSpec {
  label: string;
  domain: Extent;
  x: number;
  width: number;
}

export interface ColorLegendOptions {
  interpolator: (t: number) => string;
  mode: ColorMode;
  paletteName: string;
  width: number;
  digits: number;
  document?: Document;
}

const MODE_TITLE: Record<ColorMode, string> = {
  comp: "one scale for every value of this sample",
  layer: "one scale per column, this sample only",
  dataset: "one scale per column, over every sample of the dataset"
};

/** A legend block: an HTML title (it wraps on narrow pages) above an SVG graphic. */
function legendBlock(doc: Document, className: string, mode: string, title: string) {
  const div = doc.createElement("div");
  div.className = className;
  div.setAttribute("data-mode", mode);
  const caption = doc.createElement("div");
  caption.className = "legend-title";
  caption.textContent = title;
  div.appendChild(caption);
  return div;
}

function svgRoot(doc: Document, width: number, height: number) {
  return d3
    .select(svgElement(doc, "svg"))
    .attr("aria-hidden", "true")
    .attr("fill", "currentColor")
    .attr("width", width)
    .attr("height", height)
    .attr("viewBox", `0 0 ${width} ${height}`)
    .attr("font-family", "system-ui, sans-serif")
    .attr("font-size", 10);
}

/** A horizontal gradient through a palette, in the svg's defs; returns its id. */
function paletteGradient(svg: ReturnType<typeof svgRoot>, interpolator: (t: number) => string): string {
  const id = `flow-gradient-${++gradientCount}`;
  svg
    .append("defs")
    .append("linearGradient")
    .attr("id", id)
    .selectAll("stop")
    .data(d3.range(11).map((i) => i / 10))
    .join("stop")
    .attr("offset", (t) => `${t * 100}%`)
    .attr("stop-color", (t) => interpolator(t));
  return id;
}

/** The neuron colour legend: ramps with their domain ends. */
export function colorLegend(ramps: readonly RampSpec[], o: ColorLegendOptions): HTMLElement {
  const doc = o.document ?? document;
  const multi = o.mode !== "comp";
  const block = legendBlock(doc, `flow-color-legend flow-color-legend-${o.mode}`, o.mode, `Neuron colour (${o.paletteName}): ${MODE_TITLE[o.mode]}.`);
  const svg = svgRoot(doc, o.width, multi ? 40 : 28);

  // A gradient shared by every ramp: the ramps differ by their labels, not their colours.
  const id = paletteGradient(svg, o.interpolator);
  const rampY = multi ? 12 : 0;
  const ramp = svg
    .append("g")
    .selectAll("g")
    .data(ramps)
    .join("g")
    .attr("class", "legend-ramp")
    .attr("data-label", (d) => d.label)
    .attr("data-min", (d) => d.domain[0])
    .attr("data-max", (d) => d.domain[1])
    .attr("transform", (d) => `translate(${d.x - d.width / 2},${rampY})`);
  if (multi) {
    ramp
      .append("text")
      .attr("x", (d) => d.width / 2)
      .attr("y", -4)
      .attr("text-anchor", "middle")
      .text((d) => d.label);
  }
  // A degenerate domain (a single value) is drawn as one swatch of the palette's middle colour.
  ramp
    .append("rect")
    .attr("width", (d) => d.width)
    .attr("height", 10)
    .attr("stroke", "#999")
    .attr("stroke-width", 0.5)
    .attr("fill", (d) => (d.domain[1] > d.domain[0] ? `url(#${id})` : o.interpolator(0.5)));
  ramp
    .append("text")
    .attr("class", "legend-min")
    .attr("y", 21)
    .attr("text-anchor", (d) => (d.domain[1] > d.domain[0] ? "start" : "middle"))
    .attr("x", (d) => (d.domain[1] > d.domain[0] ? 0 : d.width / 2))
    .text((d) => fixed(d.domain[0], o.digits));
  ramp
    .filter((d) => d.domain[1] > d.domain[0])
    .append("text")
    .attr("class", "legend-max")
    .attr("x", (d) => d.width)
    .attr("y", 21)
    .attr("text-anchor", "end")
    .text((d) => fixed(d.domain[1], o.digits));
  block.appendChild(svg.node()!);
  return block;
}

/** Sets an attribute or a text only when it differs (updates in place write only what changed). */
function put(node: Element | null, name: string | null, value: string): void {
  if (!node) return;
  if (name === null) {
    setText(node, value);
  } else setAttr(node, name, value);
}

/**
 * Writes new domains into a legend that colorLegend drew for the same ramps but other domains (as
 * when the sample changes): each ramp's data-min, data-max and end labels, as colorLegend(ramps, o)
 * would draw them, without drawing the legend again. A ramp that turns from a range into a single
 * value or back is drawn differently (a swatch, one label); then nothing is changed and it returns
 * false (the caller draws the legend again).
 */
export function updateColorLegend(block: Element, ramps: readonly RampSpec[], digits: number): boolean {
  const nodes = block.querySelectorAll(".legend-ramp");
  const isRange = (d: RampSpec) => d.domain[1] > d.domain[0];
  if (nodes.length !== ramps.length || ramps.some((d, i) => isRange(d) !== (nodes[i].querySelector(".legend-max") !== null))) return false;
  ramps.forEach((d, i) => {
    const ramp = nodes[i];
    put(ramp, "data-min", String(d.domain[0]));
    put(ramp, "data-max", String(d.domain[1]));
    put(ramp.querySelector(".legend-min"), null, fixed(d.domain[0], digits));
    put(ramp.querySelector(".legend-max"), null, fixed(d.domain[1], digits));
  });
  return true;
}

export interface PaletteLegendOptions {
  /** The room available, in px (the ramp is at most 220 px wide). */
  width: number;
  digits: number;
  /** Classes and data-mode of the block, and its title. */
  className: string;
  mode: string;
  title: string;
  document?: Document;
}

/**
 * One palette ramp from domain[0] to domain[1] with both ends written below: the legend of a chart
 * coloured through paletteScale (palettes.ts), as the weight heatmap is by default.
 */
export function paletteLegend(interpolator: (t: number) => string, [lo, hi]: Extent, o: PaletteLegendOptions): HTMLElement {
  const doc = o.document ?? document;
  const rampWidth = Math.max(MIN_RAMP_WIDTH, Math.min(220, o.width - 8));
  const block = legendBlock(doc, o.className, o.mode, o.title);
  const svg = svgRoot(doc, rampWidth + 8, 28);
  const id = paletteGradient(svg, interpolator);
  const ramp = svg.append("g").attr("class", "legend-ramp").attr("data-min", lo).attr("data-max", hi).attr("transform", "translate(4,0)");
  ramp.append("rect").attr("width", rampWidth).attr("height", 10).attr("stroke", "#999").attr("stroke-width", 0.5).attr("fill", `url(#${id})`);
  ramp.append("text").attr("class", "legend-min").attr("y", 21).attr("text-anchor", "start").text(fixed(lo, o.digits));
  ramp.append("text").attr("class", "legend-max").attr("x", rampWidth).attr("y", 21).attr("text-anchor", "end").text(fixed(hi, o.digits));
  block.appendChild(svg.node()!);
  return block;
}

export interface ParameterLegendOptions extends PaletteLegendOptions {
  /** Draw each segment at the scale's width for its value (edges), or all at one height (cells). */
  widths: boolean;
}

/** Height of the ramp when widths are not encoded, in px. */
const FLAT_RAMP = 10;

/** What a parameter legend draws for a scale: each segment's ends, colour and width; each tick's place, anchor and text. */
function parameterRamp({max, color, width}: ParameterScale, rampWidth: number, widths: boolean, digits: number) {
  const x = d3.scaleLinear().domain([-max, max]).range([4, 4 + rampWidth]);
  const segments = d3.range(-12, 12).map((s) => {
    const [a, b] = [(s / 12) * max, ((s + 1) / 12) * max];
    return {x1: x(a), x2: x(b), stroke: color((a + b) / 2), width: widths ? width((a + b) / 2) : FLAT_RAMP};
  });
  const ticks = ([
    [-max, "start"],
    [0, "middle"],
    [max, "end"]
  ] as const).map(([v, anchor]) => ({x: x(v), anchor, text: fixed(v, digits)}));
  return {segments, ticks};
}

/**
 * The parameter scale from −max to +max as 24 short segments, each drawn at the colour (and width)
 * of the value at its middle, with the two ends and 0 written below.
 */
export function parameterLegend(scale: ParameterScale, o: ParameterLegendOptions): HTMLElement {
  const doc = o.document ?? document;
  const rampWidth = Math.max(MIN_RAMP_WIDTH, Math.min(220, o.width - 8));
  const block = legendBlock(doc, o.className, o.mode, o.title);
  const svg = svgRoot(doc, rampWidth + 8, 34);
  const {segments, ticks} = parameterRamp(scale, rampWidth, o.widths, o.digits);
  svg
    .append("g")
    .selectAll("line")
    .data(segments)
    .join("line")
    .attr("x1", (d) => d.x1)
    .attr("x2", (d) => d.x2)
    .attr("y1", 8)
    .attr("y2", 8)
    .attr("stroke", (d) => d.stroke)
    .attr("stroke-width", (d) => d.width);
  svg
    .append("g")
    .attr("class", "legend-ticks")
    .selectAll("text")
    .data(ticks)
    .join("text")
    .attr("x", (d) => d.x)
    .attr("y", 26)
    .attr("text-anchor", (d) => d.anchor)
    .text((d) => d.text);
  block.appendChild(svg.node()!);
  return block;
}

/**
 * Redraws a legend that parameterLegend drew with the same options (width, widths, digits) for
 * another scale, in place: the segments' ends, colours and widths and the ticks' places and texts,
 * as parameterLegend(scale, o) would draw them, written only where they differ.
 */
export function updateParameterLegend(block: Element, scale: ParameterScale, o: Pick<ParameterLegendOptions, "width" | "widths" | "digits">): void {
  const rampWidth = Math.max(MIN_RAMP_WIDTH, Math.min(220, o.width - 8));
  const {segments, ticks} = parameterRamp(scale, rampWidth, o.widths, o.digits);
  block.querySelectorAll("svg > g:first-of-type > line").forEach((line, i) => {
    const d = segments[i];
    put(line, "x1", String(d.x1));
    put(line, "x2", String(d.x2));
    put(line, "stroke", d.stroke);
    put(line, "stroke-width", String(d.width));
  });
  block.querySelectorAll(".legend-ticks > text").forEach((text, i) => {
    put(text, "x", String(ticks[i].x));
    put(text, null, ticks[i].text);
  });
}

export type EdgeLegendOptions = Pick<ParameterLegendOptions, "width" | "digits" | "document"> & {encoding: EdgeEncoding};

/**
 * The flow diagram's edge legend: its parameter scale (whose end is the diagram's: the largest |edge
 * value| and |b| it draws, or the end it was given over a replay) styled as edges are, titled by the
 * edge encoding.
 */
export function edgeLegend(scale: ParameterScale, {encoding, width, digits, document}: EdgeLegendOptions): HTMLElement {
  const {mode, legend, note} = encoding;
  return parameterLegend(scale, {
    width,
    digits,
    document,
    className: `flow-edge-legend flow-edge-legend-${mode}`,
    mode,
    title:
      `Edges: ${legend} (label, colour and width). Blue positive, red negative, wider when larger; bias boxes use the same colours.` +
      (note ? ` ${note}` : ""),
    widths: true
  });
}

/** Redraws an edgeLegend drawn with the same options for another scale, in place (see updateParameterLegend). */
export function updateEdgeLegend(block: Element, scale: ParameterScale, {width, digits}: Pick<EdgeLegendOptions, "width" | "digits">): void {
  updateParameterLegend(block, scale, {width, digits, widths: true});
}
