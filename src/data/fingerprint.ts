// The fingerprint of a snapshot: a sha256 over everything that determines its content, namely the
// spec (canonical JSON), the source text of the modules that train and assemble it, and the tfjs
// version. Framework's cache never notices a change to a module a loader imports, so the build
// step (snapshots.ts) compares this fingerprint with the cached snapshot's and trains the network
// again when they differ. Node only (reads files); no tfjs import, so it is cheap.
import {createHash} from "node:crypto";
import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import {posix} from "node:path";
import {SNAPSHOT_VERSION} from "../lib/snapshot.js";
import type {NetworkSpec} from "../lib/spec.js";

/** The modules from which the import graph of training and snapshot assembly is followed. */
export const TRAINER_ENTRIES = ["src/data/snapshots.ts", "src/data/trainer.ts"] as const;

/** The project root, from this module's location (src/data/). */
const ROOT_URL = new URL("../../", import.meta.url);

/** Relative modules a source file imports, project-relative (type-only imports too: they shape the code). */
export function relativeImports(path: string): string[] {
  const text = readFileSync(new URL(path, ROOT_URL), "utf8");
  return [...text.matchAll(/from\s+"(\.{1,2}\/[^"]+)"|import\(\s*"(\.{1,2}\/[^"]+)"\s*\)/g)].map((m) =>
    posix.normalize(posix.join(posix.dirname(path), (m[1] ?? m[2]).replace(/\.js$/, ".ts")))
  );
}

/**
 * The modules whose source determines a snapshot: everything the trainer and the snapshot step
 * import, followed through relative imports, so a new module is covered without a list to keep.
 * Editing any of them (even a comment) retrains every network: cautious, and training takes seconds.
 */
export function trainerModules(): string[] {
  const seen = new Set<string>();
  const queue: string[] = [...TRAINER_ENTRIES];
  while (queue.length) {
    const path = queue.pop()!;
    if (seen.has(path)) continue;
    seen.add(path);
    queue.push(...relativeImports(path));
  }
  return [...seen].sort();
}

/** The installed @tensorflow/tfjs-core version (what the trainer reports), read without loading tfjs. */
export function tfjsVersion(): string {
  const require = createRequire(import.meta.url);
  return (require("@tensorflow/tfjs-core/package.json") as {version: string}).version;
}

/** JSON with object keys sorted at every level, so that key order never changes the hash. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value);
}

let sourcesHash: string | undefined;

/** Hash of the trainer modules' source and the tfjs version (read once per process). */
function trainerHash(): string {
  if (sourcesHash === undefined) {
    const hash = createHash("sha256");
    hash.update(`snapshot version ${SNAPSHOT_VERSION}\ntfjs ${tfjsVersion()}\n`);
    for (const path of trainerModules()) {
      const text = readFileSync(new URL(path, ROOT_URL), "utf8");
      hash.update(`${path} ${Buffer.byteLength(text)}\n${text}\n`);
    }
    sourcesHash = hash.digest("hex");
  }
  return sourcesHash;
}

/** The fingerprint of the snapshot a spec produces with the current trainer: 64 hex digits. */
export function fingerprintSpec(spec: NetworkSpec): string {
  return createHash("sha256").update(`${trainerHash()}\n${canonicalJson(spec)}`).digest("hex");
}
