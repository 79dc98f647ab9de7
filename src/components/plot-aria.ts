// Plot labels the <g> of every mark with the mark's type (aria-label="dot", "line", "frame", …).
// Those labels tell a reader nothing, and an aria-label on an element with no role is an
// accessibility error (axe: aria-prohibited-attr, serious). A chart's text alternative is the
// aria-label of its own svg (Plot's ariaLabel option), which this keeps; the marks' labels go.

/** Removes the aria-label of every element inside the chart's svgs that has no role; returns the chart. */
export function withoutMarkLabels<T extends Element>(chart: T): T {
  for (const el of chart.querySelectorAll("svg [aria-label]:not([role])")) el.removeAttribute("aria-label");
  return chart;
}
