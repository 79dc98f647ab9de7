// Colour palettes of the flow diagram and the weight heatmap, as the article's plotting library
// (matplotlib) draws them: palette name -> interpolator t in [0, 1] -> CSS colour; the
// d3 scale that fills a neuron through a palette; and the text colour chosen for contrast against a
// fill. Pure functions (d3 only, no DOM). The colours of parameters (weights, biases) are in
// parameter-scale.ts.
import * as d3 from "d3";
import type {Extent} from "../lib/extents.js";
import type {PaletteName} from "../lib/palette-names.js";

export {PALETTE_NAMES, type PaletteName} from "../lib/palette-names.js";

const clamp01 = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);

/** A colour as red, green and blue in [0, 1], as matplotlib writes its colormap data. */
type Rgb = readonly [number, number, number];

/**
 * Every palette is drawn as the article's plotting library, matplotlib, draws its colormap of that
 * name: cmap(t) looks up entry floor(t · N) (clamped to 0 .. N − 1) of a table of N = 256 colours
 * (matplotlib/colors.py, Colormap.__call__ and rcParams["image.lut"]). A colormap defined by
 * functions or by colour stops is sampled into that table at x = i / (N − 1), each channel clipped to
 * [0, 1] (LinearSegmentedColormap._init). Drawing from the same table makes every colour equal to
 * matplotlib's up to the 8-bit rounding of CSS; tests/components/palettes.test.ts checks t = 0, ½, 1.
 */
const LUT_SIZE = 256;

/** The table of a colormap given as a function of x in [0, 1], sampled as matplotlib samples it. */
function sampled(f: (x: number) => Rgb): Rgb[] {
  return d3.range(LUT_SIZE).map((i) => {
    const [r, g, b] = f(i / (LUT_SIZE - 1));
    return [clamp01(r), clamp01(g), clamp01(b)];
  });
}

/** Colour stops evenly spaced over [0, 1], blended linearly in RGB between neighbours (LinearSegmentedColormap.from_list). */
function evenStops(stops: readonly Rgb[]): (x: number) => Rgb {
  const n = stops.length - 1;
  return (x) => {
    const k = Math.min(n - 1, Math.floor(x * n));
    const f = x * n - k;
    const [a, b] = [stops[k], stops[k + 1]];
    return [a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1]), a[2] + f * (b[2] - a[2])];
  };
}

/** t -> entry floor(t · N) of a table, as a CSS colour. t outside [0, 1] (or NaN) takes an end. */
function lookup(table: readonly Rgb[]): (t: number) => string {
  const css = table.map(([r, g, b]) => d3.rgb(r * 255, g * 255, b * 255).formatRgb());
  return (t) => css[t >= 1 ? LUT_SIZE - 1 : t > 0 ? Math.min(LUT_SIZE - 1, Math.floor(t * LUT_SIZE)) : 0];
}

/** CSS colours as RGB triples in [0, 1]. */
function rgbTable(colors: readonly string[]): Rgb[] {
  return colors.map((color) => {
    const c = d3.rgb(color);
    return [c.r / 255, c.g / 255, c.b / 255];
  });
}

/** A table written as hex triplets "rrggbb" run together. */
function hexTable(hex: string): Rgb[] {
  return rgbTable(d3.range(hex.length / 6).map((i) => `#${hex.slice(6 * i, 6 * i + 6)}`));
}

/**
 * matplotlib's "rainbow" (_cm.py: _rainbow_data, gnuplot functions 33, 13 and 10): purple -> blue ->
 * green -> red, r = |2x − 0.5|, g = sin(πx), b = cos(πx/2). d3.interpolateRainbow is cyclic (the same
 * colour at t = 0 and t = 1), which would make the two ends of a value scale indistinguishable.
 */
export const interpolateRainbowSequential = lookup(sampled((x) => [Math.abs(2 * x - 0.5), Math.sin(Math.PI * x), Math.cos((Math.PI * x) / 2)]));

/**
 * matplotlib's "cool" (_cm.py: _cool_data): cyan (0, 1, 1) to magenta (1, 0, 1), r = x, g = 1 − x,
 * b = 1. d3's interpolateCool is another palette of that name (purple to green).
 */
export const interpolateCoolMatplotlib = lookup(sampled((x) => [x, 1 - x, 1]));

/**
 * matplotlib's "Spectral" (_cm.py: _Spectral_data): ColorBrewer's 11 colours (d3.schemeSpectral[11]
 * holds the same ones) blended linearly. d3.interpolateSpectral runs a B-spline through them instead,
 * which misses the middle colours.
 */
const interpolateSpectralMatplotlib = lookup(sampled(evenStops(rgbTable(d3.schemeSpectral[11]))));

/**
 * matplotlib's "turbo" (_cm_listed.py: _turbo_data): Google's 256-colour table by Anton Mikhailov
 * (Apache-2.0, https://blog.research.google/2019/08/turbo-improved-rainbow-colormap-for.html),
 * here rounded to 8 bits. d3.interpolateTurbo is a polynomial fit of it, off by up to 32/255 at the
 * ends (t = 0 is rgb(35, 23, 27) there, rgb(48, 18, 59) in the table).
 */
const TURBO_HEX =
  "30123b32154333184a341b51351e5836215f37246638276d392a733a2d793b2f803c32863d358b3e38913f3b973f3e9c" +
  "4040a24143a74146ac4249b1424bb5434eba4451bf4454c34456c74559cb455ccf455ed34661d64664da4666dd4669e0" +
  "466be3476ee64771e94773eb4776ee4778f0477bf2467df44680f64682f84685fa4687fb458afc458cfd448ffe4391fe" +
  "4294ff4196ff4099ff3e9bfe3d9efe3ba0fd3aa3fc38a5fb37a8fa35abf833adf731aff52fb2f42eb4f22cb7f02ab9ee" +
  "28bceb27bee925c0e723c3e422c5e220c7df1fc9dd1ecbda1ccdd81bd0d51ad2d21ad4d019d5cd18d7ca18d9c818dbc5" +
  "18ddc218dec018e0bd19e2bb19e3b91ae4b61ce6b41de7b21fe9af20eaac22ebaa25eca727eea42aefa12cf09e2ff19b" +
  "32f29835f39438f4913cf58e3ff68a43f78746f8844af8804ef97d52fa7a55fa7659fb735dfc6f61fc6c65fd6969fd66" +
  "6dfe6271fe5f75fe5c79fe597dff5680ff5384ff5188ff4e8bff4b8fff4992ff4796fe4499fe429cfe409ffd3fa1fd3d" +
  "a4fc3ca7fc3aa9fb39acfb38affa37b1f936b4f836b7f735b9f635bcf534bef434c1f334c3f134c6f034c8ef34cbed34" +
  "cdec34d0ea34d2e935d4e735d7e535d9e436dbe236dde037dfdf37e1dd37e3db38e5d938e7d739e9d539ebd339ecd13a" +
  "eecf3aefcd3af1cb3af2c93af4c73af5c53af6c33af7c13af8be39f9bc39faba39fbb838fbb637fcb336fcb136fdae35" +
  "fdac34fea933fea732fea431fea130fe9e2ffe9b2dfe992cfe962bfe932afe9029fd8d27fd8a26fc8725fc8423fb8122" +
  "fb7e21fa7b1ff9781ef9751df8721cf76f1af66c19f56918f46617f36315f26014f15d13f05b12ef5811ed5510ec530f" +
  "eb500eea4e0de84b0ce7490ce5470be4450ae2430ae14109df3f08dd3d08dc3b07da3907d83706d63506d43305d23105" +
  "d02f05ce2d04cc2b04ca2a04c82803c52603c32503c12302be2102bc2002b91e02b71d02b41b01b21a01af1801ac1701" +
  "a91601a71401a41301a112019e10019b0f01980e01950d01920b018e0a018b09028808028507028106027e05027a0403";

/** Palette name -> interpolator over [0, 1] (low values at 0). */
export const PALETTES: Record<PaletteName, (t: number) => string> = {
  // d3's viridis is matplotlib's _viridis_data table in 8-bit hex, looked up at floor(t · 256) as above.
  viridis: d3.interpolateViridis,
  rainbow: interpolateRainbowSequential,
  cool: interpolateCoolMatplotlib,
  Spectral: interpolateSpectralMatplotlib,
  turbo: lookup(hexTable(TURBO_HEX))
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
