// Turns a click on a Plot chart into data coordinates, so a reader can pick a sample by pointing.

interface InvertibleScale {
  apply?: (value: number) => number;
  invert?: (pixel: number) => unknown;
}
export interface PlotLike extends Element {
  scale(name: "x" | "y"): InvertibleScale | undefined;
}

/** The chart's own svg: a Plot <figure> holds its legends (svg ramps) before it, so take the last. */
export function chartSvg(plot: Element): SVGSVGElement | undefined {
  if (plot.tagName.toLowerCase() === "svg") return plot as SVGSVGElement;
  return Array.from(plot.children).filter((c) => c.tagName.toLowerCase() === "svg").at(-1) as SVGSVGElement | undefined;
}

/**
 * Calls `onPoint([x, y])` with the data coordinates under a click on `plot`.
 * The SVG may be drawn smaller than its viewBox (max-width: 100%), so client pixels are first
 * mapped to the SVG's own coordinates, where Plot's scale ranges live.
 */
export function onPlotClick(plot: Element, onPoint: (point: [number, number]) => void): void {
  const svg = chartSvg(plot);
  if (!svg || !("scale" in plot)) throw new TypeError("onPlotClick: expected a Plot chart");
  const x = (plot as PlotLike).scale("x");
  const y = (plot as PlotLike).scale("y");
  if (!x?.invert || !y?.invert) throw new TypeError("onPlotClick: the chart's x and y scales must be continuous");
  (svg as SVGSVGElement).style.cursor = "crosshair";
  svg.addEventListener("click", (event) => {
    const e = event as MouseEvent;
    const rect = svg.getBoundingClientRect();
    const viewBox = (svg as SVGSVGElement).viewBox.baseVal;
    const sx = viewBox && viewBox.width ? viewBox.width / rect.width : 1;
    const sy = viewBox && viewBox.height ? viewBox.height / rect.height : 1;
    const px = (e.clientX - rect.left) * sx;
    const py = (e.clientY - rect.top) * sy;
    onPoint([Number(x.invert!(px)), Number(y.invert!(py))]);
  });
}
