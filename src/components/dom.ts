// A tiny element builder for the HTML components, taking the document explicitly so that the
// same code renders in the browser and in jsdom tests; the tables built with it; and the SVG
// element constructor every SVG component uses.

/** The SVG namespace: elements created in it with createElementNS are typed as SVG elements. */
const SVG_NS = "http://www.w3.org/2000/svg";

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

/** A new SVG element of the given tag, in `doc`. */
export function svgElement<K extends keyof SVGElementTagNameMap>(doc: Document, tag: K): SVGElementTagNameMap[K] {
  return doc.createElementNS(SVG_NS, tag);
}

/** A row of a table: its header cell (a th scope="row"), when it has one, then its data cells. */
export interface TableRow {
  header?: Child;
  cells: readonly Child[];
}

export interface DataTableOptions {
  className: string;
  caption?: string;
  /** The column headers (a th scope="col" each); without them the table has no head. */
  columns?: readonly Child[];
  /**
   * Wrap the table in a div.table-scroll, which scrolls sideways on a narrow screen (style.css)
   * instead of widening the whole page.
   */
  scroll?: boolean;
  document?: Document;
}

/** A table of rows under a caption and a row of column headers. */
export function dataTable(rows: readonly TableRow[], {className, caption, columns, scroll = false, document: doc = document}: DataTableOptions): HTMLElement {
  const table = h(
    doc,
    "table",
    {class: className},
    caption ? h(doc, "caption", {}, caption) : null,
    columns ? h(doc, "thead", {}, h(doc, "tr", {}, columns.map((c) => h(doc, "th", {scope: "col"}, c)))) : null,
    h(
      doc,
      "tbody",
      {},
      rows.map((row) => h(doc, "tr", {}, row.header === undefined ? null : h(doc, "th", {scope: "row"}, row.header), row.cells.map((c) => h(doc, "td", {}, c))))
    )
  );
  return scroll ? h(doc, "div", {class: "table-scroll"}, table) : table;
}

export interface NumberTableOptions {
  format: (v: number) => string;
  /** The row headers, one per row of values. */
  rows?: readonly string[];
  /** The column headers, one per value of a row (an empty corner cell is added above the row headers). */
  columns?: readonly string[];
  caption?: string;
  document?: Document;
}

/** A small numeric table (class number-table) with optional row and column headers. */
export function numberTable(values: readonly (readonly number[])[], {format, rows, columns, caption, document}: NumberTableOptions): HTMLElement {
  return dataTable(
    values.map((row, i) => ({header: rows?.[i], cells: row.map(format)})),
    {className: "number-table", caption, columns: columns && rows ? ["", ...columns] : columns, document}
  );
}

/** True when two trees have the same nodes: types, tag names and numbers of children, all the way down. */
export function sameShape(a: Node, b: Node): boolean {
  if (a.nodeType !== b.nodeType || a.nodeName !== b.nodeName || a.childNodes.length !== b.childNodes.length) return false;
  for (let x = a.firstChild, y = b.firstChild; x && y; x = x.nextSibling, y = y.nextSibling) if (!sameShape(x, y)) return false;
  return true;
}

/**
 * Gives the nodes of `a` the attributes and texts of the same-shaped `b`, touching only what differs:
 * for a block drawn whole (a neuron's arithmetic) shown again with other numbers, so the page keeps
 * its nodes and only the changed ones mutate. Attributes are read
 * by name (getAttributeNames), never as Attr nodes, which the browser would create one by one.
 */
export function syncTree(a: Node, b: Node): void {
  if (a.nodeType === 3 || a.nodeType === 8) {
    if (a.nodeValue !== b.nodeValue) a.nodeValue = b.nodeValue;
    return;
  }
  if (a.nodeType === 1) {
    const [ea, eb] = [a as Element, b as Element];
    const names = eb.getAttributeNames();
    for (const name of names) {
      const value = eb.getAttribute(name)!;
      if (ea.getAttribute(name) !== value) ea.setAttribute(name, value);
    }
    if (ea.attributes.length !== names.length) for (const name of ea.getAttributeNames()) if (!eb.hasAttribute(name)) ea.removeAttribute(name);
  }
  for (let x = a.firstChild, y = b.firstChild; x && y; x = x.nextSibling, y = y.nextSibling) syncTree(x, y);
}
