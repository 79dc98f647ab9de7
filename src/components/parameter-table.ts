// Parameter magnitudes of several networks side by side, to compare how large their weights and
// biases grew. Takes the introduction's summaries (or anything with a title and parameter stats).
import type {ParameterStats} from "../lib/extents.js";
import {fixed} from "../lib/format.js";
import {h} from "./dom.js";

export interface ParameterRow {
  title: string;
  parameters: ParameterStats;
}

export interface ParameterTableOptions {
  document?: Document;
}

export function parameterTable(rows: readonly ParameterRow[], {document: doc = document}: ParameterTableOptions = {}): HTMLElement {
  const head = ["network", "largest |weight|", "mean |weight|", "largest |bias|", "mean |bias|"];
  const table = h(
    doc,
    "table",
    {class: "parameter-table"},
    h(doc, "caption", {}, "Size of the trained parameters"),
    h(doc, "thead", {}, h(doc, "tr", {}, head.map((t) => h(doc, "th", {scope: "col"}, t)))),
    h(
      doc,
      "tbody",
      {},
      rows.map(({title, parameters: p}) =>
        h(doc, "tr", {}, h(doc, "th", {scope: "row"}, title), [p.maxAbsWeight, p.meanAbsWeight, p.maxAbsBias, p.meanAbsBias].map((v) => h(doc, "td", {}, fixed(v, 3))))
      )
    )
  );
  return h(doc, "div", {class: "table-scroll"}, table);
}
