// The fingerprint of a snapshot: a sha256 over everything that determines its content, namely the
// spec (canonical JSON), the source text of the modules that train and assemble it, and the tfjs
// version. Framework's cache never notices a change to a module a loader imports, so
// scripts/refresh-snapshots.ts compares this fingerprint with the cached snapshot's and deletes
// the cached file when they differ. Node only (reads files); no tfjs import, so it is cheap.
import {createHash} from "node:crypto";
import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import {fileURLToPath} from "node:url";
import {SNAPSHOT_VERSION} from "../lib/snapshot.js";
import type {NetworkSpec} from "../lib/spec.js";

/**
 * The modules whose source determines a snapshot, relative to the project root. Editing any of
 * them (even a comment) retrains every network: cautious, and training takes seconds.
 */
export const TRAINER_MODULES = [
  "src/data/adam.ts",
  "src/data/fingerprint.ts",
  "src/data/full-mse.ts",
  "src/data/initialization.ts",
  "src/data/kernels.ts",
  "src/data/parameters.ts",
  "src/data/run-loader.ts",
  "src/data/trainer.ts",
  "src/lib/datasets.ts",
  "src/lib/network.ts",
  "src/lib/random.ts",
  "src/lib/snapshot.ts",
  "src/lib/spec.ts"
] as const;

/** The project root, from this module's location (src/data/). */
export const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The installed @tensorflow/tfjs version (what tf.version.tfjs reports), read without loading tfjs. */
export function tfjsVersion(): string {
  const require = createRequire(import.meta.url);
  return (require("@tensorflow/tfjs/package.json") as {version: string}).version;
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
    for (const path of TRAINER_MODULES) {
      const text = readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
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
