// The shapes shared by the layers of the flow diagram. As in Observable Plot, where each mark renders
// itself from the plot's scales and dimensions, each layer of the diagram is a function from one
// shared context (the data, the layout and the scales, computed once) to one SVG group.
import type * as d3 from "d3";
import type {LayerValues, Network} from "../../lib/network.js";
import type {FlowLayout} from "../../lib/flow-layout.js";
import type {ParameterScale} from "../parameter-scale.js";
import type {EdgeEncoding} from "./encodings.js";

/** A neuron or input as drawn: its column (0 = inputs), 0-based unit, values and centre height. */
export interface NeuronDatum {
  column: number;
  unit: number;
  /** z (null for an input, which has only its value). */
  z: number | null;
  a: number;
  y: number;
}

/** A neuron of a layer (column >= 1), which has a z. */
export type LayerNeuronDatum = NeuronDatum & {z: number};

/** An edge i -> j into layer k (0-based): the weight, the encoded value, its end points and label. */
export interface EdgeDatum {
  k: number;
  i: number;
  j: number;
  w: number;
  /** The term a·w the edge adds to z, whatever the mode (kept as data for readers and tests). */
  contribution: number;
  /** The value the edge encodes under the diagram's edge mode. */
  v: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  label: string;
  /**
   * Whether the value label is drawn: numbers are shown, the encoding labels this value, and the
   * label found a spot on its edge clear of every other label (flow-layout's placeLabels).
   */
  labelled: boolean;
  /** Centre of the value label (meaningful only when labelled). */
  lx: number;
  ly: number;
}

export interface FlowScales {
  /** Per column: a neuron's value -> its fill, through the palette over that column's domain. */
  fill: readonly d3.ScaleLinear<number, string>[];
  /** Edge and bias values -> colour and width, shared with the edge legend and the heatmap. */
  parameter: ParameterScale;
}

/** Everything a layer draws from. */
export interface FlowContext {
  document: Document;
  net: Network;
  values: LayerValues;
  layout: FlowLayout;
  /** The inputs (column 0). */
  inputs: NeuronDatum[];
  /** The neurons of every layer (columns 1..L). */
  neurons: LayerNeuronDatum[];
  edges: EdgeDatum[];
  encoding: EdgeEncoding;
  scales: FlowScales;
  showNumbers: boolean;
  /** Decimals of every number drawn. */
  digits: number;
}

/**
 * A layer of the diagram: one <g> drawn from the context, or null when it has nothing to show.
 * Layers whose drawing depends on the network's values also take the group they drew before, and
 * then update its existing elements in place (d3 joins on them: elements added or removed only where
 * the data changed; attributes and texts written through write.ts, only where they differ from
 * what was last written), leaving it as a fresh draw from the same context would be.
 */
export type FlowLayer = (context: FlowContext, existing?: SVGGElement) => SVGGElement | null;
