// The names of the colour palettes a reader (or a spec's default) can choose. Only the names live in
// lib, so that a spec can be validated without any drawing code; components/palettes.ts maps each
// name to its colour ramp.

export const PALETTE_NAMES = ["viridis", "rainbow", "cool", "Spectral", "turbo"] as const;
export type PaletteName = (typeof PALETTE_NAMES)[number];

export function isPaletteName(name: unknown): name is PaletteName {
  return typeof name === "string" && (PALETTE_NAMES as readonly string[]).includes(name);
}
