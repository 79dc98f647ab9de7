// The parameter scale: the one mapping from a signed parameter-like value (a weight w, a bias b, or
// a term w·a) to colour and stroke width. The flow diagram's edges and bias boxes, its edge legend
// and the weight heatmap all draw through it, so the same value has the same colour everywhere for
// the same domain end `max`.
import * as d3 from "d3";
import {alongPalette} from "./palettes.js";

/** Positions on RdBu (red 0 … white 0.5 … blue 1) kept clear of the pale centre: 0.5 ± 0.18. */
const NEGATIVE_NEAR_ZERO = 0.32;
const POSITIVE_NEAR_ZERO = 0.68;

/** Stroke width at 0 and at ±max, in px. */
const WIDTH_AT_ZERO = 0.6;
const WIDTH_AT_MAX = 5;

export interface ParameterScale {
  /** The end of the symmetric domain [−max, max]: the largest |value| drawn. */
  readonly max: number;
  /** Value -> colour: blue for positive, red for negative, deeper with |v|/max. */
  readonly color: d3.ScaleLinear<number, string>;
  /** Value -> stroke width in px, growing with |v|/max. */
  readonly width: d3.ScaleLinear<number, number>;
}

/**
 * The parameter scale over [−max, max]. With m = min(1, |v| / max):
 *   colour(v) = RdBu(0.68 + 0.32 m) for v >= 0, RdBu(0.32 − 0.32 m) for v < 0,
 *   width(v) = 0.6 + 4.4 m px.
 * The colour skips RdBu's pale centre (|t − 0.5| >= 0.18), so a small weight is still visible on a
 * white page; 0 counts as positive. As a d3 scale this is a piecewise linear map on the domain
 * [−max, 0, 0, max] to the positions [0, 0.32, 0.68, 1] (the repeated 0 makes the jump at zero:
 * d3 looks up a value's piece with bisectRight, so 0 falls in the last piece), then through RdBu;
 * values beyond ±max are clamped. When every value is 0 (max = 0), any positive end gives the same
 * colours and widths, so 1 is used.
 */
export function parameterScale(max: number): ParameterScale {
  const end = max > 0 ? max : 1;
  const color = d3
    .scaleLinear()
    .domain([-end, 0, 0, end])
    .range([0, NEGATIVE_NEAR_ZERO, POSITIVE_NEAR_ZERO, 1])
    .clamp(true)
    .interpolate(alongPalette(d3.interpolateRdBu));
  const width = d3.scaleLinear().domain([-end, 0, end]).range([WIDTH_AT_MAX, WIDTH_AT_ZERO, WIDTH_AT_MAX]).clamp(true);
  return {max, color, width};
}

/** The end of the parameter scale for some values: their largest |value| (0 for none). */
export function magnitudeMax(values: Iterable<number>): number {
  return d3.max(values, Math.abs) ?? 0;
}

/** Colour of a value that is exactly zero where zero means "adds nothing" (an edge from an inactive unit). */
export const ZERO_COLOR = "#bbb";

/**
 * Sign -> hue of a number written beside its edge (−1 red, 0 grey, +1 blue), so that a label is
 * matched to its line by colour as well as by position. It is a mid tone of the parameter scale's
 * two hues; the stylesheet mixes it with the theme's text colour (darker on a light page, lighter on
 * a dark one) so the label keeps its contrast with the page in either theme.
 */
export const signHue = d3
  .scaleOrdinal<number, string>()
  .domain([-1, 0, 1])
  .range([d3.interpolateRdBu(0.15), "#777", d3.interpolateRdBu(0.85)])
  .unknown("#777");
