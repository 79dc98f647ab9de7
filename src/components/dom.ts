// A tiny element builder for the HTML components, taking the document explicitly so that the
// same code renders in the browser and in jsdom tests, and the SVG namespace every SVG component uses.

/** The SVG namespace: elements created in it with createElementNS are typed as SVG elements. */
export const SVG_NS = "http://www.w3.org/2000/svg";

type Child = Node | string | number | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Record<string, string | number | boolean | undefined> = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === "object" ? c : doc.createTextNode(String(c)));
  }
  return el;
}

/** A small numeric table with optional row and column headers. */
export function numberTable(
  doc: Document,
  values: readonly (readonly number[])[],
  format: (v: number) => string,
  {rows, columns, caption}: {rows?: string[]; columns?: string[]; caption?: string} = {}
): HTMLTableElement {
  return h(
    doc,
    "table",
    {class: "number-table"},
    caption ? h(doc, "caption", {}, caption) : null,
    columns ? h(doc, "thead", {}, h(doc, "tr", {}, rows ? h(doc, "th", {scope: "col"}, "") : null, columns.map((c) => h(doc, "th", {scope: "col"}, c)))) : null,
    h(
      doc,
      "tbody",
      {},
      values.map((row, i) => h(doc, "tr", {}, rows ? h(doc, "th", {scope: "row"}, rows[i]) : null, row.map((v) => h(doc, "td", {}, format(v)))))
    )
  );
}

/** A new SVG element of the given tag, in `doc`. */
export function svgElement<K extends keyof SVGElementTagNameMap>(doc: Document, tag: K): SVGElementTagNameMap[K] {
  return doc.createElementNS(SVG_NS, tag);
}
