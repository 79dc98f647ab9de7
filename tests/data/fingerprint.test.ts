import {existsSync} from "node:fs";
import {join} from "node:path";
import * as tf from "@tensorflow/tfjs";
import {describe, expect, it} from "vitest";
import {canonicalJson, fingerprintSpec, relativeImports, trainerModules, tfjsVersion} from "../../src/data/fingerprint.js";
import {PROJECT_ROOT} from "../../src/data/manifest.js";
import {tinySpec} from "./helpers.js";

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

  it("covers the trainer's whole import graph: its own files, the lib it uses, and nothing of the pages", () => {
    const modules = trainerModules();
    for (const path of ["src/data/trainer.ts", "src/data/snapshots.ts", "src/data/adam.ts", "src/lib/spec.ts", "src/lib/snapshot.ts", "src/lib/datasets.ts"])
      expect(modules, path).toContain(path);
    for (const path of modules) {
      expect(existsSync(join(PROJECT_ROOT, path)), path).toBe(true);
      expect(path, "no component is part of a snapshot").not.toMatch(/^src\/components\//);
    }
    // Closed under relative imports.
    for (const path of modules) for (const dep of relativeImports(path)) expect(modules, `${path} imports ${dep}`).toContain(dep);
  });

  it("uses the tfjs version that tf.version.tfjs reports", () => {
    expect(tfjsVersion()).toBe(tf.version.tfjs);
  });

  it("canonicalJson sorts keys at every level", () => {
    expect(canonicalJson({b: 1, a: [{d: 2, c: "x"}]})).toBe('{"a":[{"c":"x","d":2}],"b":1}');
  });
});
