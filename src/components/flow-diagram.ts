// The flow diagram: one sample going through a small fully connected network, drawn with D3.
//
// Columns run from the inputs (x1, x2) to the output. Layer k (1-based) computes
//   z = a_prev · W + b     (a_prev = x for layer 1; W[i][j] joins input i to unit j)
//   a = g(z)               (relu / sigmoid / tanh for hidden layers, identity for the output)
// and each of its neurons is drawn as two circles, z then a, filled through a palette; its bias is
// the small box above the z circle; its incoming weights are the edges, coloured and sized by the
// value their encoding gives them (the weight, or the term w·a it adds to z). Unit 1 is at the
// bottom of its column (the article counts neurons bottom-up). Selecting a neuron writes out its
// arithmetic beside the diagram (flow/selection.ts).
//
// Composed as Observable Plot composes marks: the data and the scales are computed once, then each
// layer (flow/*.ts) draws one group of the SVG from them, in the order below (later on top). The
// colours of the page (text, outlines, focus) come from the flow-diagram section of style.css.
//
// The returned <figure> has `.value` = the selected {layer, unit} (or null) and dispatches a
// bubbling "input" event when the reader changes it, so a page can keep it with Framework's view()
// and pass it back as options.selected on the next render.
import {pointLabel} from "../lib/format.js";
import type {Extent} from "../lib/extents.js";
import {columnDomains, describeFlow, shapeLabel, type ColorMode, type EdgeMode, type NeuronRef} from "../lib/flow-model.js";
import {comfortableWidth, flowLayout} from "../lib/flow-layout.js";
import {forward, layerActivation, layerSizes, type LayerValues, type Network} from "../lib/network.js";
import {svgElement} from "./dom.js";
import {PALETTES, type PaletteName} from "./palettes.js";
import {biases} from "./flow/biases.js";
import {edgeData, inputData, neuronData} from "./flow/data.js";
import {edgeEncoding, hasLabel} from "./flow/encodings.js";
import {edgeLabels, edges} from "./flow/edges.js";
import {headers, outputNames} from "./flow/labels.js";
import {flowLegends, neuronLegend, updateFlowEdgeLegend, updateNeuronLegend, type FlowLegendOptions} from "./flow/legends.js";
import {flowScales} from "./flow/scales.js";
import {attachSelection, markHovered, type SelectionOptions} from "./flow/selection.js";
import {VALUE_FONT} from "./flow/text.js";
import type {FlowContext, FlowLayer, FlowScales} from "./flow/types.js";
import {connectors, inputs, neurons} from "./flow/units.js";
import {values as neuronValues} from "./flow/values.js";

/**
 * Decimals of every number drawn on the diagram (neuron values, biases, edge labels, legends,
 * aria-labels and the description). Each is fixed(v, DIAGRAM_DIGITS) of the exact forward() value.
 */
export const DIAGRAM_DIGITS = 2;

/** Width of the arithmetic panel when it sits beside the diagram, and the gap before it, in px. */
const PANEL_WIDTH = 300;
const PANEL_GAP = 20;

export interface FlowDiagramOptions {
  /** The sample (x1, x2) that flows through the network. */
  input: readonly number[];
  /** Width of the whole figure in px (the page width). The height follows from the largest layer. */
  width: number;
  palette?: PaletteName;
  colorMode?: ColorMode;
  edgeMode?: EdgeMode;
  /** Draw the values on neurons, biases and edges (default true). */
  showNumbers?: boolean;
  /** The neuron selected at first: {layer: 1..L, unit: 1..n, bottom-up}; ignored when not in net. */
  selected?: NeuronRef | null;
  /** Per-column extents over the dataset, columnExtents(net, inputs): required by colorMode "dataset". */
  extents?: readonly Extent[];
  /** A caption; also the SVG's <title> (default: the sample and the network shape). */
  title?: string;
  /** The document to create elements in (tests pass jsdom's). */
  document?: Document;
  /** forward(net, input), when the caller has it already (it must be for this input). */
  values?: LayerValues;
  /** Called with the hidden unit under the pointer or the focus, and null when it leaves. */
  onHover?: (ref: NeuronRef | null) => void;
  /** A hidden unit marked at first as the linked views' focus (see hover()). */
  hovered?: NeuronRef | null;
  /**
   * The end of the parameter scale (edges, biases, edge legend), when the caller fixes it: over every
   * checkpoint of a replay, say, so that a colour means the same weight at every epoch. The end is
   * the larger of this and the largest |value| drawn (the default), so nothing drawn is clamped.
   */
  parameterMax?: number;
}

export type FlowDiagramElement = HTMLElement & {
  value: NeuronRef | null;
  /**
   * Shows `net` and `options` (another input, or another epoch's parameters) by updating this
   * diagram's existing elements in place when its structure stays (same layer sizes and
   * activations, width, settings, caption or not): the neurons' values, fills and labels, the
   * biases, the edges' colours, widths and labels, the title, the legends and the arithmetic of
   * the selected unit, writing only what changed. Nothing is drawn off the page; the result equals
   * a fresh flowDiagram(net, options). Returns false, changing nothing, when the structure differs
   * (the caller then draws a new diagram).
   */
  update(net: Network, options: FlowDiagramOptions): boolean;
  /** Marks a unit, its edges in and out, as the linked views' focus (null: none), without redrawing. */
  hover(ref: NeuronRef | null): void;
};

/** The layers of the SVG, bottom to top. */
const LAYERS: readonly FlowLayer[] = [headers, edges, connectors, biases, edgeLabels, inputs, neurons, neuronValues, outputNames];

/**
 * The layers whose drawing depends on the parameters or the values (the rest depend only on the
 * structure: layout, layer sizes, activations), with the class of the group each draws.
 */
const VALUE_LAYERS: readonly [FlowLayer, string][] = [
  [edges, "edges"],
  [biases, "biases"],
  [edgeLabels, "edge-labels"],
  [inputs, "inputs"],
  [neurons, "neurons"],
  [neuronValues, "neuron-values"]
];

/** The diagram's SVG: a titled and described group holding every layer. */
function drawSvg(context: FlowContext, title: string): SVGSVGElement {
  const {document: doc, layout} = context;
  const svg = svgElement(doc, "svg");
  svg.setAttribute("class", "flow-svg");
  // A group, not an img: its neurons are interactive, and role="img" would hide them from
  // assistive technology (an img's children are presentational). Its <title> and <desc> name and
  // describe it.
  svg.setAttribute("role", "group");
  svg.setAttribute("width", String(layout.width));
  svg.setAttribute("height", String(layout.height));
  svg.setAttribute("viewBox", `0 0 ${layout.width} ${layout.height}`);
  svg.setAttribute("font-family", "system-ui, sans-serif");
  svg.setAttribute("font-size", String(VALUE_FONT));
  // Text without a colour of its own (titles, names, legends) takes the page's text colour.
  svg.setAttribute("fill", "currentColor");
  const titleEl = svgElement(doc, "title");
  titleEl.textContent = title;
  const desc = svgElement(doc, "desc");
  desc.textContent = describeFlow(context.net, context.values, context.digits);
  svg.append(titleEl, desc);
  for (const layer of LAYERS) {
    const g = layer(context);
    if (g) svg.appendChild(g);
  }
  return svg;
}

/** Sets a node's text only when it differs (an unchanged text is not rewritten). */
function setText(node: Element | null, text: string): void {
  if (node && node.textContent !== text) node.textContent = text;
}

/**
 * What the neuron legend shows beyond the structure (it is drawn from this, the layout and the
 * settings alone): each column's fill domain. (The edge legend's is the parameter scale's end.)
 */
const colorLegendKey = (scales: FlowScales) => JSON.stringify(scales.fill.map((f) => f.domain()));

/** The edges whose number the diagram shows where there is room, and found none (a narrow diagram). */
const unlabelledCount = ({edges, encoding, showNumbers}: FlowContext): number => (showNumbers ? edges.filter((e) => hasLabel(e.v, encoding) && !e.labelled).length : 0);

/** Everything a drawing is made from: computed for a fresh draw and for an update alike. */
interface Prepared {
  context: FlowContext;
  palette: PaletteName;
  colorMode: ColorMode;
  interpolator: (t: number) => string;
  beside: boolean;
  title: string;
  /** What must stay for an update in place (sizes, activations, width, settings, caption or not). */
  structure: string;
}

function prepare(net: Network, options: FlowDiagramOptions, doc: Document): Prepared {
  const {input} = options;
  const {palette = "viridis", colorMode = "comp", edgeMode = "weight", showNumbers = true} = options;
  const interpolator = PALETTES[palette];
  if (!interpolator) throw new Error(`flowDiagram: unknown palette ${JSON.stringify(palette)}`);
  const encoding = edgeEncoding(edgeMode);
  const digits = DIAGRAM_DIGITS;

  const values = options.values ?? forward(net, input);
  const sizes = layerSizes(net);
  // The panel goes beside the diagram only when that leaves the edge labels enough room.
  const beside = options.width - PANEL_WIDTH - PANEL_GAP >= comfortableWidth(sizes);
  const layout = flowLayout(sizes, beside ? options.width - PANEL_WIDTH - PANEL_GAP : options.width);
  const domains = columnDomains(values, colorMode, options.extents);
  const edgeDatums = edgeData(net, values, layout, encoding, digits, showNumbers);
  if (options.parameterMax !== undefined && !(options.parameterMax >= 0)) throw new RangeError(`flowDiagram: parameterMax must be a number >= 0, got ${options.parameterMax}`);
  const scales = flowScales(net, interpolator, domains, edgeDatums, options.parameterMax);
  const context: FlowContext = {
    document: doc,
    net,
    values,
    layout,
    inputs: inputData(values, layout),
    neurons: neuronData(values, layout),
    edges: edgeDatums,
    encoding,
    scales,
    showNumbers,
    digits
  };
  const title = options.title ?? `Sample (x1, x2) = ${pointLabel(input, digits)} through the ${shapeLabel(net)} ${net.activation} network`;
  const activations = net.layers.map((_, k) => layerActivation(net, k));
  const structure = JSON.stringify([sizes, activations, options.width, palette, colorMode, edgeMode, showNumbers, Boolean(options.title), beside]);
  return {context, palette, colorMode, interpolator, beside, title, structure};
}

function legendOptions(p: Prepared): FlowLegendOptions {
  const {context: c} = p;
  return {layout: c.layout, palette: p.palette, interpolator: p.interpolator, colorMode: p.colorMode, encoding: c.encoding, digits: c.digits, document: c.document};
}

/**
 * Computes ahead, drawing nothing, what showing `net` with these options would compute and keep
 * (the edge labels' places of a network at a layout, see flow/data.ts), so that a later update to
 * `net` costs only the drawing.
 */
export function prepareFlowDiagram(net: Network, options: FlowDiagramOptions): void {
  prepare(net, options, options.document ?? document);
}

/**
 * The flow diagram of options.input through `net`: a <figure> holding the SVG, the colour and edge
 * legends and the arithmetic panel of the selected neuron.
 */
export function flowDiagram(net: Network, options: FlowDiagramOptions): FlowDiagramElement {
  const doc = options.document ?? document;
  const prepared = prepare(net, options, doc);
  const {context, palette, colorMode, beside, title} = prepared;
  const {layout, digits, encoding} = context;
  let structure = prepared.structure;
  let shownColors = colorLegendKey(context.scales);
  let shownMax = context.scales.parameter.max;

  // A figure with a value slot, which attachSelection turns into the selection's accessor.
  const figure: FlowDiagramElement = Object.assign(doc.createElement("figure"), {
    value: null,
    hover: (ref: NeuronRef | null) => markHovered(svg, ref),
    update(nextNet: Network, nextOptions: FlowDiagramOptions): boolean {
      const next = prepare(nextNet, nextOptions, doc);
      if (next.structure !== structure) return false;
      structure = next.structure;
      const c = next.context;
      // What cannot have changed is not redrawn. The biases are drawn from the network and the
      // parameter scale alone: the same network at another point, with the same scale (always so for
      // edges showing weights), leaves them as they are. The edge labels are drawn from the edges'
      // values and label places: showing weights, the same network leaves them as they are (edgeData
      // places weight labels independently of the input). The edges themselves carry the
      // input-dependent term w·a as data (data-contribution), so they are always visited.
      const sameNet = nextNet === state.net;
      const sameMax = c.scales.parameter.max === shownMax;
      const skip = new Set<FlowLayer>();
      if (sameNet && sameMax) skip.add(biases);
      if (sameNet && c.encoding.mode === "weight") skip.add(edgeLabels);
      // The svg's marks of a selection and a focus are set again below, as a fresh draw sets them.
      svg.setAttribute("class", "flow-svg");
      for (const [layer, name] of VALUE_LAYERS) {
        if (skip.has(layer)) continue;
        const g = svg.querySelector<SVGGElement>(`:scope > g.${name}`);
        if (g) layer(c, g);
      }
      setText(svg.querySelector(":scope > title"), next.title);
      setText(svg.querySelector(":scope > desc"), describeFlow(c.net, c.values, c.digits));
      if (nextOptions.title) setText(figure.querySelector(":scope > figcaption"), nextOptions.title);
      // Each legend is redrawn only when what it shows changed (the neuron ramps' domains; the
      // parameter scale's end), in place: only its numbers change.
      const colorKey = colorLegendKey(c.scales);
      const legends = stage.querySelector(":scope > .flow-legends")!;
      if (colorKey !== shownColors) {
        const shown = legends.querySelector(":scope > .flow-color-legend")!;
        // A ramp turned into a single value or back is drawn differently: the legend is drawn again.
        if (!updateNeuronLegend(shown, c.scales, legendOptions(next))) shown.replaceWith(neuronLegend(c.scales, legendOptions(next)));
        shownColors = colorKey;
      }
      if (!sameMax) {
        updateFlowEdgeLegend(legends.querySelector(":scope > .flow-edge-legend")!, c.scales, legendOptions(next));
        shownMax = c.scales.parameter.max;
      }
      Object.assign(state, {net: nextNet, input: nextOptions.input, values: c.values, sizes: layerSizes(nextNet), unlabelled: unlabelledCount(c)});
      // The layers write `class` only where it differs from what they last wrote (flow/write.ts), so
      // the selection's and the focus's marks are cleared and set here, as a fresh draw has them.
      state.refresh!(nextOptions.selected);
      markHovered(svg, nextOptions.hovered ?? null);
      return true;
    }
  });
  figure.className = "flow-diagram";
  figure.setAttribute("data-palette", palette);
  figure.setAttribute("data-color-mode", colorMode);
  figure.setAttribute("data-edge-mode", encoding.mode);
  figure.setAttribute("data-digits", String(digits));
  // The stylesheet lays the panel out with the same numbers as the width computation above.
  figure.style.setProperty("--flow-panel-width", `${PANEL_WIDTH}px`);
  figure.style.setProperty("--flow-panel-gap", `${PANEL_GAP}px`);
  if (options.title) {
    const caption = doc.createElement("figcaption");
    caption.textContent = options.title;
    figure.appendChild(caption);
  }

  const svg = drawSvg(context, title);
  const stage = doc.createElement("div");
  stage.className = "flow-stage";
  stage.style.width = `${layout.width}px`;
  stage.append(svg, flowLegends(context.scales, legendOptions(prepared)));
  figure.appendChild(stage);

  // A div, not an aside: a page shows several diagrams, and each panel as a complementary landmark
  // would be one more landmark of the same name (axe's landmark-unique).
  const panel = doc.createElement("div");
  panel.className = beside ? "flow-panel" : "flow-panel below";
  panel.setAttribute("aria-live", "polite");
  figure.appendChild(panel);

  const state: SelectionOptions = {
    document: doc,
    figure,
    svg,
    panel,
    net,
    input: options.input,
    values: context.values,
    sizes: layerSizes(net),
    unlabelled: unlabelledCount(context),
    selected: options.selected,
    onHover: options.onHover
  };
  attachSelection(state);
  if (options.hovered) markHovered(svg, options.hovered);
  return figure;
}
