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

const COLOR_MODE_TEXT: Record<ColorMode, string> = {
  comp: "one scale for the whole network",
  layer: "one scale per layer",
  dataset: "per layer, over all samples"
};

let uid = 0;

export function flowControls(initial: Partial<FlowSettings> = {}, doc: Document = document): FlowControls {
  const id = `flow-controls-${++uid}`;
  const value: FlowSettings = {palette: "viridis", colorMode: "comp", edgeMode: "weight", showNumbers: true, ...initial};
  const select = (name: string, label: string, options: [string, string][], current: string) =>
    h(
      doc,
      "label",
      {for: `${id}-${name}`},
      `${label} `,
      h(doc, "select", {id: `${id}-${name}`, name}, options.map(([v, text]) => h(doc, "option", {value: v, selected: v === current}, text)))
    );
  const form = h(
    doc,
    "form",
    {class: "controls flow-controls", "aria-label": "Flow diagram settings"},
    select("palette", "Palette", PALETTE_NAMES.map((p) => [p, p]), value.palette),
    select("colorMode", "Colours", COLOR_MODES.map((m) => [m, COLOR_MODE_TEXT[m]]), value.colorMode),
    select("edgeMode", "Edges by", EDGE_ENCODINGS.map((e) => [e.mode, e.control]), value.edgeMode),
    h(doc, "label", {for: `${id}-numbers`}, h(doc, "input", {type: "checkbox", id: `${id}-numbers`, name: "showNumbers", checked: value.showNumbers}), " numbers")
  ) as FlowControls;
  form.value = value;
  form.addEventListener("submit", (e) => e.preventDefault());
  form.addEventListener("input", () => {
    const el = form.elements;
    form.value = {
      palette: (el.namedItem("palette") as HTMLSelectElement).value as PaletteName,
      colorMode: (el.namedItem("colorMode") as HTMLSelectElement).value as ColorMode,
      edgeMode: (el.namedItem("edgeMode") as HTMLSelectElement).value as EdgeMode,
      showNumbers: (el.namedItem("showNumbers") as HTMLInputElement).checked
    };
  });
  return form;
}
