// A choice between networks as one input: a group of radio buttons whose value is the chosen key. A
// page uses it with Framework's view(); the small ReLU page switches its figures between this
// build's run and the article's own network with it.
import {h} from "./dom.js";

export interface NetworkChoiceOption<K extends string> {
  key: K;
  label: string;
}

export interface NetworkChoiceOptions<K extends string> {
  /** The key chosen at first (default: the first option's). */
  value?: K;
  /** What the group is about, read by assistive technology and shown before the buttons. */
  legend: string;
  document?: Document;
}

export interface NetworkChoice<K extends string> extends HTMLFormElement {
  value: K;
}

let uid = 0;

export function networkChoice<K extends string>(options: readonly NetworkChoiceOption<K>[], {value, legend, document: doc = document}: NetworkChoiceOptions<K>): NetworkChoice<K> {
  if (options.length === 0) throw new RangeError("networkChoice: no options");
  const name = `network-choice-${++uid}`;
  const first = value ?? options[0].key;
  const buttons = options.map((o) => {
    const input = h(doc, "input", {type: "radio", name, id: `${name}-${o.key}`, value: o.key, checked: o.key === first});
    return {key: o.key, input, label: h(doc, "label", {for: `${name}-${o.key}`}, input, ` ${o.label}`)};
  });
  const form = Object.assign(
    h(doc, "form", {class: "controls network-choice"}, h(doc, "fieldset", {}, h(doc, "legend", {}, legend), buttons.map((b) => b.label))),
    {value: first}
  );
  form.addEventListener("submit", (e) => e.preventDefault());
  // The radio's own input event bubbles to the form after this runs, so view() reads the new value.
  for (const b of buttons) b.input.addEventListener("input", () => (form.value = b.key));
  return form;
}
