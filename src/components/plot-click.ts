// Turns a click on a Plot chart into data coordinates, so a reader can pick a sample by pointing.
import type {Plot} from "@observablehq/plot";

/** What Plot.plot returns: a <figure> (or a bare <svg>) that carries the chart's scales. */
export type PlotChart = (SVGSVGElement | HTMLElement) & Plot;

/** The chart's own svg: a Plot <figure> holds its legends (svg ramps) before it, so take the last. */
export function chartSvg(plot: Element): SVGSVGElement | undefined {
  if (plot.tagName.toLowerCase() === "svg") return plot as SVGSVGElement;
  return Array.from(plot.children).filter((c) => c.tagName.toLowerCase() === "svg").at(-1) as SVGSVGElement | undefined;
}

/**
 * Calls `onPoint([x, y])` with the data coordinates under a click on `plot`.
 * The SVG may be drawn smaller than its viewBox (max-width: 100%), so client pixels are first
 * mapped to the SVG's own coordinates, where Plot's scales' ranges live.
 */
export function onPlotClick(plot: PlotChart, onPoint: (point: [number, number]) => void): void {
  const svg = chartSvg(plot);
  const x = plot.scale("x");
  const y = plot.scale("y");
  if (!svg) throw new TypeError("onPlotClick: expected a Plot chart");
  if (!x?.invert || !y?.invert) throw new TypeError("onPlotClick: the chart's x and y scales must be continuous");
  svg.style.cursor = "crosshair";
  svg.addEventListener("click", (event) => {
    const rect = svg.getBoundingClientRect();
    const viewBox = svg.viewBox.baseVal;
    const sx = viewBox && viewBox.width ? viewBox.width / rect.width : 1;
    const sy = viewBox && viewBox.height ? viewBox.height / rect.height : 1;
    const px = (event.clientX - rect.left) * sx;
    const py = (event.clientY - rect.top) * sy;
    onPoint([Number(x.invert!(px)), Number(y.invert!(py))]);
  });
}
