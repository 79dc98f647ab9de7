// The three reference networks side by side: shape, recipe, and this build's final losses beside the
// article's, each row linking to the network's page.
import type {Snapshot} from "../lib/snapshot.js";
import {finalLoss, finalMse} from "../lib/snapshot.js";
import {specLayerSizes} from "../lib/spec.js";
import {ARTICLE_FINAL_LOSS} from "../lib/reference.js";
import {sig} from "../lib/format.js";
import {h} from "./dom.js";

export function networkTable(snapshots: readonly Snapshot[], doc: Document = document): HTMLTableElement {
  const head = ["network", "units", "activation", "learning rate", "epochs", "final last-batch loss", "final dataset MSE", "article's final loss"];
  return h(
    doc,
    "table",
    {class: "network-table"},
    h(doc, "caption", {}, "The reference networks trained for this build"),
    h(doc, "thead", {}, h(doc, "tr", {}, head.map((t) => h(doc, "th", {scope: "col"}, t)))),
    h(
      doc,
      "tbody",
      {},
      snapshots.map((s) =>
        h(
          doc,
          "tr",
          {},
          h(doc, "th", {scope: "row"}, h(doc, "a", {href: `./${s.spec.id}`}, s.spec.title)),
          h(doc, "td", {}, specLayerSizes(s.spec).join("-")),
          h(doc, "td", {}, s.spec.activation),
          h(doc, "td", {}, String(s.spec.learningRate)),
          h(doc, "td", {}, String(s.spec.epochs)),
          h(doc, "td", {}, sig(finalLoss(s))),
          h(doc, "td", {}, sig(finalMse(s))),
          h(doc, "td", {}, ARTICLE_FINAL_LOSS[s.spec.id] === undefined ? "—" : sig(ARTICLE_FINAL_LOSS[s.spec.id]))
        )
      )
    )
  );
}
