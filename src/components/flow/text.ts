// Type sizes of the flow diagram, and the size that fits a number into its circle or box. Widths are
// estimated (estimateTextWidth), never measured, so drawing never forces a layout.
import {estimateTextWidth} from "../../lib/flow-layout.js";

/** px: numbers on circles, numbers on edges, numbers in bias boxes, names (x₁, ŷ). */
export const VALUE_FONT = 10;
export const EDGE_FONT = 10;
export const BIAS_FONT = 9;
export const NAME_FONT = 12;

/**
 * Font size that fits `text` into `room` px, at most `max`: text width grows linearly with the
 * size, so the size that fits is max · room / width(max), rounded down to 0.1 px, and at least 6 px.
 */
export function fitFont(text: string, room: number, max: number): number {
  const w = estimateTextWidth(text, max);
  return w <= room ? max : Math.max(6, Math.floor(((max * room) / w) * 10) / 10);
}
