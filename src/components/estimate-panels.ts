// The estimate, the truth and the error side by side; a click on any panel picks the nearest sample.
// The panels are drawn once; select(i) moves their rings and updates their text alternatives.
import type {Point} from "../lib/datasets.js";
import type {GridEstimate} from "../lib/estimate.js";
import {nearestSample} from "../lib/sampling.js";
import {modelEstimate} from "./model-estimate.js";
import {chartSvg, onPlotClick} from "./plot-click.js";
import {ringMarker} from "./plot-ring.js";
import {h} from "./dom.js";

export interface EstimatePanelsOptions {
  width: number;
  samples: readonly Point[];
  /** Called with the index of the sample nearest a click. */
  onSelect?: (index: number) => void;
  document?: Document;
}

export interface EstimatePanels extends HTMLElement {
  /** Marks sample i on every panel. */
  select(i: number): void;
}

export function estimatePanels(est: GridEstimate, {width, samples, onSelect, document = globalThis.document}: EstimatePanelsOptions): EstimatePanels {
  // Three across when there is room for legible panels (about 200 px each), else one per row.
  const gap = 12;
  const panelWidth = width >= 3 * 200 + 2 * gap ? Math.floor((width - 2 * gap) / 3) : width;
  const charts = (["estimate", "truth", "error"] as const).map((kind) => {
    const chart = modelEstimate(est, {width: panelWidth, kind, samples, document});
    if (onSelect) onPlotClick(chart, (p) => onSelect(nearestSample(samples, p)));
    const svg = chartSvg(chart)!;
    return {chart, svg, label: svg.getAttribute("aria-label") ?? "", ring: ringMarker(chart)};
  });
  const root = h(
    document,
    "div",
    {class: "estimate-panels", style: `display: grid; gap: ${gap}px; grid-template-columns: repeat(auto-fill, minmax(${panelWidth}px, 1fr));`},
    charts.map((c) => h(document, "div", {}, c.chart))
  );
  return Object.assign(root, {
    select(i: number) {
      for (const c of charts) {
        c.ring.move(samples[i]);
        c.svg.setAttribute("aria-label", `${c.label}; selected sample ${i} ringed`);
      }
    }
  });
}
