// The units of the flow diagram: each input as one circle with its name; each neuron as two circles,
// z then a = g(z), joined by a short arrow, filled through the palette scale of its column, inside a
// ring that shows focus and selection. Neurons are focusable buttons; their aria-label states z and a.
import * as d3 from "d3";
import {fixed, inputName} from "../../lib/format.js";
import type {FlowLayout} from "../../lib/flow-layout.js";
import {svgElement} from "../dom.js";
import {child, layerGroup, unitRef} from "./data.js";
import {NAME_FONT} from "./text.js";
import type {FlowLayer, LayerNeuronDatum, NeuronDatum} from "./types.js";
import {write} from "./write.js";

/** z -> a: a short arrow between the two circles of each neuron. */
export const connectors: FlowLayer = ({document, layout, neurons}) => {
  const {r, columns} = layout;
  const g = d3.select(svgElement(document, "g")).attr("class", "connectors").attr("fill", "none");
  g.selectAll("path")
    .data(neurons)
    .join("path")
    .attr("d", (d) => {
      const x1 = columns[d.column].xz + r + 1;
      const x2 = columns[d.column].xa - r - 1;
      return `M${x1},${d.y}H${x2}M${x2 - 4},${d.y - 3}L${x2},${d.y}L${x2 - 4},${d.y + 3}`;
    });
  return g.node();
};

/** One group per unit, named by unitRef, its origin at the centre of the unit's z circle (an input's only circle). */
function unitGroups<D extends NeuronDatum>(parent: d3.Selection<SVGGElement, unknown, null, undefined>, data: D[], className: string, layout: FlowLayout) {
  return write(parent.selectAll("g").data(data).join("g"))
    .attr("class", className)
    .call(unitRef)
    .attr("transform", (d) => `translate(${layout.columns[d.column].xz},${d.y})`);
}

/** Inputs: one circle each, named x₁, x₂ on the left. */
export const inputs: FlowLayer = ({document, layout, inputs, scales}, existing) => {
  const {r} = layout;
  const g = layerGroup(document, existing);
  write(g).attr("class", "inputs");
  const unit = unitGroups(g, inputs, "input-unit", layout).attr("data-a", (d) => String(d.a));
  child(unit, "text", "input-name")
    .attr("class", "input-name")
    .attr("x", -r - 4)
    .attr("dy", "0.35em")
    .attr("text-anchor", "end")
    .attr("font-size", NAME_FONT)
    .text((d) => inputName(d.unit));
  child(unit, "circle", "x").attr("class", "value-circle x").attr("r", r).attr("fill", (d) => scales.fill[0](d.a));
  return g.node();
};

/** "layer 1 unit 2: z = −0.37, a = 0.00" (the output is layer L; the column titles say so). */
function neuronLabel(d: LayerNeuronDatum, digits: number): string {
  return `layer ${d.column} unit ${d.unit + 1}: z = ${fixed(d.z, digits)}, a = ${fixed(d.a, digits)}`;
}

/** Neurons: z and a circles, and a ring for focus and selection; focusable and clickable. */
export const neurons: FlowLayer = ({document, layout, neurons, scales, digits}, existing) => {
  const {r, columns} = layout;
  const g = layerGroup(document, existing);
  write(g).attr("class", "neurons");
  const neuron = unitGroups(g, neurons, "neuron", layout)
    .attr("data-z", (d) => String(d.z))
    .attr("data-a", (d) => String(d.a))
    .attr("tabindex", 0)
    .attr("role", "button")
    .attr("aria-pressed", "false")
    .attr("aria-label", (d) => neuronLabel(d, digits));
  // The ring is unfilled but catches the pointer (pointer-events="all"), so the whole pill around
  // z and a is one target: a click between the circles must not fall through to the arrow below.
  child(neuron, "rect", "ring")
    .attr("class", "ring")
    .attr("pointer-events", "all")
    .attr("x", -r - 4)
    .attr("y", -r - 4)
    .attr("width", (d) => columns[d.column].xa - columns[d.column].xz + 2 * r + 8)
    .attr("height", 2 * r + 8)
    .attr("rx", r + 4);
  child(neuron, "circle", "z").attr("class", "value-circle z").attr("r", r).attr("fill", (d) => scales.fill[d.column](d.z));
  child(neuron, "circle", "a")
    .attr("class", "value-circle a")
    .attr("cx", (d) => columns[d.column].xa - columns[d.column].xz)
    .attr("r", r)
    .attr("fill", (d) => scales.fill[d.column](d.a));
  return g.node();
};
