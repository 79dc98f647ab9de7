// A slider over the epochs at which the trainer stored the parameters (the snapshot's checkpoints).
// Its value is the index of the chosen checkpoint; the label shows the epoch. Given the page's
// selection it is the page's one epoch control: moving it sets selection.epoch (every view that
// replays training follows), and it follows an epoch set elsewhere (the address, back / forward).
import type {Checkpoint} from "../lib/snapshot.js";
import type {Selection} from "../lib/selection.js";
import {h, setText} from "./dom.js";
import {follow} from "./follow.js";

export interface EpochSlider extends HTMLFormElement {
  value: number;
}

export interface EpochSliderOptions {
  /** The index of the checkpoint shown first (default the last, or the selection's epoch). */
  value?: number;
  /** The page's selection, which the slider drives and follows. */
  selection?: Selection;
  document?: Document;
}

let uid = 0;

/** The index of the checkpoint stored at `epoch`, else of the latest one before it. */
export function checkpointIndex(checkpoints: readonly Checkpoint[], epoch: number): number {
  let best = 0;
  checkpoints.forEach((c, i) => {
    if (c.epoch <= epoch) best = i;
  });
  return best;
}

export function epochSlider(checkpoints: readonly Checkpoint[], {value, selection, document: doc = document}: EpochSliderOptions = {}): EpochSlider {
  const id = `epoch-slider-${++uid}`;
  const first = value ?? (selection ? checkpointIndex(checkpoints, selection.get().epoch) : checkpoints.length - 1);
  const input = h(doc, "input", {type: "range", id, min: 0, max: checkpoints.length - 1, step: 1, value: first});
  const out = h(doc, "output", {for: id});
  const form: EpochSlider = Object.assign(h(doc, "form", {class: "controls epoch-slider"}, h(doc, "label", {for: id}, "Parameters after epoch"), input, out), {value: first});
  const show = () => {
    form.value = Number(input.value);
    setText(out, String(checkpoints[form.value].epoch));
    input.setAttribute("aria-valuetext", `epoch ${checkpoints[form.value].epoch}`);
  };
  input.addEventListener("input", () => {
    show();
    selection?.set({epoch: checkpoints[form.value].epoch});
  });
  form.addEventListener("submit", (e) => e.preventDefault());
  if (selection)
    follow(form, selection, (state, changed) => {
      if (!changed.has("epoch")) return;
      input.value = String(checkpointIndex(checkpoints, state.epoch));
      show();
    });
  show();
  return form;
}
