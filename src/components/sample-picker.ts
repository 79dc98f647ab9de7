// The sample picker: a slider over sample indices and (x1, x2) fields that select the nearest sample.
// It is one input element whose value is the selected index, so a page uses it with Framework's
// view() and other charts can set it with setSample() (a click on a plot, a preset button).
// Input that is not a number or falls outside the data's range (or, given `pointRange`, outside the
// square where the caller takes free points) is refused with a visible message.
// Given `onPoint`, the typed coordinates offer both: "Go to point" hands the exact point to the
// caller (a free point, no sample), "Nearest sample" (also Enter) selects the sample nearest it; and
// showPoint() shows a free point chosen elsewhere (a click on a chart) in the fields and the status.
import type {Point} from "../lib/datasets.js";
import {extentOf} from "../lib/extents.js";
import {nearestSample} from "../lib/sampling.js";
import {fixed, pointLabel} from "../lib/format.js";
import {h, setText} from "./dom.js";
import {parseDecimal} from "../lib/decimal.js";
import {describe} from "../lib/spec.js";

export interface SamplePicker extends HTMLFormElement {
  value: number;
}

export interface SamplePickerOptions {
  value?: number;
  /** Named points offered as one-click presets (nearest sample to each). */
  presets?: {label: string; point: Point}[];
  /** Called with the exact typed point by the "Go to point" button (shown only with this option). */
  onPoint?: (point: Point) => void;
  /**
   * Half-width of the square [−r, r]² where the caller takes a free point (its clicks and arrow
   * keys); typed coordinates are accepted there too, so the fields can hold any point the caller
   * shows. Without it, the data's range and a little past it.
   */
  pointRange?: number;
  document?: Document;
}

/** A picker that can also show a free point. */
export interface PointPicker extends SamplePicker {
  /** Shows a free point (no sample) and its target in the fields and the status line. */
  showPoint(point: Point, target: number): void;
  /** Shows sample i without announcing it (the caller already knows). */
  showSample(i: number): void;
}

let uid = 0;

/** A picker over the samples data.x (with their targets data.y), showing sample options.value. */
export function samplePicker(data: {x: readonly Point[]; y: readonly number[]}, {value = 0, presets = [], onPoint, pointRange, document: doc = document}: SamplePickerOptions = {}): PointPicker {
  const {x: samples, y: targets} = data;
  const n = samples.length;
  const id = `sample-picker-${++uid}`;
  // Accept coordinates up to a little past the data, where a nearest sample still means something;
  // or the caller's square of free points.
  const margin = 0.5;
  const limits: [number, number][] = [0, 1].map((k) => {
    if (pointRange !== undefined) return [-pointRange, pointRange];
    const [lo, hi] = extentOf(samples.map((p) => p[k]));
    return [lo - margin, hi + margin];
  });

  const slider = h(doc, "input", {type: "range", id: `${id}-range`, min: 0, max: n - 1, step: 1, "aria-label": "sample index"});
  const index = h(doc, "input", {type: "number", id: `${id}-index`, min: 0, max: n - 1, step: 1, "aria-label": "sample index (number)", placeholder: "none"});
  const x1 = h(doc, "input", {type: "text", inputmode: "decimal", id: `${id}-x1`, size: 6, "aria-label": "x1"});
  const x2 = h(doc, "input", {type: "text", inputmode: "decimal", id: `${id}-x2`, size: 6, "aria-label": "x2"});
  const find = h(doc, "button", {type: "submit"}, onPoint ? "Nearest sample" : "Find nearest sample");
  const go = onPoint ? h(doc, "button", {type: "button", class: "picker-go"}, "Go to point") : null;
  const status = h(doc, "output", {class: "picker-status", role: "status", "aria-live": "polite", for: `${id}-x1 ${id}-x2`});
  const error = h(doc, "p", {class: "picker-error", role: "alert", hidden: true});
  const presetButtons = presets.map((p) => {
    const b = h(doc, "button", {type: "button", class: "picker-preset"}, `${p.label} ${pointLabel(p.point, 1)}`);
    b.addEventListener("click", () => select(nearestSample(samples, p.point)));
    return b;
  });

  const form: PointPicker = Object.assign(
    h(
      doc,
      "form",
      {class: "sample-picker", "aria-label": "Choose a sample"},
      h(doc, "div", {class: "picker-row"}, h(doc, "label", {for: `${id}-range`}, "Sample"), slider, index),
      h(doc, "div", {class: "picker-row"}, h(doc, "label", {for: `${id}-x1`}, "x₁"), x1, h(doc, "label", {for: `${id}-x2`}, "x₂"), x2, go, find),
      presetButtons.length ? h(doc, "div", {class: "picker-row"}, h(doc, "span", {}, "Nearest to"), presetButtons) : null,
      status,
      error
    ),
    {value, showPoint, showSample}
  );

  function showSample(i: number) {
    showError(null);
    form.value = i;
    show(i);
  }

  // A free point is no sample: the index box is emptied and the slider, which must hold some value,
  // is dimmed and says so, until a sample is chosen again.
  function showPoint(point: Point, target: number) {
    showError(null);
    form.classList.add("free-point");
    index.value = "";
    slider.setAttribute("aria-valuetext", "no sample: a free point");
    x1.value = fixed(point[0], 3).replace("−", "-");
    x2.value = fixed(point[1], 3).replace("−", "-");
    setText(status, `Point ${pointLabel(point, 3)}, no sample: y = ${fixed(target, 4)}`);
  }

  const showError = (message: string | null) => {
    error.hidden = message === null;
    error.textContent = message ?? "";
    for (const el of [x1, x2, index]) el.removeAttribute("aria-invalid");
  };

  function show(i: number) {
    form.classList.remove("free-point");
    slider.removeAttribute("aria-valuetext");
    slider.value = String(i);
    index.value = String(i);
    x1.value = fixed(samples[i][0], 3).replace("−", "-");
    x2.value = fixed(samples[i][1], 3).replace("−", "-");
    setText(status, `Sample ${i} of ${n}: x = ${pointLabel(samples[i], 3)}, y = ${fixed(targets[i], 4)}`);
  }

  function select(i: number) {
    showError(null);
    form.value = i;
    show(i);
    form.dispatchEvent(new Event("input", {bubbles: true}));
  }

  const parse = (el: HTMLInputElement, name: string, k: 0 | 1): number | string => {
    const [lo, hi] = limits[k];
    const range = `between ${fixed(lo, 2)} and ${fixed(hi, 2)}`;
    // The typed text is quoted at most QUOTE_LIMIT characters long, so a pasted flood stays one line.
    const got = describe(el.value);
    const read = parseDecimal(el.value);
    if (!read.ok)
      return read.problem === "out of range" ? `${name} is out of range: it must be ${range}, got ${got}` : `${name} must be a decimal number, got ${got}`;
    if (read.value < lo || read.value > hi) return `${name} must be ${range}, got ${got}`;
    return read.value;
  };

  slider.addEventListener("input", (e) => {
    e.stopPropagation();
    select(Number(slider.value));
  });
  index.addEventListener("input", (e) => e.stopPropagation());
  index.addEventListener("change", () => {
    const v = Number(index.value);
    if (index.value.trim() === "" || !Number.isInteger(v) || v < 0 || v >= n) {
      // The message names the refused value; the box goes back to the sample still shown, so the
      // box, the slider and every figure keep showing the same sample.
      showError(`The sample index must be a whole number from 0 to ${n - 1}, got ${describe(index.value)}; still showing sample ${form.value}`);
      index.value = String(form.value);
      return;
    }
    select(v);
  });
  for (const el of [x1, x2]) el.addEventListener("input", (e) => e.stopPropagation());
  /** The typed point, or null after showing what is wrong with it. */
  const typedPoint = (): Point | null => {
    const a = parse(x1, "x₁", 0);
    const b = parse(x2, "x₂", 1);
    const bad = [a, b].filter((v): v is string => typeof v === "string");
    if (bad.length) {
      showError(bad.join("; "));
      if (typeof a === "string") x1.setAttribute("aria-invalid", "true");
      if (typeof b === "string") x2.setAttribute("aria-invalid", "true");
      return null;
    }
    return [a as number, b as number];
  };
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const p = typedPoint();
    if (p) select(nearestSample(samples, p));
  });
  go?.addEventListener("click", () => {
    const p = typedPoint();
    if (p) onPoint!(p);
  });

  show(value);
  return form;
}

/** Selects sample i on a picker from outside (a click on a chart), as if the reader had picked it. */
export function setSample(picker: SamplePicker, i: number): void {
  const slider = picker.querySelector<HTMLInputElement>("input[type=range]");
  if (!slider) throw new TypeError("setSample: not a sample picker");
  slider.value = String(i);
  slider.dispatchEvent(new Event("input", {bubbles: true}));
}
