// The article's four steps that turn a one-hidden-layer ReLU network and an activation mask into the
// zone's linear function y = a·x1 + b·x2 + c, each step as a small table (see zoneSteps in lib/regions).
import type {Point} from "../lib/datasets.js";
import {activationMask, activeUnits, zoneSteps} from "../lib/regions.js";
import type {Network} from "../lib/network.js";
import {activePhrase, fixed, linearFormula, pointLabel} from "../lib/format.js";
import {h, numberTable} from "./dom.js";

export interface ZoneStepsOptions {
  /** A point of the zone: its activation mask decides the zone. */
  point: Point;
  /** Decimals shown in the tables. */
  digits?: number;
  /** End with the zone's function "y ≈ a·x₁ + b·x₂ + c", step 4 written as a formula (default true). */
  formula?: boolean;
  document?: Document;
}

const INPUT_ROWS = ["x₁", "x₂", "bias"];

export function zoneStepsView(net: Network, {point, digits = 4, formula = true, document: doc = document}: ZoneStepsOptions): HTMLElement {
  const mask = activationMask(net, point)[0];
  const steps = zoneSteps(net, mask);
  const units = mask.map((_, j) => `unit ${j + 1}`);
  const format = (v: number) => fixed(v, digits);
  const step = (caption: string, values: readonly (readonly number[])[], rows: string[], columns = units) =>
    h(doc, "figure", {}, h(doc, "figcaption", {}, caption), numberTable(values, {format, rows, columns, document: doc}));
  const [a, b, c] = steps.coefficients;
  return h(
    doc,
    "div",
    {class: "zone-steps"},
    h(doc, "p", {}, `Mask at ${pointLabel(point)}: [${mask.map(Number).join(", ")}]: ${activePhrase(activeUnits(mask))}.`),
    h(doc, "div", {class: "zone-steps-grid"}, [
      step("1. W0 stacked over b0", steps.stacked, INPUT_ROWS),
      step("2. output weights × mask", [steps.maskedOutputWeights], ["W1ᵀ⊙m"]),
      step("3. step 1 × step 2, column by column", steps.product, INPUT_ROWS),
      step("4. row sums, plus b1 on the bias row", steps.coefficients.map((v) => [v]), ["a (x₁)", "b (x₂)", "c"], ["sum"])
    ]),
    formula ? h(doc, "p", {class: "zone-formula"}, `y ≈ ${linearFormula(a, b, c, digits)}`) : null
  );
}
