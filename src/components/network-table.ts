// Every network of the site side by side: shape, recipe, and this build's final losses beside the
// article's where it reports one, each row linking to the network's page. Reads the small summary
// (data/networks.json), not the snapshots.
import type {NetworkSummary} from "../lib/manifest.js";
import {specLayerSizes} from "../lib/spec.js";
import {sig} from "../lib/format.js";
import {h} from "./dom.js";

export interface NetworkTableOptions {
  document?: Document;
}

export function networkTable(summaries: readonly NetworkSummary[], {document: doc = document}: NetworkTableOptions = {}): HTMLElement {
  const head = ["network", "units", "activation", "learning rate", "epochs", "final last-batch loss", "final dataset MSE", "article's final loss"];
  const table = h(
    doc,
    "table",
    {class: "network-table"},
    h(doc, "caption", {}, "The networks trained for this build"),
    h(doc, "thead", {}, h(doc, "tr", {}, head.map((t) => h(doc, "th", {scope: "col"}, t)))),
    h(
      doc,
      "tbody",
      {},
      summaries.map((s) =>
        h(
          doc,
          "tr",
          {},
          // Page paths are absolute within the site ("/small-relu"); the link is relative to the
          // introduction, so the site also works under a subpath.
          h(doc, "th", {scope: "row"}, h(doc, "a", {href: `.${s.path}`}, s.title)),
          h(doc, "td", {}, specLayerSizes(s).join("-")),
          h(doc, "td", {}, s.activation),
          h(doc, "td", {}, String(s.learningRate)),
          h(doc, "td", {}, String(s.epochs)),
          h(doc, "td", {}, sig(s.finalLoss)),
          h(doc, "td", {}, sig(s.finalMse)),
          h(doc, "td", {}, s.articleFinalLoss === null ? "—" : sig(s.articleFinalLoss))
        )
      )
    )
  );
  // A wide table scrolls inside its own box on a narrow screen instead of widening the page.
  return h(doc, "div", {class: "table-scroll"}, table);
}
