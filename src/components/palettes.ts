// Colour palettes of the flow diagram: palette name -> interpolator t in [0, 1] -> CSS colour; the
// d3 scale that fills a neuron through a palette; and the text colour chosen for contrast against a
// fill. Pure functions (d3 only, no DOM). The colours of parameters (weights, biases) are in
// parameter-scale.ts.
import * as d3 from "d3";
import type {Extent} from "../lib/extents.js";
import type {PaletteName} from "../lib/palette-names.js";

export {PALETTE_NAMES, type PaletteName} from "../lib/palette-names.js";

const clamp01 = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);

/**
 * The sequential "rainbow" of the original's plotting library (purple -> blue -> green -> red),
 * given by the closed form r = |2t − 0.5|, g = sin(πt), b = cos(πt/2). d3.interpolateRainbow is
 * cyclic (the same colour at t = 0 and t = 1), which would make the two ends of a value scale
 * indistinguishable, so it is not used.
 */
export function interpolateRainbowSequential(t: number): string {
  const u = clamp01(t);
  const r = clamp01(Math.abs(2 * u - 0.5));
  const g = clamp01(Math.sin(Math.PI * u));
  const b = clamp01(Math.cos((Math.PI * u) / 2));
  return d3.rgb(r * 255, g * 255, b * 255).formatRgb();
}

/** Palette name -> interpolator over [0, 1] (low values at 0). */
export const PALETTES: Record<PaletteName, (t: number) => string> = {
  viridis: d3.interpolateViridis,
  rainbow: interpolateRainbowSequential,
  cool: d3.interpolateCool,
  Spectral: d3.interpolateSpectral,
  turbo: d3.interpolateTurbo
};

/**
 * An interpolator factory for a d3 continuous scale whose range holds positions t in [0, 1] along a
 * palette: the scale maps a value piecewise linearly to a position, and the position through the
 * palette. (d3's default factory would blend the colours at the range's stops in RGB, straight
 * across the palette's curve.) For the range [0, 1], position = 0 + (1 − 0)·t = t exactly.
 */
export function alongPalette(interpolator: (t: number) => string): (a: number, b: number) => (t: number) => string {
  return (a, b) => (t) => interpolator(a + (b - a) * t);
}

/**
 * Value -> colour through a palette over the domain [lo, hi]: t = (v − lo) / (hi − lo), clamped to
 * [0, 1], then interpolator(t). A value outside the domain (a sample outside the dataset's extents)
 * gets the end colour. A degenerate domain (lo = hi, e.g. the single output in "layer" mode) maps
 * every value to the palette's middle: d3's linear scale normalises a zero-width domain to t = 0.5.
 */
export function paletteScale(interpolator: (t: number) => string, [lo, hi]: Extent): d3.ScaleLinear<number, string> {
  return d3.scaleLinear().domain([lo, hi]).range([0, 1]).clamp(true).interpolate(alongPalette(interpolator));
}

/** WCAG relative luminance of a CSS colour. */
export function relativeLuminance(color: string): number {
  const c = d3.rgb(color);
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

export const DARK_TEXT = "#111";
export const LIGHT_TEXT = "#fff";

/**
 * The luminance L* of a fill at which near-black and white text have the same WCAG contrast ratio
 * against it: (L + 0.05) / (L_dark + 0.05) = (1 + 0.05) / (L + 0.05)  ⇔  L* = √(1.05 (L_dark + 0.05)) − 0.05
 * (about 0.18). Above it dark text has the larger contrast, below it white text does.
 */
const TEXT_LUMINANCE_THRESHOLD = Math.sqrt(1.05 * (relativeLuminance(DARK_TEXT) + 0.05)) - 0.05;

/** Fill luminance -> text colour: white below L*, near-black at and above it. */
const textOnFill = d3.scaleThreshold<number, string>().domain([TEXT_LUMINANCE_THRESHOLD]).range([LIGHT_TEXT, DARK_TEXT]);

/** Text colour for a label drawn on `fill`: whichever of near-black and white contrasts more with it. */
export function textColorFor(fill: string): string {
  return textOnFill(relativeLuminance(fill));
}
