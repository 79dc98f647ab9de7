// A figure of the page as a file: an SVG element (the flow diagram) made standalone, and a PNG of it.
//
// On the page the diagram's look comes partly from style.css (outlines, label halos, muted text),
// whose rules name theme variables (var(--theme-foreground), color-mix(…)) and classes. A file
// opened on its own has neither, so the copy carries the computed value of every property that
// draws (fill, stroke, stroke-width, font, opacity, text-anchor, …) inline, in a style attribute,
// with every var() and currentColor resolved to a colour. An inherited property is written only
// where it differs from the parent's value (or where the element has a presentation attribute the
// page's CSS may have overridden), which keeps the file close to the size of the markup.
//
// The copy also gets the SVG namespace, width, height and viewBox (grown to hold anything the page
// lets overflow), a background rectangle of the page's colour, no focus or button semantics, and no
// reference outside itself (an href or url() that is not a fragment of the file is dropped).
//
// The PNG is that SVG drawn by the browser: an Image from a blob URL (of our own origin, so the
// canvas stays readable), onto a canvas `scale` times larger, then canvas.toBlob.
//
// With a caption, the file also shows what it is above the picture, wrapped to its width; with
// legends, what its colours mean below it.
import {wrapWords} from "../lib/text-wrap.js";

const SVG_NS = "http://www.w3.org/2000/svg";
const XMLNS_NS = "http://www.w3.org/2000/xmlns/";
const XLINK_NS = "http://www.w3.org/1999/xlink";

/** Properties SVG inherits: written where the value differs from the parent's. */
export const INHERITED_PROPERTIES = [
  "color",
  "fill",
  "fill-opacity",
  "fill-rule",
  "stroke",
  "stroke-width",
  "stroke-opacity",
  "stroke-dasharray",
  "stroke-dashoffset",
  "stroke-linecap",
  "stroke-linejoin",
  "paint-order",
  "font-family",
  "font-size",
  "font-style",
  "font-weight",
  "font-variant-numeric",
  "letter-spacing",
  "text-anchor",
  "dominant-baseline",
  "visibility"
] as const;

/** Properties that are not inherited: written where the value is not the initial one. */
export const OWN_PROPERTIES: Readonly<Record<string, string>> = {opacity: "1", display: "inline", "stop-color": "rgb(0, 0, 0)", "stop-opacity": "1"};

/** Properties whose value is a colour (normalised to rgb() when the browser can parse it). */
const COLOUR_PROPERTIES = new Set(["color", "fill", "stroke", "stop-color"]);

/** Attributes of the page's interactive diagram that mean nothing in a file. */
const INTERACTIVE_ATTRIBUTES = ["tabindex", "aria-pressed", "aria-describedby", "aria-controls"];

export interface StandaloneSvg {
  /** The file's text: an XML declaration, then the <svg> element. */
  text: string;
  /** Size in CSS px (the viewBox's), at which the PNG is drawn before scaling. */
  width: number;
  height: number;
}

export interface SvgExportOptions {
  /** The background colour (default: the colour behind the SVG on the page, else white). */
  background?: string;
  /**
   * A caption drawn above the picture, in the SVG's text colour, wrapped to its width: what it shows,
   * for a file seen away from the page (the page says it in a figcaption or around the figure).
   */
  caption?: string;
  /**
   * Legends drawn below the picture, each a title and its own SVG (inlined as the picture is): what
   * the colours and widths mean, for a file seen away from the page.
   */
  legends?: readonly {title: string; svg: SVGSVGElement}[];
}

/** A box in the SVG's user units. */
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The caption's font size and line height (px), and its margin from the picture's edges. */
const CAPTION = {size: 13, line: 17, margin: 6};

/** The elements of a tree in document order: the root, then its descendants. */
function elementsOf(root: Element): Element[] {
  return [root, ...root.querySelectorAll("*")];
}

/** The index just after the parenthesis that closes the one opened at `open`. */
function closingParen(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; ++i) {
    if (s[i] === "(") depth++;
    else if (s[i] === ")" && --depth === 0) return i + 1;
  }
  return s.length;
}

/** Splits "a, b(c, d), e" at its top-level commas. */
function splitTopLevel(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; ++i) {
    if (s[i] === "(") depth++;
    else if (s[i] === ")") depth--;
    else if (s[i] === "," && depth === 0) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}

/**
 * `value` with every var(--name, fallback) replaced by the custom property's value on the element
 * (resolved in turn), or by its fallback; null when a variable has neither. A browser's computed
 * values have none left; a DOM without a full style engine (jsdom) leaves them in.
 */
export function resolveVariables(value: string, lookup: (name: string) => string, depth = 0): string | null {
  if (depth > 16) return null; // a cycle of variables
  let out = "";
  let i = 0;
  for (;;) {
    const at = value.indexOf("var(", i);
    if (at < 0) return out + value.slice(i);
    const end = closingParen(value, at + 3);
    const [name, ...fallback] = splitTopLevel(value.slice(at + 4, end - 1));
    const own = lookup(name.trim()).trim();
    const replacement = own !== "" ? own : fallback.length ? fallback.join(",").trim() : null;
    if (replacement === null) return null;
    const resolved = resolveVariables(replacement, lookup, depth + 1);
    if (resolved === null) return null;
    out += value.slice(i, at) + resolved;
    i = end;
  }
}

/**
 * A colour as rgb()/rgba() through a 1×1 canvas, when the browser has one: color(srgb …) and
 * color-mix(…) become values every SVG viewer reads. Values the canvas cannot parse stay as they are.
 */
function colourNormaliser(doc: Document): (value: string) => string {
  let context: CanvasRenderingContext2D | null = null;
  try {
    const canvas = doc.createElement("canvas");
    canvas.width = canvas.height = 1;
    context = canvas.getContext("2d", {willReadFrequently: true});
  } catch {
    context = null;
  }
  const plain = /^(#[0-9a-f]{3,8}|rgba?\([^()]*\)|none|transparent)$/i;
  const cache = new Map<string, string>();
  return (value) => {
    if (!context || plain.test(value) || value.startsWith("url(")) return value;
    const known = cache.get(value);
    if (known !== undefined) return known;
    let out = value;
    try {
      const sentinel = "#010203";
      context.fillStyle = sentinel;
      context.fillStyle = value;
      const parsed = String(context.fillStyle);
      if (parsed !== sentinel || value === sentinel) {
        context.clearRect(0, 0, 1, 1);
        context.fillRect(0, 0, 1, 1);
        const data = context.getImageData(0, 0, 1, 1)?.data;
        if (data && data.length === 4) {
          const [r, g, b, a] = data;
          out = a === 255 ? `rgb(${r}, ${g}, ${b})` : `rgba(${r}, ${g}, ${b}, ${Math.round((a / 255) * 1000) / 1000})`;
        }
      }
    } catch {
      out = value;
    }
    cache.set(value, out);
    return out;
  };
}

/** url(…) pointing into this file as url(#id); null for a reference to anything else. */
function localUrls(value: string): string | null {
  let external = false;
  const out = value.replace(/url\(\s*(["']?)([^"')]*)\1\s*\)/g, (_m, _q, target: string) => {
    const hash = target.indexOf("#");
    if (hash < 0 || /^(data:|blob:)/.test(target)) {
      external = true;
      return "none";
    }
    return `url(${target.slice(hash)})`;
  });
  return external ? null : out;
}

/** Whether getComputedStyle reflects SVG presentation attributes in this DOM (browsers: yes; jsdom: no). */
function presentationAttributesApply(doc: Document): boolean {
  const view = doc.defaultView;
  if (!view || !doc.body) return false;
  const probe = doc.createElementNS(SVG_NS, "svg");
  probe.setAttribute("fill", "#010203");
  probe.style.position = "absolute";
  doc.body.append(probe);
  try {
    return /^rgb\(1, 2, 3\)$/.test(view.getComputedStyle(probe).getPropertyValue("fill").trim());
  } finally {
    probe.remove();
  }
}

/** The colour shown behind `el` on the page: the first ancestor background that is not transparent. */
function pageBackground(el: Element, style: (el: Element) => CSSStyleDeclaration | null): string | null {
  for (let node: Element | null = el; node; node = node.parentElement) {
    const bg = style(node)?.getPropertyValue("background-color").trim();
    if (bg && bg !== "transparent" && !/^rgba\(.*,\s*0\)$/.test(bg) && !bg.includes("var(")) return bg;
  }
  return null;
}

/** The viewBox of the page's SVG, grown to the bounding box of what it draws (the page lets it overflow). */
function exportBox(svg: SVGSVGElement): Box {
  const numbers = (svg.getAttribute("viewBox") ?? "").trim().split(/[\s,]+/).map(Number);
  let box =
    numbers.length === 4 && numbers.every(Number.isFinite) && numbers[2] > 0 && numbers[3] > 0
      ? {x: numbers[0], y: numbers[1], width: numbers[2], height: numbers[3]}
      : {x: 0, y: 0, width: Number(svg.getAttribute("width")) || 0, height: Number(svg.getAttribute("height")) || 0};
  if (!(box.width > 0 && box.height > 0)) {
    const rect = svg.getBoundingClientRect?.();
    box = {x: 0, y: 0, width: rect?.width || 300, height: rect?.height || 150};
  }
  if (typeof svg.getBBox === "function") {
    try {
      const b = svg.getBBox();
      if ([b.x, b.y, b.width, b.height].every(Number.isFinite) && b.width > 0 && b.height > 0) {
        const x0 = Math.floor(Math.min(box.x, b.x));
        const y0 = Math.floor(Math.min(box.y, b.y));
        const x1 = Math.ceil(Math.max(box.x + box.width, b.x + b.width));
        const y1 = Math.ceil(Math.max(box.y + box.height, b.y + b.height));
        box = {x: x0, y: y0, width: x1 - x0, height: y1 - y0};
      }
    } catch {
      // Not rendered (display: none): keep the declared box.
    }
  }
  return box;
}

/**
 * A copy of `svg` with its look inlined and nothing outside it referenced, its export box (the
 * viewBox grown to what it draws) and its text colour.
 */
function inlinedCopy(svg: SVGSVGElement): {copy: SVGSVGElement; box: Box; color: string} {
  const doc = svg.ownerDocument;
  const view = doc.defaultView;
  const computed = (el: Element): CSSStyleDeclaration | null => (view ? view.getComputedStyle(el) : null);
  const normalise = colourNormaliser(doc);

  const copy = svg.cloneNode(true) as SVGSVGElement;
  const originals = elementsOf(svg);
  const copies = elementsOf(copy);
  const parentValues = new Map<Element, Map<string, string>>();

  // A browser applies presentation attributes (fill="#fde725") when it computes styles; a DOM
  // without a full style engine (jsdom) computes from the stylesheets alone and reports defaults
  // where an attribute sets the value. There only what the stylesheets change is written over the markup.
  const honoursAttributes = presentationAttributesApply(doc);
  const contextStyle = svg.parentElement ? computed(svg.parentElement) : null;

  originals.forEach((el, index) => {
    const target = copies[index];
    const cs = computed(el);
    const values = new Map<string, string>();
    const isRoot = el === svg;
    const parent = isRoot ? undefined : parentValues.get(el.parentElement!);
    const declarations: string[] = [];
    if (cs) {
      const lookup = (name: string) => cs.getPropertyValue(name);
      const resolve = (style: CSSStyleDeclaration, name: string): string | null => {
        let v = style.getPropertyValue(name).trim();
        if (v === "") return null;
        const r = resolveVariables(v, (n) => style.getPropertyValue(n));
        if (r === null) return null;
        v = r;
        if (/currentcolor/i.test(v) && name !== "color") {
          const colour = values.get("color") ?? parent?.get("color");
          if (!colour) return null;
          v = v.replace(/currentcolor/gi, colour);
        }
        if (v.includes("url(")) {
          const local = localUrls(v);
          if (local === null) return null;
          v = local;
        }
        return COLOUR_PROPERTIES.has(name) ? normalise(v) : v;
      };
      for (const name of INHERITED_PROPERTIES) {
        // An element's colour attribute is its own (jsdom reports the inherited one).
        const attribute = !honoursAttributes && name === "color" ? el.getAttribute("color") : null;
        const v = attribute ?? resolve(cs, name) ?? parent?.get(name);
        if (v === undefined) continue;
        values.set(name, v);
        const context = isRoot ? (contextStyle ? resolve(contextStyle, name) : null) : parent?.get(name);
        const write = honoursAttributes ? isRoot || context !== v || el.hasAttribute(name) : attribute === null && context !== v;
        if (write) declarations.push(`${name}: ${v}`);
      }
      for (const [name, initial] of Object.entries(OWN_PROPERTIES)) {
        const v = resolve(cs, name);
        if (v !== null && v !== initial && !(name === "display" && v !== "none")) declarations.push(`${name}: ${v}`);
      }
      // Attributes that name a variable or the current colour (the colour is now known).
      for (const attr of [...target.attributes]) {
        if (attr.name === "style") continue;
        let value: string | null = attr.value;
        if (value.includes("var(")) value = resolveVariables(value, lookup);
        if (value !== null && /currentcolor/i.test(value)) value = value.replace(/currentcolor/gi, values.get("color") ?? "black");
        if (value === null) target.removeAttribute(attr.name);
        else if (value !== attr.value) target.setAttribute(attr.name, value);
      }
    }
    parentValues.set(el, values);
    if (declarations.length) target.setAttribute("style", declarations.join("; "));
    else target.removeAttribute("style");
    for (const name of INTERACTIVE_ATTRIBUTES) target.removeAttribute(name);
    if (target.getAttribute("role") === "button") target.removeAttribute("role");
  });

  // References outside the file: links lose their target, images and uses that need one go.
  for (const el of elementsOf(copy)) {
    for (const name of ["href", "xlink:href", "src"]) {
      const value = el.getAttribute(name);
      if (value === null || value.startsWith("#") || value.startsWith("data:")) continue;
      if (el.localName === "image" || el.localName === "use" || el.localName === "script") el.remove();
      else el.removeAttribute(name);
    }
    if (el.localName === "script" || el.localName === "foreignObject") el.remove();
    for (const attr of ["fill", "stroke", "clip-path", "mask", "filter", "marker-start", "marker-mid", "marker-end"]) {
      const value = el.getAttribute(attr);
      if (value?.includes("url(")) {
        const local = localUrls(value);
        if (local === null) el.removeAttribute(attr);
        else el.setAttribute(attr, local);
      }
    }
  }

  return {copy, box: exportBox(svg), color: normalise(parentValues.get(svg)?.get("color") ?? "black")};
}

/** A standalone copy of `svg`: its look inlined, nothing outside the file referenced. */
export function standaloneSvg(svg: SVGSVGElement, options: SvgExportOptions = {}): StandaloneSvg {
  const doc = svg.ownerDocument;
  const view = doc.defaultView;
  const computed = (el: Element): CSSStyleDeclaration | null => (view ? view.getComputedStyle(el) : null);
  const normalise = colourNormaliser(doc);
  const {copy, box: picture, color} = inlinedCopy(svg);
  const box = {...picture};

  // Texts drawn in the file: lines wrapped to the picture's width, in its text colour.
  const lines = (className: string, text: string[], x: number, top: number) => {
    const el = doc.createElementNS(SVG_NS, "text");
    el.setAttribute("class", className);
    el.setAttribute("font-family", "system-ui, sans-serif");
    el.setAttribute("font-size", String(CAPTION.size));
    el.setAttribute("fill", color);
    text.forEach((line, i) => {
      const span = doc.createElementNS(SVG_NS, "tspan");
      span.setAttribute("x", String(x + CAPTION.margin));
      // Baselines: the first a line below `top`, less the descent.
      span.setAttribute("y", String(top + (i + 1) * CAPTION.line - 4));
      span.textContent = line;
      el.append(span);
    });
    return el;
  };
  const wrap = (text: string) => wrapWords(text, picture.width - 2 * CAPTION.margin, CAPTION.size);

  // The caption's lines take a band above the picture: the box grows upward by their height.
  const captionLines = options.caption ? wrap(options.caption) : [];
  if (captionLines.length) {
    const band = captionLines.length * CAPTION.line + CAPTION.margin;
    box.y -= band;
    box.height += band;
  }
  // The legends go below the picture, each its title's lines then its own drawing, inlined as the
  // picture is and nested as an <svg> of its size; the box grows downward by them.
  const below: Element[] = [];
  for (const legend of options.legends ?? []) {
    const top = box.y + box.height + CAPTION.margin;
    const titleLines = wrap(legend.title);
    if (titleLines.length) below.push(lines("export-legend-title", titleLines, box.x, top));
    const drawn = inlinedCopy(legend.svg);
    const nested = drawn.copy;
    nested.setAttribute("class", "export-legend");
    nested.setAttribute("x", String(box.x));
    nested.setAttribute("y", String(top + titleLines.length * CAPTION.line + 2));
    nested.setAttribute("width", String(drawn.box.width));
    nested.setAttribute("height", String(drawn.box.height));
    nested.setAttribute("viewBox", `${drawn.box.x} ${drawn.box.y} ${drawn.box.width} ${drawn.box.height}`);
    nested.removeAttribute("role");
    below.push(nested);
    const bottom = top + titleLines.length * CAPTION.line + 2 + drawn.box.height;
    box.height = bottom - box.y;
    box.width = Math.max(box.width, drawn.box.width);
  }
  copy.setAttributeNS(XMLNS_NS, "xmlns", SVG_NS);
  if (copy.querySelector("[*|href]") || [...copy.querySelectorAll("*")].some((e) => e.hasAttributeNS(XLINK_NS, "href"))) copy.setAttributeNS(XMLNS_NS, "xmlns:xlink", XLINK_NS);
  copy.setAttribute("viewBox", `${box.x} ${box.y} ${box.width} ${box.height}`);
  copy.setAttribute("width", String(box.width));
  copy.setAttribute("height", String(box.height));
  copy.setAttribute("role", "img");
  copy.removeAttribute("class");

  const background = options.background ?? pageBackground(svg, computed) ?? "white";
  const rect = doc.createElementNS(SVG_NS, "rect");
  rect.setAttribute("x", String(box.x));
  rect.setAttribute("y", String(box.y));
  rect.setAttribute("width", String(box.width));
  rect.setAttribute("height", String(box.height));
  rect.setAttribute("fill", normalise(background));
  rect.setAttribute("stroke", "none");
  rect.setAttribute("class", "export-background");
  // After <title> and <desc> (which name the file), before anything drawn.
  const firstDrawn = [...copy.children].find((c) => c.localName !== "title" && c.localName !== "desc") ?? null;
  copy.insertBefore(rect, firstDrawn);
  if (captionLines.length) copy.insertBefore(lines("export-caption", captionLines, box.x, box.y + CAPTION.margin), rect.nextSibling);
  copy.append(...below);

  const Serializer = view?.XMLSerializer ?? globalThis.XMLSerializer;
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new Serializer().serializeToString(copy)}\n`;
  return {text, width: box.width, height: box.height};
}

export interface PngOptions {
  /** Device pixels per CSS px of the image (default 2). */
  scale?: number;
  document?: Document;
}

/** A PNG of a standalone SVG, drawn `scale` times its size. */
export async function svgPngBlob(image: StandaloneSvg, options: PngOptions = {}): Promise<Blob> {
  const doc = options.document ?? document;
  const view = doc.defaultView ?? globalThis;
  const scale = options.scale ?? 2;
  if (!(scale > 0)) throw new Error(`svgPngBlob: scale must be positive, got ${scale}`);
  const url = view.URL.createObjectURL(new view.Blob([image.text], {type: "image/svg+xml;charset=utf-8"}));
  try {
    const img = new view.Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error("svgPngBlob: the browser could not draw the SVG as an image"));
      img.src = url;
    });
    const canvas = doc.createElement("canvas");
    canvas.width = Math.max(1, Math.round(image.width * scale));
    canvas.height = Math.max(1, Math.round(image.height * scale));
    const context = canvas.getContext("2d");
    if (!context) throw new Error("svgPngBlob: no 2-D canvas context");
    context.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("svgPngBlob: the canvas gave no PNG"))), "image/png")
    );
  } finally {
    view.URL.revokeObjectURL(url);
  }
}
