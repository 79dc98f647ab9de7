import {existsSync, readFileSync} from "node:fs";
import {dirname, join, normalize} from "node:path";
import * as tf from "@tensorflow/tfjs";
import {describe, expect, it} from "vitest";
import {canonicalJson, fingerprintSpec, PROJECT_ROOT, TRAINER_MODULES, tfjsVersion} from "../../src/data/fingerprint.js";
import {tinySpec} from "./helpers.js";

/** Relative modules a source file imports (type-only imports included: they shape the code too). */
function relativeImports(path: string): string[] {
  const text = readFileSync(join(PROJECT_ROOT, path), "utf8");
  return [...text.matchAll(/from\s+"(\.{1,2}\/[^"]+)"|import\(\s*"(\.{1,2}\/[^"]+)"\s*\)/g)].map((m) =>
    normalize(join(dirname(path), (m[1] ?? m[2]).replace(/\.js$/, ".ts")))
  );
}

describe("fingerprintSpec", () => {
  it("is a sha256 that changes with any spec field, whatever the key order", () => {
    const spec = tinySpec();
    const fp = fingerprintSpec(spec);
    expect(fp).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprintSpec({...spec})).toBe(fp);
    const reordered = Object.fromEntries(Object.entries(spec).reverse()) as typeof spec;
    expect(fingerprintSpec(reordered)).toBe(fp);
    expect(fingerprintSpec({...spec, epochs: 4})).not.toBe(fp);
    expect(fingerprintSpec({...spec, initSeed: 2})).not.toBe(fp);
    expect(fingerprintSpec({...spec, seedNote: "other"})).not.toBe(fp);
  });

  it("covers every module the loader and trainer import", () => {
    const seen = new Set<string>();
    const queue = ["src/data/run-loader.ts", "src/data/small-relu.json.ts"];
    while (queue.length) {
      const path = queue.pop()!;
      if (seen.has(path)) continue;
      seen.add(path);
      queue.push(...relativeImports(path));
    }
    seen.delete("src/data/small-relu.json.ts"); // the per-spec wrappers are two lines calling run-loader
    for (const path of seen) expect(TRAINER_MODULES, path).toContain(path);
    for (const path of TRAINER_MODULES) expect(existsSync(join(PROJECT_ROOT, path)), path).toBe(true);
  });

  it("uses the tfjs version that tf.version.tfjs reports", () => {
    expect(tfjsVersion()).toBe(tf.version.tfjs);
  });

  it("canonicalJson sorts keys at every level", () => {
    expect(canonicalJson({b: 1, a: [{d: 2, c: "x"}]})).toBe('{"a":[{"c":"x","d":2}],"b":1}');
  });
});
