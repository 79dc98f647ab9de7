// Each palette against the colours the article's plotting library draws: matplotlib's cmap(t) at
// t = 0, ½ and 1, within 1/255 per channel (the CSS colours are 8-bit).
//
// matplotlib looks cmap(t) up at entry floor(t · 256) of a 256-colour table (colors.py,
// Colormap.__call__, with rcParams["image.lut"] = 256); t = ½ is entry 128. A colormap defined by
// functions or by colour stops fills that table at x = i / 255, so entry 128 is x = 128/255 ≈ 0.50196.
// The expected triples below are matplotlib's own data or its formulas evaluated there:
// - viridis: _cm_listed.py, _viridis_data[0], [128] and [255];
// - rainbow: _cm.py, _rainbow_data = gnuplot functions 33, 13, 10: r = |2x − 0.5|, g = sin(πx),
//   b = cos(πx/2), clipped to [0, 1]; at x = 128/255: (0.503922, 0.999981, 0.704926);
// - cool: _cm.py, _cool_data: red 0 -> 1, green 1 -> 0, blue 1; at x = 128/255: (128/255, 127/255, 1);
// - Spectral: _cm.py, _Spectral_data, 11 ColorBrewer colours evenly spaced and blended linearly; ends
//   #9e0142 and #5e4fa2; at x = 128/255, 0.0196 of the way from #ffffbf to #e6f598;
// - turbo: _cm_listed.py, _turbo_data[0], [128] and [255] (Google's Turbo table).
import {describe, expect, it} from "vitest";
import {rgb} from "d3";
import {PALETTES, PALETTE_NAMES, type PaletteName} from "../../src/components/palettes.js";

/** One 8-bit step: the most a channel may differ from matplotlib's value. */
const TOLERANCE = 1 / 255;

type Triple = [number, number, number];

const MATPLOTLIB: Record<PaletteName, {0: Triple; 0.5: Triple; 1: Triple}> = {
  viridis: {0: [0.267004, 0.004874, 0.329415], 0.5: [0.127568, 0.566949, 0.550556], 1: [0.993248, 0.906157, 0.143936]},
  rainbow: {0: [0.5, 0, 1], 0.5: [0.503922, 0.999981, 0.704926], 1: [1, 0, 0]},
  cool: {0: [0, 1, 1], 0.5: [0.501961, 0.498039, 1], 1: [1, 0, 1]},
  Spectral: {0: [0.619608, 0.003922, 0.258824], 0.5: [0.998078, 0.999231, 0.746021], 1: [0.368627, 0.309804, 0.635294]},
  turbo: {0: [0.18995, 0.07176, 0.23217], 0.5: [0.64362, 0.98999, 0.23356], 1: [0.4796, 0.01583, 0.01055]}
};

/** A CSS colour as red, green and blue in [0, 1]. */
function channels(css: string): Triple {
  const c = rgb(css);
  return [c.r / 255, c.g / 255, c.b / 255];
}

describe("palettes as matplotlib draws them", () => {
  it("covers every palette a reader can choose", () => {
    expect(Object.keys(MATPLOTLIB).sort()).toEqual([...PALETTE_NAMES].sort());
  });

  for (const name of PALETTE_NAMES)
    it(`${name} at t = 0, ½ and 1 is matplotlib's within 1/255`, () => {
      for (const t of [0, 0.5, 1] as const) {
        const shown = channels(PALETTES[name](t));
        const expected = MATPLOTLIB[name][t];
        shown.forEach((v, c) => expect(Math.abs(v - expected[c]), `${name}(${t}) channel ${"rgb"[c]}: ${PALETTES[name](t)}`).toBeLessThanOrEqual(TOLERANCE));
      }
    });

  it("runs cool from cyan to magenta", () => {
    expect(rgb(PALETTES.cool(0)).formatHex()).toBe("#00ffff");
    expect(rgb(PALETTES.cool(1)).formatHex()).toBe("#ff00ff");
  });

  it("takes the end colours outside [0, 1], as matplotlib's under and over colours default to", () => {
    for (const name of PALETTE_NAMES) {
      expect(PALETTES[name](-0.5)).toBe(PALETTES[name](0));
      expect(PALETTES[name](1.5)).toBe(PALETTES[name](1));
    }
  });
});
