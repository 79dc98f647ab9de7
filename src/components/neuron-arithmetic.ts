// One neuron's computation written out with its numbers, as an HTML block:
//
//   z = Σ_i a_i · w_i + b      (a = the previous layer's activations, x for the first layer)
//   a = g(z)                   (relu, sigmoid, tanh; the output layer is linear)
//
// as a table of terms (input, weight, product), the same sum on one line, and the activation step,
// written out from the activation's descriptor (ACTIVATIONS[name].worked, lib/activations.ts).
// Every number is forward()'s exact value formatted with fixed(v, ARITHMETIC_DIGITS); the exact
// value is also in data-value. Because each shown product is the rounded exact product and z the
// rounded exact sum, the shown terms add up to the shown z within (n + 1) half-units of the last
// digit (n inputs plus the bias), and each shown product equals shown input × shown weight within
// (|a| + |w|) half-units plus rounding.
import {ACTIVATIONS, type FormulaPart} from "../lib/activations.js";
import {fixed} from "../lib/format.js";
import {neuronTerms, shapeLabel, type NeuronRef, type NeuronTerms} from "../lib/flow-model.js";
import {forward, type LayerValues, type Network} from "../lib/network.js";
import {h, setAttr, setText} from "./dom.js";

type Child = Node | string;

/** Decimals of every number in the arithmetic panel. */
export const ARITHMETIC_DIGITS = 3;

export interface NeuronArithmeticOptions {
  /** The sample (x1, x2) going through the network. */
  input: readonly number[];
  /** The neuron whose computation is written out: {layer: 1..L, unit: 1..n}, units counted bottom-up. */
  neuron: NeuronRef;
  /** The document to create elements in (tests pass jsdom's). */
  document?: Document;
  /** Decimals shown (default ARITHMETIC_DIGITS). */
  digits?: number;
  /** forward(net, input), when the caller has it already. */
  values?: LayerValues;
  /** Replaces the default heading ("Layer 1, unit 4 of 4 …"); null for none. */
  heading?: string | null;
}

/** A number as shown, with its exact value and role for tests and for the page. */
function num(doc: Document, v: number, digits: number, role: string, index?: number): HTMLElement {
  const attrs: Record<string, string | number> = {class: "na-num", "data-role": role, "data-value": String(v)};
  if (index !== undefined) attrs["data-index"] = index;
  return h(doc, "span", attrs, fixed(v, digits));
}

/** A number in an expression: negative ones in parentheses, "0.370 × (−0.454)". */
function operand(doc: Document, v: number, digits: number, role: string, index?: number): Child[] {
  const n = num(doc, v, digits, role, index);
  return fixed(v, digits).startsWith("−") ? ["(", n, ")"] : [n];
}

/** The name of input i of a layer, in HTML: x₁, x₂ for the first layer, a_i^(ℓ−1) after. */
function inputLabel(doc: Document, layer: number, i: number): HTMLElement {
  if (layer === 1) return h(doc, "span", {}, "x", h(doc, "sub", {}, String(i + 1)));
  return h(doc, "span", {}, "a", h(doc, "sub", {}, String(i + 1)), h(doc, "sup", {}, `(${layer - 1})`));
}

function termsTable(doc: Document, t: NeuronTerms, digits: number): HTMLElement {
  const source = t.ref.layer === 1 ? "input x" : `activation a of layer ${t.ref.layer - 1}`;
  const head = h(
    doc,
    "thead",
    {},
    h(doc, "tr", {}, h(doc, "th", {}, "from"), h(doc, "th", {}, "value"), h(doc, "th", {}, "× weight"), h(doc, "th", {}, "= term"))
  );
  const rows = t.inputs.map((v, i) =>
    h(
      doc,
      "tr",
      {"data-term": i},
      h(doc, "td", {}, inputLabel(doc, t.ref.layer, i)),
      h(doc, "td", {}, num(doc, v, digits, "input", i)),
      h(doc, "td", {}, num(doc, t.weights[i], digits, "weight", i)),
      h(doc, "td", {}, num(doc, t.products[i], digits, "product", i))
    )
  );
  const bias = h(
    doc,
    "tr",
    {"data-term": "bias"},
    h(doc, "td", {}, "bias b"),
    h(doc, "td", {}),
    h(doc, "td", {}),
    h(doc, "td", {}, num(doc, t.bias, digits, "bias"))
  );
  const total = h(
    doc,
    "tfoot",
    {},
    h(doc, "tr", {}, h(doc, "td", {}, "sum z"), h(doc, "td", {}), h(doc, "td", {}), h(doc, "td", {}, num(doc, t.z, digits, "z")))
  );
  return h(
    doc,
    "table",
    {class: "na-terms"},
    h(doc, "caption", {class: "na-caption"}, `terms: ${source} × weight, then the bias`),
    head,
    h(doc, "tbody", {}, ...rows, bias),
    total
  );
}

/** "z = 0.370 × (−0.454) + (−0.210) × 0.800 + (−0.757) = −1.093" */
function sumLine(doc: Document, t: NeuronTerms, digits: number): HTMLElement {
  const parts: Child[] = ["z = "];
  t.inputs.forEach((v, i) => {
    if (i > 0) parts.push(" + ");
    parts.push(...operand(doc, v, digits, "input", i), " × ", ...operand(doc, t.weights[i], digits, "weight", i));
  });
  parts.push(" + ", ...operand(doc, t.bias, digits, "bias"), " = ", num(doc, t.z, digits, "z"));
  return h(doc, "p", {class: "na-eq na-z"}, ...parts);
}

/** A worked-formula part as elements: text, one of the neuron's numbers, or a superscript. */
function formulaPart(doc: Document, t: NeuronTerms, digits: number, part: FormulaPart): Child[] {
  if (typeof part === "string") return [part];
  if ("sup" in part) return [h(doc, "sup", {}, ...part.sup.flatMap((p) => formulaPart(doc, t, digits, p)))];
  switch (part.value) {
    case "z":
      return [num(doc, t.z, digits, "z")];
    case "a":
      return [num(doc, t.a, digits, "a")];
    case "-z":
      return [num(doc, -t.z, digits, "minus-z")];
  }
}

/** The activation step, the function written out as its descriptor's worked formula. */
function activationLine(doc: Document, t: NeuronTerms, digits: number, isOutput: boolean): HTMLElement {
  const parts = ACTIVATIONS[t.activation].worked.flatMap((p) => formulaPart(doc, t, digits, p));
  if (isOutput) parts.push(" (the output layer is linear)");
  return h(doc, "p", {class: "na-eq na-a"}, ...parts);
}

function defaultHeading(net: Network, t: NeuronTerms): string {
  const L = net.layers.length;
  const n = net.layers[t.ref.layer - 1].biases.length;
  const where = t.ref.layer === L ? `Output layer (layer ${t.ref.layer})` : `Hidden layer ${t.ref.layer}`;
  const position = n === 1 ? "" : t.ref.unit === n ? " (top)" : t.ref.unit === 1 ? " (bottom)" : "";
  return `${where}, unit ${t.ref.unit} of ${n}${position} · ${t.activation} · network ${shapeLabel(net)}`;
}

/**
 * The computation of options.neuron for options.input through `net`: a heading, the table of
 * terms, z = Σ a·w + b on one line, and a = g(z).
 */
export function neuronArithmetic(net: Network, options: NeuronArithmeticOptions): HTMLElement {
  const doc = options.document ?? document;
  const digits = options.digits ?? ARITHMETIC_DIGITS;
  const values = options.values ?? forward(net, options.input);
  const t = neuronTerms(net, values, options.neuron);
  const root = h(doc, "section", {
    class: "neuron-arithmetic",
    "data-layer": t.ref.layer,
    "data-unit": t.ref.unit,
    "data-z": String(t.z),
    "data-a": String(t.a),
    "data-digits": digits
  });
  const heading = options.heading === undefined ? defaultHeading(net, t) : options.heading;
  if (heading) root.appendChild(h(doc, "p", {class: "na-heading"}, heading));
  root.append(termsTable(doc, t, digits), sumLine(doc, t, digits), activationLine(doc, t, digits, t.ref.layer === net.layers.length));
  return root;
}

/**
 * Rewrites in place the numbers of a block that neuronArithmetic drew for the same neuron of a
 * network of the same shape and activation (another input, or another epoch's parameters), as
 * neuronArithmetic(net, options) would write them, without building the block again. The heading
 * names the neuron, the shape and the activation, so it must be shown and unchanged. A sign that
 * puts an operand of the sum line into parentheses or out of them changes the block's nodes. In
 * these cases nothing is changed and it returns false (the caller draws the block again).
 */
export function updateNeuronArithmetic(root: Element, net: Network, options: NeuronArithmeticOptions): boolean {
  const digits = options.digits ?? ARITHMETIC_DIGITS;
  const t = neuronTerms(net, options.values ?? forward(net, options.input), options.neuron);
  const heading = options.heading === undefined ? defaultHeading(net, t) : options.heading;
  const same = (name: string, value: string | number) => root.getAttribute(name) === String(value);
  if (!heading || root.querySelector(":scope > .na-heading")?.textContent !== heading) return false;
  if (!same("data-layer", t.ref.layer) || !same("data-unit", t.ref.unit) || !same("data-digits", digits)) return false;
  // Each number by its role (and index), as num() was given it.
  const valueOf = (span: Element): number => {
    const i = Number(span.getAttribute("data-index"));
    switch (span.getAttribute("data-role")) {
      case "input":
        return t.inputs[i];
      case "weight":
        return t.weights[i];
      case "product":
        return t.products[i];
      case "bias":
        return t.bias;
      case "z":
        return t.z;
      case "a":
        return t.a;
      default:
        return -t.z; // "minus-z"
    }
  };
  // operand() puts a number shown negative in parentheses: a text node "(" just before it.
  const operands = root.querySelectorAll(".na-z > .na-num:not([data-role=z])");
  for (const span of operands) if ((span.previousSibling?.nodeValue === "(") !== fixed(valueOf(span), digits).startsWith("−")) return false;
  setAttr(root, "data-z", t.z);
  setAttr(root, "data-a", t.a);
  for (const span of root.querySelectorAll(".na-num")) {
    const v = valueOf(span);
    setAttr(span, "data-value", v);
    const text = fixed(v, digits);
    setText(span, text);
  }
  return true;
}
