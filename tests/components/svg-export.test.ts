// @vitest-environment jsdom
// The flow diagram made standalone in jsdom, with the site's stylesheet and the theme's variables in
// the document: the file declares its namespace and size, carries the stylesheet's look inline with
// every variable resolved, references nothing outside itself and still holds the diagram's numbers.
// And the export menu: its buttons, links and snippet, and what a click hands to <a download>.
import {readFileSync} from "node:fs";
import {afterEach, beforeAll, describe, expect, it, vi} from "vitest";
import {loadFixture} from "./golden.js";
import {flowDiagram} from "../../src/components/flow-diagram.js";
import {INHERITED_PROPERTIES, resolveVariables, standaloneSvg} from "../../src/components/svg-export.js";
import {EXPORT_BUTTONS, exportFileNames, exportMenu} from "../../src/components/export-menu.js";
import {startSelection} from "../../src/lib/page-selection.js";
import {forward} from "../../src/lib/network.js";
import {fixed} from "../../src/lib/format.js";
import {snapshotNetwork, type Snapshot} from "../../src/lib/snapshot.js";
import {exportSnippet} from "../../src/lib/weights-export.js";
import {parseNpy} from "../lib/file-formats.js";
import {stubViewport} from "./viewport-stub.js";
import {estimateTextWidth} from "../../src/lib/flow-layout.js";

const SVG_NS = "http://www.w3.org/2000/svg";
const SAMPLE = 10;
const THEME = "node_modules/@observablehq/framework/dist/style";

let snapshot: Snapshot;
beforeAll(async () => {
  snapshot = await loadFixture("small-relu");
  // The page's styles: the theme's variables (what observablehq:theme-air.css defines) and style.css.
  const css = [`${THEME}/abstract-light.css`, `${THEME}/theme-air.css`, "src/style.css"]
    .map((f) => readFileSync(f, "utf8"))
    .join("\n")
    .replace(/@import[^;]*;/g, "");
  const style = document.createElement("style");
  style.textContent = css;
  document.head.append(style);
});

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** The explorer's diagram in the page: a flow diagram inside .explorer-diagram. */
function pageDiagram(width = 960): SVGSVGElement {
  const net = snapshotNetwork(snapshot);
  const slot = document.createElement("div");
  slot.className = "explorer-diagram";
  slot.append(flowDiagram(net, {input: snapshot.data.x[SAMPLE], width, selected: {layer: 1, unit: 2}, document}));
  document.body.append(slot);
  return slot.querySelector("svg.flow-svg")!;
}

const parseSvg = (text: string) => new DOMParser().parseFromString(text, "image/svg+xml");

describe("resolveVariables", () => {
  const vars: Record<string, string> = {"--a": "red", "--b": "var(--a)", "--mix": "color-mix(in srgb, var(--a) 50%, var(--c, blue))"};
  const lookup = (n: string) => vars[n] ?? "";
  it("replaces variables, nested ones and fallbacks", () => {
    expect(resolveVariables("var(--b)", lookup)).toBe("red");
    expect(resolveVariables("var(--mix)", lookup)).toBe("color-mix(in srgb, red 50%, blue)");
    expect(resolveVariables("var(--none, var(--a))", lookup)).toBe("red");
    expect(resolveVariables("1px solid var(--a)", lookup)).toBe("1px solid red");
  });
  it("gives null for a variable with no value and no fallback, or a cycle", () => {
    expect(resolveVariables("var(--none)", lookup)).toBeNull();
    expect(resolveVariables("var(--x)", (n) => (n === "--x" ? "var(--x)" : ""))).toBeNull();
  });
});

describe("standaloneSvg", () => {
  it("declares the SVG namespace, a size and a viewBox, and parses as XML", () => {
    const svg = pageDiagram();
    const out = standaloneSvg(svg);
    expect(out.text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    expect(out.text).toMatch(/<svg[^>]* xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    const doc = parseSvg(out.text);
    expect(doc.querySelector("parsererror")).toBeNull();
    const root = doc.documentElement;
    expect(root.namespaceURI).toBe(SVG_NS);
    expect(Number(root.getAttribute("width"))).toBe(out.width);
    expect(Number(root.getAttribute("height"))).toBe(out.height);
    expect(root.getAttribute("viewBox")).toBe(svg.getAttribute("viewBox"));
    expect(out.width).toBe(Number(svg.getAttribute("width")));
  });

  it("leaves no var(), no currentColor and no reference outside the file", () => {
    const svg = pageDiagram();
    // What a page could add: an image and a link elsewhere, a paint server in another file, a local one.
    const image = document.createElementNS(SVG_NS, "image");
    image.setAttribute("href", "https://example.com/x.png");
    const link = document.createElementNS(SVG_NS, "a");
    link.setAttribute("href", "https://example.com/");
    const far = document.createElementNS(SVG_NS, "rect");
    far.setAttribute("fill", "url(https://example.com/p.svg#g)");
    const near = document.createElementNS(SVG_NS, "rect");
    near.setAttribute("fill", "url(#g)");
    link.append(far, near);
    svg.append(image, link);
    const out = standaloneSvg(svg);
    expect(out.text).toContain('fill="url(#g)"');
    expect(out.text).not.toContain("example.com");
    expect(out.text).not.toMatch(/var\(--/);
    expect(out.text).not.toMatch(/currentcolor/i);
    const doc = parseSvg(out.text);
    for (const el of doc.querySelectorAll("*")) {
      for (const attr of el.attributes) {
        if (/(^|:)href$|^src$/.test(attr.name)) expect(attr.value.startsWith("#") || attr.value.startsWith("data:"), `${el.localName} ${attr.name}`).toBe(true);
        expect(attr.value, `${el.localName} ${attr.name}`).not.toMatch(/url\((?!#)/);
      }
    }
    expect(doc.querySelector("script, foreignObject")).toBeNull();
  });

  it("inlines the stylesheet's look: the edge labels' halo and the outlines, with theme colours resolved", () => {
    const svg = pageDiagram();
    const svgFontFamily = svg.getAttribute("font-family");
    const out = standaloneSvg(svg);
    const doc = parseSvg(out.text);
    const label = doc.querySelector(".edge-label")!;
    const style = label.getAttribute("style") ?? "";
    // style.css: paint-order stroke, stroke var(--theme-background) (white in the air theme), width 3px.
    expect(style).toMatch(/paint-order: stroke/);
    expect(style).toMatch(/stroke: (#ffffff|white|rgb\(255, 255, 255\))/i);
    expect(style).toMatch(/stroke-width: 3px/);
    expect(style).toMatch(/stroke-linejoin: round/);
    const circle = doc.querySelector(".value-circle")!.getAttribute("style") ?? "";
    expect(circle).toMatch(/stroke-width: 0.75/);
    // The root's own text colour and font stay, its currentColor resolved.
    const root = doc.documentElement;
    expect(root.getAttribute("fill")).toMatch(/^(rgb\(|#)/);
    expect(root.getAttribute("font-family")).toBe(svgFontFamily);
    // Markup values the stylesheet does not touch are not repeated: the neurons' palette fills stay.
    const z = doc.querySelector(".value-circle.z")!;
    expect(z.getAttribute("fill")).toMatch(/^(#|rgb)/);
    expect(z.getAttribute("style") ?? "").not.toMatch(/(^|; )fill:/);
    expect(INHERITED_PROPERTIES).toContain("fill");
  });

  it("puts a background of the page's colour behind everything drawn, and drops the buttons' focus", () => {
    const out = standaloneSvg(pageDiagram(), {background: "#fafafa"});
    const root = parseSvg(out.text).documentElement;
    const drawn = [...root.children].filter((c) => c.localName !== "title" && c.localName !== "desc");
    expect(drawn[0].localName).toBe("rect");
    expect(drawn[0].getAttribute("fill")).toBe("#fafafa");
    expect(drawn[0].getAttribute("width")).toBe(String(out.width));
    expect(root.getAttribute("role")).toBe("img");
    expect(root.querySelector("[tabindex], [role=button]")).toBeNull();
  });

  it("keeps the diagram's title, description and every number it draws", () => {
    const svg = pageDiagram();
    const doc = parseSvg(standaloneSvg(svg).text);
    expect(doc.querySelector("title")!.textContent).toBe(svg.querySelector("title")!.textContent);
    expect(doc.querySelector("desc")!.textContent).toBe(svg.querySelector("desc")!.textContent);
    const values = forward(snapshotNetwork(snapshot), snapshot.data.x[SAMPLE]);
    const shown = [...doc.querySelectorAll(".neuron-values text")].map((t) => t.textContent);
    for (const z of values.z.flat()) expect(shown).toContain(fixed(z, 2));
    expect(doc.querySelectorAll(".edge-label").length).toBe(svg.querySelectorAll(".edge-label").length);
  });

  it("draws a caption above the picture, wrapped to its width, and grows the picture by its band", () => {
    const svg = pageDiagram();
    const caption = "Sample 17 through the small ReLU network (after 40 of 250 epochs)";
    const plain = standaloneSvg(svg);
    const out = standaloneSvg(svg, {caption});
    const root = parseSvg(out.text).documentElement;
    const text = root.querySelector("text.export-caption")!;
    const lines = [...text.querySelectorAll("tspan")];
    expect(lines.map((l) => l.textContent).join(" ")).toBe(caption);
    for (const line of lines) expect(estimateTextWidth(line.textContent!, Number(text.getAttribute("font-size")))).toBeLessThanOrEqual(out.width);
    // The band above: as wide as before, taller by the lines, its top where the caption starts.
    const [x, y, w, h] = root.getAttribute("viewBox")!.split(" ").map(Number);
    const [, y0, , h0] = parseSvg(plain.text).documentElement.getAttribute("viewBox")!.split(" ").map(Number);
    expect(w).toBe(plain.width);
    expect(y0 - y).toBe(h - h0);
    expect(h - h0).toBeGreaterThanOrEqual(lines.length * Number(text.getAttribute("font-size")));
    for (const line of lines) {
      expect(Number(line.getAttribute("x"))).toBeGreaterThan(x);
      expect(Number(line.getAttribute("y"))).toBeGreaterThan(y);
      expect(Number(line.getAttribute("y"))).toBeLessThan(y0);
    }
    // Drawn over the background, in the picture's text colour.
    expect(root.querySelector("rect.export-background")!.nextElementSibling).toBe(text);
    expect(text.getAttribute("fill")).toMatch(/^(#|rgb)/);
    // A narrow picture wraps it into more lines.
    const narrow = parseSvg(standaloneSvg(pageDiagram(200), {caption}).text).documentElement;
    expect(narrow.querySelectorAll("text.export-caption tspan").length).toBeGreaterThan(lines.length);
  });

  it("draws the legends below the picture, each its title then its own drawing, inlined", () => {
    const svg = pageDiagram();
    const blocks = [...svg.closest(".flow-stage")!.querySelectorAll(":scope > .flow-legends > *")];
    const legends = blocks.map((b) => ({title: b.querySelector(".legend-title")!.textContent!, svg: b.querySelector<SVGSVGElement>(":scope > svg")!}));
    expect(legends).toHaveLength(2);
    const plain = standaloneSvg(svg);
    const out = standaloneSvg(svg, {legends});
    const root = parseSvg(out.text).documentElement;
    const [, y0, , h0] = parseSvg(plain.text).documentElement.getAttribute("viewBox")!.split(" ").map(Number);
    const titles = [...root.querySelectorAll("text.export-legend-title")];
    const nested = [...root.querySelectorAll("svg.export-legend")];
    expect(titles.map((t) => [...t.querySelectorAll("tspan")].map((s) => s.textContent).join(" "))).toEqual(legends.map((l) => l.title));
    expect(nested).toHaveLength(2);
    // Below the picture, one after the other, each as large as its own drawing, inside the file.
    let above = y0 + h0;
    nested.forEach((n, i) => {
      const y = Number(n.getAttribute("y"));
      expect(y).toBeGreaterThanOrEqual(above);
      expect(Number(titles[i].querySelector("tspan")!.getAttribute("y"))).toBeLessThan(y);
      expect(Number(n.getAttribute("height"))).toBe(Number(legends[i].svg.getAttribute("height")));
      above = y + Number(n.getAttribute("height"));
    });
    const [, y, , h] = root.getAttribute("viewBox")!.split(" ").map(Number);
    expect(y + h).toBeCloseTo(above, 9);
    expect(out.height).toBe(h);
    // Inlined as the picture is: the ramp's gradient is in the file, and every url() points into it.
    const filled = [...root.querySelectorAll("svg.export-legend [fill^='url(']")];
    expect(filled.length).toBeGreaterThan(0);
    for (const el of filled) expect(root.querySelector(el.getAttribute("fill")!.slice(4, -1))).not.toBeNull();
    expect(out.text).not.toMatch(/var\(/);
  });

  it("changes nothing in the page's diagram", () => {
    const svg = pageDiagram();
    const before = svg.outerHTML;
    standaloneSvg(svg);
    expect(svg.outerHTML).toBe(before);
  });
});

describe("exportMenu", () => {
  function stubUrls() {
    const blobs = new Map<string, Blob>();
    let n = 0;
    vi.spyOn(URL, "createObjectURL").mockImplementation((b) => {
      const url = `blob:test/${++n}`;
      blobs.set(url, b as Blob);
      return url;
    });
    vi.spyOn(URL, "revokeObjectURL").mockImplementation(() => {});
    return blobs;
  }

  it("offers four labelled buttons, a link per array and the snippet", () => {
    stubUrls();
    const menu = exportMenu(snapshot, {diagram: () => null, document});
    const buttons = [...menu.querySelectorAll("button")];
    expect(buttons.map((b) => b.textContent)).toEqual(Object.values(EXPORT_BUTTONS));
    for (const b of buttons) expect(b.getAttribute("type")).toBe("button");
    const links = [...menu.querySelectorAll<HTMLAnchorElement>(".export-arrays a")];
    const L = snapshot.layers.length;
    expect(links.map((a) => a.getAttribute("download"))).toEqual(
      [...Array.from({length: L}, (_, k) => [`W${k}`, `b${k}`]).flat(), "X", "y"].map((n) => `small-relu-${n}.npy`)
    );
    for (const a of links) expect(a.getAttribute("href")).toMatch(/^blob:/);
    expect(menu.querySelector("details summary")!.textContent).toMatch(/fcnn/);
    expect(menu.querySelector("details code")!.textContent).toBe(exportSnippet({snapshot, network: snapshotNetwork(snapshot), epoch: snapshot.spec.epochs}));
  });

  it("with the page's selection, saves the epoch in view and keeps the snippet open across epochs", async () => {
    const blobs = stubUrls();
    // The fixture stores its last epoch only: add an earlier checkpoint (the weights halved).
    const half = snapshot.layers.map((l) => ({weights: l.weights.map((r) => r.map((w) => w / 2)), biases: l.biases}));
    const replayed = {...snapshot, checkpoints: [{epoch: 0, layers: half}, ...snapshot.checkpoints]};
    const selection = startSelection(replayed);
    const menu = exportMenu(replayed, {diagram: () => null, selection, document});
    document.body.append(menu);
    try {
      expect(menu.querySelector(".export-arrays a")!.getAttribute("download")).toBe("small-relu-W0.npy");
      menu.querySelector("details")!.open = true;
      menu.querySelector<HTMLButtonElement>('[data-export="zip"]')!.focus();
      const epoch = 0;
      selection.set({epoch});
      expect(menu.querySelector(".export-arrays a")!.getAttribute("download")).toBe(`small-relu-epoch-${epoch}-W0.npy`);
      expect(menu.getAttribute("data-epoch")).toBe(String(epoch));
      expect(menu.querySelector("details")!.open).toBe(true);
      expect(document.activeElement?.getAttribute("data-export")).toBe("zip");
      // A single-array link about to be used holds that epoch's array, not the one it was made with.
      const w0 = menu.querySelector<HTMLAnchorElement>(".export-arrays a")!;
      const before = w0.getAttribute("href");
      w0.dispatchEvent(new FocusEvent("focus"));
      expect(w0.getAttribute("href")).not.toBe(before);
      const bytes = new Uint8Array(await blobs.get(w0.getAttribute("href")!)!.arrayBuffer());
      expect(parseNpy(bytes).values).toEqual(half[0].weights.flat());
    } finally {
      menu.remove();
    }
  });

  it("off screen, renames its files in an idle moment, and at once when a reader turns to it", () => {
    stubUrls();
    const viewport = stubViewport();
    const half = snapshot.layers.map((l) => ({weights: l.weights.map((r) => r.map((w) => w / 2)), biases: l.biases}));
    const replayed = {...snapshot, checkpoints: [{epoch: 0, layers: half}, {epoch: 5, layers: half}, ...snapshot.checkpoints]};
    const selection = startSelection(replayed);
    const menu = exportMenu(replayed, {diagram: () => null, selection, document});
    document.body.append(menu);
    const w0 = () => menu.querySelector(".export-arrays a")!.getAttribute("download");
    try {
      viewport.report(false);
      selection.set({epoch: 0});
      expect([menu.getAttribute("data-epoch"), w0()]).toEqual([String(snapshot.spec.epochs), "small-relu-W0.npy"]);
      viewport.runIdle();
      expect([menu.getAttribute("data-epoch"), w0()]).toEqual(["0", "small-relu-epoch-0-W0.npy"]);
      // A pointer on the menu (before any control of it acts) brings it to the epoch in view.
      selection.set({epoch: 5});
      expect(w0()).toBe("small-relu-epoch-0-W0.npy");
      menu.querySelector(".export-arrays a")!.dispatchEvent(new Event("pointerdown", {bubbles: true}));
      expect(w0()).toBe("small-relu-epoch-5-W0.npy");
    } finally {
      menu.remove();
    }
  });

  it("names the files after the checkpoint's epoch when it is not the last", () => {
    stubUrls();
    const menu = exportMenu(snapshot, {diagram: () => null, epoch: 5, network: snapshotNetwork(snapshot), document});
    expect(menu.querySelector(".export-arrays a")!.getAttribute("download")).toBe("small-relu-epoch-5-W0.npy");
    expect(exportFileNames({snapshot, epoch: 5}).zip).toBe("small-relu-epoch-5-npy.zip");
    expect(() => exportMenu(snapshot, {diagram: () => null, epoch: 99, document})).toThrow(/epoch must be an integer in \[0, 12\]/);
  });

  it("downloads through <a download>: the SVG of the diagram and the first array's bytes", async () => {
    const blobs = stubUrls();
    const clicked: {href: string; download: string}[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({href: this.href, download: this.download});
    });
    const svg = pageDiagram();
    const menu = exportMenu(snapshot, {diagram: () => svg, document});
    document.body.append(menu);
    menu.querySelector<HTMLButtonElement>("[data-export=svg]")!.click();
    await vi.waitFor(() => expect(clicked.length).toBe(1));
    expect(clicked[0].download).toBe("small-relu-diagram.svg");
    const text = await blobs.get(clicked[0].href)!.text();
    expect(parseSvg(text).documentElement.namespaceURI).toBe(SVG_NS);
    // Above the picture, what it shows: the diagram's own title; below it, its two legends.
    expect([...parseSvg(text).querySelectorAll("text.export-caption tspan")].map((t) => t.textContent).join(" ")).toBe(svg.querySelector("title")!.textContent);
    expect(parseSvg(text).querySelectorAll("svg.export-legend")).toHaveLength(2);
    expect(menu.querySelector(".export-status")!.textContent).toBe("Saved small-relu-diagram.svg.");

    const w0 = menu.querySelector<HTMLAnchorElement>(".export-arrays a")!;
    const bytes = new Uint8Array(await blobs.get(w0.getAttribute("href")!)!.arrayBuffer());
    expect(parseNpy(bytes).values).toEqual(snapshot.layers[0].weights.flat());
  });

  it("says so when the diagram is not on the page", async () => {
    stubUrls();
    const menu = exportMenu(snapshot, {diagram: () => null, document});
    menu.querySelector<HTMLButtonElement>("[data-export=png]")!.click();
    await vi.waitFor(() => expect(menu.querySelector(".export-status")!.textContent).toMatch(/not on the page/));
  });
});
