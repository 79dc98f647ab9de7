// Saving and loading a trained network as a snapshot file of the site's schema (lib/snapshot.ts).
// Download: the snapshot serialised without its dataset, as the build writes it. Load: a file input
// or a file dropped on the box; the text is parsed and validated by parseSnapshot, and a file that
// fails is refused with a message naming the field, while the page keeps what it shows.
import {parseSnapshot, serializeSnapshot, type Snapshot} from "../lib/snapshot.js";
import {MAX_DATA_BYTES} from "./snapshot-status.js";
import {h} from "./dom.js";

export interface SnapshotFileOptions {
  /** Called with a loaded, valid snapshot. */
  onLoad: (snapshot: Snapshot, name: string) => void;
  document?: Document;
}

export interface SnapshotFile extends HTMLElement {
  /** Offers this snapshot for download (null: nothing to download yet). */
  setSnapshot(snapshot: Snapshot | null): void;
  /** The text of the snapshot on offer, as downloaded. */
  text: string | null;
  /** Loads a file as the input or a drop would. */
  load(file: File): Promise<void>;
}

let uid = 0;

/** The snapshot in a file's text, or the reason it is refused (naming the field). */
export function snapshotOfText(text: string, name: string): {ok: true; snapshot: Snapshot} | {ok: false; message: string} {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {ok: false, message: `${name} is not valid JSON (${(error as Error).message})`};
  }
  try {
    return {ok: true, snapshot: parseSnapshot(value, name)};
  } catch (error) {
    return {ok: false, message: (error as Error).message};
  }
}

export function snapshotFile(_: unknown, {onLoad, document: doc = document}: SnapshotFileOptions): SnapshotFile {
  const id = `snapshot-file-${++uid}`;
  const download = h(doc, "a", {class: "snapshot-download", download: "your-network.json", "aria-disabled": "true"}, "Download the snapshot (JSON)");
  const input = h(doc, "input", {type: "file", id, accept: ".json,application/json"});
  const message = h(doc, "p", {class: "snapshot-file-message", role: "status"});
  const drop = h(doc, "div", {class: "snapshot-drop"}, h(doc, "label", {for: id}, "Load a snapshot file (or drop one here): "), input);
  let url: string | null = null;
  const root = Object.assign(h(doc, "div", {class: "snapshot-file"}, h(doc, "p", {}, download), drop, message), {
    text: null as string | null,
    setSnapshot,
    load
  });

  function setSnapshot(snapshot: Snapshot | null) {
    if (url) URL.revokeObjectURL(url);
    url = null;
    root.text = snapshot ? serializeSnapshot(snapshot) : null;
    if (root.text !== null && typeof Blob !== "undefined" && typeof URL.createObjectURL === "function") {
      url = URL.createObjectURL(new Blob([root.text], {type: "application/json"}));
      download.setAttribute("href", url);
      download.removeAttribute("aria-disabled");
    } else {
      download.removeAttribute("href");
      download.setAttribute("aria-disabled", "true");
    }
  }

  async function load(file: File) {
    message.classList.remove("snapshot-error");
    if (file.size > MAX_DATA_BYTES) {
      message.textContent = `${file.name} is larger than ${MAX_DATA_BYTES / 2 ** 20} MB and was not loaded; the network shown is unchanged.`;
      message.classList.add("snapshot-error");
      return;
    }
    const result = snapshotOfText(await file.text(), file.name);
    if (!result.ok) {
      // One full stop, whether or not the reason ends with one.
      message.textContent = `Refused: ${result.message.replace(/\.$/, "")}. The network shown is unchanged.`;
      message.classList.add("snapshot-error");
      return;
    }
    // The page says what it loaded beside the network (one message, not two).
    message.textContent = "";
    onLoad(result.snapshot, file.name);
  }

  input.addEventListener("change", () => {
    const file = input.files?.[0];
    if (file) void load(file);
    input.value = "";
  });
  drop.addEventListener("dragover", (event) => {
    event.preventDefault();
    drop.classList.add("dragging");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("dragging"));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    drop.classList.remove("dragging");
    const file = event.dataTransfer?.files?.[0];
    if (file) void load(file);
  });
  return root;
}
