// The flow diagram's legends: the neuron colour ramp(s), placed under the columns they describe, and
// the edge legend, which draws the same parameter scale as the edges and bias boxes.
import type {Extent} from "../../lib/extents.js";
import type {ColorMode} from "../../lib/flow-model.js";
import type {FlowLayout} from "../../lib/flow-layout.js";
import {colorLegend, edgeLegend, updateColorLegend, updateEdgeLegend, type RampSpec} from "../color-legend.js";
import type {PaletteName} from "../palettes.js";
import type {EdgeEncoding} from "./encodings.js";
import type {FlowScales} from "./types.js";

export interface FlowLegendOptions {
  layout: FlowLayout;
  palette: PaletteName;
  interpolator: (t: number) => string;
  colorMode: ColorMode;
  encoding: EdgeEncoding;
  digits: number;
  document: Document;
}

/** Smallest width of a ramp, and of the single "comp" ramp's cap, in px. */
const MIN_RAMP = 64;
const MAX_COMP_RAMP = 240;

/**
 * Where the neuron ramps go: one ramp across the diagram for "comp", else one under each column,
 * as wide as the column's circles (at least MIN_RAMP) and kept inside the diagram.
 */
function ramps(layout: FlowLayout, colorMode: ColorMode, domains: readonly Extent[]): RampSpec[] {
  const {width, columns, r} = layout;
  if (colorMode === "comp") {
    const w = Math.max(MIN_RAMP, Math.min(MAX_COMP_RAMP, width - 8));
    return [{label: "all values", domain: domains[0], x: 4 + w / 2, width: w}];
  }
  const last = columns.length - 1;
  return columns.map((col, c) => {
    const w = c === 0 ? MIN_RAMP : Math.max(MIN_RAMP, col.xa - col.xz + 2 * r);
    return {
      label: c === 0 ? "input" : c === last ? "output" : `hidden ${c}`,
      domain: domains[c],
      x: Math.min(Math.max((col.xz + col.xa) / 2, w / 2 + 2), width - w / 2 - 2),
      width: w
    };
  });
}

/** Each column's fill domain. */
const fillDomains = (scales: FlowScales): Extent[] =>
  scales.fill.map((fill): Extent => {
    const [lo, hi] = fill.domain();
    return [lo, hi];
  });

/** The neuron colour legend: the fill ramp(s) with their domains. */
export function neuronLegend(scales: FlowScales, {layout, palette, interpolator, colorMode, digits, document}: FlowLegendOptions): HTMLElement {
  return colorLegend(ramps(layout, colorMode, fillDomains(scales)), {interpolator, mode: colorMode, paletteName: palette, width: layout.width, digits, document});
}

/**
 * Updates a neuronLegend drawn for the same layout and settings to `scales`' domains, in place;
 * false, changing nothing, when it must be drawn again (see updateColorLegend).
 */
export function updateNeuronLegend(legend: Element, scales: FlowScales, {layout, colorMode, digits}: FlowLegendOptions): boolean {
  return updateColorLegend(legend, ramps(layout, colorMode, fillDomains(scales)), digits);
}

/** The edge legend: the parameter scale, titled by the edge encoding. */
export function flowEdgeLegend(scales: FlowScales, {layout, encoding, digits, document}: FlowLegendOptions): HTMLElement {
  return edgeLegend(scales.parameter, {encoding, width: layout.width, digits, document});
}

/** Redraws a flowEdgeLegend drawn for the same layout and settings to `scales`' parameter scale, in place. */
export function updateFlowEdgeLegend(legend: Element, scales: FlowScales, {layout, digits}: FlowLegendOptions): void {
  updateEdgeLegend(legend, scales.parameter, {width: layout.width, digits});
}

/** The legends of the diagram's scales: each column's fill domain, and the parameter scale. */
export function flowLegends(scales: FlowScales, options: FlowLegendOptions): HTMLElement {
  const legends = options.document.createElement("div");
  legends.className = "flow-legends";
  legends.append(neuronLegend(scales, options), flowEdgeLegend(scales, options));
  return legends;
}
