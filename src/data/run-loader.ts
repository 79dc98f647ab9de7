// What every snapshot loader (src/data/<id>.json.ts) does: read data/<id>.json, check it, train,
// check the snapshot against the contract, and write it as JSON on stdout (Framework caches
// stdout as the file). Everything else goes to stderr. Any error prints a message naming the spec
// file (and the field, for a bad spec) and exits with code 1, which fails the Framework build.
//
// FCNN_SPEC_PATH (tests only) replaces the spec file, so a test can run a real loader process on
// a temporary spec; the file's base name must still be the spec's id.
import {readFileSync} from "node:fs";
import {basename, isAbsolute, relative, resolve} from "node:path";
import {parseSnapshot} from "../lib/snapshot.js";
import {parseSpec, ValidationError, type NetworkSpec} from "../lib/spec.js";
import {fingerprintSpec, PROJECT_ROOT} from "./fingerprint.js";

export const SPEC_PATH_VARIABLE = "FCNN_SPEC_PATH";

/** How often (in epochs) progress is logged to stderr. */
const LOG_EVERY = 50;

const log = (message: string) => process.stderr.write(`${message}\n`);

/** Reads and validates a spec file; the errors name the file (as given) and the field. */
export function readSpec(path: string, display = path): NetworkSpec {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new Error(`${display}: cannot read the spec file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${display}: not valid JSON (${(error as Error).message})`);
  }
  const spec = parseSpec(value, display);
  const expected = basename(path, ".json");
  if (spec.id !== expected) throw new ValidationError(display, "id", `must match the file name "${expected}", got ${JSON.stringify(spec.id)}`);
  return spec;
}

/** Writes text to stdout and resolves once it is flushed (stdout may be a pipe or a file). */
function writeStdout(text: string): Promise<void> {
  return new Promise((resolvePromise, reject) => process.stdout.write(text, (error) => (error ? reject(error) : resolvePromise())));
}

/** Trains the spec with the given id and prints its snapshot; sets exit code 1 on any error. */
export async function runLoader(id: string): Promise<void> {
  const override = process.env[SPEC_PATH_VARIABLE];
  const path = override ? resolve(override) : resolve(PROJECT_ROOT, "data", `${id}.json`);
  const shown = relative(process.cwd(), path);
  const display = shown && !shown.startsWith("..") && !isAbsolute(shown) ? shown : path;
  try {
    const spec = readSpec(path, display);
    // Nothing but the snapshot may reach stdout: route any library logging to stderr.
    console.log = console.info = console.debug = console.warn = console.error;
    // Loaded only now, so that a bad spec fails fast, before tfjs is even imported.
    const {trainSnapshot} = await import("./trainer.js");
    const started = performance.now();
    const snapshot = await trainSnapshot(spec, fingerprintSpec(spec), ({epoch, loss, mse}) => {
      if (epoch % LOG_EVERY === 0 || epoch === spec.epochs)
        log(`${spec.id}: epoch ${epoch}/${spec.epochs}, last-batch loss ${loss.toPrecision(4)}, full-dataset MSE ${mse.toPrecision(4)}`);
    });
    const json = JSON.stringify(snapshot);
    parseSnapshot(JSON.parse(json), `snapshot of ${display}`);
    log(`${spec.id}: trained in ${((performance.now() - started) / 1000).toFixed(2)} s with tfjs ${snapshot.runtime.tfjsVersion} (${snapshot.runtime.backend}), ${json.length} bytes`);
    await writeStdout(json);
  } catch (error) {
    log(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
