// The controls of "Train your own": dataset, hidden layers, activation, learning rate, epochs, batch
// size and the two seeds, started from a reference network's spec. Every change is checked at once by
// the spec validator (browserSpec → parseSpec); a refused value is marked invalid and the validator's
// message appears beside its control, the field named by the control's label (hidden layers counted
// from 1) and a value that is no number quoted as typed. The validator stops at the first refused
// field, so one message shows at a time: fixing it shows the next, if any. The Train button works
// only on a valid spec.
import {DATASET_NAMES, TARGET_TEXT} from "../lib/datasets.js";
import {ValidationError, type NetworkSpec} from "../lib/spec.js";
import {
  BROWSER_ACTIVATIONS,
  BROWSER_LIMITS,
  CHOICE_LABELS,
  browserSpec,
  choicesOf,
  choiceOfField,
  hiddenOfText,
  hiddenText,
  numberOfText,
  readerMessage,
  type ChoiceField,
  type TrainChoices
} from "../lib/train-spec.js";
import {h} from "./dom.js";

export interface TrainControlsOptions {
  /** The reference network whose points, palette and presets every run keeps. */
  reference: NetworkSpec;
  /** Called with the valid spec when the reader presses Train. */
  onTrain: (spec: NetworkSpec, choices: TrainChoices) => void;
  document?: Document;
}

export interface TrainControls extends HTMLFormElement {
  /** The valid spec of the current values, or null while one is refused. */
  spec: NetworkSpec | null;
  choices: TrainChoices | null;
  setChoices(choices: TrainChoices): void;
  /** Disables the controls while a run is under way. */
  setBusy(busy: boolean): void;
}

/** Each control's label: the choice's name (CHOICE_LABELS), the hidden layers' with their format and limits. */
const LABELS: Record<ChoiceField, string> = {
  ...CHOICE_LABELS,
  hidden: `${CHOICE_LABELS.hidden} (units per layer, 1–${BROWSER_LIMITS.layers} layers of 1–${BROWSER_LIMITS.units})`
};

let uid = 0;

export function trainControls(initial: TrainChoices, {reference, onTrain, document: doc = document}: TrainControlsOptions): TrainControls {
  const prefix = `train-${++uid}`;
  const inputs = {} as Record<ChoiceField, HTMLInputElement | HTMLSelectElement>;
  const errors = {} as Record<ChoiceField, HTMLElement>;
  const rows = (Object.keys(LABELS) as ChoiceField[]).map((field) => {
    const id = `${prefix}-${field}`;
    let input: HTMLInputElement | HTMLSelectElement;
    if (field === "dataset") input = h(doc, "select", {id, name: field}, DATASET_NAMES.map((d) => h(doc, "option", {value: d}, `${d}: ${TARGET_TEXT[d]}`)));
    else if (field === "activation") input = h(doc, "select", {id, name: field}, BROWSER_ACTIVATIONS.map((a) => h(doc, "option", {value: a}, a)));
    else input = h(doc, "input", {id, name: field, type: "text", inputmode: field === "hidden" ? "text" : "decimal", autocomplete: "off", spellcheck: "false"});
    const error = h(doc, "p", {class: "field-error", id: `${id}-error`, "aria-live": "polite"});
    input.setAttribute("aria-describedby", error.id);
    inputs[field] = input;
    errors[field] = error;
    return h(doc, "div", {class: "train-field", "data-field": field}, h(doc, "label", {for: id}, LABELS[field]), input, error);
  });
  const button = h(doc, "button", {type: "submit", class: "train-button"}, "Train");
  const summary = h(doc, "p", {class: "train-summary", "aria-live": "polite"});
  const form = Object.assign(h(doc, "form", {class: "train-controls", novalidate: true}, h(doc, "div", {class: "train-fields"}, rows), h(doc, "div", {class: "train-actions"}, button, summary)), {
    spec: null as NetworkSpec | null,
    choices: null as TrainChoices | null,
    setChoices,
    setBusy
  });

  function raw(): Record<ChoiceField, unknown> {
    const text = (f: ChoiceField) => inputs[f].value;
    return {
      dataset: text("dataset"),
      hidden: hiddenOfText(text("hidden")),
      activation: text("activation"),
      learningRate: numberOfText(text("learningRate")),
      epochs: numberOfText(text("epochs")),
      batchSize: numberOfText(text("batchSize")),
      dataSeed: numberOfText(text("dataSeed")),
      initSeed: numberOfText(text("initSeed"))
    };
  }

  let busy = false;
  function check(): void {
    for (const f of Object.keys(inputs) as ChoiceField[]) {
      errors[f].textContent = "";
      inputs[f].removeAttribute("aria-invalid");
    }
    const values = raw();
    try {
      form.spec = browserSpec(values, reference);
      // The values, now checked, as the spec holds them.
      form.choices = choicesOf(form.spec);
      summary.textContent = "";
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      form.spec = null;
      form.choices = null;
      const field = choiceOfField(error.field) ?? "epochs";
      const typed = Object.fromEntries((Object.keys(inputs) as ChoiceField[]).map((f) => [f, inputs[f].value]));
      errors[field].textContent = readerMessage(error, typed);
      inputs[field].setAttribute("aria-invalid", "true");
      summary.textContent = `Fix ${CHOICE_LABELS[field].toLowerCase()} to train.`;
    }
    button.disabled = busy || form.spec === null;
  }

  function setChoices(c: TrainChoices): void {
    inputs.dataset.value = c.dataset;
    inputs.hidden.value = hiddenText(c.hidden);
    inputs.activation.value = c.activation;
    inputs.learningRate.value = String(c.learningRate);
    inputs.epochs.value = String(c.epochs);
    inputs.batchSize.value = String(c.batchSize);
    inputs.dataSeed.value = String(c.dataSeed);
    inputs.initSeed.value = String(c.initSeed);
    check();
  }

  function setBusy(b: boolean): void {
    busy = b;
    for (const input of Object.values(inputs)) input.disabled = b;
    button.disabled = b || form.spec === null;
  }

  form.addEventListener("input", check);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    check();
    if (form.spec && form.choices && !busy) onTrain(form.spec, form.choices);
  });
  setChoices(initial);
  return form;
}
