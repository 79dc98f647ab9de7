// Selecting a neuron of the flow diagram: by click, or by keyboard (Enter or Space on a focused
// neuron, Escape to clear, the arrows to move the focus as the diagram is drawn). The selected
// neuron, its bias and incoming edges are highlighted and its arithmetic is written in the panel.
// The figure's `.value` is the selection; a change by the reader dispatches a bubbling "input" event
// (so a page can keep it with Framework's view()), a change through `.value` does not.
import {isNeuronOf, type NeuronRef} from "../../lib/flow-model.js";
import type {LayerValues, Network} from "../../lib/network.js";
import {neuronArithmetic, updateNeuronArithmetic} from "../neuron-arithmetic.js";

export interface SelectionOptions {
  document: Document;
  /** The element that gets `.value` and dispatches "input". */
  figure: HTMLElement;
  svg: SVGSVGElement;
  panel: HTMLElement;
  net: Network;
  input: readonly number[];
  values: LayerValues;
  /** Layer sizes, inputs first. */
  sizes: readonly number[];
  /** The neuron selected at first (ignored when not in net). */
  selected: NeuronRef | null | undefined;
  /** How many edges' numbers were left out for lack of room (a narrow diagram): the hint says where to read them. */
  unlabelled: number;
  /** Called with the hidden unit the pointer or the keyboard focus enters, and null when it leaves. */
  onHover?: (ref: NeuronRef | null) => void;
  /**
   * Set by attachSelection: marks the selection again and rewrites the panel from o.net, o.input
   * and o.values (after the diagram was updated in place), selecting `ref` first when it is given
   * (silently: no "input" event).
   */
  refresh?: (ref?: NeuronRef | null) => void;
}

/**
 * Marks a hidden unit as the linked views' focus: its neuron, its incoming and outgoing edges (class
 * "hovered"), the others faded by the stylesheet; null clears the mark. A class toggle, no redraw.
 */
export function markHovered(svg: SVGSVGElement, ref: NeuronRef | null): void {
  svg.querySelectorAll(".hovered").forEach((el) => el.classList.remove("hovered"));
  svg.classList.toggle("has-hover", ref !== null);
  if (!ref) return;
  const {layer, unit} = ref;
  svg
    .querySelectorAll(
      `.neuron[data-layer="${layer}"][data-unit="${unit}"], .edge[data-layer="${layer}"][data-to="${unit}"], .edge[data-layer="${layer + 1}"][data-from="${unit}"], .edge-label[data-layer="${layer}"][data-to="${unit}"], .edge-label[data-layer="${layer + 1}"][data-from="${unit}"]`
    )
    .forEach((el) => el.classList.add("hovered"));
}

const HINT = "Select a neuron (click, or Tab to it, arrows to move, Enter) to see its arithmetic: z = Σ a·w + b, then a = g(z).";

/**
 * The panel's hint with no neuron selected; where some edges' numbers did not fit, it says where they
 * are. It names no count: the panel is a live region, and a count that changed with every point
 * moved or epoch replayed would have the whole hint announced again each time.
 */
export const hintText = (unlabelled: number): string =>
  unlabelled > 0 ? `${HINT} At this width some edges have no number on the diagram: a selected neuron's arithmetic lists every weight into it.` : HINT;

/** Arrow key -> [layers, units] to move: up and down within a layer (units grow upwards), left and right across. */
const MOVES: Record<string, [number, number]> = {ArrowUp: [0, 1], ArrowDown: [0, -1], ArrowRight: [1, 0], ArrowLeft: [-1, 0]};

const copy = (net: Network, ref: NeuronRef | null | undefined): NeuronRef | null => (isNeuronOf(net, ref) ? {layer: ref.layer, unit: ref.unit} : null);

/** Makes the diagram selectable; defines figure.value. */
export function attachSelection(o: SelectionOptions): void {
  // o.net, o.input, o.values and o.sizes are read at each use: a diagram updated in place for
  // another input or epoch (flow-diagram.ts, update) replaces them.
  const {document: doc, figure, svg, panel} = o;
  let selected = copy(o.net, o.selected);

  // Highlights the selected neuron, its bias and incoming edges, and rewrites the panel.
  const show = () => {
    svg.classList.toggle("has-selection", selected !== null);
    svg.querySelectorAll(".selected, .incoming").forEach((el) => el.classList.remove("selected", "incoming"));
    svg.querySelectorAll(".neuron[aria-pressed=true]").forEach((el) => el.setAttribute("aria-pressed", "false"));
    if (!selected) {
      const text = hintText(o.unlabelled);
      const shown = panel.firstElementChild;
      if (shown?.matches(".flow-hint") && shown.textContent === text) return; // shown already: not announced again
      const hint = doc.createElement("p");
      hint.className = "flow-hint";
      hint.textContent = text;
      panel.replaceChildren(hint);
      return;
    }
    const {layer, unit} = selected;
    const node = svg.querySelector(`.neuron[data-layer="${layer}"][data-unit="${unit}"]`);
    node?.classList.add("selected");
    node?.setAttribute("aria-pressed", "true");
    svg.querySelector(`.bias[data-layer="${layer}"][data-unit="${unit}"]`)?.classList.add("incoming");
    svg.querySelectorAll(`.edge[data-layer="${layer}"][data-to="${unit}"], .edge-label[data-layer="${layer}"][data-to="${unit}"]`).forEach((el) =>
      el.classList.add("incoming")
    );
    // The same unit at another point or epoch (an update of the diagram): its numbers are rewritten
    // in place when its nodes stay, so the panel is not built again (and aria-live announces the
    // numbers that changed, not the whole block).
    const options = {input: o.input, neuron: selected, values: o.values, document: doc};
    const shown = panel.firstElementChild;
    if (!(shown?.matches(".neuron-arithmetic") && updateNeuronArithmetic(shown, o.net, options))) panel.replaceChildren(neuronArithmetic(o.net, options));
  };

  const select = (ref: NeuronRef | null, notify: boolean) => {
    const next = copy(o.net, ref);
    if (next?.layer === selected?.layer && next?.unit === selected?.unit) return;
    selected = next;
    show();
    if (notify) {
      const EventCtor = doc.defaultView?.Event ?? Event;
      figure.dispatchEvent(new EventCtor("input", {bubbles: true}));
    }
  };

  // The Element of the diagram's own window (jsdom's in tests), so instanceof holds across realms.
  const ElementOfDoc = doc.defaultView?.Element ?? Element;
  const neuronOf = (target: EventTarget | null): NeuronRef | null => {
    const el = target instanceof ElementOfDoc ? target.closest(".neuron[data-layer]") : null;
    return el ? {layer: Number(el.getAttribute("data-layer")), unit: Number(el.getAttribute("data-unit"))} : null;
  };
  // Hover and focus: only hidden units have a line, a half-plane and a heatmap column to link to.
  if (o.onHover) {
    const onHover = o.onHover;
    const hidden = (ref: NeuronRef | null) => (ref && ref.layer < o.sizes.length - 1 ? ref : null);
    let hovered: NeuronRef | null = null;
    const enter = (event: Event) => {
      const ref = hidden(neuronOf(event.target));
      if (ref?.layer === hovered?.layer && ref?.unit === hovered?.unit) return;
      hovered = ref;
      onHover(ref);
    };
    const leave = (event: Event) => {
      const next = (event as FocusEvent).relatedTarget ?? null;
      if (hidden(neuronOf(next)) !== null) return; // the next event names the unit entered
      if (hovered === null) return;
      hovered = null;
      onHover(null);
    };
    svg.addEventListener("pointerover", enter);
    svg.addEventListener("pointerout", leave);
    svg.addEventListener("focusin", enter);
    svg.addEventListener("focusout", leave);
  }
  svg.addEventListener("click", (event) => {
    const ref = neuronOf(event.target);
    if (ref) select(ref, true);
  });
  // Moving keeps the unit number where the next layer has it, else the nearest one it has.
  const focusNeuron = (layer: number, unit: number) => {
    const l = Math.min(Math.max(layer, 1), o.sizes.length - 1);
    const u = Math.min(Math.max(unit, 1), o.sizes[l]);
    svg.querySelector<SVGGElement>(`.neuron[data-layer="${l}"][data-unit="${u}"]`)?.focus();
  };
  svg.addEventListener("keydown", (event) => {
    const ref = neuronOf(event.target);
    if (!ref) return;
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault(); // Space would scroll the page
      select(ref, true);
    } else if (event.key === "Escape") {
      select(null, true);
    } else if (event.key in MOVES) {
      event.preventDefault(); // the arrows would scroll the page
      const [dl, du] = MOVES[event.key];
      focusNeuron(ref.layer + dl, ref.unit + du);
    }
  });

  o.refresh = (ref) => {
    if (ref !== undefined) selected = copy(o.net, ref);
    show();
  };

  Object.defineProperty(figure, "value", {
    get: () => selected,
    set: (ref: NeuronRef | null) => select(ref, false),
    enumerable: true,
    configurable: true
  });
  show();
}
