// A slider over the epochs at which the trainer stored the parameters (the snapshot's checkpoints).
// Its value is the index of the chosen checkpoint; the label shows the epoch.
import type {Checkpoint} from "../lib/snapshot.js";
import {h} from "./dom.js";

export interface EpochSlider extends HTMLFormElement {
  value: number;
}

export interface EpochSliderOptions {
  /** The index of the checkpoint shown first (default the last). */
  value?: number;
  document?: Document;
}

let uid = 0;

export function epochSlider(checkpoints: readonly Checkpoint[], {value = checkpoints.length - 1, document: doc = document}: EpochSliderOptions = {}): EpochSlider {
  const id = `epoch-slider-${++uid}`;
  const input = h(doc, "input", {type: "range", id, min: 0, max: checkpoints.length - 1, step: 1, value});
  const out = h(doc, "output", {for: id});
  const form: EpochSlider = Object.assign(h(doc, "form", {class: "controls epoch-slider"}, h(doc, "label", {for: id}, "Parameters after epoch"), input, out), {value});
  const show = () => {
    form.value = Number(input.value);
    out.textContent = String(checkpoints[form.value].epoch);
    input.setAttribute("aria-valuetext", `epoch ${checkpoints[form.value].epoch}`);
  };
  input.addEventListener("input", show);
  form.addEventListener("submit", (e) => e.preventDefault());
  show();
  return form;
}
