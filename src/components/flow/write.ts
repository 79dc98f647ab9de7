// Writing the flow diagram's attributes and texts, on its first draw and on every update in place
// (flow-diagram.ts, update), only where they differ from the value last written there.
//
// d3's .attr() calls setAttribute on every node at every call, and setAttribute costs even when the
// value is the same (the browser records a mutation and may restyle); a point move changes only a
// few numbers of the diagram. The values last written are kept in a WeakMap rather than read back
// with getAttribute, itself a call into the DOM. They stay true because only this module writes
// these attributes; the one exception, the marks that selection.ts adds to `class` (selected,
// incoming, hovered), are taken off and put back by selection.ts after every update.
import type * as d3 from "d3";
import {setText} from "../dom.js";

/** An attribute's value: a constant or one per datum (null: no such attribute), as d3's .attr takes. */
type Value<D> = string | number | null | ((d: D, i: number) => string | number | null);

/** The key under which a node's text is kept (no attribute name starts with "#"). */
const TEXT = "#text";

const written = new WeakMap<Element, Map<string, string | null>>();

/** Sets (or removes, for null) one attribute of `node`, unless that value is the one last written there. */
export function writeAttr(node: Element, name: string, value: string | number | null): void {
  let last = written.get(node);
  if (!last) written.set(node, (last = new Map()));
  const text = value === null ? null : String(value);
  if (last.has(name) && last.get(name) === text) return;
  if (text === null) node.removeAttribute(name);
  else node.setAttribute(name, text);
  last.set(name, text);
}

/** Sets a node's text, unless it is the one last written there (its text node's data, in place: see setText). */
function writeText(node: Element, text: string): void {
  let last = written.get(node);
  if (!last) written.set(node, (last = new Map()));
  if (last.get(TEXT) === text) return;
  setText(node, text);
  last.set(TEXT, text);
}

/** Nodes with their data, written to as d3 writes a selection, through writeAttr. */
export class Written<E extends Element, D> {
  constructor(
    readonly nodes: readonly E[],
    readonly data: readonly D[]
  ) {}

  attr(name: string, value: Value<D>): this {
    const {nodes, data} = this;
    for (let i = 0; i < nodes.length; ++i) writeAttr(nodes[i], name, typeof value === "function" ? value(data[i], i) : value);
    return this;
  }

  text(value: (d: D, i: number) => string): this {
    this.nodes.forEach((node, i) => writeText(node, value(this.data[i], i)));
    return this;
  }

  each(f: (node: E, d: D, i: number) => void): this {
    this.nodes.forEach((node, i) => f(node, this.data[i], i));
    return this;
  }

  call(f: (w: this) => void): this {
    f(this);
    return this;
  }
}

/** The nodes of a d3 selection (a join's result, a layer's group) with their data, to write to. */
export function write<E extends d3.BaseType, D, P extends d3.BaseType, PD>(selection: d3.Selection<E, D, P, PD>): Written<Extract<E, Element>, D> {
  // A join's nodes are elements (d3 types them as BaseType, which also admits null and windows).
  return new Written(selection.nodes() as Extract<E, Element>[], selection.data());
}
