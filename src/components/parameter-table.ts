// Parameter magnitudes of several networks side by side, to compare how large their weights and
// biases grew.
import type {Snapshot} from "../lib/snapshot.js";
import {parameterStats} from "../lib/extents.js";
import {fixed} from "../lib/format.js";
import {h} from "./dom.js";

export function parameterTable(snapshots: readonly Snapshot[], doc: Document = document): HTMLTableElement {
  const head = ["network", "largest |weight|", "mean |weight|", "largest |bias|", "mean |bias|"];
  return h(
    doc,
    "table",
    {class: "parameter-table"},
    h(doc, "caption", {}, "Size of the trained parameters"),
    h(doc, "thead", {}, h(doc, "tr", {}, head.map((t) => h(doc, "th", {scope: "col"}, t)))),
    h(
      doc,
      "tbody",
      {},
      snapshots.map((s) => {
        const st = parameterStats(s.layers);
        return h(
          doc,
          "tr",
          {},
          h(doc, "th", {scope: "row"}, s.spec.title),
          [st.maxAbsWeight, st.meanAbsWeight, st.maxAbsBias, st.meanAbsBias].map((v) => h(doc, "td", {}, fixed(v, 3)))
        );
      })
    )
  );
}
