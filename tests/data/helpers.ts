// Shared helpers of the loader and trainer tests.
import {spawn} from "node:child_process";
import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import type {NetworkSpec} from "../../src/lib/spec.js";
import {SPEC_PATH_VARIABLE} from "../../src/data/run-loader.js";

/** A spec small enough to train in well under a second: 200 points, batches of 50, 3 epochs. */
export function tinySpec(overrides: Partial<NetworkSpec> = {}): NetworkSpec {
  return {
    id: "tiny",
    title: "Tiny test network",
    dataset: "prod",
    points: 200,
    hidden: [3],
    activation: "relu",
    optimizer: "adam",
    learningRate: 0.01,
    epochs: 3,
    batchSize: 50,
    dataSeed: 1,
    initSeed: 1,
    checkpointEvery: 2,
    seedNote: "test spec",
    palette: "viridis",
    presets: [],
    ...overrides
  };
}

export function tempDir(prefix = "fcnn-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes a spec file named <id>.json (or raw text, for specs JSON cannot express) in dir. */
export function writeSpec(dir: string, spec: object | string, id = "tiny"): string {
  const path = join(dir, `${id}.json`);
  writeFileSync(path, typeof spec === "string" ? spec : JSON.stringify(spec, null, 2));
  return path;
}

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The real loader process (as Framework runs it: tsx from the project root) on another spec file. */
export function runLoaderProcess(specPath: string): Promise<ProcessResult> {
  return run(resolve("node_modules/.bin/tsx"), ["src/data/[id].json.ts", "--id=tiny"], {[SPEC_PATH_VARIABLE]: specPath});
}

export function run(command: string, args: string[], env: Record<string, string> = {}): Promise<ProcessResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {cwd: resolve("."), env: {...process.env, ...env}, stdio: ["ignore", "pipe", "pipe"]});
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolvePromise({code, stdout, stderr}));
  });
}
