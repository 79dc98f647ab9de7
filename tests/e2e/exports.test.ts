// The downloads of a network page, in Chromium: the flow diagram as SVG (standalone: it parses,
// holds the diagram's numbers, references nothing outside itself, and draws each element with the
// page's computed colours, widths and fonts) and as PNG (a PNG twice the diagram's size); the
// parameters as a zip of .npy files, as single .npy files and as JSON, each read back with the
// tests' own readers and equal bit for bit to the snapshot file the page was served.
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import type {Browser, Download, Page} from "playwright-core";
import {PNG_SCALE} from "../../src/components/export-menu.js";
import {openPage, problems, servedSnapshot, waitForFigures, type SiteServer} from "../../scripts/harness.js";
import type {Snapshot} from "../../src/lib/snapshot.js";
import {useSite} from "./use-site.js";
import {readFlow} from "./site.js";
import {parseNpy, readZip} from "../lib/file-formats.js";

/** A stroke width or font size in the file may differ from the page's by float printing only. */
const LENGTH_TOLERANCE = 1e-6;
/** Colour channels after both are drawn through a canvas (0–255). */
const CHANNEL_TOLERANCE = 1;
/** A 2x PNG of a diagram with text and colour is at least this many bytes. */
const MIN_PNG_BYTES = 5_000;

let site: SiteServer;
let browser: Browser;
useSite((s, b) => {
  site = s;
  browser = b;
});

/** The file a download started by `act` saves; a download that never starts fails naming `what`. */
async function save(page: Page, what: string, act: () => Promise<void>): Promise<{name: string; bytes: Uint8Array}> {
  const started = page.waitForEvent("download", {timeout: 15_000}).catch((error: Error) => {
    throw new Error(`no download started for ${what}: ${error.message}`);
  });
  const [download] = (await Promise.all([started, act()])) as [Download, void];
  const path = await download.path();
  return {name: download.suggestedFilename(), bytes: new Uint8Array(readFileSync(path))};
}

function expectBitEqual(actual: readonly number[], expected: readonly number[], what: string) {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  const diff = actual.findIndex((v, i) => !Object.is(v, expected[i]));
  expect(diff, `${what}: first differing index ${diff}`).toBe(-1);
}

/** Every array of the export equals the snapshot's: W_k [dIn, dOut], b_k [dOut], X [N, 2], y [N]. */
function expectArrays(files: Map<string, Uint8Array>, snapshot: Snapshot, id: string) {
  snapshot.layers.forEach((layer, k) => {
    const w = parseNpy(files.get(`W${k}.npy`)!);
    expect(w.shape).toEqual([layer.weights.length, layer.biases.length]);
    expectBitEqual(w.values, layer.weights.flat(), `${id} W${k}`);
    const b = parseNpy(files.get(`b${k}.npy`)!);
    expect(b.shape).toEqual([layer.biases.length]);
    expectBitEqual(b.values, layer.biases, `${id} b${k}`);
  });
  const x = parseNpy(files.get("X.npy")!);
  expect(x.shape).toEqual([snapshot.data.x.length, 2]);
  expectBitEqual(x.values, snapshot.data.x.flat(), `${id} X`);
  expectBitEqual(parseNpy(files.get("y.npy")!).values, snapshot.data.y, `${id} y`);
}

/**
 * The exported SVG read in the page: parsed, then shown in an iframe with no stylesheet, where each
 * element's computed look is compared with its original's in the page.
 */
async function inspectSvg(page: Page, text: string) {
  return page.evaluate(async (text) => {
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    const root = doc.documentElement;
    const attributes = [...doc.querySelectorAll("*")].flatMap((el) => [...el.attributes].map((a) => ({el: el.localName, name: a.name, value: a.value})));
    const external = attributes.filter(
      (a) => (/(^|:)href$|^src$/.test(a.name) && !a.value.startsWith("#") && !a.value.startsWith("data:")) || /url\((?!#)/.test(a.value) || /@import/.test(a.value)
    );

    const frame = document.createElement("iframe");
    frame.style.cssText = "position:absolute;left:-10000px;top:0;width:2000px;height:2000px;border:0";
    frame.title = "exported diagram";
    frame.srcdoc = `<!doctype html><html><body style="margin:0">${text.replace(/^<\?xml[^>]*>\s*/, "")}</body></html>`;
    await new Promise((resolve) => {
      frame.onload = resolve;
      document.body.append(frame);
    });
    const inFrame = frame.contentDocument!.querySelector("svg")!;
    const pageSvg = document.querySelector(".explorer-diagram svg.flow-svg")!;
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 1;
    const ctx = canvas.getContext("2d", {willReadFrequently: true})!;
    const rgba = (c: string) => {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = "rgba(0, 0, 0, 0)";
      ctx.fillStyle = c;
      ctx.fillRect(0, 0, 1, 1);
      return [...ctx.getImageData(0, 0, 1, 1).data];
    };
    const colour = ["fill", "stroke", "color"];
    const length = ["stroke-width", "font-size", "opacity", "stroke-opacity", "fill-opacity"];
    const keyword = ["text-anchor", "font-weight", "paint-order", "visibility", "display", "font-family", "stroke-linejoin", "stroke-dasharray", "dominant-baseline"];
    const originals = [pageSvg, ...pageSvg.querySelectorAll("*")];
    // The file's own additions (its background, caption and legends) are not the page's diagram.
    const copies = [inFrame, ...inFrame.querySelectorAll("*")].filter((e) => !e.classList.contains("export-background") && !e.closest(".export-caption, .export-legend, .export-legend-title"));
    const mismatches: string[] = [];
    originals.forEach((el, i) => {
      const copy = copies[i];
      if (!copy || copy.localName !== el.localName) {
        mismatches.push(`element ${i}: ${el.localName} vs ${copy?.localName}`);
        return;
      }
      const a = getComputedStyle(el);
      const b = frame.contentWindow!.getComputedStyle(copy);
      const where = `${el.localName}.${el.getAttribute("class") ?? ""}[${i}]`;
      for (const p of colour) {
        const [x, y] = [rgba(a.getPropertyValue(p)), rgba(b.getPropertyValue(p))];
        if (x.some((v, k) => Math.abs(v - y[k]) > 1)) mismatches.push(`${where} ${p}: ${a.getPropertyValue(p)} vs ${b.getPropertyValue(p)}`);
      }
      for (const p of length) {
        if (Math.abs(parseFloat(a.getPropertyValue(p)) - parseFloat(b.getPropertyValue(p))) > 1e-6) mismatches.push(`${where} ${p}: ${a.getPropertyValue(p)} vs ${b.getPropertyValue(p)}`);
      }
      for (const p of keyword) {
        // The root's display is the page's layout (block in the article), not part of the drawing.
        if (i === 0 && p === "display") continue;
        if (a.getPropertyValue(p) !== b.getPropertyValue(p)) mismatches.push(`${where} ${p}: ${a.getPropertyValue(p)} vs ${b.getPropertyValue(p)}`);
      }
    });
    const background = inFrame.querySelector(".export-background");
    const result = {
      parseError: doc.querySelector("parsererror")?.textContent ?? null,
      namespace: root.namespaceURI,
      width: Number(root.getAttribute("width")),
      height: Number(root.getAttribute("height")),
      viewBox: root.getAttribute("viewBox"),
      hasVar: text.includes("var(--"),
      external,
      background: background ? rgba(getComputedStyle(background).fill) : null,
      caption: [...doc.querySelectorAll(".export-caption tspan")].map((t) => t.textContent).join(" "),
      legendTitles: [...doc.querySelectorAll(".export-legend-title")].map((t) => [...t.querySelectorAll("tspan")].map((s) => s.textContent).join(" ")),
      neuronTexts: [...doc.querySelectorAll(".neuron-values text")].map((t) => ({layer: t.getAttribute("data-layer"), unit: t.getAttribute("data-unit"), kind: t.getAttribute("class"), text: t.textContent})),
      edgeTexts: [...doc.querySelectorAll(".edge-label")].map((t) => t.textContent),
      mismatches
    };
    frame.remove();
    return result;
  }, text);
}

describe.each([
  {path: "/small-relu", id: "small-relu"},
  {path: "/large-relu", id: "large-relu"}
])("downloads on $path", ({path, id}) => {
  it("saves the diagram as a standalone SVG and a 2x PNG, and the parameters as .npy (zip and single), and JSON", async () => {
    const {page, log, close} = await openPage(browser, site.origin);
    try {
      await page.goto(site.url(path));
      await waitForFigures(page, path);
      await page.waitForSelector(".export-menu button");
      const {snapshot} = await servedSnapshot(page, id);
      const flow = await readFlow(page);

      // SVG, by keyboard: focus the button and press Enter.
      await page.getByRole("button", {name: "Diagram as SVG"}).focus();
      const svgFile = await save(page, "Enter on Diagram as SVG", () => page.keyboard.press("Enter"));
      expect(svgFile.name).toBe(`${id}-diagram.svg`);
      const svgText = new TextDecoder().decode(svgFile.bytes);
      expect(svgText).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg[^>]* xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      const svg = await inspectSvg(page, svgText);
      expect(svg.parseError).toBeNull();
      expect(svg.namespace).toBe("http://www.w3.org/2000/svg");
      expect(svg.hasVar).toBe(false);
      expect(svg.external).toEqual([]);
      expect(svg.width).toBeGreaterThan(0);
      expect(svg.viewBox).toMatch(new RegExp(` ${svg.width} ${svg.height}$`));
      expect(svg.background).toEqual([255, 255, 255, 255]);
      // Above the picture, what it shows: the diagram's caption on the page.
      expect(svg.caption).toBe(await page.textContent(".explorer-diagram .flow-diagram figcaption"));
      // Below it, the legends the page shows beside it.
      expect(svg.legendTitles).toEqual(await page.locator(".explorer-diagram .flow-legends .legend-title").allTextContents());
      // The diagram's numbers, as the page draws them.
      for (const n of flow.neurons) {
        expect(svg.neuronTexts).toContainEqual({layer: String(n.layer), unit: String(n.unit), kind: "value-label z-label", text: n.z});
        expect(svg.neuronTexts).toContainEqual({layer: String(n.layer), unit: String(n.unit), kind: "value-label a-label", text: n.a});
      }
      expect(svg.edgeTexts).toEqual(flow.edges.map((e) => e.text));
      // Drawn on its own, every element has the page's colours, widths and fonts.
      expect(svg.mismatches).toEqual([]);

      const png = await save(page, "Diagram as PNG", () => page.getByRole("button", {name: "Diagram as PNG"}).click());
      expect(png.name).toBe(`${id}-diagram.png`);
      expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      const ihdr = new DataView(png.bytes.buffer, png.bytes.byteOffset);
      expect(new TextDecoder().decode(png.bytes.subarray(12, 16))).toBe("IHDR");
      expect(ihdr.getUint32(16)).toBe(Math.round(svg.width * PNG_SCALE));
      expect(ihdr.getUint32(20)).toBe(Math.round(svg.height * PNG_SCALE));
      expect(png.bytes.length).toBeGreaterThan(MIN_PNG_BYTES);

      const zip = await save(page, "Weights as .npy (zip)", () => page.getByRole("button", {name: "Weights as .npy (zip)"}).click());
      expect(zip.name).toBe(`${id}-npy.zip`);
      const entries = readZip(zip.bytes);
      expect(entries.every((e) => e.method === 0 && e.name.startsWith(`${id}/`))).toBe(true);
      expectArrays(new Map(entries.map((e) => [e.name.slice(id.length + 1), e.data])), snapshot, id);
      expect(new TextDecoder().decode(entries.find((e) => e.name === `${id}/README.txt`)!.data)).toContain("fcnn = {");

      // Chromium drops, without an error, a page's eleventh download in quick succession (seen
      // here on the large page: twelve files in about two seconds). The rest are saved from the
      // page loaded afresh.
      await page.reload();
      await waitForFigures(page, path);
      const singles = new Map<string, Uint8Array>();
      for (const name of [...snapshot.layers.flatMap((_, k) => [`W${k}.npy`, `b${k}.npy`]), "X.npy", "y.npy"]) {
        const file = await save(page, name, () => page.locator(".export-arrays a", {hasText: new RegExp(`^${name.replace(".", "\\.")}$`)}).click());
        expect(file.name).toBe(`${id}-${name}`);
        singles.set(name, file.bytes);
      }
      expectArrays(singles, snapshot, id);

      const json = await save(page, "Weights as JSON", () => page.getByRole("button", {name: "Weights as JSON"}).click());
      expect(json.name).toBe(`${id}-weights.json`);
      const parsed = JSON.parse(new TextDecoder().decode(json.bytes));
      expect(parsed.id).toBe(id);
      expect(parsed.epoch).toBe(snapshot.spec.epochs);
      snapshot.layers.forEach((l, k) => {
        expectBitEqual(parsed.weights[k].flat(), l.weights.flat(), `json W${k}`);
        expectBitEqual(parsed.biases[k], l.biases, `json b${k}`);
      });

      await page.getByText("Python: load the arrays").click();
      expect(await page.locator(".export-snippet pre").isVisible()).toBe(true);
      expect(await page.locator(".export-status").textContent()).toBe(`Saved ${id}-weights.json.`);
      expect(problems(log)).toEqual([]);
    } finally {
      await close();
    }
  });
});
