// Loading a snapshot on a page: fetch it, validate it with the same parser the loader used, and on
// any failure produce a visible error that names the file and what is wrong, in place of the figures.
import {parseSnapshot, type Snapshot} from "../lib/snapshot.js";
import {h} from "./dom.js";

interface JsonFile {
  name: string;
  json(): Promise<unknown>;
}

export type LoadedSnapshot = {ok: true; snapshot: Snapshot} | {ok: false; message: string; error: HTMLElement};

export async function loadSnapshot(file: JsonFile, doc: Document = document): Promise<LoadedSnapshot> {
  try {
    return {ok: true, snapshot: parseSnapshot(await file.json(), file.name)};
  } catch (cause) {
    const message = cause instanceof SyntaxError ? `${file.name} is not valid JSON (${cause.message})` : String((cause as Error)?.message ?? cause);
    return {ok: false, message, error: snapshotError(file.name, message, doc)};
  }
}

export function snapshotError(name: string, message: string, doc: Document = document): HTMLElement {
  return h(
    doc,
    "div",
    {class: "snapshot-error", role: "alert"},
    h(doc, "strong", {}, `The trained network in ${name} could not be loaded.`),
    h(doc, "p", {}, message),
    h(doc, "p", {}, "The figures of this page need it. Rebuilding the site (npm run build) trains the network again.")
  );
}

/** A promise that never settles: cells that depend on a snapshot that failed to load simply stay empty. */
export function never<T>(): Promise<T> {
  return new Promise<T>(() => {});
}
