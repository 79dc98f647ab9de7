// The real loader process, as Framework runs it (tsx from the project root), on temporary specs.
import {describe, expect, it} from "vitest";
import {parseSnapshot} from "../../src/lib/snapshot.js";
import {runLoaderProcess, tempDir, tinySpec, writeSpec} from "./helpers.js";

describe("snapshot loader process", () => {
  it("trains a short spec, prints a valid snapshot and nothing else on stdout, byte-identical twice", async () => {
    const path = writeSpec(tempDir(), tinySpec());
    const [first, second] = await Promise.all([runLoaderProcess(path), runLoaderProcess(path)]);
    expect(first.code, first.stderr).toBe(0);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    const snapshot = parseSnapshot(JSON.parse(first.stdout), "stdout");
    expect(snapshot.spec).toEqual(tinySpec());
    expect(snapshot.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(first.stderr).toContain("tiny: epoch 3/3");
  });

  // [what the spec file holds, the field the message must name]
  const bad: [string, string][] = [
    [JSON.stringify(tinySpec({dataset: "circle" as never})), "dataset"],
    [JSON.stringify(tinySpec({activation: "softplus" as never})), "activation"],
    [JSON.stringify(tinySpec({hidden: [0]})), "hidden[0]"],
    [JSON.stringify(tinySpec({hidden: [1.5]})), "hidden[0]"],
    [JSON.stringify(tinySpec({hidden: [-1]})), "hidden[0]"],
    [JSON.stringify(tinySpec({learningRate: 0})), "learningRate"],
    [JSON.stringify(tinySpec({learningRate: -1})), "learningRate"],
    [JSON.stringify(tinySpec({learningRate: "x" as never})), "learningRate"],
    // JSON has no Infinity: a literal too large for a double parses as Infinity.
    [JSON.stringify(tinySpec()).replace('"learningRate":0.01', '"learningRate":1e400'), "learningRate"],
    [JSON.stringify(tinySpec({epochs: 0})), "epochs"],
    [JSON.stringify(tinySpec({batchSize: 201})), "batchSize"],
    [JSON.stringify(tinySpec({id: "other"})), "id"]
  ];

  it("exits non-zero on every bad spec, naming the file and the field on stderr, printing nothing", async () => {
    // One temporary directory per case (the file must be named tiny.json, after the spec's id).
    const results = await Promise.all(bad.map(([text]) => runLoaderProcess(writeSpec(tempDir(), text))));
    results.forEach((result, i) => {
      const [text, field] = bad[i];
      expect(result.code, text).toBe(1);
      expect(result.stdout, text).toBe("");
      expect(result.stderr, text).toContain("tiny.json");
      expect(result.stderr, text).toContain(`field "${field}"`);
    });
  });

  it("exits non-zero on a missing or malformed spec file", async () => {
    const dir = tempDir();
    const [missing, malformed] = await Promise.all([runLoaderProcess(`${dir}/tiny.json`), runLoaderProcess(writeSpec(tempDir(), "{not json"))]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/tiny\.json: cannot read the spec file \(ENOENT\)/);
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toMatch(/tiny\.json: not valid JSON/);
  });

  it("exits non-zero with no snapshot when training diverges", async () => {
    const result = await runLoaderProcess(writeSpec(tempDir(), tinySpec({learningRate: 1e30})));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/tiny: training diverged at epoch 1/);
  });
});
