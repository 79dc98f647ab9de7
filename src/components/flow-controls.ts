// The flow diagram's controls as one input: palette, colour normalisation, edge encoding and whether
// numbers are printed. Its value is the options object the flow diagram takes.
import {h} from "./dom.js";
import {PALETTE_NAMES, type PaletteName} from "./palettes.js";
import {COLOR_MODES, type ColorMode, type EdgeMode} from "../lib/flow-model.js";
import {EDGE_ENCODINGS} from "./flow/encodings.js";

export interface FlowSettings {
  palette: PaletteName;
  colorMode: ColorMode;
  edgeMode: EdgeMode;
  showNumbers: boolean;
}

export interface FlowControls extends HTMLFormElement {
  value: FlowSettings;
}

export interface FlowControlsOptions {
  document?: Document;
}

const COLOR_MODE_TEXT: Record<ColorMode, string> = {
  comp: "one scale for the whole network",
  layer: "one scale per layer",
  dataset: "per layer, over all samples"
};

let uid = 0;

/** The controls, showing `initial` (each setting missing from it at its default). */
export function flowControls(initial: Partial<FlowSettings> = {}, {document: doc = document}: FlowControlsOptions = {}): FlowControls {
  const id = `flow-controls-${++uid}`;
  const value: FlowSettings = {palette: "viridis", colorMode: "comp", edgeMode: "weight", showNumbers: true, ...initial};
  // A labelled <select> of fixed choices; read() gives the chosen one, typed as the choices are.
  const choice = <T extends string>(name: string, label: string, options: readonly (readonly [T, string])[], current: T) => {
    const select = h(doc, "select", {id: `${id}-${name}`, name}, options.map(([v, text]) => h(doc, "option", {value: v, selected: v === current}, text)));
    return {
      element: h(doc, "label", {for: `${id}-${name}`}, `${label} `, select),
      read: (): T => options.find(([v]) => v === select.value)?.[0] ?? current
    };
  };
  const palette = choice("palette", "Palette", PALETTE_NAMES.map((p) => [p, p] as const), value.palette);
  const colorMode = choice("colorMode", "Colours", COLOR_MODES.map((m) => [m, COLOR_MODE_TEXT[m]] as const), value.colorMode);
  const edgeMode = choice("edgeMode", "Edges by", EDGE_ENCODINGS.map((e) => [e.mode, e.control] as const), value.edgeMode);
  const numbers = h(doc, "input", {type: "checkbox", id: `${id}-numbers`, name: "showNumbers", checked: value.showNumbers});
  const form: FlowControls = Object.assign(
    h(
      doc,
      "form",
      {class: "controls flow-controls", "aria-label": "Flow diagram settings"},
      palette.element,
      colorMode.element,
      edgeMode.element,
      h(doc, "label", {for: `${id}-numbers`}, numbers, " numbers")
    ),
    {value}
  );
  form.addEventListener("submit", (e) => e.preventDefault());
  form.addEventListener("input", () => {
    form.value = {palette: palette.read(), colorMode: colorMode.read(), edgeMode: edgeMode.read(), showNumbers: numbers.checked};
  });
  return form;
}
