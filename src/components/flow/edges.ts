// The edges of the flow diagram, one line per weight, coloured and sized by the parameter scale from
// the value their encoding gives them; and their value labels.
import {signHue, ZERO_COLOR} from "../parameter-scale.js";
import {edgeRef, layerGroup} from "./data.js";
import {EDGE_FONT} from "./text.js";
import type {EdgeDatum, FlowLayer} from "./types.js";
import {write, writeAttr} from "./write.js";

/** An edge's identity in a join: its layer and end units. */
const edgeKey = (e: EdgeDatum) => `${e.k} ${e.i} ${e.j}`;

/**
 * The edges, strongest last (on top of the weak ones). An edge carrying exactly 0 is drawn dashed
 * and grey: under "contribution" that is an input from an inactive unit, which adds nothing.
 */
export const edges: FlowLayer = ({document, edges, scales}, existing) => {
  const {color, width} = scales.parameter;
  const byStrength = edges.slice().sort((a, b) => Math.abs(a.v) - Math.abs(b.v));
  const g = layerGroup(document, existing);
  write(g).attr("class", "edges").attr("stroke-linecap", "round");
  // Joined by edge, not by index: when the order by strength changes (another epoch, or another
  // point under contributions), the lines are moved rather than each given another edge's
  // attributes, which would rewrite nearly all of them.
  write(g.selectAll<SVGLineElement, EdgeDatum>("line").data(byStrength, edgeKey).join("line"))
    .attr("class", "edge")
    .call(edgeRef)
    .attr("data-weight", (e) => String(e.w))
    .attr("data-contribution", (e) => String(e.contribution))
    .attr("x1", (e) => e.x1)
    .attr("y1", (e) => e.y1)
    .attr("x2", (e) => e.x2)
    .attr("y2", (e) => e.y2)
    .attr("stroke", (e) => (e.v === 0 ? ZERO_COLOR : color(e.v)))
    // A fresh draw writes stroke-dasharray before stroke-width (attribute order is what a saved SVG
    // shows): where an update adds the dash, the width is taken off first and written after it.
    .each((line, e) => {
      if (e.v === 0 && !line.hasAttribute("stroke-dasharray")) writeAttr(line, "stroke-width", null);
    })
    .attr("stroke-dasharray", (e) => (e.v === 0 ? "2 3" : null))
    .attr("stroke-width", (e) => width(e.v));
  return g.node();
};

/**
 * The edges' values, at the places edgeData chose (an edge whose label found no free spot has none).
 * Each label's `color` is the hue of its sign, and the text is filled with currentColor; the
 * stylesheet mixes that hue with the theme's text colour (so it reads on a light page and on a dark
 * one), over a halo of the page's background.
 */
export const edgeLabels: FlowLayer = ({document, edges, showNumbers}, existing) => {
  if (!showNumbers) return null;
  const g = layerGroup(document, existing);
  write(g).attr("class", "edge-labels").attr("text-anchor", "middle").attr("font-size", EDGE_FONT).attr("fill", "currentColor");
  write(g.selectAll<SVGTextElement, EdgeDatum>("text").data(edges.filter((e) => e.labelled), edgeKey).join("text"))
    .attr("class", "value-label edge-label")
    .call(edgeRef)
    .attr("data-value", (e) => String(e.v))
    .attr("x", (e) => e.lx)
    .attr("y", (e) => e.ly)
    .attr("dy", "0.35em")
    .attr("color", (e) => signHue(Math.sign(e.v)))
    .text((e) => e.label);
  return g.node();
};
