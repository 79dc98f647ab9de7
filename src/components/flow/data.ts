// The data of the flow diagram's layers, computed once per render (as Plot computes a mark's
// channels): one datum per input and neuron, and one per edge with the value it encodes and where its
// label goes.
import type * as d3 from "d3";
import {select as d3select} from "d3";
import {svgElement} from "../dom.js";
import {fixed} from "../../lib/format.js";
import {biasBoxY, estimateTextWidth, laneFraction, placeLabels, type FlowLayout, type Rect} from "../../lib/flow-layout.js";
import type {LayerValues, Network} from "../../lib/network.js";
import {edgeEncoding, hasLabel, type EdgeEncoding} from "./encodings.js";
import {EDGE_FONT} from "./text.js";
import {Written} from "./write.js";
import type {EdgeDatum, LayerNeuronDatum, NeuronDatum} from "./types.js";

const CONTRIBUTION = edgeEncoding("contribution");

export function inputData(values: LayerValues, layout: FlowLayout): NeuronDatum[] {
  return values.input.map((a, unit) => ({column: 0, unit, z: null, a, y: layout.y(0, unit)}));
}

export function neuronData(values: LayerValues, layout: FlowLayout): LayerNeuronDatum[] {
  return values.z.flatMap((zk, k) => zk.map((z, unit) => ({column: k + 1, unit, z, a: values.a[k][unit], y: layout.y(k + 1, unit)})));
}

/**
 * Room kept between an edge label's estimated box and a circle or bias box, in px: the label's halo
 * (a 3 px stroke) and the width estimate's error, so that a label never touches a unit.
 */
export const LABEL_CLEARANCE = 2;

/**
 * What an edge label must not cover: every circle (as its bounding square) and every bias box,
 * grown by LABEL_CLEARANCE on each side.
 */
function unitObstacles(layout: FlowLayout): Rect[] {
  const {r, columns, biasWidth, biasHeight} = layout;
  const pad = LABEL_CLEARANCE;
  const square = (x: number, y: number): Rect => ({x: x - r - pad, y: y - r - pad, width: 2 * (r + pad), height: 2 * (r + pad)});
  return columns.flatMap((col, c) =>
    Array.from({length: col.size}, (_, unit) => {
      const y = layout.y(c, unit);
      if (c === 0) return [square(col.xz, y)];
      const bias: Rect = {x: col.xz - biasWidth / 2 - pad, y: biasBoxY(y, layout) - biasHeight / 2 - pad, width: biasWidth + 2 * pad, height: biasHeight + 2 * pad};
      return [square(col.xz, y), square(col.xa, y), bias];
    }).flat()
  );
}

/**
 * One datum per weight W^(k)[i][j], drawn from the right side of the source's a circle to the left
 * side of the target's z circle. With `placeLabelsToo`, the edges whose value the encoding labels
 * also get a label position: each label takes the free spot along its own edge nearest its source's
 * lane (flow-layout), the labels of the largest |value| first. Where a band is too narrow for all of
 * them (a [5, 5] network on a phone), the smallest values are the ones left unlabelled; the
 * arithmetic panel of a selected neuron still shows each of its weights.
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
          labelled: false,
          lx: 0,
          ly: 0
        };
      })
    );
  });
  if (placeLabelsToo) {
    const labelled = edges.filter((e) => hasLabel(e.v, encoding));
    // Labelled by weight, the labels and their places do not depend on the input: the placement of
    // a network at a layout is computed once and reused for every other input (a point moved).
    const memoKey = encoding.mode === "weight" ? `${layout.width}|${layout.height}|${digits}` : null;
    const memo = memoKey === null ? undefined : PLACEMENTS.get(net)?.get(memoKey);
    const placements = memo ?? placeLabels(
      labelled.map((e) => ({
        x1: e.x1,
        y1: e.y1,
        x2: e.x2,
        y2: e.y2,
        width: estimateTextWidth(e.label, EDGE_FONT) + 2,
        height: EDGE_FONT + 1,
        t0: laneFraction(e.i, net.layers[e.k].weights.length),
        priority: Math.abs(e.v)
      })),
      {obstacles: unitObstacles(layout)}
    );
    if (memoKey !== null && !memo) {
      const byLayout = PLACEMENTS.get(net) ?? new Map();
      byLayout.set(memoKey, placements);
      PLACEMENTS.set(net, byLayout);
    }
    placements.forEach((p, n) => {
      labelled[n].labelled = p.placed;
      labelled[n].lx = p.x;
      labelled[n].ly = p.y;
    });
  }
  return edges;
}

/** Edge label placements by weight, per network and layout (see edgeData). */
const PLACEMENTS = new WeakMap<Network, Map<string, ReturnType<typeof placeLabels>>>();

/**
 * The attributes that name a unit's element: data-layer (0 for the inputs, else 1..L) and data-unit
 * (1-based, bottom-up). The selection, the tests and readers' tools find units by them.
 */
export function unitRef<E extends Element, D extends NeuronDatum>(nodes: Written<E, D>): void {
  nodes.attr("data-layer", (d) => d.column).attr("data-unit", (d) => d.unit + 1);
}

/** The attributes that name an edge's element: data-layer of its target, data-from and data-to (1-based units). */
export function edgeRef<E extends Element>(nodes: Written<E, EdgeDatum>): void {
  nodes
    .attr("data-layer", (e) => e.k + 1)
    .attr("data-from", (e) => e.i + 1)
    .attr("data-to", (e) => e.j + 1);
}

/**
 * The group a layer draws into: the one it drew before (updated in place), else a new one. Its
 * attributes are set by the caller on both paths, so both end the same.
 */
export function layerGroup(document: Document, existing: SVGGElement | undefined): d3.Selection<SVGGElement, unknown, null, undefined> {
  return d3select(existing ?? svgElement(document, "g"));
}

/**
 * The one child `tag` (of class `className`, when its parent has several of that tag) of each of
 * `parents`, made on the first draw and reused on an update, with its parent's datum. Children are
 * made in the order of the calls, as append would.
 */
export function child<K extends keyof SVGElementTagNameMap, E extends Element, D>(parents: Written<E, D>, tag: K, className?: string): Written<SVGElementTagNameMap[K], D> {
  const nodes = parents.nodes.map((parent) => {
    for (let c = parent.firstElementChild; c; c = c.nextElementSibling) {
      if (c.localName === tag && (!className || c.classList.contains(className))) return c as SVGElementTagNameMap[K];
    }
    return parent.appendChild(svgElement(parent.ownerDocument, tag));
  });
  return new Written(nodes, parents.data);
}
