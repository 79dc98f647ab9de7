// The explorer: the reading tools every network page shares, as one element. An epoch control (the
// page's one: it replays training through the stored checkpoints), a sample picker (slider,
// coordinates, preset buttons), the estimate / truth / error panels, a choice of what a click in the
// plane picks (the exact point or the nearest sample), the flow diagram's controls, and the flow
// diagram of the point in view, whose selected unit writes out its arithmetic. The article pages
// place it in their story; the generic page of any other network (src/networks/[id].md) is built
// around it.
//
// It reads and writes the page's selection (src/lib/selection.ts): options.selection when the page
// shares one with its other views (lines, loss chart, zone map, address), else its own. Every view
// follows the selection select()-style: a point change moves the panels' rings and updates the
// diagram's values in place; an epoch change redraws the panels' contours in place with that epoch's
// (computed once per epoch: by the contour worker ahead, else just after the frame that shows the
// change) and updates the diagram in place (off screen, in an idle moment or once it comes back into
// view); a hovered unit toggles classes.
//
// Its value is {point, sample, epoch, neuron}: the exact point in view, its sample's index (null for
// a free point), the epoch shown and the diagram's selected unit (or null). It dispatches a bubbling
// "input" event when any of them changes, so a page keeps it with Framework's view() and writes its
// prose from the value. It is created once per page: with no fixed `width` it follows its own width
// (ResizeObserver) and redraws what depends on it.
import type {Snapshot} from "../lib/snapshot.js";
import {networkAtEpoch, snapshotNetwork} from "../lib/snapshot.js";
import {columnExtents, type Extent} from "../lib/extents.js";
import {gridEstimate, gridEstimateOf, type GridEstimate} from "../lib/estimate.js";
import {forward, type Network} from "../lib/network.js";
import {nearestSample} from "../lib/sampling.js";
import type {EdgeMode, NeuronRef} from "../lib/flow-model.js";
import {magnitudeMax} from "./parameter-scale.js";
import type {Point} from "../lib/datasets.js";
import {createSelection, type Selection, type SelectionState} from "../lib/selection.js";
import {startSample} from "../lib/page-selection.js";
import {targetAt, throughCaption} from "../lib/point-prose.js";
import {pointLabel} from "../lib/format.js";
import {inSentence} from "../lib/prose.js";
import {h} from "./dom.js";
import {samplePicker} from "./sample-picker.js";
import {estimatePanels, type EstimatePanels} from "./estimate-panels.js";
import {CONTOUR_COUNT} from "./model-estimate.js";
import {contourPrefetch, type ContourPrefetch} from "./contour-prefetch.js";
import type {CheckpointPanels} from "../lib/contour-protocol.js";
import {flowControls, type FlowSettings} from "./flow-controls.js";
import {flowDiagram, prepareFlowDiagram, type FlowDiagramElement} from "./flow-diagram.js";
import {epochSlider} from "./epoch-slider.js";
import {whenIdle} from "./idle.js";
import {whileAway} from "./follow.js";
import {afterPaint} from "./after-paint.js";
import {networkChoice} from "./network-choice.js";

export interface ExplorerValue {
  /** The exact point in view. */
  point: Point;
  /** Index of the selected sample in snapshot.data, or null for a free point. */
  sample: number | null;
  /** The epoch whose parameters are shown. */
  epoch: number;
  /** The unit selected in the flow diagram, or null. */
  neuron: NeuronRef | null;
}

/** What a click in the plane picks. */
export type ClickMode = "point" | "sample";

export interface ExplorerOptions {
  /** A fixed width in px; without it the explorer follows its own width once in the page. */
  width?: number;
  /** The first sample: the one nearest this point (default: the spec's first preset, else sample 0). Ignored with `selection`. */
  start?: Point;
  /** Initial flow diagram settings (the palette defaults to the spec's). */
  settings?: Partial<FlowSettings>;
  /** Draw the estimate panels (default true). */
  panels?: boolean;
  /** The parameters to explore, when not the snapshot's (no epoch control then: there is nothing to replay). */
  network?: Network;
  /** The page's selection, shared with its other views. */
  selection?: Selection;
  document?: Document;
}

export interface Explorer extends HTMLElement {
  value: ExplorerValue;
  /** The page's selection this explorer reads and writes. */
  selection: Selection;
  /** The flow diagram's settings. */
  settings: FlowSettings;
  /** Changes some settings as the reader would (the diagram is redrawn; "settings" is dispatched). */
  setSettings(patch: Partial<FlowSettings>): void;
  /** Selects sample i, as the reader would (the page's prose follows). */
  selectSample(i: number): void;
  /** Selects an exact point, as a click does. */
  selectPoint(point: Point): void;
  /** The flow diagram's SVG, showing the selection in view (an update left for later is made first): for exports. */
  diagramSvg(): SVGSVGElement | null;
}

/** Width used before the explorer is in the page (and in a DOM without layout). */
const FALLBACK_WIDTH = 640;

/** About what preparing the flow diagram for a checkpoint takes (ms): it waits for an idle period that long. */
const PREPARE_DIAGRAM_MS = 4;

/** The longest the contour worker waits for an idle moment once asked for (ms). */
const WORKER_START_MS = 2000;

/** The longest the panels wait for the worker to hand over the checkpoint in view before computing it themselves (ms). */
const WORKER_WAIT_MS = 250;

/** Half-width of the square a free point may be chosen in: the estimate grid's, one past the data. */
export const POINT_RANGE = 3;

export function explorer(snapshot: Snapshot, options: ExplorerOptions = {}): Explorer {
  const doc = options.document ?? globalThis.document;
  const spec = snapshot.spec;
  const samples = snapshot.data.x;
  const fixedNet = options.network;
  const finalNet = snapshotNetwork(snapshot);
  const first = startSample(snapshot, options.start);
  const selection =
    options.selection ?? createSelection({point: samples[first], sample: first, epoch: spec.epochs, unit: null, hover: null});
  // A fixed network has no epochs to replay: it is shown whatever the selection's epoch.
  const replay = fixedNet === undefined && snapshot.checkpoints.length > 1;

  // The network, the colour extents and the grid estimate of each epoch, computed when first shown.
  const nets = new Map<number, Network>();
  const netAt = (epoch: number): Network => {
    if (fixedNet) return fixedNet;
    if (epoch >= spec.epochs) return finalNet;
    let net = nets.get(epoch);
    if (!net) nets.set(epoch, (net = networkAtEpoch(snapshot, epoch)));
    return net;
  };
  // Replaying training with edges that show weights, the parameter scale's end is the largest |w| or
  // |b| of any checkpoint, the same at every epoch: a colour then means one weight throughout, so the
  // reader sees the weights grow, and an epoch change leaves the edge legend (and the colour of any
  // weight that barely moved) as it was. Terms w·a depend on the point as well: their scale stays the
  // diagram's own.
  let replayMax: number | undefined;
  const parameterMaxFor = (edgeMode: EdgeMode): number | undefined => {
    if (!replay || edgeMode !== "weight") return undefined;
    if (replayMax === undefined) {
      const epochs = [...new Set(snapshot.checkpoints.map((c) => c.epoch)), spec.epochs];
      replayMax = Math.max(...epochs.map((e) => magnitudeMax(netAt(e).layers.flatMap((l) => [...l.weights.flat(), ...l.biases]))));
    }
    return replayMax;
  };
  // The "per layer, over all samples" colours are recomputed for each epoch: they promise the ranges
  // of the network shown, and early checkpoints' values can lie outside the trained network's.
  const extentsOf = new Map<Network, readonly Extent[]>();
  const extentsAt = (net: Network) => {
    let e = extentsOf.get(net);
    if (!e) extentsOf.set(net, (e = columnExtents(net, samples)));
    return e;
  };

  const state0 = selection.get();
  const picker = samplePicker(snapshot.data, {
    value: state0.sample ?? nearestSample(samples, state0.point),
    presets: spec.presets,
    onPoint: (p) => selection.set({point: p, sample: null}),
    pointRange: POINT_RANGE,
    document: doc
  });
  const controls = flowControls({palette: spec.palette, colorMode: "comp", ...options.settings}, {document: doc});
  const clickMode = networkChoice<ClickMode>(
    [
      {key: "point", label: "the exact point"},
      {key: "sample", label: "the nearest sample"}
    ],
    {legend: "A click in the plane picks", document: doc}
  );
  clickMode.classList.add("click-mode");
  const epochControl = replay ? epochSlider(snapshot.checkpoints, {selection, document: doc}) : null;
  const panelsSlot = h(doc, "div", {class: "explorer-panels"});
  const diagramSlot = h(doc, "div", {class: "explorer-diagram"});
  const inner = h(doc, "div", {class: "explorer-parts"}, epochControl, picker, options.panels === false ? null : clickMode, panelsSlot, controls, diagramSlot);
  // The parts' own input events stop here: the explorer announces its value once per change.
  inner.addEventListener("input", (e) => e.stopPropagation());

  const valueOf = (s: SelectionState): ExplorerValue => ({point: s.point, sample: s.sample, epoch: fixedNet ? spec.epochs : s.epoch, neuron: s.unit});
  const root: Explorer = Object.assign(h(doc, "div", {class: "explorer"}, inner), {
    value: valueOf(state0),
    selection,
    settings: controls.value,
    setSettings(patch: Partial<FlowSettings>) {
      for (const [name, v] of Object.entries(patch)) {
        const el = controls.querySelector<HTMLInputElement | HTMLSelectElement>(`[name=${name}]`);
        if (!el) continue;
        if (el instanceof (doc.defaultView?.HTMLInputElement ?? HTMLInputElement) && el.type === "checkbox") (el as HTMLInputElement).checked = Boolean(v);
        else el.value = String(v);
      }
      controls.dispatchEvent(new (doc.defaultView?.Event ?? Event)("input", {bubbles: true}));
    },
    selectSample: (i: number) => selection.set({point: samples[i], sample: i}),
    selectPoint: (p: Point) => selection.set({point: p, sample: null}),
    diagramSvg: () => {
      diagramWork.flush();
      return diagram?.querySelector<SVGSVGElement>("svg.flow-svg") ?? null;
    }
  });

  /** A click (or the keyboard cursor) at p: the exact point, or its nearest sample, as the reader chose. */
  const pick = (p: Point) => {
    if (clickMode.value === "sample") {
      const i = nearestSample(samples, p);
      selection.set({point: samples[i], sample: i});
    } else selection.set({point: p, sample: null});
  };
  const snap = (p: Point) => {
    const i = nearestSample(samples, p);
    selection.set({point: samples[i], sample: i});
  };

  let width = options.width ?? FALLBACK_WIDTH;
  // The grid estimate of each epoch, computed when the epoch is first shown. The panels are drawn
  // once per width; another epoch redraws their contours in place (estimate-panels.ts).
  const estimates = new Map<number, GridEstimate>();
  const epochShown = () => (fixedNet ? spec.epochs : selection.get().epoch);
  /** The epoch whose parameters are shown, as a key: every epoch from the last on is the trained network. */
  const epochKey = () => Math.min(epochShown(), spec.epochs);
  const estimateAt = (key: number) => {
    let est = estimates.get(key);
    if (!est) estimates.set(key, (est = gridEstimate(netAt(key), spec.dataset, samples)));
    return est;
  };
  let panels: EstimatePanels | null = null;

  function markPanels() {
    const s = selection.get();
    if (s.sample === null) panels?.selectPoint(s.point, `the point ${pointLabel(s.point, 3)}`);
    else panels?.select(s.sample);
  }

  function showPanels() {
    if (options.panels === false) return;
    const key = epochKey();
    if (!panels) {
      panels = estimatePanels(estimateAt(key), {width, samples, onPoint: pick, onSnap: snap, range: POINT_RANGE, estimateKey: key, document: doc});
      markPanels();
      panelsSlot.replaceChildren(panels);
    } else if (panels.ready(key)) panels.setEstimate(estimateAt(key), key);
    else catchUp();
    prefetchAround(key);
  }

  // A checkpoint whose contours are not computed yet (met before the worker reached it, or on a page
  // without a worker) costs 20-40 ms of grid estimate and contouring: done in the input's handler,
  // that would hold up the frame showing everything else. So the panels say they are behind
  // (setWaiting) and catch up just after that frame is painted, with the epoch in view by then: a
  // drag across several such checkpoints computes only the last. While the worker is at work, it
  // is given WORKER_WAIT_MS to hand that checkpoint over (it goes to the epoch in view next) before
  // the panels compute it on the page.
  /** The catch-up under way (a number of its own), or 0. */
  let behind = 0;
  let catchUps = 0;
  function catchUp() {
    panels!.setWaiting(true);
    if (behind) return;
    const run = (behind = ++catchUps);
    const view = doc.defaultView;
    afterPaint(view, () => {
      if (behind !== run) return;
      if (view && worker?.working() && !panels?.ready(epochKey())) view.setTimeout(() => behind === run && caughtUp(), WORKER_WAIT_MS);
      else caughtUp();
    });
  }
  function caughtUp() {
    behind = 0;
    const key = epochKey();
    panels?.setEstimate(estimateAt(key), key);
  }

  // The checkpoints next to the one shown (the slider's next step either way) are made ready in
  // idle moments, one slice at a time (a grid estimate, or one panel's contours: a few ms each), so
  // that stepping through training finds them computed: the contours of a checkpoint shown for the
  // first time cost several times their in-place redraw. A new epoch shown restarts from its
  // neighbours. (Preparing every checkpoint ahead was tried: it made jumps cheaper but steps
  // after a pause dearer, the page's other per-checkpoint work then competing with more garbage.)
  const checkpointKeys = [...new Set(snapshot.checkpoints.map((c) => Math.min(c.epoch, spec.epochs)))].sort((a, b) => a - b);
  /** Idle time left under which no slice is started (ms): a slice takes a few. */
  const SLICE_MS = 8;
  let prefetchRun = 0;
  // Where a worker can run, it makes every checkpoint's contours ready off the main thread instead
  // (contour-prefetch.ts), and is told which epoch is in view; the idle slices below are its
  // fallback. It starts once the reader turns to the replay (the pointer or the focus on the epoch
  // control, or a first epoch change), in the next idle moment: a reader who never replays
  // training costs the page no background work, and nothing is loaded while they leave the page.
  let engaged = false;
  const engage = () => {
    if (engaged) return;
    engaged = true;
    prefetchAround(epochKey());
  };
  epochControl?.addEventListener("pointerenter", engage);
  epochControl?.addEventListener("focusin", engage);
  let worker: ContourPrefetch | null = null;
  let workerStarted = false;
  /** The panels the worker's current job is for, and how many checkpoints it has handed over. */
  let workerPanels: EstimatePanels | null = null;
  let prepared = 0;
  const onPanels = (key: number, {values, contours}: CheckpointPanels) => {
    if (!workerPanels || panels !== workerPanels) return;
    // A page cell that replaced this explorer leaves its worker nothing to do.
    if (!root.isConnected) return worker?.stop();
    if (!estimates.has(key)) estimates.set(key, gridEstimateOf(values, spec.dataset, samples));
    workerPanels.provideContours(key, contours);
    // The panels waiting for this checkpoint show it now.
    if (behind && key === epochKey()) caughtUp();
    else prepareDiagram(key);
    root.setAttribute("data-contours-ready", String(++prepared));
  };
  function startWorker() {
    workerStarted = true;
    const shownPanels = panels;
    const view = doc.defaultView;
    if (!replay || !shownPanels || !view || typeof view.Worker !== "function") return;
    const begin = () => {
      if (panels !== shownPanels) return;
      // An explorer not (or no longer) in the page starts none; the next epoch shown asks again.
      if (!root.isConnected) {
        workerStarted = false;
        return;
      }
      const focus = epochKey();
      const job = {frames: shownPanels.frames(), networks: checkpointKeys.filter((k) => k !== focus).map((key) => ({key, network: netAt(key)})), focus};
      workerPanels = shownPanels;
      prepared = 0;
      // Panels drawn again (another width) restart the worker's job; a new worker only once the last has ended.
      if (worker?.restart(job)) return;
      worker = contourPrefetch(job, {dataset: spec.dataset, samples, count: CONTOUR_COUNT, onPanels, document: doc});
    };
    if (view.requestIdleCallback) view.requestIdleCallback(begin, {timeout: WORKER_START_MS});
    else view.setTimeout(begin, 0);
  }

  function prefetchAround(key: number) {
    if (!replay || !panels) return;
    if (engaged && !workerStarted) startWorker();
    if (worker) {
      worker.focus(key);
      return;
    }
    const run = ++prefetchRun;
    const at = checkpointKeys.indexOf(key);
    if (at < 0) return;
    const todo = [checkpointKeys[at + 1], checkpointKeys[at - 1]].filter((k): k is number => k !== undefined);
    const view = doc.defaultView as (Window & typeof globalThis) | null;
    const later = (step: (deadline?: IdleDeadline) => void) => {
      if (view?.requestIdleCallback) view.requestIdleCallback(step, {timeout: 1000});
      else setTimeout(step, 50);
    };
    /** One slice of work; false when there is none left. */
    const slice = (): boolean => {
      const next = todo[0];
      if (next === undefined || !panels) return false;
      if (!estimates.has(next)) estimateAt(next);
      else if (panels.prepareEstimate(estimateAt(next), next)) todo.shift();
      return true;
    };
    const step = (deadline?: IdleDeadline) => {
      if (run !== prefetchRun) return;
      // In an idle period, slices start only while one fits in what is left (the first too: an idle
      // period just before a frame may have 1 ms left, and a slice started there delays the frame);
      // once the timeout has passed, or with no idle periods at all, one slice goes.
      const fits = () => deadline !== undefined && !deadline.didTimeout && deadline.timeRemaining() > SLICE_MS;
      let more = true;
      if (!fits()) {
        if (deadline && !deadline.didTimeout) return later(step);
        more = slice();
      }
      while (more && fits()) more = slice();
      if (more) later(step);
    };
    later(step);
  }

  let diagram: FlowDiagramElement | null = null;
  /** The diagram's options for `net` at the selection's point, with the reader's settings. */
  const diagramOptionsFor = (net: Network, s: SelectionState, epoch: number) => ({
    input: s.point,
    width,
    ...controls.value,
    // Only the "dataset" colours need the extents over every sample (a forward pass per sample).
    extents: controls.value.colorMode === "dataset" ? extentsAt(net) : undefined,
    values: forward(net, s.point),
    selected: s.unit,
    hovered: s.hover,
    onHover: (ref: NeuronRef | null) => selection.set({hover: ref}),
    title: throughCaption(s, inSentence(spec.title), epoch, spec.epochs),
    parameterMax: parameterMaxFor(controls.value.edgeMode),
    document: doc
  });
  // A checkpoint the worker has prepared gets the diagram's share ready too, in an idle moment (its
  // edge labels' places: a few ms), so that showing it costs the diagram only its update.
  const prepareDiagram = (key: number) => {
    const view = doc.defaultView;
    if (!view?.requestIdleCallback) return;
    whenIdle(
      view,
      () => {
        if (root.isConnected) prepareFlowDiagram(netAt(key), diagramOptionsFor(netAt(key), selection.get(), key));
      },
      {budgetMs: PREPARE_DIAGRAM_MS}
    );
  };
  function drawDiagram() {
    const s = selection.get();
    const net = netAt(epochShown());
    const diagramOptions = diagramOptionsFor(net, s, epochShown());
    // The diagram in the page is updated in place when its structure stays (another point or
    // epoch: only values, colours and labels differ), else a new one replaces it.
    if (diagram?.update(net, diagramOptions)) return;
    const diagramHadFocus = diagram?.contains(doc.activeElement) ? (doc.activeElement as Element) : null;
    const focused = diagramHadFocus?.closest(".neuron[data-layer]");
    const shown = flowDiagram(net, diagramOptions);
    diagram = shown;
    shown.addEventListener("input", () => selection.set({unit: shown.value}));
    diagramSlot.replaceChildren(shown);
    // A redraw under the keyboard keeps the focus on the same unit.
    if (focused) shown.querySelector<SVGGElement>(`.neuron[data-layer="${focused.getAttribute("data-layer")}"][data-unit="${focused.getAttribute("data-unit")}"]`)?.focus();
  }

  // The diagram sits below the panels, taller than most screens with them: a reader replaying
  // training from the slider, or moving the point on the panels, often cannot see it. Off screen, its
  // update (half of an epoch change's cost) waits for an idle period or its return into view
  // (whileAway), marked aria-busy meanwhile; a change of settings or width, made beside it, redraws
  // it at once.
  const diagramWork = whileAway(diagramSlot, drawDiagram, (due) => {
    if (due) diagramSlot.setAttribute("aria-busy", "true");
    else diagramSlot.removeAttribute("aria-busy");
  });
  const redrawDiagram = () => (diagramWork.due ? diagramWork.flush() : drawDiagram());

  function showPicker(s: SelectionState) {
    if (s.sample === null) picker.showPoint(s.point, targetAt(spec.dataset, snapshot.data.y, s));
    else picker.showSample(s.sample);
  }

  // The picker's own choices (slider, index, nearest sample, presets) become the selection's.
  picker.addEventListener("input", () => selection.set({point: samples[picker.value], sample: picker.value}));
  controls.addEventListener("input", () => {
    root.settings = controls.value;
    redrawDiagram();
    root.dispatchEvent(new (doc.defaultView?.Event ?? Event)("settings"));
  });

  // The state in view as attributes, exact (String(x) reads back as x): for tests and benchmarks.
  const mark = (s: SelectionState) => {
    root.setAttribute("data-point", `${String(s.point[0])},${String(s.point[1])}`);
    root.setAttribute("data-sample", s.sample === null ? "" : String(s.sample));
    root.setAttribute("data-epoch", String(valueOf(s).epoch));
  };
  mark(state0);

  selection.subscribe((s, changed) => {
    mark(s);
    if (changed.has("epoch") && replay) {
      engaged = true;
      showPanels();
    }
    // After the panels' new epoch (which keeps their last ring), so a change of both moves the ring.
    if (changed.has("point") || changed.has("sample")) markPanels();
    if (changed.has("point") || changed.has("sample")) showPicker(s);
    if (changed.has("point") || changed.has("sample") || (changed.has("epoch") && replay)) diagramWork.request();
    else if (changed.has("unit") && diagram && !sameRef(diagram.value, s.unit)) diagram.value = s.unit;
    if (changed.has("hover")) diagram?.hover(s.hover);
    if (changed.has("point") || changed.has("sample") || changed.has("epoch") || changed.has("unit")) {
      root.value = valueOf(s);
      root.dispatchEvent(new (doc.defaultView?.Event ?? Event)("input", {bubbles: true}));
    }
  });

  showPicker(state0);
  showPanels();
  drawDiagram();

  if (options.width === undefined && typeof ResizeObserver !== "undefined") {
    new ResizeObserver(([entry]) => {
      const next = Math.floor(entry.contentRect.width);
      if (next > 0 && next !== width) {
        width = next;
        const hadFocus = panels?.contains(doc.activeElement) ?? false;
        panels = null;
        workerStarted = false;
        showPanels();
        if (hadFocus) (panels as EstimatePanels | null)?.focus();
        redrawDiagram();
      }
    }).observe(root);
  }
  return root;
}

const sameRef = (a: NeuronRef | null, b: NeuronRef | null) => a === b || (a !== null && b !== null && a.layer === b.layer && a.unit === b.unit);
