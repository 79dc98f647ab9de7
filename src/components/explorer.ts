// The explorer: the reading tools every network page shares, as one element. A sample picker
// (slider, coordinates, preset buttons), the estimate / truth / error panels (a click picks the
// nearest sample), the flow diagram's controls, and the flow diagram of the selected sample, whose
// selected unit writes out its arithmetic. The article pages place it in their story; the generic
// page of any other network (src/networks/[id].md) is built around it.
//
// Its value is {sample, neuron}: the selected sample's index and the diagram's selected unit (or
// null). It dispatches a bubbling "input" event when either changes, so a page keeps it with
// Framework's view() and writes its prose from the value. It is created once per page: with no
// fixed `width` it follows its own width (ResizeObserver) and redraws what depends on it, keeping
// the reader's sample, settings and selected unit.
import type {Snapshot} from "../lib/snapshot.js";
import {snapshotNetwork} from "../lib/snapshot.js";
import {columnExtents} from "../lib/extents.js";
import {gridEstimate, type GridEstimate} from "../lib/estimate.js";
import {forward, type Network} from "../lib/network.js";
import {nearestSample} from "../lib/sampling.js";
import type {NeuronRef} from "../lib/flow-model.js";
import type {Point} from "../lib/datasets.js";
import {inSentence} from "../lib/prose.js";
import {h} from "./dom.js";
import {samplePicker, setSample} from "./sample-picker.js";
import {estimatePanels} from "./estimate-panels.js";
import {flowControls, type FlowSettings} from "./flow-controls.js";
import {flowDiagram} from "./flow-diagram.js";

export interface ExplorerValue {
  /** Index of the selected sample in snapshot.data. */
  sample: number;
  /** The unit selected in the flow diagram, or null. */
  neuron: NeuronRef | null;
}

export interface ExplorerOptions {
  /** A fixed width in px; without it the explorer follows its own width once in the page. */
  width?: number;
  /** The first sample: the one nearest this point (default: the spec's first preset, else sample 0). */
  start?: Point;
  /** Initial flow diagram settings (the palette defaults to the spec's). */
  settings?: Partial<FlowSettings>;
  /** Draw the estimate panels (default true). */
  panels?: boolean;
  /** The parameters to explore, when not the snapshot's final ones (a checkpoint). */
  network?: Network;
  document?: Document;
}

export interface Explorer extends HTMLElement {
  value: ExplorerValue;
  /** Selects sample i, as the reader would (the page's prose follows). */
  selectSample(i: number): void;
}

/** Width used before the explorer is in the page (and in a DOM without layout). */
const FALLBACK_WIDTH = 640;

export function explorer(snapshot: Snapshot, options: ExplorerOptions = {}): Explorer {
  const doc = options.document ?? globalThis.document;
  const spec = snapshot.spec;
  const net = options.network ?? snapshotNetwork(snapshot);
  const samples = snapshot.data.x;
  const extents = columnExtents(net, samples);
  const start = options.start ?? spec.presets[0]?.point;
  const first = start ? nearestSample(samples, start) : 0;

  const picker = samplePicker(snapshot.data, {value: first, presets: spec.presets, document: doc});
  const controls = flowControls({palette: spec.palette, colorMode: "comp", ...options.settings}, {document: doc});
  const panelsSlot = h(doc, "div", {class: "explorer-panels"});
  const diagramSlot = h(doc, "div", {class: "explorer-diagram"});
  const root: Explorer = Object.assign(h(doc, "div", {class: "explorer"}, picker, panelsSlot, controls, diagramSlot), {
    value: {sample: first, neuron: null},
    selectSample: (i: number) => setSample(picker, i)
  });

  let width = options.width ?? FALLBACK_WIDTH;
  let estimate: GridEstimate | null = null;
  let panels: ReturnType<typeof estimatePanels> | null = null;

  function drawPanels() {
    if (options.panels === false) return;
    estimate ??= gridEstimate(net, spec.dataset, samples);
    panels = estimatePanels(estimate, {width, samples, onSelect: (i) => setSample(picker, i), document: doc});
    panels.select(root.value.sample);
    panelsSlot.replaceChildren(panels);
  }

  function drawDiagram() {
    const i = root.value.sample;
    const input = samples[i];
    const diagram = flowDiagram(net, {
      input,
      width,
      ...controls.value,
      extents,
      values: forward(net, input),
      selected: root.value.neuron,
      title: `Sample ${i} through the ${inSentence(spec.title)}`,
      document: doc
    });
    // The diagram's own input event (a unit selected) bubbles on to the page through the root.
    diagram.addEventListener("input", () => (root.value = {...root.value, neuron: diagram.value}));
    diagramSlot.replaceChildren(diagram);
  }

  // The picker's event reaches the root after this listener (bubbling), so the page's view() reads
  // the new value.
  picker.addEventListener("input", () => {
    root.value = {...root.value, sample: picker.value};
    panels?.select(picker.value);
    drawDiagram();
  });
  controls.addEventListener("input", drawDiagram);

  drawPanels();
  drawDiagram();

  if (options.width === undefined && typeof ResizeObserver !== "undefined") {
    new ResizeObserver(([entry]) => {
      const next = Math.floor(entry.contentRect.width);
      if (next > 0 && next !== width) {
        width = next;
        drawPanels();
        drawDiagram();
      }
    }).observe(root);
  }
  return root;
}
