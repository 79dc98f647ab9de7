// scripts/refresh-snapshots.ts on temporary spec and cache directories: cached snapshots whose
// fingerprint no longer matches their spec are deleted, the others kept.
import {cpSync, existsSync, mkdirSync, readFileSync, writeFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {describe, expect, it} from "vitest";
import {refreshSnapshots} from "../../scripts/refresh-snapshots.js";
import {fingerprintSpec} from "../../src/data/fingerprint.js";
import {SNAPSHOT_VERSION, type Snapshot} from "../../src/lib/snapshot.js";
import type {NetworkSpec} from "../../src/lib/spec.js";
import {run, tempDir, tinySpec, writeSpec} from "./helpers.js";

/** A valid snapshot of a spec with the current fingerprint (untrained: only the contract matters here). */
function cachedSnapshot(spec: NetworkSpec): Snapshot {
  const layer = (dIn: number, dOut: number) => ({weights: Array.from({length: dIn}, () => new Array(dOut).fill(0)), biases: new Array(dOut).fill(0)});
  const sizes = [2, ...spec.hidden, 1];
  const layers = sizes.slice(0, -1).map((d, k) => layer(d, sizes[k + 1]));
  return {
    version: SNAPSHOT_VERSION,
    fingerprint: fingerprintSpec(spec),
    spec,
    data: {x: Array.from({length: spec.points}, () => [0, 0] as const), y: new Array(spec.points).fill(0)},
    layers,
    lossHistory: new Array(spec.epochs).fill(1),
    mseHistory: new Array(spec.epochs).fill(1),
    checkpoints: [{epoch: 0, layers}],
    runtime: {tfjsVersion: "4.22.0", backend: "cpu"}
  };
}

/** Spec dir with three specs and a cache dir holding an up-to-date snapshot of each. */
function fixture() {
  const root = tempDir();
  const specDir = join(root, "data");
  const cacheDir = join(root, "cache", "data");
  mkdirSync(specDir);
  mkdirSync(cacheDir, {recursive: true});
  const specs = ["alpha", "beta", "gamma"].map((id, i) => tinySpec({id, initSeed: i + 1}));
  for (const spec of specs) {
    writeSpec(specDir, spec, spec.id);
    writeFileSync(join(cacheDir, `${spec.id}.json`), JSON.stringify(cachedSnapshot(spec)));
  }
  return {root, specDir, cacheDir, specs};
}

const quiet = {log: () => {}};
const actions = (entries: {id: string; action: string}[]) => Object.fromEntries(entries.map((e) => [e.id, e.action]));

describe("refreshSnapshots", () => {
  it("keeps snapshots whose fingerprint matches", () => {
    const {specDir, cacheDir} = fixture();
    expect(actions(refreshSnapshots({specDir, cacheDir, ...quiet}))).toEqual({alpha: "kept", beta: "kept", gamma: "kept"});
    for (const id of ["alpha", "beta", "gamma"]) expect(existsSync(join(cacheDir, `${id}.json`))).toBe(true);
  });

  it("deletes only the snapshot of a changed spec (on a copy of the cache)", () => {
    const {root, specDir, cacheDir, specs} = fixture();
    const copy = join(root, "cache-copy");
    cpSync(cacheDir, copy, {recursive: true});
    writeSpec(specDir, {...specs[1], epochs: 4}, "beta");
    const lines: string[] = [];
    const entries = refreshSnapshots({specDir, cacheDir: copy, log: (l) => lines.push(l)});
    expect(actions(entries)).toEqual({alpha: "kept", beta: "deleted", gamma: "kept"});
    expect(existsSync(join(copy, "beta.json"))).toBe(false);
    expect(existsSync(join(copy, "alpha.json"))).toBe(true);
    expect(existsSync(join(copy, "gamma.json"))).toBe(true);
    expect(existsSync(join(cacheDir, "beta.json"))).toBe(true); // the original cache is untouched
    expect(lines.join("\n")).toMatch(/beta: deleted \(fingerprint [0-9a-f]{12} is stale/);
  });

  it("deletes unreadable or invalid snapshots, and the snapshot of an invalid spec", () => {
    const {specDir, cacheDir, specs} = fixture();
    writeFileSync(join(cacheDir, "alpha.json"), '{"version": 1, "fingerp');
    const stale = JSON.parse(readFileSync(join(cacheDir, "beta.json"), "utf8"));
    stale.lossHistory = [];
    writeFileSync(join(cacheDir, "beta.json"), JSON.stringify(stale));
    writeSpec(specDir, {...specs[2], learningRate: -1}, "gamma");
    const entries = refreshSnapshots({specDir, cacheDir, ...quiet});
    expect(actions(entries)).toEqual({alpha: "deleted", beta: "deleted", gamma: "deleted"});
    expect(entries.find((e) => e.id === "gamma")!.reason).toContain('field "learningRate"');
  });

  it("reports specs with no cached snapshot, and deletes everything with all", () => {
    const {specDir, cacheDir, specs} = fixture();
    writeSpec(specDir, tinySpec({id: "delta"}), "delta");
    expect(actions(refreshSnapshots({specDir, cacheDir, all: true, ...quiet}))).toEqual({
      alpha: "deleted",
      beta: "deleted",
      delta: "missing",
      gamma: "deleted"
    });
    expect(specs.some((s) => existsSync(join(cacheDir, `${s.id}.json`)))).toBe(false);
  });

  it("works as a command with --spec-dir and --cache-dir, reporting on stderr", async () => {
    const {specDir, cacheDir, specs} = fixture();
    writeSpec(specDir, {...specs[0], hidden: [4]}, "alpha");
    const result = await run(resolve("node_modules/.bin/tsx"), ["scripts/refresh-snapshots.ts", "--spec-dir", specDir, "--cache-dir", cacheDir]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/alpha: deleted/);
    expect(result.stderr).toMatch(/beta: kept/);
    expect(existsSync(join(cacheDir, "alpha.json"))).toBe(false);
    expect(existsSync(join(cacheDir, "beta.json"))).toBe(true);
  });
});
