// A zone's linear function for a network of more than one hidden layer, written out as the product
// J = W⁽⁰⁾ D⁽⁰⁾ W⁽¹⁾ D⁽¹⁾ … W⁽ᴸ⁾ and the intercept c (lib/product-form.ts), with every matrix and mask
// in numbers. The matrices sit in a closed <details> so the panel stays short until opened.
import type {Network} from "../lib/network.js";
import {productForm} from "../lib/product-form.js";
import {fixed} from "../lib/format.js";
import {patternBits} from "../lib/zone-prose.js";
import {h, numberTable} from "./dom.js";

export interface ZoneProductOptions {
  /** The zone's activation pattern, per hidden layer. */
  pattern: readonly (readonly boolean[])[];
  /** Decimals in the tables. */
  digits?: number;
  document?: Document;
}

const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";
const sup = (n: number) => [...String(n)].map((d) => SUPERSCRIPT[Number(d)]).join("");

/** "J = W⁽⁰⁾ D⁽⁰⁾ W⁽¹⁾ D⁽¹⁾ W⁽²⁾" for a network with two hidden layers. */
export function productSymbol(hiddenLayers: number): string {
  const factors = Array.from({length: hiddenLayers}, (_, k) => `W⁽${sup(k)}⁾ D⁽${sup(k)}⁾`);
  return `J = ${[...factors, `W⁽${sup(hiddenLayers)}⁾`].join(" ")}`;
}

export function zoneProductView(net: Network, {pattern, digits = 3, document: doc = document}: ZoneProductOptions): HTMLElement {
  const form = productForm(net, pattern);
  const L = pattern.length;
  const format = (v: number) => fixed(v, digits);
  const [a, b] = form.jacobian;
  const c = form.intercept;
  const unitNames = (n: number) => Array.from({length: n}, (_, j) => `unit ${j + 1}`);
  const rowsOf = (k: number) => (k === 0 ? ["x₁", "x₂"] : unitNames(form.weights[k].length));
  const matrices = form.weights.map((W, k) =>
    h(
      doc,
      "figure",
      {},
      h(doc, "figcaption", {}, `W⁽${sup(k)}⁾ (into ${k === L ? "the output" : `hidden layer ${k + 1}`}) and b⁽${sup(k)}⁾`),
      numberTable([...W, form.biases[k]], {format, rows: [...rowsOf(k), "bias"], columns: k === L ? ["output"] : unitNames(W[0].length), document: doc})
    )
  );
  const masks = form.masks.map((d, k) => h(doc, "li", {}, `D⁽${sup(k)}⁾ = diag(${d.map((v) => fixed(v, 0)).join(", ")})`));
  return h(
    doc,
    "div",
    {class: "zone-product"},
    h(doc, "p", {}, `Pattern ${patternBits(pattern)}. In this zone every unit that is off contributes nothing, so the slope is the product`),
    h(doc, "p", {class: "zone-product-symbol"}, productSymbol(L)),
    h(doc, "p", {}, "with each mask D a 0/1 diagonal that keeps the units that are on:"),
    h(doc, "ul", {class: "zone-masks"}, masks),
    h(doc, "details", {}, h(doc, "summary", {}, `The ${form.weights.length} weight matrices and bias vectors`), h(doc, "div", {class: "zone-product-grid"}, matrices)),
    h(
      doc,
      "p",
      {},
      `The product gives J = (a, b) = (${format(a)}, ${format(b)}); the biases carried through the same masks and weights give c = ${format(c)}.`
    )
  );
}
