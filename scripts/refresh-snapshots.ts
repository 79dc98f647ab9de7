// Runs before `observable build` and `observable preview` (npm run build / dev / retrain).
//
// Framework caches a loader's output in src/.observablehq/cache/<path> and a build never reruns a
// loader whose output is cached, even when the loader, a module it imports, or the spec it reads
// changed. So, for every spec data/<id>.json, this compares the fingerprint stored in the cached
// snapshot src/.observablehq/cache/data/<id>.json with the fingerprint the current spec and trainer
// would give (src/data/fingerprint.ts), and deletes the cached file when they differ or when it is
// unreadable, so that Framework reruns that loader; it keeps it otherwise. With --all it deletes
// every cached snapshot (retrain). A spec that fails validation also has its cached snapshot
// deleted: the loader then runs and fails the build with the field named. Reports go to stderr.
//
// Usage: tsx scripts/refresh-snapshots.ts [--all] [--spec-dir data] [--cache-dir src/.observablehq/cache/data]
import {existsSync, readdirSync, readFileSync, rmSync} from "node:fs";
import {basename, join} from "node:path";
import {pathToFileURL} from "node:url";
import {parseSnapshot} from "../src/lib/snapshot.js";
import {fingerprintSpec} from "../src/data/fingerprint.js";
import {readSpec} from "../src/data/run-loader.js";

export const DEFAULT_SPEC_DIR = "data";
export const DEFAULT_CACHE_DIR = "src/.observablehq/cache/data";

export interface RefreshOptions {
  specDir?: string;
  cacheDir?: string;
  /** Delete every cached snapshot, whatever its fingerprint. */
  all?: boolean;
  log?: (line: string) => void;
}

export type RefreshAction = "kept" | "deleted" | "missing";

export interface RefreshEntry {
  id: string;
  action: RefreshAction;
  reason: string;
}

/** Checks the cached snapshot of every spec in specDir; returns what it did for each. */
export function refreshSnapshots(options: RefreshOptions = {}): RefreshEntry[] {
  const specDir = options.specDir ?? DEFAULT_SPEC_DIR;
  const cacheDir = options.cacheDir ?? DEFAULT_CACHE_DIR;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const files = readdirSync(specDir)
    .filter((f) => f.endsWith(".json"))
    .sort();
  const entries: RefreshEntry[] = [];
  for (const file of files) {
    const id = basename(file, ".json");
    const cached = join(cacheDir, `${id}.json`);
    const entry = (action: RefreshAction, reason: string) => {
      if (action === "deleted") rmSync(cached, {force: true});
      entries.push({id, action, reason});
      log(`refresh-snapshots: ${id}: ${action === "missing" ? "not cached, the build will train it" : action} (${reason})`);
    };
    if (!existsSync(cached)) {
      entry("missing", `no ${cached}`);
      continue;
    }
    if (options.all) {
      entry("deleted", "--all");
      continue;
    }
    let current: string;
    try {
      current = fingerprintSpec(readSpec(join(specDir, file)));
    } catch (error) {
      entry("deleted", `the spec is invalid, the loader will report it: ${(error as Error).message}`);
      continue;
    }
    let stored: string;
    try {
      stored = parseSnapshot(JSON.parse(readFileSync(cached, "utf8")), cached).fingerprint;
    } catch (error) {
      entry("deleted", `cached snapshot unreadable: ${(error as Error).message}`);
      continue;
    }
    if (stored === current) entry("kept", `fingerprint ${current.slice(0, 12)} unchanged`);
    else entry("deleted", `fingerprint ${stored.slice(0, 12)} is stale, spec or trainer now give ${current.slice(0, 12)}`);
  }
  return entries;
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  if (i + 1 >= args.length) throw new Error(`${name} needs a value`);
  return args[i + 1];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  try {
    refreshSnapshots({all: args.includes("--all"), specDir: option(args, "--spec-dir"), cacheDir: option(args, "--cache-dir")});
  } catch (error) {
    process.stderr.write(`refresh-snapshots: error: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
