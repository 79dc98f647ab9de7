// A continuous colour legend drawn like Plot's (legends/ramp.js: a 240 × 10 px ramp under a bold
// label, ticks below crossing the ramp), which changes its domain in place: an epoch change of the
// estimate panels moves the ticks and relabels them, nothing else. Plot's own legend paints its
// ramp on a canvas and embeds it as a PNG data URL, and is a new element for every domain; here the
// ramp is an SVG gradient through the scale's interpolator, which does not depend on the domain
// (the colour of the value at a fraction f of the domain is interpolate(f)), so it is drawn once.
//
// The ticks are those of a linear scale over the domain, rounded to whole pixels, as Plot's legend
// places them. That is its placement for a linear scale, and for a diverging scale whose domain is
// symmetric about its pivot (the pivot then sits in the middle either way): Plot makes a diverging
// scale's domain symmetric (both panels' schemes, Spectral and RdBu, are diverging ones).
import {axisBottom, scaleLinear, select} from "d3";
import type {Scale} from "@observablehq/plot";
import {svgElement} from "./dom.js";

export interface RampLegendOptions {
  /** The legend's label, drawn bold above the ramp. */
  label: string;
  /** Width in px (Plot's default 240). */
  width?: number;
  document?: Document;
}

export interface RampLegend extends SVGSVGElement {
  /** The domain shown, [lo, hi]. */
  domain: readonly [number, number];
  /** Shows another domain of the same colour scheme (that of `color`): the ticks move and are relabelled in place. */
  update(color: Scale): void;
}

/** Plot's legend geometry: ramp from y = 18 to 28, ticks of 6 px below it, crossing it upwards. */
const HEIGHT = 50;
const MARGIN_TOP = 18;
const RAMP_HEIGHT = 10;
const TICK_SIZE = 6;
/** Stops of the gradient: enough that the ramp is smooth between them (Plot samples 256). */
const STOPS = 64;

let rampIds = 0;

/** The scale's domain ends (for a diverging scale, Plot reports the domain made symmetric about the pivot). */
function domainOf(color: Scale): [number, number] {
  const domain = Array.from(color.domain ?? [], Number);
  const [lo, hi] = [domain[0], domain[domain.length - 1]];
  if (!(Number.isFinite(lo) && Number.isFinite(hi))) throw new RangeError(`rampLegend: the colour scale needs a finite domain, not ${String(color.domain)}`);
  return [lo, hi];
}

export function rampLegend(color: Scale, {label, width = 240, document = globalThis.document}: RampLegendOptions): RampLegend {
  const [lo, hi] = domainOf(color);
  const interpolate = color.interpolate && color.range === undefined ? (color.interpolate as (t: number) => string) : (t: number) => String(color.apply(lo + t * (hi - lo)));

  const svg = svgElement(document, "svg");
  for (const [k, v] of Object.entries({
    class: "estimate-ramp",
    "font-family": "system-ui, sans-serif",
    "font-size": 10,
    width,
    height: HEIGHT,
    viewBox: `0 0 ${width} ${HEIGHT}`,
    style: "display: block; height: auto; max-width: 100%; overflow: visible;"
  }))
    svg.setAttribute(k, String(v));

  const gradient = svgElement(document, "linearGradient");
  const id = `estimate-ramp-${++rampIds}`;
  gradient.setAttribute("id", id);
  for (let i = 0; i < STOPS; ++i) {
    const stop = svgElement(document, "stop");
    stop.setAttribute("offset", String(i / (STOPS - 1)));
    stop.setAttribute("stop-color", interpolate(i / (STOPS - 1)));
    gradient.append(stop);
  }
  const defs = svgElement(document, "defs");
  defs.append(gradient);
  const ramp = svgElement(document, "rect");
  for (const [k, v] of Object.entries({x: 0, y: MARGIN_TOP, width, height: RAMP_HEIGHT, fill: `url(#${id})`})) ramp.setAttribute(k, String(v));

  const axis = svgElement(document, "g");
  axis.setAttribute("transform", `translate(0,${MARGIN_TOP + RAMP_HEIGHT})`);
  const text = svgElement(document, "text");
  for (const [k, v] of Object.entries({x: 0, y: MARGIN_TOP - 6, fill: "currentColor", "font-weight": "bold"})) text.setAttribute(k, String(v));
  text.textContent = label;
  svg.append(defs, ramp, axis, text);

  const drawTicks = (domain: readonly [number, number]) => {
    const x = scaleLinear().domain(domain).rangeRound([0, width]);
    select(axis)
      .call(axisBottom(x).ticks(width / 64).tickSize(TICK_SIZE))
      .attr("font-size", null)
      .attr("font-family", null)
      .attr("font-variant", "tabular-nums")
      .call((g) => g.selectAll(".tick line").attr("y1", -RAMP_HEIGHT))
      .call((g) => g.select(".domain").remove());
  };
  drawTicks([lo, hi]);

  return Object.assign(svg, {
    domain: [lo, hi] as const,
    update(this: RampLegend, next: Scale) {
      const domain = domainOf(next);
      if (domain[0] === this.domain[0] && domain[1] === this.domain[1]) return;
      this.domain = [domain[0], domain[1]];
      drawTicks(this.domain);
    }
  });
}
