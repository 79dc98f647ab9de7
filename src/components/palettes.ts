// Colour palettes of the flow diagram: palette name -> interpolator t in [0, 1] -> CSS colour,
// plus the diverging colour used for parameters (weights, biases) and a text colour chosen for
// contrast against a fill. Pure functions (d3-color only, no DOM).
import * as d3 from "d3";

export type PaletteName = "viridis" | "rainbow" | "cool" | "Spectral" | "turbo";
export const PALETTE_NAMES: readonly PaletteName[] = ["viridis", "rainbow", "cool", "Spectral", "turbo"];

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
 * Colour of a signed parameter-like value v (a weight, a bias, a term w·a) on a scale whose ends
 * are ±max: blue for positive, red for negative, deeper with |v|/max. The pale centre of RdBu is
 * skipped (|t − 0.5| >= 0.18) so that a small weight is still visible on a white page.
 */
export function signedColor(v: number, max: number): string {
  const m = max > 0 ? Math.min(1, Math.abs(v) / max) : 0;
  const offset = 0.18 + 0.32 * m;
  return d3.interpolateRdBu(0.5 + (v < 0 ? -offset : offset));
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
 * Text colour for a label drawn on `fill`: whichever of near-black and white has the larger WCAG
 * contrast ratio (L1 + 0.05) / (L2 + 0.05) against it.
 */
export function textColorFor(fill: string): string {
  const l = relativeLuminance(fill);
  const darkL = relativeLuminance(DARK_TEXT);
  const contrastDark = (l + 0.05) / (darkL + 0.05);
  const contrastLight = 1.05 / (l + 0.05);
  return contrastDark >= contrastLight ? DARK_TEXT : LIGHT_TEXT;
}

/** Stroke width of an edge carrying v on a scale whose ends are ±max: 0.6 px up to 5 px. */
export function strokeWidthFor(v: number, max: number): number {
  const m = max > 0 ? Math.min(1, Math.abs(v) / max) : 0;
  return 0.6 + 4.4 * m;
}
