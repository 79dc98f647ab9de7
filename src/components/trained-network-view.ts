// A network trained (or loaded) in the reader's browser, opened in the reference pages' explorer: its
// loss history, an epoch slider over the checkpoints of this run, the explorer (sample picker,
// estimate panels, flow diagram with every number) showing the chosen checkpoint's parameters, the
// output unit's arithmetic for the selected sample, and the zones. This one function is the page's
// whole "open in the explorer" composition, so it can be swapped for the shared network view later.
import type {Snapshot} from "../lib/snapshot.js";
import {networkAtEpoch} from "../lib/snapshot.js";
import {forward} from "../lib/network.js";
import {fixed, pointLabel} from "../lib/format.js";
import {h} from "./dom.js";
import {lossHistory} from "./loss-history.js";
import {epochSlider} from "./epoch-slider.js";
import {explorer, type Explorer} from "./explorer.js";
import {neuronArithmetic} from "./neuron-arithmetic.js";
import {zoneExplorer} from "./zone-explorer.js";

export interface TrainedNetworkViewOptions {
  width: number;
  document?: Document;
}

export function trainedNetworkView(snapshot: Snapshot, {width, document: doc = document}: TrainedNetworkViewOptions): HTMLElement {
  const spec = snapshot.spec;
  const checkpoints = snapshot.checkpoints;
  const history = snapshot.lossHistory.length > 0 ? lossHistory(snapshot, {width, document: doc}) : h(doc, "p", {}, "No epoch was completed: the network below is its initialisation.");
  const slider = epochSlider(checkpoints, {document: doc});
  const explorerSlot = h(doc, "div", {class: "trained-explorer"});
  const sentence = h(doc, "p", {class: "trained-sample"});
  const arithmeticSlot = h(doc, "div", {class: "trained-arithmetic"});
  const zonesSlot = h(doc, "div", {class: "trained-zones"});
  let view: Explorer | null = null;

  const networkShown = () => networkAtEpoch(snapshot, checkpoints[slider.value].epoch);

  function drawSample() {
    if (!view) return;
    const net = networkShown();
    const i = view.value.sample;
    const x = snapshot.data.x[i];
    const values = forward(net, x);
    const out = values.a[values.a.length - 1][0];
    sentence.textContent = `Sample ${i} enters at ${pointLabel(x, 3)}. Its target is ${fixed(snapshot.data.y[i], 4)} and the network outputs ${fixed(out, 4)}. The output unit adds up the last hidden layer's activations, each times its weight, and its bias:`;
    arithmeticSlot.replaceChildren(neuronArithmetic(net, {input: x, neuron: {layer: spec.hidden.length + 1, unit: 1}, values, document: doc}));
    zones?.select(x);
  }

  let zones: ReturnType<typeof zoneExplorer> | null = null;
  function drawNetwork() {
    const net = networkShown();
    const start = view ? snapshot.data.x[view.value.sample] : undefined;
    // A fixed width: the explorer then draws once, instead of again when it first measures itself.
    view = explorer(snapshot, {network: net, start, width, document: doc});
    view.addEventListener("input", drawSample);
    explorerSlot.replaceChildren(view);
    zones = null;
    drawSample();
    // The zones in a task of their own: the page answers between the explorer and the zone map.
    const shown = slider.value;
    setTimeout(() => {
      if (slider.value !== shown || !view) return;
      zones = zoneExplorer(net, {width, dataset: spec.dataset, document: doc});
      zonesSlot.replaceChildren(zones);
      zones.select(snapshot.data.x[view.value.sample]);
    }, 0);
  }
  slider.addEventListener("input", drawNetwork);
  drawNetwork();

  return h(
    doc,
    "section",
    {class: "trained-network-view"},
    h(doc, "h3", {}, "Loss"),
    history,
    h(doc, "h3", {}, "One sample through the network"),
    h(doc, "p", {}, "Replay this run: the slider picks the parameters stored at a checkpoint; everything below follows it."),
    slider,
    explorerSlot,
    sentence,
    arithmeticSlot,
    h(doc, "h3", {}, "Zones"),
    zonesSlot
  );
}
