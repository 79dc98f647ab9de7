// Binds a network page's view to its address, so the view can be shared and the browser's back and
// forward buttons step through it. The fragment (#p=…&e=…, see src/lib/url-state.ts) holds the point
// or sample, the epoch, the flow diagram's palette, colour and edge modes, the weights in view (when
// the page offers a choice, bound with bindWeights) and the selected unit.
//
// Opening an address restores its view; a value that is malformed or foreign to the page is ignored
// and named in a small notice (role=status), and everything else still applies. The notice sits
// above the explorer, often below the fold when the page opens: so when an address is restored with
// something ignored, it is raised into view at the window's foot until the reader dismisses it
// (its button or Escape), and then stays in its place; the address itself drops the ignored values
// at once (replaceState), so a link copied from it gives the view shown. The address is
// written WRITE_DELAY_MS after the last change: a discrete change (a click, a button, a menu) adds a
// history entry (pushState); further changes of the same setting within BURST_MS (a slider dragged,
// arrow keys held) replace it, so back steps over the burst at once. popstate restores the entry's
// view without adding another. A fragment without "=" is an ordinary anchor (a heading's link) and
// is left alone.
import type {Snapshot} from "../lib/snapshot.js";
import {checkpointEpochs} from "../lib/snapshot.js";
import {layerSizes} from "../lib/network.js";
import {snapshotNetwork} from "../lib/snapshot.js";
import {COLOR_MODES, EDGE_MODES, type ColorMode, type EdgeMode} from "../lib/flow-model.js";
import {PALETTE_NAMES, isPaletteName} from "../lib/palette-names.js";
import {ignoredNotice, parseUrlState, serializeUrlState, type UrlLimits, type UrlState} from "../lib/url-state.js";
import type {Explorer} from "./explorer.js";
import {POINT_RANGE} from "./explorer.js";
import {h} from "./dom.js";

/** Changes of one setting closer together than this (ms) are one burst: one history entry. */
export const BURST_MS = 400;
/** How long (ms) after the last change the address is written. */
export const WRITE_DELAY_MS = 150;

export interface UrlSyncOptions {
  explorer: Explorer;
  /** The keys of the page's choice of weights in view (bound later with bindWeights), if it has one. */
  weights?: readonly string[];
  window?: Window;
  document?: Document;
}

export interface UrlSync extends HTMLElement {
  /** Adds the page's choice of weights (a radio group with .value) to the address. */
  bindWeights(choice: HTMLFormElement & {value: string}): void;
}

export function urlSync(snapshot: Snapshot, {explorer, weights: weightKeys = [], window: win = globalThis.window, document: doc = globalThis.document}: UrlSyncOptions): UrlSync {
  const selection = explorer.selection;
  const notice = h(doc, "p", {class: "url-notice", role: "status", "aria-live": "polite"});
  const dismiss = h(doc, "button", {type: "button", class: "url-notice-dismiss"}, "Dismiss");
  const box = h(doc, "div", {class: "url-notice-box", hidden: ""}, notice, dismiss);
  const lower = () => box.classList.remove("raised");
  dismiss.addEventListener("click", lower);
  doc.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && box.classList.contains("raised")) lower();
  });
  /** The weights an address asked for before the page's choice was bound. */
  let pendingWeights: string | undefined;
  // Events made by the document's own window (jsdom's in tests), which its elements accept.
  const EventOfWindow = doc.defaultView?.Event ?? Event;
  let weights: {choice: HTMLFormElement & {value: string}; keys: readonly string[]} | null = null;

  const limits = (): UrlLimits => ({
    samples: snapshot.data.x.length,
    range: POINT_RANGE,
    epochs: checkpointEpochs(snapshot),
    palettes: PALETTE_NAMES,
    colorModes: COLOR_MODES,
    edgeModes: EDGE_MODES,
    weights: weightKeys,
    units: layerSizes(snapshotNetwork(snapshot)).slice(1)
  });

  const current = (): UrlState => {
    const s = selection.get();
    const settings = explorer.settings;
    return {
      ...(s.sample === null ? {point: s.point} : {sample: s.sample}),
      epoch: s.epoch,
      palette: settings.palette,
      colorMode: settings.colorMode,
      edgeMode: settings.edgeMode,
      ...(weights ? {weights: weights.choice.value} : pendingWeights !== undefined ? {weights: pendingWeights} : {}),
      unit: s.unit
    };
  };
  // What the page shows before any address applies: the view a missing key means.
  const defaults = current();

  let applying = false;
  const apply = (state: UrlState) => {
    applying = true;
    try {
      const x = snapshot.data.x;
      const [point, sample] = state.point
        ? [state.point, null]
        : state.sample !== undefined
          ? [x[state.sample], state.sample]
          : defaults.point
            ? [defaults.point, null]
            : [x[defaults.sample!], defaults.sample!];
      selection.set({point, sample, epoch: state.epoch ?? defaults.epoch, unit: state.unit ?? null});
      const palette = state.palette ?? defaults.palette;
      const colorMode = (state.colorMode ?? defaults.colorMode) as ColorMode;
      const edgeMode = (state.edgeMode ?? defaults.edgeMode) as EdgeMode;
      const now = explorer.settings;
      if (isPaletteName(palette) && (palette !== now.palette || colorMode !== now.colorMode || edgeMode !== now.edgeMode)) explorer.setSettings({palette, colorMode, edgeMode});
      const w = state.weights ?? weightKeys[0];
      if (!weights) pendingWeights = state.weights;
      else if (w !== undefined && w !== weights.choice.value) {
        const radio = weights.choice.querySelector<HTMLInputElement>(`input[type=radio][value="${w}"]`);
        if (radio) {
          radio.checked = true;
          radio.dispatchEvent(new EventOfWindow("input", {bubbles: true}));
        }
      }
    } finally {
      applying = false;
    }
  };

  /** This page's address with another fragment. */
  const addressWith = (hash: string) => `${win.location.pathname}${win.location.search}${hash}`;

  /** Reads the address; restores its view when it holds one (or none: the page's first view); says what it ignored. */
  const restore = (initial: boolean) => {
    const parsed = parseUrlState(win.location.hash, limits());
    if (!parsed.isState && (initial || win.location.hash !== "")) return;
    const text = ignoredNotice(parsed.ignored);
    notice.textContent = text;
    box.hidden = text === "";
    box.classList.toggle("raised", text !== "");
    apply(parsed.state);
    // The address keeps what it restored and loses what was ignored, in place (no new history
    // entry): copied again, it gives the view shown, and no notice.
    if (parsed.ignored.length > 0) {
      const kept = serializeUrlState(parsed.state);
      win.history.replaceState(win.history.state, "", addressWith(kept ? `#${kept}` : ""));
    }
  };

  let lastWrite = -Infinity;
  let lastKeys = "";
  let lastState = serializeUrlState(current());
  /** The keys whose values differ between two serialized states. */
  const changedKeys = (a: string, b: string) => {
    const pairs = (t: string) => new Map(t.split("&").map((kv) => [kv.split("=")[0], kv] as const));
    const [pa, pb] = [pairs(a), pairs(b)];
    return [...new Set([...pa.keys(), ...pb.keys()])].filter((k) => pa.get(k) !== pb.get(k)).join();
  };
  // The address is written WRITE_DELAY_MS after the last change, off the input's path: the
  // browser's history calls cost milliseconds each (and are throttled when called on every step of
  // a dragged slider), and a burst of steps makes one entry anyway.
  let timer: ReturnType<typeof setTimeout> | null = null;
  const write = () => {
    if (applying) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(flush, WRITE_DELAY_MS);
  };
  const flush = () => {
    timer = null;
    const text = serializeUrlState(current());
    const hash = `#${text}`;
    if (hash === win.location.hash) return;
    const now = win.performance?.now() ?? Date.now();
    const keys = changedKeys(lastState, text);
    const url = addressWith(hash);
    // A burst is the same setting changing again quickly (a slider dragged, keys held): one entry.
    if (now - lastWrite < BURST_MS && keys === lastKeys) win.history.replaceState(null, "", url);
    else win.history.pushState(null, "", url);
    lastWrite = now;
    lastKeys = keys;
    lastState = text;
  };

  restore(true);
  lastState = serializeUrlState(current());
  selection.subscribe((_, changed) => {
    if (changed.has("point") || changed.has("sample") || changed.has("epoch") || changed.has("unit")) write();
  });
  explorer.addEventListener("settings", write);
  win.addEventListener("popstate", () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    lastWrite = -Infinity;
    restore(false);
    lastState = serializeUrlState(current());
  });

  return Object.assign(box, {
    bindWeights(choice: HTMLFormElement & {value: string}) {
      weights = {choice, keys: weightKeys};
      if (pendingWeights !== undefined && pendingWeights !== choice.value) {
        const radio = choice.querySelector<HTMLInputElement>(`input[type=radio][value="${pendingWeights}"]`);
        if (radio) {
          radio.checked = true;
          radio.dispatchEvent(new EventOfWindow("input", {bubbles: true}));
        }
      }
      pendingWeights = undefined;
      choice.addEventListener("input", () => write());
    }
  });
}
