// A continuous colour legend: a label, a ramp through an interpolator and ticks along the domain, in
// one small SVG laid out as Plot's ramp legends are (so it sits well beside Plot charts).
//
// Unlike Plot.legend, which paints its ramp into a canvas and encodes it as an image each time, the
// ramp is an SVG gradient and show() changes the legend in place: a chart whose colour domain moves
// (another epoch's values) rewrites a few tick positions and labels, and the gradient's stops only
// when the interpolator itself changes.
//
// The scale is linear: colour(v) = interpolator((v − d0) / (d1 − d0)) for the domain [d0, d1]. The
// same function is returned by rampColor, so a chart that fills with it agrees with its legend.
import * as d3 from "d3";
import {svgElement} from "./dom.js";

export interface RampLegendSpec {
  /** t in [0, 1] to a CSS colour. */
  interpolator: (t: number) => string;
  /** The values at the ramp's two ends (d0 < d1, or equal for a constant: the ramp then shows its middle). */
  domain: readonly [number, number];
  /** The legend's title, above the ramp. */
  label: string;
}

export interface RampLegendOptions {
  /** Width in px (default 320, Plot's). */
  width?: number;
  /** About how many ticks (default 5; d3 picks round values). */
  ticks?: number;
  document?: Document;
}

export type RampLegend = SVGSVGElement & {
  /** Shows another interpolator, domain or label, changing only what differs. */
  show(spec: RampLegendSpec): void;
};

/** The colour of value v on the spec's linear ramp (the middle of the ramp for a constant domain). */
export function rampColor({interpolator, domain: [d0, d1]}: Pick<RampLegendSpec, "interpolator" | "domain">): (v: number) => string {
  const span = d1 - d0;
  return (v) => interpolator(span > 0 ? Math.min(1, Math.max(0, (v - d0) / span)) : 0.5);
}

/** Stops along the gradient: enough that a multi-hue scheme looks continuous. */
const STOPS = 16;
const HEIGHT = 50;
const RAMP_Y = 18;
const RAMP_HEIGHT = 10;
const MARGIN = 0.5;

let legendCount = 0;

export function rampLegend(first: RampLegendSpec, {width = 320, ticks = 5, document: doc = document}: RampLegendOptions = {}): RampLegend {
  const id = `ramp-legend-${++legendCount}`;
  const svg = svgElement(doc, "svg");
  for (const [name, value] of Object.entries({
    class: "ramp-legend",
    width: String(width),
    height: String(HEIGHT),
    viewBox: `0 0 ${width} ${HEIGHT}`,
    "font-family": "system-ui, sans-serif",
    "font-size": "10",
    fill: "currentColor",
    "aria-hidden": "true",
    // Narrower pages shrink it (the viewBox keeps its proportions); end labels may overhang the ramp.
    style: "display: block; max-width: 100%; height: auto; overflow: visible"
  }))
    svg.setAttribute(name, value);
  const gradient = svgElement(doc, "linearGradient");
  gradient.setAttribute("id", id);
  const stops = d3.range(STOPS + 1).map((i) => {
    const stop = svgElement(doc, "stop");
    stop.setAttribute("offset", `${(100 * i) / STOPS}%`);
    gradient.append(stop);
    return stop;
  });
  const defs = svgElement(doc, "defs");
  defs.append(gradient);
  const ramp = svgElement(doc, "rect");
  for (const [name, value] of Object.entries({x: String(MARGIN), y: String(RAMP_Y), width: String(width - 2 * MARGIN), height: String(RAMP_HEIGHT), fill: `url(#${id})`}))
    ramp.setAttribute(name, value);
  const title = svgElement(doc, "text");
  title.setAttribute("x", "0");
  title.setAttribute("y", "12");
  title.setAttribute("font-weight", "bold");
  const axis = svgElement(doc, "g");
  axis.setAttribute("transform", `translate(0,${RAMP_Y + RAMP_HEIGHT})`);
  axis.setAttribute("class", "ramp-ticks");
  axis.setAttribute("text-anchor", "middle");
  axis.setAttribute("font-variant", "tabular-nums");
  svg.append(defs, title, ramp, axis);

  let interpolator: RampLegendSpec["interpolator"] | null = null;
  const show = (spec: RampLegendSpec) => {
    if (spec.interpolator !== interpolator) {
      interpolator = spec.interpolator;
      stops.forEach((stop, i) => stop.setAttribute("stop-color", spec.interpolator(i / STOPS)));
    }
    if (title.textContent !== spec.label) title.textContent = spec.label;
    const [d0, d1] = spec.domain;
    const x = d3.scaleLinear([d0, d1 > d0 ? d1 : d0 + 1], [MARGIN, width - MARGIN]);
    const values = d1 > d0 ? x.ticks(ticks) : [d0];
    const format = x.tickFormat(ticks);
    // One <g> per tick, reused: only the moved or relabelled ones change.
    while (axis.childNodes.length < values.length) {
      const tick = svgElement(doc, "g");
      tick.setAttribute("class", "tick");
      const line = svgElement(doc, "line");
      line.setAttribute("stroke", "currentColor");
      line.setAttribute("y1", String(-RAMP_HEIGHT));
      line.setAttribute("y2", "6");
      const text = svgElement(doc, "text");
      text.setAttribute("y", "9");
      text.setAttribute("dy", "0.71em");
      tick.append(line, text);
      axis.append(tick);
    }
    while (axis.childNodes.length > values.length) axis.lastChild!.remove();
    values.forEach((v, i) => {
      const tick = axis.childNodes[i] as SVGGElement;
      const transform = `translate(${x(v).toFixed(1)},0)`;
      if (tick.getAttribute("transform") !== transform) tick.setAttribute("transform", transform);
      const text = tick.lastChild!;
      const label = format(v);
      if (text.textContent !== label) text.textContent = label;
    });
  };
  show(first);
  return Object.assign(svg, {show});
}
