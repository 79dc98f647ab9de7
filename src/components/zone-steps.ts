// The article's four steps that turn a one-hidden-layer ReLU network and an activation mask into the
// zone's linear function y = a·x1 + b·x2 + c, each step as a small table (see zoneSteps in lib/regions).
import type {Point} from "../lib/datasets.js";
import {activationMask, activeUnits, zoneSteps} from "../lib/regions.js";
import type {Network} from "../lib/network.js";
import {activePhrase, fixed, linearFormula, pointLabel} from "../lib/format.js";
import {h, numberTable} from "./dom.js";

export interface ZoneStepsOptions {
  /** Decimals shown in the tables. */
  digits?: number;
  document?: Document;
}

export function zoneStepsView(net: Network, point: Point, {digits = 4, document = globalThis.document}: ZoneStepsOptions = {}) {
  const doc = document;
  const mask = activationMask(net, point)[0];
  const steps = zoneSteps(net, mask);
  const units = mask.map((_, j) => `unit ${j + 1}`);
  const fmt = (v: number) => fixed(v, digits);
  const [a, b, c] = steps.coefficients;
  return h(
    doc,
    "div",
    {class: "zone-steps"},
    h(
      doc,
      "p",
      {},
      `Mask at ${pointLabel(point)}: [${mask.map(Number).join(", ")}]: ${activePhrase(activeUnits(mask))}.`
    ),
    h(doc, "div", {class: "zone-steps-grid"}, [
      h(doc, "figure", {}, h(doc, "figcaption", {}, "1. W0 stacked over b0"), numberTable(doc, steps.stacked, fmt, {rows: ["x₁", "x₂", "bias"], columns: units})),
      h(doc, "figure", {}, h(doc, "figcaption", {}, "2. output weights × mask"), numberTable(doc, [steps.maskedOutputWeights], fmt, {rows: ["W1ᵀ⊙m"], columns: units})),
      h(doc, "figure", {}, h(doc, "figcaption", {}, "3. step 1 × step 2, column by column"), numberTable(doc, steps.product, fmt, {rows: ["x₁", "x₂", "bias"], columns: units})),
      h(
        doc,
        "figure",
        {},
        h(doc, "figcaption", {}, "4. row sums, plus b1 on the bias row"),
        numberTable(doc, steps.coefficients.map((v) => [v]), fmt, {rows: ["a (x₁)", "b (x₂)", "c"], columns: ["sum"]})
      )
    ]),
    h(doc, "p", {class: "zone-formula"}, `y ≈ ${linearFormula(a, b, c, digits)}`)
  );
}
