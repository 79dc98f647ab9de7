// The introduction's reading list: one link per network page, with its shape and what it shows.
import {pageHref, type NetworkSummary} from "../lib/manifest.js";
import {shapePhrase} from "../lib/prose.js";
import {h} from "./dom.js";

export interface NetworkLinksOptions {
  document?: Document;
}

export function networkLinks(summaries: readonly NetworkSummary[], {document: doc = document}: NetworkLinksOptions = {}): HTMLElement {
  return h(
    doc,
    "ul",
    {class: "network-links"},
    h(doc, "li", {}, h(doc, "a", {href: pageHref("/", "/regression")}, "Regression: the dataset"), ": the samples, the target and how a sample is picked."),
    summaries.map((s) => h(doc, "li", {}, h(doc, "a", {href: pageHref("/", s.path)}, s.title), `: ${shapePhrase(s)}. ${s.blurb ?? "Its loss, its estimate, and the flow of any sample through it."}`))
  );
}
