// The scales of the flow diagram, built once per render and shared by its layers and legends.
import type {Extent} from "../../lib/extents.js";
import type {Network} from "../../lib/network.js";
import {paletteScale} from "../palettes.js";
import {magnitudeMax, parameterScale} from "../parameter-scale.js";
import type {EdgeDatum, FlowScales} from "./types.js";

/**
 * Neuron fills: one palette scale per column over that column's colour domain (the same domain for
 * every column in "comp" mode). Parameters: one parameter scale whose end is the largest |value| of
 * any edge (under the edge mode) or bias, so the strongest of them gets the deepest colour; or
 * `parameterMax` when the caller fixes the end and it is larger (so no value drawn is clamped).
 */
export function flowScales(net: Network, interpolator: (t: number) => string, domains: readonly Extent[], edges: readonly EdgeDatum[], parameterMax?: number): FlowScales {
  const biases = net.layers.flatMap((layer) => layer.biases);
  return {
    fill: domains.map((domain) => paletteScale(interpolator, domain)),
    parameter: parameterScale(Math.max(parameterMax ?? 0, magnitudeMax([...edges.map((e) => e.v), ...biases])))
  };
}
