// Loading a page's data file: fetch it, validate it with the same parser the build used, and on any
// failure produce a visible error that names the file and what is wrong, in place of the figures.
import {parseSnapshot, type Snapshot} from "../lib/snapshot.js";
import {parseSummaries, type NetworkSummary} from "../lib/manifest.js";
import {h} from "./dom.js";

/** What Framework's FileAttachment gives a page (and a test can fake). */
export interface JsonFile {
  name: string;
  json(): Promise<unknown>;
  /** The file's URL: when given, the file is fetched with a bound on its size. */
  url?(): string | Promise<string>;
  /** The file's size in bytes as the build recorded it. */
  size?: number;
}

/**
 * The most bytes a page reads of one data file. The spec limits (lib/spec.ts) keep a valid snapshot
 * far below this (a few MB at the very largest); a file beyond it is refused unread rather than
 * parsed into memory and drawn.
 */
export const MAX_DATA_BYTES = 16 * 1024 * 1024;

/**
 * The file's JSON, refusing more than maxBytes: first by the size the build recorded for the file
 * (Framework's FileAttachment knows it), then by the server's declared length, then by the bytes
 * received, before anything is parsed.
 */
async function readJson(file: JsonFile, maxBytes: number): Promise<unknown> {
  const tooLarge = () => new RangeError(`${file.name} is larger than ${(maxBytes / 2 ** 20).toFixed(0)} MB, the most a page reads; it was not loaded`);
  if ((file.size ?? 0) > maxBytes) throw tooLarge();
  if (!file.url) return file.json();
  const res = await fetch(await file.url());
  if (!res.ok) throw new Error(`${file.name}: the server answered HTTP ${res.status}`);
  if (Number(res.headers.get("content-length")) > maxBytes) throw tooLarge();
  const bytes = await res.arrayBuffer();
  if (bytes.byteLength > maxBytes) throw tooLarge();
  return JSON.parse(new TextDecoder().decode(bytes));
}

export type Loaded<T> = {ok: true; value: T} | {ok: false; message: string; error: HTMLElement};

/** Fetches and validates a JSON file; a failure becomes an error box naming the file and the field. */
async function loadJson<T>(file: JsonFile, parse: (value: unknown, source: string) => T, doc: Document = document, maxBytes = MAX_DATA_BYTES): Promise<Loaded<T>> {
  try {
    return {ok: true, value: parse(await readJson(file, maxBytes), file.name)};
  } catch (cause) {
    const message = cause instanceof SyntaxError ? `${file.name} is not valid JSON (${cause.message})` : String((cause as Error)?.message ?? cause);
    return {ok: false, message, error: snapshotError({file: file.name, message}, {document: doc})};
  }
}

export function loadSnapshot(file: JsonFile, doc: Document = document, maxBytes = MAX_DATA_BYTES): Promise<Loaded<Snapshot>> {
  return loadJson(file, parseSnapshot, doc, maxBytes);
}

/** The error box of a file that failed to load: its name and what is wrong with it. */
function snapshotError({file, message}: {file: string; message: string}, {document: doc = document}: {document?: Document} = {}): HTMLElement {
  return h(
    doc,
    "div",
    {class: "snapshot-error", role: "alert"},
    h(doc, "strong", {}, `The trained network in ${file} could not be loaded.`),
    h(doc, "p", {}, message),
    h(doc, "p", {}, "The figures of this page need it. Rebuilding the site (npm run build) trains the network again.")
  );
}

/**
 * The validated value of a page's file, or, when it fails to load, its error box shown with `show`
 * (Framework's display) and a promise that never settles: the cells that depend on it then simply
 * stay empty, and the page shows the error instead of a blank.
 */
async function valueOrError<T>(loading: Promise<Loaded<T>>, show: (element: HTMLElement) => unknown): Promise<T> {
  const loaded = await loading;
  if (loaded.ok) return loaded.value;
  show(loaded.error);
  return never<T>();
}

/** A network page's snapshot (see valueOrError). */
export function snapshotFor(file: JsonFile, show: (element: HTMLElement) => unknown, doc: Document = document): Promise<Snapshot> {
  return valueOrError(loadSnapshot(file, doc), show);
}

/** The introduction's summary of every network, data/networks.json (see valueOrError). */
export function summariesFor(file: JsonFile, show: (element: HTMLElement) => unknown, doc: Document = document): Promise<NetworkSummary[]> {
  return valueOrError(loadJson(file, parseSummaries, doc), show);
}

/** A promise that never settles. */
function never<T>(): Promise<T> {
  return new Promise<T>(() => {});
}
