// The numbers on the circles: x on each input, z and a on each neuron. They are a layer of their
// own above the circles, not part of the neuron buttons (whose aria-label states them, and whose
// visible text would otherwise have to match that label), and transparent to the pointer, so a
// click on a number selects its neuron. Each is written in the colour that contrasts most with the
// fill under it.
import {fixed} from "../../lib/format.js";
import {layerGroup} from "./data.js";
import {textColorFor} from "../palettes.js";
import {fitFont, VALUE_FONT} from "./text.js";
import type {FlowLayer} from "./types.js";
import {write} from "./write.js";

/** A number drawn on a circle: which unit, which value (x, z or a), and where. */
interface ValueLabel {
  column: number;
  unit: number;
  kind: "x" | "z" | "a";
  v: number;
  x: number;
  y: number;
}

/** Room a circle's number leaves to the circle's edge, in px (both sides together). */
const VALUE_INSET = 3;

export const values: FlowLayer = ({document, layout, inputs, neurons, scales, showNumbers, digits}, existing) => {
  if (!showNumbers) return null;
  const {r, columns} = layout;
  const labels: ValueLabel[] = [
    ...inputs.map((d): ValueLabel => ({column: 0, unit: d.unit, kind: "x", v: d.a, x: columns[0].xz, y: d.y})),
    ...neurons.flatMap((d): ValueLabel[] => [
      {column: d.column, unit: d.unit, kind: "z", v: d.z, x: columns[d.column].xz, y: d.y},
      {column: d.column, unit: d.unit, kind: "a", v: d.a, x: columns[d.column].xa, y: d.y}
    ])
  ];
  const g = layerGroup(document, existing);
  write(g)
    .attr("class", "neuron-values")
    .attr("pointer-events", "none")
    .attr("aria-hidden", "true")
    .attr("text-anchor", "middle");
  write(g.selectAll("text").data(labels).join("text"))
    .attr("class", (l) => `value-label ${l.kind}-label`)
    .attr("data-layer", (l) => l.column)
    .attr("data-unit", (l) => l.unit + 1)
    .attr("x", (l) => l.x)
    .attr("y", (l) => l.y)
    .attr("dy", "0.35em")
    // The number spans the circle's diameter less 1.5 px each side. (Text widths are estimated from
    // the widest common face, flow-layout's estimateTextWidth, so the number fits on any screen.)
    .attr("font-size", (l) => fitFont(fixed(l.v, digits), 2 * r - VALUE_INSET, VALUE_FONT))
    .attr("fill", (l) => textColorFor(scales.fill[l.column](l.v)))
    .text((l) => fixed(l.v, digits));
  return g.node();
};
