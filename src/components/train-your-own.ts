// "Train your own": the controls (started from a reference network's spec, or from the link's
// query), the run (a worker trains; the page shows a live loss chart, a progress bar with the time
// left, and the estimate panels redrawn with the parameters the worker sends every ≤ 10 epochs),
// Pause / Resume / Cancel, and, when the run ends or pauses, the trained network in the explorer
// with its snapshot to download; a snapshot file can be loaded and explored instead.
// The main thread never loads tfjs: it exchanges plain arrays with the worker, and parses and draws
// with src/lib only. The live estimate is redrawn for every progress message (and the worker waits
// for the page to acknowledge them), the chart and the progress bar once an animation frame.
import type {Snapshot, SnapshotFile as SnapshotFileData} from "../lib/snapshot.js";
import {firstOversizedParameter, parseSnapshot, PARAMETER_LIMIT, serializeSnapshot} from "../lib/snapshot.js";
import {specDataset, ValidationError, type NetworkSpec} from "../lib/spec.js";
import type {Layer} from "../lib/network.js";
import type {FromWorker} from "../lib/train-protocol.js";
import {browserFingerprint, choicesOf, type TrainChoices} from "../lib/train-spec.js";
import {choicesFromQuery, choicesToQuery} from "../lib/train-url.js";
import {oversizedRunSentence, rateBase, runStatus, unopenableRunSentence, type ProgressSample, type RunState} from "../lib/train-prose.js";
import {h} from "./dom.js";
import {trainControls} from "./train-controls.js";
import {trainerClient} from "./trainer-client.js";
import {liveLossChart, type LiveLossChart} from "./live-loss-chart.js";
import {liveEstimate, type LiveEstimate} from "./live-estimate.js";
import {trainedNetworkView} from "./trained-network-view.js";
import {snapshotFile} from "./snapshot-file.js";

export interface TrainYourOwnOptions {
  /** Width of the charts (default: the page's main column when created, at most 960 px). */
  width?: number;
  /** The page's query (default location.search) and how to replace it (default history.replaceState). */
  search?: string;
  setQuery?: (query: string) => void;
  document?: Document;
}

export interface TrainYourOwn extends HTMLElement {
  /** The snapshot open in the explorer (trained, paused, diverged or loaded), or null. */
  snapshot: Snapshot | null;
}

export function trainYourOwn(reference: Snapshot, options: TrainYourOwnOptions = {}): TrainYourOwn {
  const doc = options.document ?? document;
  const width = options.width ?? Math.max(280, Math.min(960, doc.querySelector("main")?.clientWidth ?? 640));
  // In place, keeping the path and a heading's anchor.
  const setQuery = options.setQuery ?? ((query: string) => history.replaceState(history.state, "", `${location.pathname}?${query}${location.hash}`));
  const defaults = choicesOf(reference.spec);
  const fromUrl = choicesFromQuery(options.search ?? location.search, defaults, reference.spec);
  // A link with values ignored: the address keeps the choices the controls start from, in place, so
  // copied again it gives what the page shows (and no notice).
  if (fromUrl.notices.length > 0) setQuery(choicesToQuery(fromUrl.choices));

  const notices = h(doc, "div", {class: "train-notices", role: fromUrl.notices.length ? "alert" : undefined}, fromUrl.notices.map((n) => h(doc, "p", {class: "train-notice"}, n)));
  const controls = trainControls(fromUrl.choices, {reference: reference.spec, onTrain: start, document: doc});
  const progress = h(doc, "progress", {class: "train-progress", max: 1, value: 0, "aria-label": "Training progress"});
  const status = h(doc, "p", {class: "train-status", role: "status"});
  const pauseButton = h(doc, "button", {type: "button", class: "train-pause", disabled: true}, "Pause");
  const resumeButton = h(doc, "button", {type: "button", class: "train-resume", disabled: true}, "Resume");
  const cancelButton = h(doc, "button", {type: "button", class: "train-cancel", disabled: true}, "Cancel");
  const chartSlot = h(doc, "div", {class: "train-live-chart"});
  const panelsSlot = h(doc, "div", {class: "train-live-panels"});
  // The live chart and panels, open while a run trains; folded once the network opens in the
  // explorer (whose own loss chart and panels would repeat them), kept for a look at how it went.
  const liveSummary = h(doc, "summary", {}, "The run as it trains: loss and estimate");
  const live = h(doc, "details", {class: "train-live", open: true, hidden: true}, liveSummary, chartSlot, panelsSlot);
  const showLive = (open: boolean) => {
    live.open = open;
    liveSummary.textContent = open ? "The run as it trains: loss and estimate" : "How the run went: its live loss chart and estimate";
  };
  const viewSlot = h(doc, "div", {class: "train-view"});
  const file = snapshotFile(null, {onLoad: (s, name) => openLoaded(s, name), document: doc});

  const root: TrainYourOwn = Object.assign(
    h(
      doc,
      "div",
      {class: "train-your-own", "data-state": "idle", "data-epoch": 0},
      notices,
      controls,
      h(doc, "div", {class: "train-run"}, progress, status, h(doc, "div", {class: "train-buttons"}, pauseButton, resumeButton, cancelButton)),
      live,
      h(doc, "h2", {id: "your-network"}, "Your network in the explorer"),
      file,
      viewSlot
    ),
    {snapshot: null as Snapshot | null}
  );

  // The run in progress.
  let spec: NetworkSpec | null = null;
  let samples = reference.data.x;
  let loss: number[] = [];
  let mse: number[] = [];
  let layers: Layer[] | null = null;
  let seconds = 0;
  /** The run's progress messages so far, for the rate its time left is estimated at. */
  let progressLog: ProgressSample[] = [];
  let state: RunState = "idle";
  let divergedAt: number | undefined;
  /** Why the run failed, shown as its status (a frame drawn later redraws the status from this). */
  let failure: string | undefined;
  let chart: LiveLossChart | null = null;
  let panels: LiveEstimate | null = null;
  let frame = 0;

  function setState(next: RunState) {
    state = next;
    root.dataset.state = next;
    const active = next === "running" || next === "pausing" || next === "paused";
    controls.setBusy(active);
    pauseButton.disabled = next !== "running";
    resumeButton.disabled = next !== "paused";
    cancelButton.disabled = !active;
    render();
  }

  function render() {
    const epochs = spec?.epochs ?? 0;
    progress.max = Math.max(1, epochs);
    progress.value = loss.length;
    progress.setAttribute("aria-valuetext", `epoch ${loss.length} of ${epochs}`);
    root.dataset.epoch = String(loss.length);
    // The worker's training time so far, pauses excluded (the benchmark reads it).
    root.dataset.seconds = String(seconds);
    status.textContent = state === "failed" && failure ? failure : runStatus(state, loss.length, epochs, seconds, divergedAt, rateBase(progressLog, seconds));
  }

  function drawFrame() {
    const t0 = performance.now();
    frame = 0;
    render();
    chart?.update(loss, mse);
    // The longest redraw while training (the benchmark reads it).
    root.dataset.maxFrameMs = String(Math.max(performance.now() - t0, Number(root.dataset.maxFrameMs ?? 0)));
  }
  const scheduleDraw = () => {
    if (!frame) frame = requestAnimationFrame(drawFrame);
  };

  function open(snapshot: Snapshot, how: "trained" | {loaded: string}) {
    root.snapshot = snapshot;
    file.setSnapshot(snapshot);
    // A file loaded while a run trains leaves its live views open.
    if (state !== "running" && state !== "pausing") showLive(false);
    viewSlot.replaceChildren(
      // The file's name and the network's title, not its fingerprint (up to 64 characters in one word).
      h(doc, "p", {class: "train-view-note"}, how === "trained" ? `After epoch ${snapshot.spec.epochs} of this run.` : `Loaded from ${how.loaded}: ${snapshot.spec.title}, ${snapshot.spec.epochs} epochs.`),
      trainedNetworkView(snapshot, {width, document: doc})
    );
  }

  function openLoaded(snapshot: Snapshot, name: string) {
    open(snapshot, {loaded: name});
    // A run under way (or paused) keeps its state and buttons; otherwise the status names the file.
    if (state === "running" || state === "pausing" || state === "paused") return;
    spec = snapshot.spec;
    loss = snapshot.lossHistory.slice();
    mse = snapshot.mseHistory.slice();
    divergedAt = undefined;
    setState("loaded");
  }

  const client = trainerClient((message: FromWorker) => {
    const t0 = performance.now();
    // When the run's last message arrived: what the page does after it is not training.
    if (message.type !== "progress") root.dataset.endedAt = String(t0);
    handle(message);
    // The longest handling of a progress message (the benchmark reads it).
    if (message.type === "progress") root.dataset.maxMessageMs = String(Math.max(performance.now() - t0, Number(root.dataset.maxMessageMs ?? 0)));
  });

  function handle(message: FromWorker) {
    switch (message.type) {
      case "progress":
        for (const e of message.epochs) {
          loss.push(e.loss);
          mse.push(e.mse);
        }
        layers = message.layers;
        seconds = message.seconds;
        progressLog.push({epoch: loss.length, seconds});
        // The estimate follows every message (≤ 10 epochs apart; a redraw is about a millisecond);
        // the chart and the progress bar once a frame.
        if (spec) panels?.update({layers, activation: spec.activation}, loss.length);
        client.ack();
        scheduleDraw();
        break;
      case "paused":
        seconds = message.seconds;
        setState("paused");
        openFile(message.snapshot);
        break;
      case "done":
        seconds = message.seconds;
        setState("done");
        openFile(message.snapshot);
        break;
      case "diverged":
        seconds = message.seconds;
        divergedAt = message.epoch;
        setState("diverged");
        openFile(message.snapshot);
        break;
      case "cancelled":
        setState("cancelled");
        break;
      case "failed":
        failure = `Training failed: ${message.message}`;
        setState("failed");
        break;
    }
  }

  function openFile(data: SnapshotFileData) {
    drawFrame();
    if (data.spec.epochs === 0) {
      // Diverged in its first epoch: the initialisation is explored; the snapshot contract asks for
      // one epoch at least, so nothing is offered for download.
      root.snapshot = null;
      file.setSnapshot(null);
      showLive(false);
      const initial: Snapshot = {...data, data: specDataset(data.spec)};
      viewSlot.replaceChildren(
        h(doc, "p", {class: "train-view-note"}, "No epoch was completed: this is the network's initialisation (epoch 0). A snapshot holds one epoch at least, so there is nothing to download."),
        trainedNetworkView(initial, {width, document: doc})
      );
      return;
    }
    // Validated like any file: the page shows only what the schema allows. A run can end with a
    // finite loss and parameters past the schema's bounds (a learning rate far too large): it is
    // then a failed run, said so in the status (at which epoch, when that is the reason), and the
    // paused worker (if any) is let go.
    let trained: Snapshot;
    try {
      trained = parseSnapshot(JSON.parse(serializeSnapshot(data)));
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      if (state === "paused") client.cancel();
      root.snapshot = null;
      file.setSnapshot(null);
      const oversized = firstOversizedParameter(data);
      failure = oversized ? oversizedRunSentence(oversized.epoch, oversized.value, PARAMETER_LIMIT) : unopenableRunSentence(error.message);
      setState("failed");
      return;
    }
    open(trained, "trained");
  }

  function start(next: NetworkSpec, choices: TrainChoices) {
    spec = next;
    samples = specDataset(next).x;
    loss = [];
    mse = [];
    layers = null;
    seconds = 0;
    progressLog = [];
    divergedAt = undefined;
    failure = undefined;
    setQuery(choicesToQuery(choices));
    chart = liveLossChart({epochs: next.epochs}, {width, document: doc});
    chartSlot.replaceChildren(chart);
    panelsSlot.replaceChildren();
    live.hidden = false;
    showLive(true);
    viewSlot.replaceChildren();
    root.snapshot = null;
    file.setSnapshot(null);
    setState("running");
    // The live panels and the worker's start in a task of their own, so the click's task stays short.
    setTimeout(() => {
      panels = liveEstimate(null, {dataset: next.dataset, samples, size: Math.min(200, Math.floor((width - 24) / 3)), document: doc});
      panelsSlot.replaceChildren(panels);
      client.start(next, browserFingerprint(next));
    }, 0);
  }

  pauseButton.addEventListener("click", () => {
    setState("pausing");
    client.pause();
  });
  resumeButton.addEventListener("click", () => {
    viewSlot.replaceChildren();
    // The paused network is no longer the run's: nothing to download until it pauses or ends again.
    root.snapshot = null;
    file.setSnapshot(null);
    showLive(true);
    setState("running");
    client.resume();
  });
  cancelButton.addEventListener("click", () => client.cancel());

  render();
  return root;
}
