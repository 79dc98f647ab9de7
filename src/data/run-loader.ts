// What the snapshot loaders do when Framework runs them (the preview server, on a missing file):
// train one network, or summarise all of them, and write the result as JSON on stdout (Framework
// caches stdout as the file). Everything else goes to stderr. Any error prints a message naming the
// spec file (and the field, for a bad spec) and exits with code 1, which fails the Framework build.
//
// FCNN_SPEC_PATH (tests only) replaces the spec file, so a test can run a real loader process on
// a temporary spec; the file's base name must still be the spec's id.
import {readFileSync} from "node:fs";
import {isAbsolute, join, relative, resolve} from "node:path";
import {parseArgs} from "node:util";
import {DEFAULT_SPEC_DIR, readSpec} from "./manifest.js";
import {prepareSnapshots, snapshotText, summaryPath, trainSpec} from "./snapshots.js";

export const SPEC_PATH_VARIABLE = "FCNN_SPEC_PATH";

const log = (message: string) => process.stderr.write(`${message}\n`);

/** Writes text to stdout and resolves once it is flushed (stdout may be a pipe or a file). */
function writeStdout(text: string): Promise<void> {
  return new Promise((resolvePromise, reject) => process.stdout.write(text, (error) => (error ? reject(error) : resolvePromise())));
}

/** Runs a loader body: nothing but its result reaches stdout, and any error sets exit code 1. */
async function asLoader(body: () => Promise<string>): Promise<void> {
  // Route any library logging to stderr.
  console.log = console.info = console.debug = console.warn = console.error;
  try {
    await writeStdout(await body());
  } catch (error) {
    log(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}

/** The route parameter Framework passes a parameterized loader (`--id=small-relu`). */
export function loaderParam(name: string, args = process.argv.slice(2)): string {
  const {values} = parseArgs({args, options: {[name]: {type: "string"}}, strict: false});
  const value = values[name];
  if (typeof value !== "string" || value === "") throw new Error(`loader: missing --${name}=<value>`);
  return value;
}

/** src/data/[id].json.ts: trains the network data/<id>.json declares and prints its snapshot. */
export function runSnapshotLoader(id: string): Promise<void> {
  return asLoader(async () => {
    const override = process.env[SPEC_PATH_VARIABLE];
    const path = override ? resolve(override) : join(DEFAULT_SPEC_DIR, `${id}.json`);
    const shown = relative(process.cwd(), path);
    const display = shown && !shown.startsWith("..") && !isAbsolute(shown) ? shown : path;
    const spec = readSpec(path, display);
    const text = snapshotText(await trainSpec(spec, log), `snapshot of ${display}`);
    log(`${spec.id}: ${text.length} bytes`);
    return text;
  });
}

/** src/data/networks.json.ts: brings every snapshot up to date and prints the introduction's summary. */
export function runSummaryLoader(): Promise<void> {
  return asLoader(async () => {
    await prepareSnapshots({log});
    return readFileSync(summaryPath(), "utf8");
  });
}
