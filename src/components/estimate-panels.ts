// The estimate, the truth and the error side by side; a click on any panel picks the nearest sample.
import type {Point} from "../lib/datasets.js";
import type {GridEstimate} from "../lib/estimate.js";
import {nearestSample} from "../lib/sampling.js";
import {modelEstimate} from "./model-estimate.js";
import {onPlotClick} from "./plot-click.js";
import {h} from "./dom.js";

export interface EstimatePanelsOptions {
  width: number;
  samples: readonly Point[];
  selected: number;
  /** Called with the index of the sample nearest a click. */
  onSelect?: (index: number) => void;
  document?: Document;
}

export function estimatePanels(est: GridEstimate, {width, samples, selected, onSelect, document = globalThis.document}: EstimatePanelsOptions): HTMLElement {
  // Three across when there is room for legible panels (about 200 px each), else one per row.
  const gap = 12;
  const panelWidth = width >= 3 * 200 + 2 * gap ? Math.floor((width - 2 * gap) / 3) : width;
  return h(
    document,
    "div",
    {class: "estimate-panels", style: `display: grid; gap: ${gap}px; grid-template-columns: repeat(auto-fill, minmax(${panelWidth}px, 1fr));`},
    (["estimate", "truth", "error"] as const).map((kind) => {
      const chart = modelEstimate(est, {width: panelWidth, kind, samples, selected, document});
      if (onSelect) onPlotClick(chart, (p) => onSelect(nearestSample(samples, p)));
      return h(document, "div", {}, chart);
    })
  );
}
