// Every network of the site side by side: shape, recipe, and this build's final losses beside the
// article's where it reports one, each row linking to the network's page. Reads the small summary
// (data/networks.json), not the snapshots.
import {pageHref, type NetworkSummary} from "../lib/manifest.js";
import {specLayerSizes} from "../lib/spec.js";
import {sig} from "../lib/format.js";
import {dataTable, h} from "./dom.js";

export interface NetworkTableOptions {
  document?: Document;
}

const COLUMNS = ["network", "units", "activation", "learning rate", "epochs", "final last-batch loss", "final dataset MSE", "article's final loss"];

export function networkTable(summaries: readonly NetworkSummary[], {document: doc = document}: NetworkTableOptions = {}): HTMLElement {
  const rows = summaries.map((s) => ({
    // Page paths are absolute within the site ("/small-relu"); the link is relative to the
    // introduction, so the site also works under a subpath.
    header: h(doc, "a", {href: pageHref("/", s.path)}, s.title),
    cells: [
      // One unbreakable token: a narrow column would otherwise wrap "2-5-5-1" at its hyphens (style.css).
      h(doc, "span", {class: "layer-sizes"}, specLayerSizes(s).join("-")),
      s.activation,
      String(s.learningRate),
      String(s.epochs),
      sig(s.finalLoss),
      sig(s.finalMse),
      s.articleFinalLoss === null ? "—" : sig(s.articleFinalLoss)
    ]
  }));
  return dataTable(rows, {className: "network-table", caption: "The networks trained for this build", columns: COLUMNS, scroll: true, document: doc});
}
