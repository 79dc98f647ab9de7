// The width a Plot chart is drawn at. A page can ask for any width, including 0 (Framework's `width`
// while a window is resized, or an element laid out before it has room) or a phone's few hundred px.
// Below its margins Plot's frame has a negative width, and every rect spanning it (a frame, a band,
// a cell) gets a negative width attribute, which Chromium logs as an error for each one. Every chart
// is therefore drawn at least as wide as its margins plus a small frame; a wider chart than the page
// scrolls or is scaled down by the stylesheet (svg max-width: 100%), which costs nothing in errors.

/** Plot's default margins for a chart with a y axis on the left and an x axis below (px). */
const DEFAULT_MARGIN_LEFT = 40;
const DEFAULT_MARGIN_RIGHT = 20;

/** The narrowest frame (the area inside the margins) a chart is drawn with, in px. */
export const MIN_FRAME_WIDTH = 100;

/** `width`, raised to the chart's left and right margins plus MIN_FRAME_WIDTH (NaN counts as 0). */
export function plotWidth(width: number, {marginLeft = DEFAULT_MARGIN_LEFT, marginRight = DEFAULT_MARGIN_RIGHT}: {marginLeft?: number; marginRight?: number} = {}): number {
  const least = marginLeft + marginRight + MIN_FRAME_WIDTH;
  return width >= least ? width : least;
}
