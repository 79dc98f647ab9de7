// A slider over the epochs at which the trainer stored the parameters (the snapshot's checkpoints).
// Its value is the index of the chosen checkpoint; the label shows the epoch.
import type {Checkpoint} from "../lib/snapshot.js";
import {h} from "./dom.js";

export interface EpochSlider extends HTMLFormElement {
  value: number;
}

let uid = 0;

export function epochSlider(checkpoints: readonly Checkpoint[], {value = checkpoints.length - 1, document = globalThis.document}: {value?: number; document?: Document} = {}): EpochSlider {
  const id = `epoch-slider-${++uid}`;
  const input = h(document, "input", {type: "range", id, min: 0, max: checkpoints.length - 1, step: 1, value});
  const out = h(document, "output", {for: id});
  const form = h(document, "form", {class: "controls epoch-slider"}, h(document, "label", {for: id}, "Parameters after epoch"), input, out) as EpochSlider;
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
