// The data of the flow diagram's layers, computed once per render (as Plot computes a mark's
// channels): one datum per input and neuron, and one per edge with the value it encodes and where its
// label goes.
import type * as d3 from "d3";
import {fixed} from "../../lib/format.js";
import {estimateTextWidth, laneFraction, placeLabels, type FlowLayout} from "../../lib/flow-layout.js";
import type {LayerValues, Network} from "../../lib/network.js";
import {edgeEncoding, hasLabel, type EdgeEncoding} from "./encodings.js";
import {EDGE_FONT} from "./text.js";
import type {EdgeDatum, LayerNeuronDatum, NeuronDatum} from "./types.js";

const CONTRIBUTION = edgeEncoding("contribution");

export function inputData(values: LayerValues, layout: FlowLayout): NeuronDatum[] {
  return values.input.map((a, unit) => ({column: 0, unit, z: null, a, y: layout.y(0, unit)}));
}

export function neuronData(values: LayerValues, layout: FlowLayout): LayerNeuronDatum[] {
  return values.z.flatMap((zk, k) => zk.map((z, unit) => ({column: k + 1, unit, z, a: values.a[k][unit], y: layout.y(k + 1, unit)})));
}

/**
 * One datum per weight W^(k)[i][j], drawn from the right side of the source's a circle to the left
 * side of the target's z circle. With `placeLabelsToo`, the labelled edges also get a label position:
 * each label takes the free spot along its own edge nearest its source's lane (flow-layout).
 */
export function edgeData(
  net: Network,
  values: LayerValues,
  layout: FlowLayout,
  encoding: EdgeEncoding,
  digits: number,
  placeLabelsToo: boolean
): EdgeDatum[] {
  const {r, columns} = layout;
  const edges = net.layers.flatMap((layer, k) => {
    const entering = k === 0 ? values.input : values.a[k - 1];
    return layer.weights.flatMap((row, i) =>
      row.map((w, j): EdgeDatum => {
        const v = encoding.value(w, entering[i]);
        return {
          k,
          i,
          j,
          w,
          contribution: CONTRIBUTION.value(w, entering[i]),
          v,
          x1: columns[k].xa + r,
          y1: layout.y(k, i),
          x2: columns[k + 1].xz - r,
          y2: layout.y(k + 1, j),
          label: fixed(v, digits),
          lx: 0,
          ly: 0
        };
      })
    );
  });
  if (placeLabelsToo) {
    const labelled = edges.filter((e) => hasLabel(e.v, encoding));
    const placements = placeLabels(
      labelled.map((e) => ({
        x1: e.x1,
        y1: e.y1,
        x2: e.x2,
        y2: e.y2,
        width: estimateTextWidth(e.label, EDGE_FONT) + 2,
        height: EDGE_FONT + 1,
        t0: laneFraction(e.i, net.layers[e.k].weights.length)
      }))
    );
    placements.forEach((p, n) => {
      labelled[n].lx = p.x;
      labelled[n].ly = p.y;
    });
  }
  return edges;
}

/**
 * The attributes that name a unit's element: data-layer (0 for the inputs, else 1..L) and data-unit
 * (1-based, bottom-up). The selection, the tests and readers' tools find units by them.
 */
export function unitRef<E extends d3.BaseType, D extends NeuronDatum, P extends d3.BaseType, PD>(selection: d3.Selection<E, D, P, PD>): void {
  selection.attr("data-layer", (d) => d.column).attr("data-unit", (d) => d.unit + 1);
}

/** The attributes that name an edge's element: data-layer of its target, data-from and data-to (1-based units). */
export function edgeRef<E extends d3.BaseType, P extends d3.BaseType, PD>(selection: d3.Selection<E, EdgeDatum, P, PD>): void {
  selection
    .attr("data-layer", (e) => e.k + 1)
    .attr("data-from", (e) => e.i + 1)
    .attr("data-to", (e) => e.j + 1);
}
