// The zones of a network, for any page. For a piecewise-linear activation (ReLU): the exact map of
// its zones over the data square (lib/partition.ts), coloured by output or by slope; for the
// selected point its zone's affine function y = a·x1 + b·x2 + c beside the truth's tangent plane
// there, the zone's computation layer by layer (the article's four steps for one hidden layer, the
// product W⁽⁰⁾ D⁽⁰⁾ … W⁽ᴸ⁾ for more), and the network against both along a segment. For a smooth
// activation: a note that says why there are no such zones.
//
// Updates are select()-style: select(point) moves the marker and rewrites the formula, then (in the
// next idle moment) the detail and the segment, never the polygons; setNetwork(net) computes the
// partition once and updates the map's polygons in place; highlightUnit(unit) draws one unit's
// boundary. With a shared selection (lib/selection.ts) the explorer follows it and writes to it: a
// click on the map sets {point, sample: null}, a boundary under the cursor sets hover. It follows
// the selection at once while near the viewport, and in the next idle moment while off screen
// (followWhenVisible), so replaying training from the slider far above pays for it outside the frame.
import {followWhenVisible} from "./follow.js";
import {whenIdle} from "./idle.js";
import type {DatasetName, Point} from "../lib/datasets.js";
import {SAMPLE_RANGE, targetGradient, TARGETS} from "../lib/datasets.js";
import type {Network} from "../lib/network.js";
import type {NeuronRef} from "../lib/flow-model.js";
import type {Selection} from "../lib/selection.js";
import {ACTIVATIONS} from "../lib/activations.js";
import {dataWindowPartition, zoneContaining, type Partition} from "../lib/partition.js";
import {activationMask, localLinear} from "../lib/regions.js";
import {smoothActivationNote, tangentComparison, zoneCountSentence, zoneFormulaSentence} from "../lib/zone-prose.js";
import {zoneMapChart, ZONE_COLORINGS, type ZoneColoring, type ZoneMapChart} from "./zone-map-chart.js";
import {zoneStepsView} from "./zone-steps.js";
import {zoneProductView} from "./zone-product.js";
import {localLinearChart, type LocalLinearChart} from "./local-linear-chart.js";
import {h, patchInPlace, setText} from "./dom.js";

export interface ZoneExplorerOptions {
  width: number;
  dataset: DatasetName;
  /** The page's shared selection: the explorer follows its point, epoch and unit, and sets point and hover. */
  selection?: Selection;
  /** The network after an epoch (networkAtEpoch): with a selection, a new epoch shows that network's zones. */
  networkAt?: (epoch: number) => Network;
  /** Direction of the segment through the selected point (default slope ½). */
  direction?: Point;
  document?: Document;
}

export interface ZoneExplorer extends HTMLElement {
  select(point: Point): void;
  setNetwork(net: Network): void;
  highlightUnit(unit: NeuronRef | null): void;
}

/** Half-length along x1 of the segment through the point, and how far past the data it may reach. */
const REACH = 1.6;
const SEGMENT_LIMIT = SAMPLE_RANGE + 0.5;
/**
 * The longest the zone's computation and segment chart wait for an idle moment after a point move,
 * and about what they take (ms): they wait for an idle period with that much left (idle.ts).
 */
const DETAIL_DELAY_MS = 200;
const DETAIL_BUDGET_MS = 6;

let explorerCount = 0;

export function zoneExplorer(initial: Network, {width, dataset, selection, networkAt, direction = [1, 0.5], document: doc = document}: ZoneExplorerOptions): ZoneExplorer {
  if (!ACTIVATIONS[initial.activation].piecewiseLinear) {
    const note = h(doc, "p", {class: "zone-note"}, smoothActivationNote(initial.activation));
    return Object.assign(note, {select: () => {}, setNetwork: () => {}, highlightUnit: () => {}});
  }
  const id = `zone-explorer-${++explorerCount}`;
  let net = initial;
  let partition: Partition;
  let chart: ZoneMapChart | undefined;
  let coloring: ZoneColoring = "output";
  let point: Point | null = null;
  let unit: NeuronRef | null = null;

  const count = h(doc, "p", {class: "zone-count"});
  const radios = ZONE_COLORINGS.map((mode) => {
    const input = h(doc, "input", {type: "radio", name: `${id}-color`, value: mode, checked: mode === coloring});
    input.addEventListener("change", () => {
      if (!input.checked) return;
      coloring = mode;
      chart?.colorBy(mode);
    });
    return h(doc, "label", {}, input, mode === "output" ? " output" : " slope |∇|");
  });
  const controls = h(doc, "fieldset", {class: "zone-coloring"}, h(doc, "legend", {}, "Colour each zone by"), radios);
  const mapSlot = h(doc, "div", {class: "zone-map-slot"});
  const formula = h(doc, "p", {class: "zone-formula"});
  const tangent = h(doc, "p", {class: "zone-tangent"});
  const detail = h(doc, "div", {class: "zone-detail"});
  const segment = h(doc, "div", {class: "zone-segment"});
  const root = h(doc, "div", {class: "zone-explorer"}, count, controls, mapSlot, formula, tangent, detail, segment);

  // The zone's computation and the segment chart are the costly parts of a point move (a table
  // written in place, a chart updated in place: about 2 ms together): in a browser they follow in the
  // next idle moment long enough for them (at most DETAIL_DELAY_MS later), for the last point only,
  // so the map, the formula and the other views answer within the frame. Where there is no idle
  // callback (jsdom in the tests) they are drawn at once.
  const view = doc.defaultView;
  let pendingDetail: (() => void) | null = null;
  const later = (draw: () => void) => {
    if (!view?.requestIdleCallback) return draw();
    if (pendingDetail === null)
      whenIdle(
        view,
        () => {
          const run = pendingDetail;
          pendingDetail = null;
          run?.();
        },
        {budgetMs: DETAIL_BUDGET_MS, timeoutMs: DETAIL_DELAY_MS}
      );
    pendingDetail = draw;
  };
  let segmentChart: LocalLinearChart | undefined;
  function drawDetail(pattern: boolean[][]) {
    if (!point) return;
    const p = point;
    // The same kind of table for another point or epoch: its numbers change in place.
    const table = net.layers.length === 2 ? zoneStepsView(net, {point: p, formula: false, document: doc}) : zoneProductView(net, {pattern, document: doc});
    const shown = detail.firstElementChild;
    if (!(shown && patchInPlace(shown, table))) detail.replaceChildren(table);
    // Within SEGMENT_LIMIT of the origin, or as far as the point when it lies further (it is on the segment).
    const limit = Math.max(SEGMENT_LIMIT, Math.abs(p[0]));
    const x1Range: [number, number] = [Math.max(-limit, p[0] - REACH), Math.min(limit, p[0] + REACH)];
    // The segment chart is drawn once, then follows the point and the epoch in place.
    const along = {width, dataset, point: p, direction, x1Range, tangent: true, title: "The network along a line through the point", document: doc};
    if (segmentChart) segmentChart.update(net, along);
    else segment.replaceChildren((segmentChart = localLinearChart(net, along)));
  }

  const pick = (p: Point) => (selection ? selection.set({point: p, sample: null}) : explorer.select(p));
  const hover = (ref: NeuronRef | null) => (selection ? selection.set({hover: ref}) : explorer.highlightUnit(ref));

  const explorer: ZoneExplorer = Object.assign(root, {
    setNetwork(next: Network) {
      net = next;
      partition = dataWindowPartition(net);
      setText(count, zoneCountSentence(partition.zones.length, partition.window));
      // The map is drawn once; another epoch's partition of the same square changes it in place.
      if (chart) chart.setPartition(partition, net);
      else {
        chart = zoneMapChart(partition, {network: net, width, colorBy: coloring, onPick: pick, onHover: hover, document: doc});
        mapSlot.replaceChildren(chart);
        chart.highlightUnit(unit);
      }
      if (point) explorer.select(point);
    },
    select(p: Point) {
      point = [p[0], p[1]];
      chart?.select(point);
      // Outside the map's window (a point typed beyond the data square) the point's own pattern and
      // local function hold: the same affine function its zone would have.
      const zone = zoneContaining(partition, point);
      const {a, b, c} = zone?.affine ?? localLinear(net, point);
      const pattern = zone?.pattern ?? activationMask(net, point);
      setText(formula, zoneFormulaSentence(point, {a, b, c}, partition.window));
      const [ga, gb] = targetGradient(dataset, point);
      const truth = {a: ga, b: gb, c: TARGETS[dataset](point[0], point[1]) - ga * point[0] - gb * point[1]};
      setText(tangent, tangentComparison(point, {a, b, c}, truth));
      later(() => drawDetail(pattern));
    },
    highlightUnit(ref: NeuronRef | null) {
      unit = ref;
      chart?.highlightUnit(ref);
    }
  });

  const state = selection?.get();
  explorer.setNetwork(state && networkAt ? networkAt(state.epoch) : initial);
  if (selection && state) {
    explorer.select(state.point);
    explorer.highlightUnit(state.hover ?? state.unit);
    followWhenVisible(explorer, selection, (s, changed) => {
      if (changed.has("epoch") && networkAt) {
        // The new network's map, with the selection's point (which may have changed in the same patch).
        point = [s.point[0], s.point[1]];
        explorer.setNetwork(networkAt(s.epoch));
      } else if (changed.has("point")) explorer.select(s.point);
      if (changed.has("hover") || changed.has("unit")) explorer.highlightUnit(s.hover ?? s.unit);
    });
  }
  return explorer;
}
