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
  namedArrays,
  singleFilePrefix,
  weightsJsonText,
  weightsZip,
  type ExportSource
} from "../lib/weights-export.js";
import type {Selection} from "../lib/selection.js";
import {networkInView} from "../lib/page-selection.js";
import {encodeNpy} from "../lib/npy.js";
import {h} from "./dom.js";
import {follow, whileAway} from "./follow.js";
import {standaloneSvg, svgPngBlob, type SvgExportOptions} from "./svg-export.js";

export interface ExportMenuOptions {
  /** The diagram to save, looked up when a reader asks for it (it follows the selection; see Explorer.diagramSvg). */
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
 * The menu. With `options.selection` it saves the checkpoint in view: an epoch change renames the
 * files and rewrites the snippet in place (what the reader had open or focused stays so), and the
 * single-array links get that epoch's arrays when next used.
 */
export function exportMenu(snapshot: Snapshot, options: ExportMenuOptions): HTMLElement {
  const {selection} = options;
  const menu = menuFor(snapshot, options);
  if (selection) {
    let epoch = selection.get().epoch;
    const show = () => menu.show(networkInView(snapshot, epoch), Math.min(epoch, snapshot.spec.epochs));
    show();
    // The menu sits at the end of the page: while it is off screen, an epoch change renames its
    // files in an idle moment (whileAway), not in the input's frame. Whatever a reader does in the
    // menu (a pointer, the focus, a key, a click: the capture phase runs before the controls' own
    // handlers and a link's download) first brings it to the epoch in view.
    const work = whileAway(menu, show);
    follow(menu, selection, (s, changed) => {
      if (!changed.has("epoch")) return;
      epoch = s.epoch;
      work.request();
    });
    for (const type of ["pointerdown", "focusin", "keydown", "click", "contextmenu"]) menu.addEventListener(type, () => work.flush(), {capture: true});
  }
  return menu;
}

type Menu = HTMLElement & {
  /** Shows the parameters `network` of `epoch`: file names, labels and snippet change in place. */
  show(network: Network, epoch: number): void;
};

/**
 * What a file of the diagram shows besides the picture: its own title (its sample or point, network
 * and epoch) above it, and the legends beside it on the page (each a title and an SVG) below it.
 */
function fileParts(svg: SVGSVGElement): SvgExportOptions {
  const legends = [...(svg.closest(".flow-stage")?.querySelectorAll(":scope > .flow-legends > *") ?? [])].flatMap((block) => {
    const drawn = block.querySelector<SVGSVGElement>(":scope > svg");
    return drawn ? [{title: block.querySelector(".legend-title")?.textContent ?? "", svg: drawn}] : [];
  });
  return {caption: svg.querySelector(":scope > title")?.textContent ?? undefined, legends};
}

function menuFor(snapshot: Snapshot, options: ExportMenuOptions): Menu {
  const doc = options.document ?? document;
  const view = doc.defaultView ?? globalThis;
  const checkEpoch = (epoch: number) => {
    if (!Number.isInteger(epoch) || epoch < 0 || epoch > snapshot.spec.epochs) throw new Error(`exportMenu: epoch must be an integer in [0, ${snapshot.spec.epochs}], got ${epoch}`);
  };
  let source: ExportSource = {snapshot, network: options.network ?? snapshotNetwork(snapshot), epoch: options.epoch ?? snapshot.spec.epochs};
  checkEpoch(source.epoch);
  let names = exportFileNames(source);

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
      download(doc, new view.Blob([standaloneSvg(svg, fileParts(svg)).text], {type: "image/svg+xml"}), names.svg);
      say(`Saved ${names.svg}.`);
    },
    png: async () => {
      const svg = diagramSvg();
      if (!svg) return;
      download(doc, await svgPngBlob(standaloneSvg(svg, fileParts(svg)), {scale: PNG_SCALE, document: doc}), names.png);
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
  const buttonGroup = h(doc, "div", {class: "export-buttons", role: "group"}, buttons);

  // One link per array, each with its own blob URL (the arrays are small: X, the largest, is 16 bytes
  // a sample). A link's URL is made for the parameters in view when the link is about to be used
  // (pointer down, focus, context menu, or at the latest in its click handler, which runs before the
  // browser follows the href), so that an epoch change costs no encoding; after each click the
  // link gets a fresh URL (the used one is revoked once its download has read it).
  const links = namedArrays(source).map(({name}) => {
    const a = h(doc, "a", {"data-array": name}, `${name}.npy`);
    let madeFor: ExportSource | null = null;
    const refresh = () => {
      if (madeFor === source) return;
      const old = a.getAttribute("href");
      const array = namedArrays(source).find((n) => n.name === name)!;
      a.href = view.URL.createObjectURL(new view.Blob([encodeNpy(array) as Uint8Array<ArrayBuffer>], {type: "application/octet-stream"}));
      madeFor = source;
      if (old) view.setTimeout(() => view.URL.revokeObjectURL(old), REVOKE_DELAY_MS);
    };
    for (const type of ["pointerdown", "focus", "contextmenu"]) a.addEventListener(type, refresh);
    a.addEventListener("click", () => {
      refresh();
      // After this click's download has read it, the link gets a fresh URL and the used one goes.
      view.setTimeout(() => (madeFor = null), 0);
    });
    return {a, refresh};
  });
  const arraysLabel = h(doc, "p", {class: "export-arrays-label"}, "Or one NumPy array at a time:");
  const arrays = h(doc, "ul", {class: "export-arrays"}, links.map(({a}) => h(doc, "li", {}, a)));
  const code = h(doc, "code", {class: "language-python"});

  const root = h(
    doc,
    "div",
    {class: "export-menu", "data-network": snapshot.spec.id},
    buttonGroup,
    status,
    arraysLabel,
    arrays,
    h(
      doc,
      "details",
      {class: "export-snippet"},
      h(doc, "summary", {}, "Python: load the arrays and rebuild the article's fcnn dictionary"),
      h(doc, "pre", {tabindex: 0, "aria-label": "Python snippet"}, code)
    )
  );

  const show = (network: Network, epoch: number) => {
    checkEpoch(epoch);
    source = {snapshot, network, epoch};
    names = exportFileNames(source);
    const base = exportBaseName(source);
    root.setAttribute("data-epoch", String(epoch));
    buttonGroup.setAttribute("aria-label", `Save the diagram or the parameters of ${base}`);
    arraysLabel.id = `export-arrays-${base}`;
    arrays.setAttribute("aria-labelledby", arraysLabel.id);
    for (const {a} of links) a.download = names.prefix + a.textContent;
    code.textContent = exportSnippet(source);
    // The link under the focus is the one a reader may use next without another focus event.
    for (const link of links) if (link.a === doc.activeElement) link.refresh();
  };
  show(source.network, source.epoch);
  for (const link of links) link.refresh();
  return Object.assign(root, {show});
}
