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

/**
 * Sets an element's text, changing the data of its one text node when it has one. Replacing the node
 * (textContent =) makes the browser compute a style for the new node: on a page of ~10,000 elements
 * about 40 µs a text in Chromium, while new data costs only the text's layout. Nothing happens when
 * the text is already `text`.
 */
export function setText(el: Element, text: string): void {
  const only = el.firstChild;
  if (only !== null && only === el.lastChild && only.nodeType === 3) {
    if (only.nodeValue !== text) only.nodeValue = text;
  } else if (text !== "" || only !== null) el.textContent = text;
}

/**
 * Sets an attribute only when it differs from the value there: an update in place writes only what
 * changed, and an unchanged value then costs the browser nothing.
 */
export function setAttr(el: Element, name: string, value: string | number): void {
  const text = String(value);
  if (el.getAttribute(name) !== text) el.setAttribute(name, text);
}

/**
 * Makes `shown` read as `fresh`, a new drawing of the same view, by changing only what differs: the
 * data of text nodes and the attributes of elements. It applies when both trees have the same shape
 * (the same node types, tag names and numbers of children, all the way down); then it writes and
 * returns true, else it changes nothing and returns false (the caller puts `fresh` in instead). So a
 * table of numbers redrawn for another point keeps its elements: the browser lays out the new
 * numbers, not a new table. What the reader set stays: a <details> stays open or closed.
 */
export function patchInPlace(shown: Element, fresh: Element): boolean {
  if (!sameShape(shown, fresh)) return false;
  patch(shown, fresh);
  return true;
}

// Both walks go by sibling links: a node list indexed in a loop costs more in a browser.
function sameShape(a: Node, b: Node): boolean {
  if (a.nodeType !== b.nodeType || a.nodeName !== b.nodeName) return false;
  let x = a.firstChild;
  let y = b.firstChild;
  for (; x && y; x = x.nextSibling, y = y.nextSibling) if (!sameShape(x, y)) return false;
  return x === null && y === null;
}

/** The attributes that hold the reader's state rather than the drawing's, per tag name. */
const READER_STATE: Record<string, string> = {DETAILS: "open"};

function patch(a: Node, b: Node): void {
  if (a.nodeType !== 1) {
    if (a.nodeValue !== b.nodeValue) a.nodeValue = b.nodeValue;
    return;
  }
  const [x, y] = [a as Element, b as Element];
  const kept = READER_STATE[x.nodeName];
  for (const {name, value} of Array.from(y.attributes)) if (name !== kept) setAttr(x, name, value);
  for (const {name} of Array.from(x.attributes)) if (name !== kept && !y.hasAttribute(name)) x.removeAttribute(name);
  for (let u = x.firstChild, v = y.firstChild; u && v; u = u.nextSibling, v = v.nextSibling) patch(u, v);
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
   * Start the head row with an empty corner cell above the row headers. It is a td, not a th: it
   * names no column, and an empty th is a header without a name to a screen reader (axe's
   * empty-table-header).
   */
  corner?: boolean;
  /**
   * Wrap the table in a div.table-scroll, which scrolls sideways on a narrow screen (style.css)
   * instead of widening the whole page.
   */
  scroll?: boolean;
  document?: Document;
}

/** A table of rows under a caption and a row of column headers. */
export function dataTable(rows: readonly TableRow[], {className, caption, columns, corner = false, scroll = false, document: doc = document}: DataTableOptions): HTMLElement {
  const table = h(
    doc,
    "table",
    {class: className},
    caption ? h(doc, "caption", {}, caption) : null,
    columns ? h(doc, "thead", {}, h(doc, "tr", {}, corner ? h(doc, "td", {}) : null, columns.map((c) => h(doc, "th", {scope: "col"}, c)))) : null,
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
  /** The column headers, one per value of a row (an empty corner td is added above the row headers). */
  columns?: readonly string[];
  caption?: string;
  document?: Document;
}

/** A small numeric table (class number-table) with optional row and column headers. */
export function numberTable(values: readonly (readonly number[])[], {format, rows, columns, caption, document}: NumberTableOptions): HTMLElement {
  return dataTable(
    values.map((row, i) => ({header: rows?.[i], cells: row.map(format)})),
    {className: "number-table", caption, columns, corner: columns !== undefined && rows !== undefined, document}
  );
}
