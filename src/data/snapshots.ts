// Bringing every declared network's snapshot up to date before Framework builds or serves the site.
//
// Framework caches a loader's output in src/.observablehq/cache/<path> and a build never reruns a
// loader whose output is cached, even when a module it imports or the spec it reads changed. So,
// for every network in the manifest, this compares the fingerprint stored in the cached snapshot
// with the one the current spec and trainer give (fingerprint.ts), and trains again exactly the
// networks whose snapshot is missing, unreadable or stale. It trains them here, in one process, and
// writes each snapshot where Framework's cache expects the output of the loader src/data/[id].json.ts,
// then the introduction's summary where it expects src/data/networks.json.ts's: the build then finds
// every loader's output fresh and starts no loader process (each would pay ~2 s to start tsx and
// load tfjs). The loaders stay the declared source of these files and run the same code when the
// preview server finds a file missing.
//
// Nothing is lost on failure: every spec is validated before any file is touched, each file is
// written to a temporary name and renamed, and a network that fails to train leaves its previous
// snapshot in place (the build fails naming it).
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {summarize, type ManifestEntry} from "../lib/manifest.js";
import {parseSnapshot, serializeSnapshot, type Snapshot} from "../lib/snapshot.js";
import type {NetworkSpec} from "../lib/spec.js";
import {fingerprintSpec} from "./fingerprint.js";
import {PROJECT_ROOT, readManifest, type ManifestOptions} from "./manifest.js";

export const DEFAULT_CACHE_DIR = join(PROJECT_ROOT, "src/.observablehq/cache/data");
/** The summary's file name, beside the snapshots (FileAttachment("data/networks.json")). */
export const SUMMARY_FILE = "networks.json";

/** How often (in epochs) training progress is logged. */
const LOG_EVERY = 50;

export interface PrepareOptions extends ManifestOptions {
  cacheDir?: string;
  /** Train every network again, whatever its fingerprint. */
  all?: boolean;
  log?: (line: string) => void;
}

export type PrepareAction = "kept" | "trained";

export interface PrepareEntry {
  id: string;
  action: PrepareAction;
  reason: string;
}

/** Writes a file through a temporary name, so a reader never sees half of it. */
export function writeAtomically(path: string, text: string): void {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, text);
    renameSync(temp, path);
  } finally {
    rmSync(temp, {force: true});
  }
}

/**
 * The cached snapshot at `path` when it can be kept for a spec whose fingerprint is `current`, or why
 * it cannot. The file is read and parsed once; the caller summarises the snapshot it gets back.
 */
export function cachedSnapshot(path: string, current: string): {snapshot: Snapshot} | {reason: string} {
  if (!existsSync(path)) return {reason: "not cached"};
  let snapshot: Snapshot;
  try {
    snapshot = parseSnapshot(JSON.parse(readFileSync(path, "utf8")), path);
  } catch (error) {
    return {reason: `cached snapshot unreadable: ${(error as Error).message}`};
  }
  const stored = snapshot.fingerprint;
  return stored === current ? {snapshot} : {reason: `fingerprint ${stored.slice(0, 12)} is stale, the spec and trainer now give ${current.slice(0, 12)}`};
}

/** Trains one spec with the project's trainer (tfjs is loaded on first use only). */
export async function trainSpec(spec: NetworkSpec, log: (line: string) => void): Promise<Snapshot> {
  const {trainSnapshot} = await import("./trainer.js");
  const started = performance.now();
  const snapshot = await trainSnapshot(spec, fingerprintSpec(spec), ({epoch, loss, mse}) => {
    if (epoch % LOG_EVERY === 0 || epoch === spec.epochs)
      log(`${spec.id}: epoch ${epoch}/${spec.epochs}, last-batch loss ${loss.toPrecision(4)}, full-dataset MSE ${mse.toPrecision(4)}`);
  });
  log(`${spec.id}: trained in ${((performance.now() - started) / 1000).toFixed(2)} s with tfjs ${snapshot.runtime.tfjsVersion} (${snapshot.runtime.backend})`);
  return snapshot;
}

/** The snapshot's file text, checked against the contract as a page will read it. */
export function snapshotText(snapshot: Snapshot, source: string): string {
  const text = serializeSnapshot(snapshot);
  parseSnapshot(JSON.parse(text), source);
  return text;
}

/** The introduction's summary: one entry per network of the manifest, from its snapshot (same order). */
function summaryText(manifest: readonly ManifestEntry[], snapshots: readonly Snapshot[]): string {
  return JSON.stringify(manifest.map((entry, i) => summarize(snapshots[i], entry.path)));
}

/** Where prepareSnapshots writes the introduction's summary. */
export function summaryPath(cacheDir = DEFAULT_CACHE_DIR): string {
  return join(cacheDir, SUMMARY_FILE);
}

/** Brings every snapshot of the manifest up to date, then writes the summary; returns what it did. */
export async function prepareSnapshots(options: PrepareOptions = {}): Promise<PrepareEntry[]> {
  const cacheDir = options.cacheDir ?? DEFAULT_CACHE_DIR;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  // Validates every spec first: a bad one throws here, naming its file and field, before any write.
  const manifest = readManifest(options);
  mkdirSync(cacheDir, {recursive: true});
  // Temporary files of a run that was killed before it could rename or remove them.
  for (const file of readdirSync(cacheDir)) if (/\.\d+\.tmp$/.test(file)) rmSync(join(cacheDir, file), {force: true});
  const entries: PrepareEntry[] = [];
  const snapshots: Snapshot[] = [];
  for (const {spec} of manifest) {
    const path = join(cacheDir, `${spec.id}.json`);
    const cached = options.all ? {reason: "retrain requested"} : cachedSnapshot(path, fingerprintSpec(spec));
    if ("snapshot" in cached) {
      entries.push({id: spec.id, action: "kept", reason: "fingerprint unchanged"});
      log(`snapshots: ${spec.id}: kept (fingerprint unchanged)`);
      snapshots.push(cached.snapshot);
      continue;
    }
    log(`snapshots: ${spec.id}: training (${cached.reason})`);
    const snapshot = await trainSpec(spec, log);
    writeAtomically(path, snapshotText(snapshot, `snapshot of ${spec.id}`));
    entries.push({id: spec.id, action: "trained", reason: cached.reason});
    snapshots.push(snapshot);
  }
  writeAtomically(summaryPath(cacheDir), summaryText(manifest, snapshots));
  return entries;
}
