// The flow diagram: one sample going through a small fully connected network, drawn with D3.
//
// Columns run from the inputs (x1, x2) to the output. Layer k (1-based) computes
//   z = a_prev · W + b     (a_prev = x for layer 1; W[i][j] joins input i to unit j)
//   a = g(z)               (relu / sigmoid / tanh for hidden layers, identity for the output)
// and each of its neurons is drawn as two circles, z then a, filled through a palette; its bias is
// the small box above the z circle; its incoming weights are the edges, coloured and sized by the
// weight (or by the term w·a it adds to z). Unit 1 is at the bottom of its column (the article
// counts neurons bottom-up). Clicking a neuron, or Enter/Space on a focused one, selects it: its
// incoming edges are highlighted and its arithmetic is written out beside the diagram.
//
// The returned <figure> has `.value` = the selected {layer, unit} (or null) and dispatches a
// bubbling "input" event when the reader changes it, so a page can keep it with Framework's view()
// and pass it back as options.selected on the next render.
//
// Built in one pass of element creation: no measuring (label widths are estimated), no
// transitions, one delegated listener per event type.
import * as d3 from "d3";
import type {Extent} from "../lib/extents.js";
import {fixed, pointLabel} from "../lib/format.js";
import {
  columnDomains,
  describeFlow,
  edgeValue,
  isNeuronOf,
  normalise,
  parameterMax,
  shapeLabel,
  type ColorMode,
  type EdgeMode,
  type NeuronRef
} from "../lib/flow-model.js";
import {comfortableWidth, estimateTextWidth, flowLayout, laneFraction, placeLabels, type FlowLayout} from "../lib/flow-layout.js";
import {forward, layerActivation, layerSizes, type LayerValues, type Network} from "../lib/network.js";
import {colorLegend, edgeLegend} from "./color-legend.js";
import {neuronArithmetic} from "./neuron-arithmetic.js";
import {PALETTES, signedColor, strokeWidthFor, textColorFor, type PaletteName} from "./palettes.js";

/**
 * Decimals of every number drawn on the diagram (neuron values, biases, edge labels, legends,
 * aria-labels and the description). Each is fixed(v, DIAGRAM_DIGITS) of the exact forward() value.
 */
export const DIAGRAM_DIGITS = 2;

/** Width of the arithmetic panel when it sits beside the diagram. */
export const PANEL_WIDTH = 300;
const PANEL_GAP = 20;

export interface FlowDiagramOptions {
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
}

export type FlowDiagramElement = HTMLElement & {value: NeuronRef | null};

const SVG_NS = "http://www.w3.org/2000/svg";
const VALUE_FONT = 10;
const EDGE_FONT = 10;
const BIAS_FONT = 9;

const STYLE = `
.flow-diagram { margin: 0; display: flex; flex-wrap: wrap; align-items: flex-start; gap: 12px ${PANEL_GAP}px; font: 12px/1.4 system-ui, sans-serif; max-width: 100%; }
.flow-diagram figcaption { flex: 1 0 100%; font-weight: 600; }
.flow-diagram .flow-stage { flex: 0 1 auto; max-width: 100%; }
.flow-diagram svg { display: block; max-width: 100%; height: auto; overflow: visible; }
.flow-diagram .flow-legends { display: flex; flex-direction: column; gap: 6px; margin-top: 6px; }
.flow-diagram .legend-title { color: #444; }
.flow-diagram .flow-panel { flex: 1 1 240px; min-width: 240px; max-width: ${PANEL_WIDTH}px; }
.flow-diagram .flow-panel.below { flex-basis: 100%; max-width: none; }
.flow-diagram .flow-hint { color: #666; margin: 0; }
.flow-diagram .neuron { cursor: pointer; }
.flow-diagram .neuron:focus { outline: none; }
.flow-diagram .neuron .ring { fill: none; stroke: none; }
.flow-diagram .neuron:hover .ring { stroke: #888; stroke-width: 1; }
.flow-diagram .neuron:focus-visible .ring { stroke: #000; stroke-width: 1.5; stroke-dasharray: 3 2; }
.flow-diagram .neuron.selected .ring { stroke: #000; stroke-width: 2.5; stroke-dasharray: none; }
.flow-diagram .has-selection .edge:not(.incoming) { stroke-opacity: .12; }
.flow-diagram .has-selection .edge-label:not(.incoming) { opacity: .2; }
.flow-diagram .bias.incoming rect { stroke: #000; stroke-width: 2; }
.flow-diagram .edge-label { paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
`;

/** A neuron or input as drawn: its column, 0-based unit, values and centre. */
interface NeuronDatum {
  column: number;
  unit: number;
  z: number | null;
  a: number;
  y: number;
}

/** A number drawn on a circle: which neuron, which value (x, z or a), where. */
interface ValueLabel {
  d: NeuronDatum;
  kind: "x" | "z" | "a";
  v: number;
  x: number;
}

/** An edge i -> j into layer k (0-based): the weight, the encoded value and its end points. */
interface EdgeDatum {
  k: number;
  i: number;
  j: number;
  w: number;
  contribution: number;
  v: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  label: string;
  lx: number;
  ly: number;
}

/**
 * Whether an edge gets a value label. In "contribution" mode an edge leaving an inactive unit adds
 * exactly 0 to z: it is drawn dashed and grey and left unlabelled, so the terms that matter stand out.
 */
function hasLabel(e: EdgeDatum, mode: EdgeMode): boolean {
  return mode === "weight" || e.v !== 0;
}

/** Font size that fits `text` into `room` px, at most `max`. */
function fitFont(text: string, room: number, max: number): number {
  const w = estimateTextWidth(text, max);
  return w <= room ? max : Math.max(6, Math.floor(((max * room) / w) * 10) / 10);
}

function columnTitle(net: Network, c: number): string {
  const L = net.layers.length;
  if (c === 0) return "input";
  if (c === L) return "output · linear";
  return `hidden ${c} · ${layerActivation(net, c - 1)}`;
}

/** "layer 1 unit 2: z = −0.37, a = 0.00" (the output is layer L; the column titles say so). */
function neuronLabel(d: NeuronDatum): string {
  return `layer ${d.column} unit ${d.unit + 1}: z = ${fixed(d.z!, DIAGRAM_DIGITS)}, a = ${fixed(d.a, DIAGRAM_DIGITS)}`;
}

function neuronData(values: LayerValues, layout: FlowLayout): NeuronDatum[] {
  const inputs = values.input.map((a, unit) => ({column: 0, unit, z: null, a, y: layout.y(0, unit)}));
  const layers = values.z.flatMap((zk, k) =>
    zk.map((z, unit) => ({column: k + 1, unit, z, a: values.a[k][unit], y: layout.y(k + 1, unit)}))
  );
  return [...inputs, ...layers];
}

function edgeData(net: Network, values: LayerValues, layout: FlowLayout, mode: EdgeMode, showNumbers: boolean): EdgeDatum[] {
  const {r, columns} = layout;
  const edges: EdgeDatum[] = [];
  net.layers.forEach((layer, k) => {
    layer.weights.forEach((row, i) =>
      row.forEach((w, j) => {
        const v = edgeValue(net, values, k, i, j, mode);
        edges.push({
          k,
          i,
          j,
          w,
          contribution: edgeValue(net, values, k, i, j, "contribution"),
          v,
          // From the right side of the source's a circle to the left side of the target's z circle.
          x1: columns[k].xa + r,
          y1: layout.y(k, i),
          x2: columns[k + 1].xz - r,
          y2: layout.y(k + 1, j),
          label: fixed(v, DIAGRAM_DIGITS),
          lx: 0,
          ly: 0
        });
      })
    );
  });
  if (showNumbers) {
    const labelled = edges.filter((e) => hasLabel(e, mode));
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

/** Draws the diagram's SVG (no legend, no panel). */
function drawSvg(
  doc: Document,
  net: Network,
  values: LayerValues,
  layout: FlowLayout,
  o: Required<Pick<FlowDiagramOptions, "palette" | "colorMode" | "edgeMode" | "showNumbers">> & {title: string; domains: Extent[]; pmax: number}
): SVGSVGElement {
  const {r, columns, width, height} = layout;
  const interpolate = PALETTES[o.palette];
  const fillOf = (v: number, column: number) => interpolate(normalise(v, o.domains[column]));
  const L = net.layers.length;

  const svg = d3
    .select(doc.createElementNS(SVG_NS, "svg") as SVGSVGElement)
    .attr("class", "flow-svg")
    // A group, not an img: its neurons are interactive, and role="img" would hide them from
    // assistive technology (an img's children are presentational). Its <title> and <desc>
    // children name and describe it.
    .attr("role", "group")
    .attr("width", width)
    .attr("height", height)
    .attr("viewBox", `0 0 ${width} ${height}`)
    .attr("font-family", "system-ui, sans-serif")
    .attr("font-size", VALUE_FONT);
  svg.append("title").text(o.title);
  svg.append("desc").text(describeFlow(net, values, DIAGRAM_DIGITS));

  // Column titles, and "z" / "a" above the two circles of each layer.
  const head = svg.append("g").attr("class", "headers").attr("fill", "#333").attr("text-anchor", "middle").attr("aria-hidden", "true");
  columns.forEach((col, c) => {
    head.append("text").attr("x", (col.xz + col.xa) / 2).attr("y", 11).attr("font-weight", 600).text(columnTitle(net, c));
    if (c > 0) {
      head.append("text").attr("x", col.xz).attr("y", 26).attr("fill", "#666").text("z");
      head.append("text").attr("x", col.xa).attr("y", 26).attr("fill", "#666").text("a");
    }
  });

  const edges = edgeData(net, values, layout, o.edgeMode, o.showNumbers);
  // Strong edges drawn last, on top of weak ones.
  const byStrength = edges.slice().sort((a, b) => Math.abs(a.v) - Math.abs(b.v));
  svg
    .append("g")
    .attr("class", "edges")
    .attr("stroke-linecap", "round")
    .selectAll("line")
    .data(byStrength)
    .join("line")
    .attr("class", "edge")
    .attr("data-layer", (e) => e.k + 1)
    .attr("data-from", (e) => e.i + 1)
    .attr("data-to", (e) => e.j + 1)
    .attr("data-weight", (e) => String(e.w))
    .attr("data-contribution", (e) => String(e.contribution))
    .attr("x1", (e) => e.x1)
    .attr("y1", (e) => e.y1)
    .attr("x2", (e) => e.x2)
    .attr("y2", (e) => e.y2)
    .attr("stroke", (e) => (e.v === 0 ? "#bbb" : signedColor(e.v, o.pmax)))
    .attr("stroke-dasharray", (e) => (e.v === 0 ? "2 3" : null))
    .attr("stroke-width", (e) => strokeWidthFor(e.v, o.pmax));

  const neurons = neuronData(values, layout);
  const hidden = neurons.filter((d) => d.column > 0);

  // z -> a: a short arrow between the two circles of a neuron.
  svg
    .append("g")
    .attr("class", "connectors")
    .attr("stroke", "#777")
    .attr("fill", "none")
    .selectAll("path")
    .data(hidden)
    .join("path")
    .attr("d", (d) => {
      const x1 = columns[d.column].xz + r + 1;
      const x2 = columns[d.column].xa - r - 1;
      return `M${x1},${d.y}H${x2}M${x2 - 4},${d.y - 3}L${x2},${d.y}L${x2 - 4},${d.y + 3}`;
    });

  // Biases: a box above each z circle, joined to it by a short line.
  const bw = layout.biasWidth;
  const bh = layout.biasHeight;
  const bias = svg
    .append("g")
    .attr("class", "biases")
    .selectAll("g")
    .data(hidden)
    .join("g")
    .attr("class", "bias")
    .attr("data-layer", (d) => d.column)
    .attr("data-unit", (d) => d.unit + 1)
    .attr("data-bias", (d) => String(net.layers[d.column - 1].biases[d.unit]))
    .attr("transform", (d) => `translate(${columns[d.column].xz},${d.y - r - 6 - bh / 2})`);
  bias.append("line").attr("y1", bh / 2).attr("y2", 6).attr("stroke", "#777");
  bias
    .append("rect")
    .attr("x", -bw / 2)
    .attr("y", -bh / 2)
    .attr("width", bw)
    .attr("height", bh)
    .attr("rx", 2)
    .attr("stroke", "#555")
    .attr("stroke-width", 0.75)
    .attr("fill", (d) => signedColor(net.layers[d.column - 1].biases[d.unit], o.pmax));
  if (o.showNumbers) {
    bias
      .append("text")
      .attr("class", "value-label bias-label")
      .attr("text-anchor", "middle")
      .attr("dy", "0.35em")
      .each(function (d) {
        const b = net.layers[d.column - 1].biases[d.unit];
        const text = fixed(b, DIAGRAM_DIGITS);
        d3.select(this)
          .attr("font-size", fitFont(text, bw - 3, BIAS_FONT))
          .attr("fill", textColorFor(signedColor(b, o.pmax)))
          .text(text);
      });
  }

  if (o.showNumbers) {
    svg
      .append("g")
      .attr("class", "edge-labels")
      .attr("text-anchor", "middle")
      .attr("font-size", EDGE_FONT)
      .selectAll("text")
      .data(edges.filter((e) => hasLabel(e, o.edgeMode)))
      .join("text")
      .attr("class", "value-label edge-label")
      .attr("data-layer", (e) => e.k + 1)
      .attr("data-from", (e) => e.i + 1)
      .attr("data-to", (e) => e.j + 1)
      .attr("data-value", (e) => String(e.v))
      .attr("x", (e) => e.lx)
      .attr("y", (e) => e.ly)
      .attr("dy", "0.35em")
      .attr("fill", (e) => labelColor(e.v))
      .text((e) => e.label);
  }

  // Inputs: one circle each, named x1, x2 on the left.
  const inputs = svg
    .append("g")
    .attr("class", "inputs")
    .selectAll("g")
    .data(neurons.filter((d) => d.column === 0))
    .join("g")
    .attr("class", "input-unit")
    .attr("data-layer", 0)
    .attr("data-unit", (d) => d.unit + 1)
    .attr("data-a", (d) => String(d.a))
    .attr("transform", (d) => `translate(${columns[0].xz},${d.y})`);
  inputs.append("text").attr("x", -r - 4).attr("dy", "0.35em").attr("text-anchor", "end").attr("font-size", 12).text((d) => `x${"₀₁₂₃₄₅₆₇₈₉"[d.unit + 1] ?? d.unit + 1}`);
  inputs.append("circle").attr("class", "value-circle x").attr("r", r).attr("fill", (d) => fillOf(d.a, 0)).attr("stroke", "#444").attr("stroke-width", 0.75);

  // Neurons: z and a circles, a ring for focus and selection; focusable and clickable.
  const neuron = svg
    .append("g")
    .attr("class", "neurons")
    .selectAll("g")
    .data(hidden)
    .join("g")
    .attr("class", "neuron")
    .attr("data-layer", (d) => d.column)
    .attr("data-unit", (d) => d.unit + 1)
    .attr("data-z", (d) => String(d.z))
    .attr("data-a", (d) => String(d.a))
    .attr("tabindex", 0)
    .attr("role", "button")
    .attr("aria-pressed", "false")
    .attr("aria-label", neuronLabel)
    .attr("transform", (d) => `translate(${columns[d.column].xz},${d.y})`);
  // The ring is unfilled but catches the pointer (pointer-events="all"), so the whole pill around
  // z and a is one target: a click between the circles must not fall through to the arrow below.
  neuron
    .append("rect")
    .attr("class", "ring")
    .attr("pointer-events", "all")
    .attr("x", -r - 4)
    .attr("y", -r - 4)
    .attr("width", (d) => columns[d.column].xa - columns[d.column].xz + 2 * r + 8)
    .attr("height", 2 * r + 8)
    .attr("rx", r + 4);
  neuron.append("circle").attr("class", "value-circle z").attr("r", r).attr("fill", (d) => fillOf(d.z!, d.column)).attr("stroke", "#444").attr("stroke-width", 0.75);
  neuron
    .append("circle")
    .attr("class", "value-circle a")
    .attr("cx", (d) => columns[d.column].xa - columns[d.column].xz)
    .attr("r", r)
    .attr("fill", (d) => fillOf(d.a, d.column))
    .attr("stroke", "#444")
    .attr("stroke-width", 0.75);

  // The values, in a layer of their own above the circles: not part of the buttons (whose
  // aria-label states them, and whose visible text would otherwise have to match that label),
  // and transparent to the pointer so a click on a number selects its neuron.
  if (o.showNumbers) {
    const labels = neurons.flatMap((d): ValueLabel[] =>
      d.column === 0
        ? [{d, kind: "x", v: d.a, x: columns[0].xz}]
        : [
            {d, kind: "z", v: d.z!, x: columns[d.column].xz},
            {d, kind: "a", v: d.a, x: columns[d.column].xa}
          ]
    );
    svg
      .append("g")
      .attr("class", "neuron-values")
      .attr("pointer-events", "none")
      .attr("aria-hidden", "true")
      .attr("text-anchor", "middle")
      .selectAll("text")
      .data(labels)
      .join("text")
      .attr("class", (l) => `value-label ${l.kind}-label`)
      .attr("data-layer", (l) => l.d.column)
      .attr("data-unit", (l) => l.d.unit + 1)
      .attr("x", (l) => l.x)
      .attr("y", (l) => l.d.y)
      .attr("dy", "0.35em")
      .each(function (l) {
        const text = fixed(l.v, DIAGRAM_DIGITS);
        d3.select(this)
          .attr("font-size", fitFont(text, 2 * r - 5, VALUE_FONT))
          .attr("fill", textColorFor(fillOf(l.v, l.d.column)))
          .text(text);
      });
  }

  // The output's name on the right.
  const out = columns[L];
  svg
    .append("g")
    .attr("class", "output-name")
    .attr("font-size", 12)
    .selectAll("text")
    .data(hidden.filter((d) => d.column === L))
    .join("text")
    .attr("x", out.xa + r + 4)
    .attr("y", (d) => d.y)
    .attr("dy", "0.35em")
    .text((d) => (out.size > 1 ? `ŷ${d.unit + 1}` : "ŷ"));

  return svg.node()!;
}

/**
 * Edge label colour: a dark shade of the edge's hue (so a label is matched to its line by colour as
 * well as by position), grey for an exact zero (a contribution from an inactive unit).
 */
function labelColor(v: number): string {
  return v === 0 ? "#777" : v < 0 ? EDGE_LABEL_NEGATIVE : EDGE_LABEL_POSITIVE;
}
const EDGE_LABEL_NEGATIVE = d3.interpolateRdBu(0.06);
const EDGE_LABEL_POSITIVE = d3.interpolateRdBu(0.94);


/**
 * The flow diagram of `input` through `net`: a <figure> holding the SVG, the colour and edge
 * legends and the arithmetic panel of the selected neuron.
 */
export function flowDiagram(net: Network, input: readonly number[], options: FlowDiagramOptions): FlowDiagramElement {
  const doc = options.document ?? document;
  const palette = options.palette ?? "viridis";
  const colorMode = options.colorMode ?? "comp";
  const edgeMode = options.edgeMode ?? "weight";
  const showNumbers = options.showNumbers ?? true;
  if (!PALETTES[palette]) throw new Error(`flowDiagram: unknown palette ${JSON.stringify(palette)}`);

  const values = options.values ?? forward(net, input);
  const sizes = layerSizes(net);
  // The panel goes beside the diagram only when that leaves the edge labels enough room.
  const beside = options.width - PANEL_WIDTH - PANEL_GAP >= comfortableWidth(sizes);
  const diagramWidth = beside ? options.width - PANEL_WIDTH - PANEL_GAP : options.width;
  const layout = flowLayout(sizes, diagramWidth);
  const domains = columnDomains(values, colorMode, options.extents);
  const pmax = parameterMax(net, values, edgeMode);
  const title =
    options.title ?? `Sample (x1, x2) = ${pointLabel(input, DIAGRAM_DIGITS)} through the ${shapeLabel(net)} ${net.activation} network`;

  const figure = doc.createElement("figure") as unknown as FlowDiagramElement;
  figure.className = "flow-diagram";
  figure.setAttribute("data-palette", palette);
  figure.setAttribute("data-color-mode", colorMode);
  figure.setAttribute("data-edge-mode", edgeMode);
  figure.setAttribute("data-digits", String(DIAGRAM_DIGITS));
  const style = doc.createElement("style");
  style.textContent = STYLE;
  figure.appendChild(style);
  if (options.title) {
    const caption = doc.createElement("figcaption");
    caption.textContent = options.title;
    figure.appendChild(caption);
  }

  const stage = doc.createElement("div");
  stage.className = "flow-stage";
  stage.style.width = `${diagramWidth}px`;
  const svg = drawSvg(doc, net, values, layout, {palette, colorMode, edgeMode, showNumbers, title, domains, pmax});
  stage.appendChild(svg);

  const legends = doc.createElement("div");
  legends.className = "flow-legends";
  const rampWidth = (c: number) => (c === 0 ? 64 : Math.max(64, layout.columns[c].xa - layout.columns[c].xz + 2 * layout.r));
  const ramps =
    colorMode === "comp"
      ? [{label: "all values", domain: domains[0], x: 4 + Math.min(240, diagramWidth - 8) / 2, width: Math.min(240, diagramWidth - 8)}]
      : layout.columns.map((col, c) => ({
          label: c === 0 ? "input" : c === sizes.length - 1 ? "output" : `hidden ${c}`,
          domain: domains[c],
          x: Math.min(Math.max((col.xz + col.xa) / 2, rampWidth(c) / 2 + 2), diagramWidth - rampWidth(c) / 2 - 2),
          width: rampWidth(c)
        }));
  legends.append(
    colorLegend({document: doc, interpolator: PALETTES[palette], mode: colorMode, paletteName: palette, ramps, width: diagramWidth, digits: DIAGRAM_DIGITS}),
    edgeLegend({document: doc, mode: edgeMode, max: pmax, width: diagramWidth, digits: DIAGRAM_DIGITS})
  );
  stage.appendChild(legends);
  figure.appendChild(stage);

  const panel = doc.createElement("aside");
  panel.className = beside ? "flow-panel" : "flow-panel below";
  panel.setAttribute("aria-live", "polite");
  figure.appendChild(panel);

  let selected: NeuronRef | null = isNeuronOf(net, options.selected) ? {layer: options.selected.layer, unit: options.selected.unit} : null;

  // Highlights the selected neuron, its bias and incoming edges, and rewrites the panel.
  const show = () => {
    svg.classList.toggle("has-selection", selected !== null);
    svg.querySelectorAll(".selected, .incoming").forEach((el) => el.classList.remove("selected", "incoming"));
    svg.querySelectorAll(".neuron[aria-pressed=true]").forEach((el) => el.setAttribute("aria-pressed", "false"));
    panel.replaceChildren();
    if (!selected) {
      const hint = doc.createElement("p");
      hint.className = "flow-hint";
      hint.textContent = "Select a neuron (click, or Tab to it, arrows to move, Enter) to see its arithmetic: z = Σ a·w + b, then a = g(z).";
      panel.appendChild(hint);
      return;
    }
    const {layer, unit} = selected;
    const node = svg.querySelector(`.neuron[data-layer="${layer}"][data-unit="${unit}"]`);
    node?.classList.add("selected");
    node?.setAttribute("aria-pressed", "true");
    svg.querySelector(`.bias[data-layer="${layer}"][data-unit="${unit}"]`)?.classList.add("incoming");
    svg.querySelectorAll(`.edge[data-layer="${layer}"][data-to="${unit}"], .edge-label[data-layer="${layer}"][data-to="${unit}"]`).forEach((el) =>
      el.classList.add("incoming")
    );
    panel.appendChild(neuronArithmetic(net, input, selected, {document: doc, values}));
  };

  const select = (ref: NeuronRef | null, notify: boolean) => {
    const next = isNeuronOf(net, ref) ? {layer: ref.layer, unit: ref.unit} : null;
    if (next?.layer === selected?.layer && next?.unit === selected?.unit) return;
    selected = next;
    show();
    if (notify) {
      const EventCtor = doc.defaultView?.Event ?? Event;
      figure.dispatchEvent(new EventCtor("input", {bubbles: true}));
    }
  };

  const neuronOf = (target: EventTarget | null): NeuronRef | null => {
    const el = (target as Element | null)?.closest?.(".neuron[data-layer]");
    return el ? {layer: Number(el.getAttribute("data-layer")), unit: Number(el.getAttribute("data-unit"))} : null;
  };
  svg.addEventListener("click", (event) => {
    const ref = neuronOf(event.target);
    if (ref) select(ref, true);
  });
  // Keyboard: Enter or Space selects the focused neuron, Escape clears the selection, and the arrows
  // move the focus as the diagram is drawn: up and down within a layer (unit numbers grow upwards),
  // left and right to the neighbouring layer, keeping the unit number where that layer has it.
  const focusNeuron = (layer: number, unit: number) => {
    const l = Math.min(Math.max(layer, 1), sizes.length - 1);
    const u = Math.min(Math.max(unit, 1), sizes[l]);
    svg.querySelector<SVGGElement>(`.neuron[data-layer="${l}"][data-unit="${u}"]`)?.focus();
  };
  const MOVES: Record<string, [number, number]> = {ArrowUp: [0, 1], ArrowDown: [0, -1], ArrowRight: [1, 0], ArrowLeft: [-1, 0]};
  svg.addEventListener("keydown", (event) => {
    const ref = neuronOf(event.target);
    if (!ref) return;
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault(); // Space would scroll the page
      select(ref, true);
    } else if (event.key === "Escape") {
      select(null, true);
    } else if (event.key in MOVES) {
      event.preventDefault(); // the arrows would scroll the page
      const [dl, du] = MOVES[event.key];
      focusNeuron(ref.layer + dl, ref.unit + du);
    }
  });

  Object.defineProperty(figure, "value", {
    get: () => selected,
    set: (ref: NeuronRef | null) => select(ref, false),
    enumerable: true,
    configurable: true
  });
  show();
  return figure;
}
