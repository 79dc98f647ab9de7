// A network trained (or loaded) in the reader's browser, opened with the reference pages' views on
// one shared selection (src/lib/selection.ts): its loss history with the epoch cursor, the explorer
// (epoch replay over this run's checkpoints, sample picker or any point, estimate panels, flow
// diagram with every number), the output unit's arithmetic at the point in view, the exact zones and
// their count at every checkpoint (for a piecewise-linear activation; a smooth one has no zones, and
// one note says so). The same components as src/networks/[id].md, composed in one
// element because the page builds it after a run rather than at load.
import type {Snapshot} from "../lib/snapshot.js";
import {snapshotNetwork} from "../lib/snapshot.js";
import {forward} from "../lib/network.js";
import {ACTIVATIONS} from "../lib/activations.js";
import {networkInView, startSelection} from "../lib/page-selection.js";
import {entrySentence, targetAt} from "../lib/point-prose.js";
import {h, setText} from "./dom.js";
import {follow} from "./follow.js";
import {lossHistory} from "./loss-history.js";
import {explorer} from "./explorer.js";
import {neuronArithmetic, updateNeuronArithmetic} from "./neuron-arithmetic.js";
import {zoneExplorer} from "./zone-explorer.js";
import {zoneCountChart} from "./zone-count-chart.js";

export interface TrainedNetworkViewOptions {
  width: number;
  document?: Document;
}

export function trainedNetworkView(snapshot: Snapshot, {width, document: doc = document}: TrainedNetworkViewOptions): HTMLElement {
  const spec = snapshot.spec;
  const selection = startSelection(snapshot);
  const history = snapshot.lossHistory.length > 0 ? lossHistory(snapshot, {width, selection, document: doc}) : h(doc, "p", {}, "No epoch was completed: the network below is its initialisation.");
  // A fixed width: the explorer then draws once, instead of again when it first measures itself.
  const view = explorer(snapshot, {selection, width, document: doc});
  const sentence = h(doc, "p", {class: "trained-sample"});
  const arithmeticSlot = h(doc, "div", {class: "trained-arithmetic"});
  const zonesSlot = h(doc, "div", {class: "trained-zones"});

  function drawPoint() {
    const s = selection.get();
    const net = networkInView(snapshot, s.epoch);
    const values = forward(net, s.point);
    const output = values.a[values.a.length - 1][0];
    setText(sentence, `${entrySentence(s, targetAt(spec.dataset, snapshot.data.y, s), output, s.epoch, spec.epochs)} The output unit adds up the last hidden layer's activations, each times its weight, and its bias:`);
    // The output unit's sum for another point or epoch: its numbers change in place.
    const options = {input: s.point, neuron: {layer: spec.hidden.length + 1, unit: 1}, values, document: doc};
    const shown = arithmeticSlot.firstElementChild;
    if (!(shown && updateNeuronArithmetic(shown, net, options))) arithmeticSlot.replaceChildren(neuronArithmetic(net, options));
  }
  drawPoint();

  const root = h(
    doc,
    "section",
    {class: "trained-network-view"},
    h(doc, "h3", {}, "Loss"),
    history,
    h(doc, "h3", {}, "One sample through the network"),
    h(doc, "p", {}, "Replay this run with the epoch slider; pick a sample, or click anywhere in the estimate panels for any point. Everything below follows."),
    view,
    sentence,
    arithmeticSlot,
    h(doc, "h3", {}, "Zones"),
    zonesSlot
  );
  follow(root, selection, (_, changed) => {
    if (changed.has("point") || changed.has("epoch")) drawPoint();
  });
  // The zones in a task of their own: the page answers between the explorer and the zone map.
  setTimeout(() => {
    const networkAt = (epoch: number) => networkInView(snapshot, epoch);
    const map = zoneExplorer(snapshotNetwork(snapshot), {width, dataset: spec.dataset, selection, networkAt, document: doc});
    // A smooth activation has no zones: the map's note says why, once; there is no count to chart.
    zonesSlot.replaceChildren(map, ...(ACTIVATIONS[spec.activation].piecewiseLinear ? [zoneCountChart(snapshot, {width, selection, document: doc})] : []));
  }, 0);
  return root;
}
