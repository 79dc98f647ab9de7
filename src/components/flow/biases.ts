// Biases: a box above each z circle, joined to it by a short stem, filled by the parameter scale
// (the same colours as the edges) and labelled with its value in a colour that contrasts with the fill.
import {BIAS_STEM, biasBoxY} from "../../lib/flow-layout.js";
import {fixed} from "../../lib/format.js";
import {textColorFor} from "../palettes.js";
import {child, layerGroup, unitRef} from "./data.js";
import {BIAS_FONT, fitFont} from "./text.js";
import type {FlowLayer} from "./types.js";
import {write} from "./write.js";

export const biases: FlowLayer = ({document, net, layout, neurons, scales, showNumbers, digits}, existing) => {
  const {columns, biasWidth: bw, biasHeight: bh} = layout;
  const {color} = scales.parameter;
  const biasOf = (d: {column: number; unit: number}) => net.layers[d.column - 1].biases[d.unit];
  const g = layerGroup(document, existing);
  write(g).attr("class", "biases");
  const bias = write(g.selectAll("g").data(neurons).join("g"))
    .attr("class", "bias")
    .call(unitRef)
    .attr("data-bias", (d) => String(biasOf(d)))
    .attr("transform", (d) => `translate(${columns[d.column].xz},${biasBoxY(d.y, layout)})`);
  child(bias, "line", "bias-stem").attr("class", "bias-stem").attr("y1", bh / 2).attr("y2", bh / 2 + BIAS_STEM);
  child(bias, "rect")
    .attr("x", -bw / 2)
    .attr("y", -bh / 2)
    .attr("width", bw)
    .attr("height", bh)
    .attr("rx", 2)
    .attr("fill", (d) => color(biasOf(d)));
  if (showNumbers) {
    child(bias, "text", "bias-label")
      .attr("class", "value-label bias-label")
      .attr("text-anchor", "middle")
      .attr("dy", "0.35em")
      .attr("font-size", (d) => fitFont(fixed(biasOf(d), digits), bw - 3, BIAS_FONT))
      .attr("fill", (d) => textColorFor(color(biasOf(d))))
      .text((d) => fixed(biasOf(d), digits));
  }
  return g.node();
};
