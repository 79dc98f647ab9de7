// What the flow diagram shows for one sample, as plain numbers: the columns of values, the colour
// domains of each colour mode, a neuron's terms, and a text description. Pure (no DOM). What an
// edge encodes under each edge mode is in components/flow/encodings.ts.
//
// Conventions shared by the flow diagram and the arithmetic panel:
// - column 0 is the input (x1, x2); column c >= 1 is layer c, i.e. net.layers[c - 1];
// - a neuron is named {layer, unit}, both 1-based: layer 1 is the first hidden layer, layer L the
//   output; unit u is index u - 1 of the layer's biases, and unit 1 is drawn at the bottom
//   (neurons are counted bottom-up, as the article does).
import {fixed, pointLabel, unitList} from "./format.js";
import {extentOf, type Extent} from "./extents.js";
import {ACTIVATIONS, type ActivationName} from "./activations.js";
import {layerActivation, layerSizes, type LayerValues, type Network} from "./network.js";

/** A neuron: layer 1..L (L = output layer), unit 1..n counted bottom-up. */
export interface NeuronRef {
  layer: number;
  unit: number;
}

/**
 * "comp": one colour scale over every value shown for this sample; "layer": one scale per column,
 * this sample only; "dataset": one scale per column over all samples (needs columnExtents).
 */
export type ColorMode = "comp" | "layer" | "dataset";
export const COLOR_MODES: readonly ColorMode[] = ["comp", "layer", "dataset"];

/** "weight": an edge shows w; "contribution": it shows w·a, the term it adds to z. */
export type EdgeMode = "weight" | "contribution";
export const EDGE_MODES: readonly EdgeMode[] = ["weight", "contribution"];

/** True when ref names a neuron of a layer of net (not an input). */
export function isNeuronOf(net: Network, ref: NeuronRef | null | undefined): ref is NeuronRef {
  if (!ref || !Number.isInteger(ref.layer) || !Number.isInteger(ref.unit)) return false;
  if (ref.layer < 1 || ref.layer > net.layers.length) return false;
  return ref.unit >= 1 && ref.unit <= net.layers[ref.layer - 1].biases.length;
}

/** The values drawn in each column: the input, then z and a of every layer. */
export function columnValues(values: LayerValues): number[][] {
  return [values.input.slice(), ...values.z.map((z, k) => [...z, ...values.a[k]])];
}

/** The colour domain [lo, hi] of every column under a colour mode. */
export function columnDomains(values: LayerValues, mode: ColorMode, extents?: readonly Extent[]): Extent[] {
  const columns = columnValues(values);
  switch (mode) {
    case "comp": {
      const all = extentOf(columns.flat());
      return columns.map(() => [all[0], all[1]] as Extent);
    }
    case "layer":
      return columns.map(extentOf);
    case "dataset":
      if (!extents || extents.length !== columns.length) {
        throw new Error(
          `colorMode "dataset" needs options.extents = columnExtents(net, inputs) with ${columns.length} columns` +
            (extents ? `, got ${extents.length}` : "")
        );
      }
      return extents.map((e) => [e[0], e[1]] as Extent);
  }
}

/** "2 → 4 → 1" */
export function shapeLabel(net: Network): string {
  return layerSizes(net).join(" → ");
}

/**
 * A text description of the diagram for one sample: shape, input, output, and for each hidden layer
 * which units are active (a > 0, for on/off units such as relu) or their activations (other functions).
 * Numbers use `digits` decimals, as on the figure.
 */
export function describeFlow(net: Network, values: LayerValues, digits: number): string {
  const L = net.layers.length;
  const out = values.a[L - 1];
  const parts = [
    `Flow diagram of a fully connected network ${shapeLabel(net)} with ${net.activation} hidden units and a linear output.`,
    `Input sample (x1, x2) = ${pointLabel(values.input, digits)}.`,
    `Output ŷ = ${out.map((v) => fixed(v, digits)).join(", ")}.`
  ];
  for (let k = 0; k < L - 1; ++k) {
    const a = values.a[k];
    if (ACTIVATIONS[layerActivation(net, k)].onOff) {
      const active = a.flatMap((v, j) => (v > 0 ? [j + 1] : []));
      const inactive = a.flatMap((v, j) => (v > 0 ? [] : [j + 1]));
      parts.push(
        `Hidden layer ${k + 1} (units counted bottom-up): ${unitList(active)} active (a > 0)` +
          (inactive.length ? `, ${unitList(inactive)} inactive (a = 0).` : ".")
      );
    } else {
      parts.push(
        `Hidden layer ${k + 1} activations, unit 1 (bottom) to ${a.length} (top): ${a.map((v) => fixed(v, digits)).join(", ")}.`
      );
    }
  }
  parts.push("Each neuron shows its linear output z and its activation a; weights are edges; biases are small boxes.");
  return parts.join(" ");
}

/** Everything needed to write out one neuron's computation. */
export interface NeuronTerms {
  ref: NeuronRef;
  activation: ActivationName;
  /** a^(k-1) (x for the first layer): the values entering the neuron. */
  inputs: number[];
  /** W^(k)[i][j] for each input i. */
  weights: number[];
  /** inputs[i] · weights[i]: the terms of the sum. */
  products: number[];
  bias: number;
  /** z = sum_i inputs[i] · weights[i] + bias, as forward() computed it. */
  z: number;
  /** a = g(z), as forward() computed it. */
  a: number;
}

/** The terms of z^(k)_j = sum_i a^(k-1)_i W^(k)[i][j] + b^(k)_j for the neuron ref. */
export function neuronTerms(net: Network, values: LayerValues, ref: NeuronRef): NeuronTerms {
  if (!isNeuronOf(net, ref)) {
    throw new RangeError(`no neuron layer ${(ref as NeuronRef)?.layer} unit ${(ref as NeuronRef)?.unit} in a ${shapeLabel(net)} network`);
  }
  const k = ref.layer - 1;
  const j = ref.unit - 1;
  const inputs = (k === 0 ? values.input : values.a[k - 1]).slice();
  const weights = net.layers[k].weights.map((row) => row[j]);
  return {
    ref: {layer: ref.layer, unit: ref.unit},
    activation: layerActivation(net, k),
    inputs,
    weights,
    products: inputs.map((v, i) => v * weights[i]),
    bias: net.layers[k].biases[j],
    z: values.z[k][j],
    a: values.a[k][j]
  };
}
