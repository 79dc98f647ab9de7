// The downloads of a network page: the flow diagram as SVG or PNG, the parameters as JSON, the
// parameters and the dataset as NumPy arrays (all in one zip, or one file at a time), and the Python
// snippet that turns the arrays back into the article's `fcnn` dictionary.
//
// Every file is made in the page from what it already holds (the snapshot and the diagram in the
// DOM) and handed over through an <a download> with a blob URL: nothing is fetched. A button's URL
// is revoked once the download has started; each single-array link keeps one URL, replaced by a fresh
// one (and the old one revoked) after each click.
import type {Network} from "../lib/network.js";
import {snapshotNetwork, type Snapshot} from "../lib/snapshot.js";
import {
  exportBaseName,
  exportSnippet,
  npyFiles,
  singleFilePrefix,
  weightsJsonText,
  weightsZip,
  type ExportSource
} from "../lib/weights-export.js";
import type {Selection} from "../lib/selection.js";
import {networkInView} from "../lib/page-selection.js";
import {h} from "./dom.js";
import {follow} from "./follow.js";
import {standaloneSvg, svgPngBlob} from "./svg-export.js";

export interface ExportMenuOptions {
  /** The diagram to save, looked up when a reader asks for it (it is redrawn as the sample changes). */
  diagram: () => SVGSVGElement | null;
  /** The parameters to save (default: the snapshot's final ones); a page passes the checkpoint in view. */
  network?: Network;
  /** Epochs behind `network` (default: the spec's epochs, i.e. the final network). */
  epoch?: number;
  /** The page's selection: the menu then saves the parameters of the epoch in view, following it. */
  selection?: Selection;
  document?: Document;
}

/** A blob URL lives this long after its download starts: browsers read it asynchronously. */
const REVOKE_DELAY_MS = 30_000;

/** Device pixels per CSS px of the PNG. */
export const PNG_SCALE = 2;

/** The labels of the four buttons, in order. */
export const EXPORT_BUTTONS = {
  svg: "Diagram as SVG",
  png: "Diagram as PNG",
  json: "Weights as JSON",
  zip: "Weights as .npy (zip)"
} as const;

/** The file names of an export: each starts with the network id (and the epoch of a checkpoint). */
export function exportFileNames(source: Pick<ExportSource, "snapshot" | "epoch">) {
  const base = exportBaseName(source);
  return {svg: `${base}-diagram.svg`, png: `${base}-diagram.png`, json: `${base}-weights.json`, zip: `${base}-npy.zip`, prefix: singleFilePrefix(source)};
}

/** Starts the download of `blob` as `name` through a temporary <a download>. */
function download(doc: Document, blob: Blob, name: string): void {
  const view = doc.defaultView ?? globalThis;
  const url = view.URL.createObjectURL(blob);
  const a = h(doc, "a", {href: url, download: name, hidden: true});
  doc.body.append(a);
  a.click();
  a.remove();
  view.setTimeout(() => view.URL.revokeObjectURL(url), REVOKE_DELAY_MS);
}

/**
 * The menu. With `options.selection` it saves the checkpoint in view: its content is made again when
 * the epoch changes (the single-array links hold that epoch's arrays), and the old links' URLs go.
 */
export function exportMenu(snapshot: Snapshot, options: ExportMenuOptions): HTMLElement {
  const {selection} = options;
  if (!selection) return menuFor(snapshot, options);
  const doc = options.document ?? document;
  const view = doc.defaultView ?? globalThis;
  const root = h(doc, "div", {class: "export-menu-follow"});
  const draw = (epoch: number) => {
    // What the reader had open or focused in the old menu stays so in the new one.
    const open = root.querySelector("details")?.open ?? false;
    const focused = doc.activeElement?.closest("[data-export], [data-array]");
    const key = focused && root.contains(focused) ? (focused.getAttribute("data-export") ?? focused.getAttribute("data-array")) : null;
    for (const a of root.querySelectorAll<HTMLAnchorElement>("a[href^='blob:']")) view.URL.revokeObjectURL(a.href);
    root.replaceChildren(menuFor(snapshot, {...options, network: networkInView(snapshot, epoch), epoch: Math.min(epoch, snapshot.spec.epochs)}));
    const details = root.querySelector("details");
    if (details) details.open = open;
    if (key) root.querySelector<HTMLElement>(`[data-export="${key}"], [data-array="${key}"]`)?.focus();
  };
  draw(selection.get().epoch);
  follow(root, selection, (s, changed) => {
    if (changed.has("epoch")) draw(s.epoch);
  });
  return root;
}

function menuFor(snapshot: Snapshot, options: ExportMenuOptions): HTMLElement {
  const doc = options.document ?? document;
  const view = doc.defaultView ?? globalThis;
  const network = options.network ?? snapshotNetwork(snapshot);
  const epoch = options.epoch ?? snapshot.spec.epochs;
  if (!Number.isInteger(epoch) || epoch < 0 || epoch > snapshot.spec.epochs) throw new Error(`exportMenu: epoch must be an integer in [0, ${snapshot.spec.epochs}], got ${epoch}`);
  const source: ExportSource = {snapshot, network, epoch};
  const names = exportFileNames(source);

  const status = h(doc, "p", {class: "export-status", role: "status"});
  const say = (text: string) => (status.textContent = text);

  const diagramSvg = (): SVGSVGElement | null => {
    const svg = options.diagram();
    if (!svg) say("The flow diagram is not on the page yet: nothing to save.");
    return svg;
  };

  const actions: Record<keyof typeof EXPORT_BUTTONS, () => void | Promise<void>> = {
    svg: () => {
      const svg = diagramSvg();
      if (!svg) return;
      download(doc, new view.Blob([standaloneSvg(svg).text], {type: "image/svg+xml"}), names.svg);
      say(`Saved ${names.svg}.`);
    },
    png: async () => {
      const svg = diagramSvg();
      if (!svg) return;
      download(doc, await svgPngBlob(standaloneSvg(svg), {scale: PNG_SCALE, document: doc}), names.png);
      say(`Saved ${names.png}.`);
    },
    json: () => {
      download(doc, new view.Blob([weightsJsonText(source)], {type: "application/json"}), names.json);
      say(`Saved ${names.json}.`);
    },
    zip: () => {
      download(doc, new view.Blob([weightsZip(source) as Uint8Array<ArrayBuffer>], {type: "application/zip"}), names.zip);
      say(`Saved ${names.zip}.`);
    }
  };

  const buttons = (Object.keys(EXPORT_BUTTONS) as (keyof typeof EXPORT_BUTTONS)[]).map((key) => {
    const button = h(doc, "button", {type: "button", "data-export": key}, EXPORT_BUTTONS[key]);
    button.addEventListener("click", async () => {
      try {
        await actions[key]();
      } catch (error) {
        say(`Could not save ${EXPORT_BUTTONS[key].toLowerCase()}: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
    return button;
  });

  // One link per array, each with its own blob URL (the arrays are small: X, the largest, is 16 bytes a sample).
  const links = npyFiles(source).map((file) => {
    const name = names.prefix + file.name;
    const blob = new view.Blob([file.data as Uint8Array<ArrayBuffer>], {type: "application/octet-stream"});
    const a = h(doc, "a", {href: view.URL.createObjectURL(blob), download: name, "data-array": file.name.replace(/\.npy$/, "")}, file.name);
    a.addEventListener("click", () => {
      const used = a.href;
      // After this click's download has read it, the link gets a fresh URL and the used one goes.
      view.setTimeout(() => {
        a.href = view.URL.createObjectURL(blob);
        view.setTimeout(() => view.URL.revokeObjectURL(used), REVOKE_DELAY_MS);
      }, 0);
    });
    return h(doc, "li", {}, a);
  });

  const snippet = exportSnippet(source);
  return h(
    doc,
    "div",
    {class: "export-menu", "data-network": snapshot.spec.id, "data-epoch": epoch},
    h(doc, "div", {class: "export-buttons", role: "group", "aria-label": `Save the diagram or the parameters of ${exportBaseName(source)}`}, buttons),
    status,
    h(doc, "p", {class: "export-arrays-label", id: `export-arrays-${exportBaseName(source)}`}, "Or one NumPy array at a time:"),
    h(doc, "ul", {class: "export-arrays", "aria-labelledby": `export-arrays-${exportBaseName(source)}`}, links),
    h(
      doc,
      "details",
      {class: "export-snippet"},
      h(doc, "summary", {}, "Python: load the arrays and rebuild the article's fcnn dictionary"),
      h(doc, "pre", {tabindex: 0, "aria-label": "Python snippet"}, h(doc, "code", {class: "language-python"}, snippet))
    )
  );
}
