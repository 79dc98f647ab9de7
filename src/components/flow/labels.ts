// Names drawn on the flow diagram: the column titles with "z" and "a" above the two circles of each
// layer, and the output's name on the right. Their colours come from the stylesheet (theme text colours).
import * as d3 from "d3";
import {layerActivation, type Network} from "../../lib/network.js";
import {svgElement} from "../dom.js";
import {NAME_FONT} from "./text.js";
import type {FlowLayer} from "./types.js";

function columnTitle(net: Network, c: number): string {
  const L = net.layers.length;
  if (c === 0) return "input";
  if (c === L) return "output · linear";
  return `hidden ${c} · ${layerActivation(net, c - 1)}`;
}

/** Column titles, and "z" / "a" above the two circles of each layer. */
export const headers: FlowLayer = ({document, net, layout}) => {
  const head = d3.select(svgElement(document, "g")).attr("class", "headers").attr("text-anchor", "middle").attr("aria-hidden", "true");
  layout.columns.forEach((col, c) => {
    head.append("text").attr("class", "column-title").attr("x", (col.xz + col.xa) / 2).attr("y", 11).attr("font-weight", 600).text(columnTitle(net, c));
    if (c > 0) {
      head.append("text").attr("class", "column-variable").attr("x", col.xz).attr("y", 26).text("z");
      head.append("text").attr("class", "column-variable").attr("x", col.xa).attr("y", 26).text("a");
    }
  });
  return head.node();
};

/** The output's name on the right: ŷ, or ŷ1, ŷ2, … for several outputs. */
export const outputNames: FlowLayer = ({document, net, layout, neurons}) => {
  const L = net.layers.length;
  const out = layout.columns[L];
  const g = d3.select(svgElement(document, "g")).attr("class", "output-name").attr("font-size", NAME_FONT);
  g.selectAll("text")
    .data(neurons.filter((d) => d.column === L))
    .join("text")
    .attr("x", out.xa + layout.r + 4)
    .attr("y", (d) => d.y)
    .attr("dy", "0.35em")
    .text((d) => (out.size > 1 ? `ŷ${d.unit + 1}` : "ŷ"));
  return g.node();
};
