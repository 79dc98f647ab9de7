// The site's build, one process: bring every network's snapshot up to date (training the stale ones
// here, in this process: src/data/snapshots.ts), run Framework, then give every built page its
// language. `--retrain` trains every network again; `--dev` serves the site with Framework's preview
// server instead of building it (it trains first, so the first page view never waits for training).
//
// Framework runs as a child process; a SIGINT or SIGTERM sent to this script is passed on to it, and
// this script exits with its code, so stopping the build or the dev server stops everything it started.
//
// A failed build loses nothing: Framework builds into a fresh folder beside dist/ (it empties its
// output first, and a failure leaves it half written), and only a complete build, with every page's
// language set, replaces dist/. A spec that fails validation stops the build before anything is
// written (snapshots.ts), so the cached snapshots and the last good dist/ stay as they were.
//
// Usage: tsx scripts/build.ts [--retrain] [--dev]
import {spawn, type ChildProcess} from "node:child_process";
import {existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {prepareSnapshots} from "../src/data/snapshots.js";
import {PROJECT_ROOT} from "../src/data/manifest.js";

const LANG = "en";
const DIST = join(PROJECT_ROOT, "dist");
const OBSERVABLE = join(PROJECT_ROOT, "node_modules/.bin/observable");

/** The variable that tells observablehq.config.ts where to write the site (default dist/). */
export const OUTPUT_VARIABLE = "FCNN_OUTPUT";

/** Framework's process while it runs: a signal to this script is passed on to it. */
let framework: ChildProcess | null = null;

/** Runs Framework's CLI with the given arguments; resolves with its exit code. Telemetry is off. */
function observable(args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(OBSERVABLE, args, {cwd: PROJECT_ROOT, stdio: "inherit", env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "1", ...env}});
    framework = child;
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      framework = null;
      if (signal) process.stderr.write(`build: Framework was stopped by ${signal}\n`);
      resolvePromise(code ?? (signal === "SIGINT" ? 130 : 143));
    });
  });
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name.startsWith("_") ? [] : htmlFiles(path);
    return e.name.endsWith(".html") ? [path] : [];
  });
}

/** Framework 1.13's viewport tag, which forbids zooming (axe: meta-viewport), and the one written instead. */
const FIXED_VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">';
const ZOOMABLE_VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1">';

/**
 * Framework 1.13's page template writes a bare <html> with no language, which screen readers need
 * to choose a voice (WCAG 3.1.1); every page of this site is English. A page without exactly one
 * bare <html> tag fails the build, so a template change upstream cannot silently skip this.
 */
export function setLanguage(dist: string, lang = LANG): number {
  const files = htmlFiles(dist);
  if (files.length === 0) throw new Error(`no pages in ${dist}`);
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    if (text.includes(`<html lang="${lang}">`)) continue;
    const count = text.split("<html>").length - 1;
    if (count !== 1) throw new Error(`${file} has ${count} bare <html> tags, expected 1`);
    // Readers on phones must be able to pinch-zoom: the template's maximum-scale=1 prevents it.
    writeFileSync(file, text.replace("<html>", `<html lang="${lang}">`).replace(FIXED_VIEWPORT, ZOOMABLE_VIEWPORT));
  }
  return files.length;
}

/** The lock that lets one build (or dev server) at a time write the cache and dist/. */
const LOCK = join(PROJECT_ROOT, ".build.lock");

/** Whether a process with this pid is alive (signal 0 tests without sending anything). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes the lock, or fails naming the build that holds it. A lock whose process is gone (a build
 * killed with SIGKILL) is taken over. Released on exit, whatever the exit path.
 */
function takeLock(): void {
  for (let attempt = 0; attempt < 2; ++attempt) {
    try {
      writeFileSync(LOCK, String(process.pid), {flag: "wx"});
      process.on("exit", () => rmSync(LOCK, {force: true}));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(LOCK, "utf8"));
      if (Number.isInteger(holder) && holder > 0 && alive(holder))
        throw new Error(`another build or dev server (pid ${holder}) is running in this project; wait for it to finish, or stop it, then build again`);
      rmSync(LOCK, {force: true});
    }
  }
  throw new Error(`cannot take the build lock ${LOCK}`);
}

/**
 * On Ctrl-C or kill: while Framework runs, the signal is passed on to it, and the build ends through
 * its usual path (buildInto removes its folder); while this process itself works (training), it exits
 * at once: snapshots are written whole or not at all (writeAtomically), and the lock is released.
 */
function handleSignals(): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.on(signal, () => {
      if (framework) {
        framework.kill(signal);
        return;
      }
      process.stderr.write(`build: stopped by ${signal}; nothing was swapped in\n`);
      process.exit(signal === "SIGINT" ? 130 : 143);
    });
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== "--retrain" && a !== "--dev");
  if (unknown.length) throw new Error(`unknown option ${unknown.join(" ")} (usage: build.ts [--retrain] [--dev])`);
  // The CPU time of this step (this process only: training runs here), so that a build's cost can
  // be split into training and Framework (scripts/bench-build.ts reads this line).
  takeLock();
  handleSignals();
  const cpuBefore = process.cpuUsage();
  const entries = await prepareSnapshots({all: args.includes("--retrain")});
  const cpu = process.cpuUsage(cpuBefore);
  const trained = entries.filter((e) => e.action === "trained").length;
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  process.stderr.write(`build: ${entries.length} networks, ${trained} trained, ${entries.length - trained} kept (${cpuSeconds.toFixed(2)} s CPU)\n`);
  if (args.includes("--dev")) return observable(["preview", "--host", "127.0.0.1"]);
  return buildInto(DIST);
}

/** Builds the site into a fresh folder, then swaps it in for `dist`; on any failure `dist` is untouched. */
async function buildInto(dist: string): Promise<number> {
  const fresh = `${dist}.building-${process.pid}`;
  const old = `${dist}.previous-${process.pid}`;
  // Folders left by a build that was killed before it could clean up.
  for (const stale of readdirSync(PROJECT_ROOT).filter((f) => /^dist\.(building|previous)-\d+$/.test(f))) rmSync(join(PROJECT_ROOT, stale), {recursive: true, force: true});
  try {
    const code = await observable(["build"], {[OUTPUT_VARIABLE]: fresh});
    if (code !== 0) {
      process.stderr.write(`build: Framework failed (exit ${code}); ${existsSync(dist) ? "the previous dist/ is kept" : "no dist/ was written"}\n`);
      return code;
    }
    process.stderr.write(`build: set lang="${LANG}" on ${setLanguage(fresh)} pages\n`);
    if (existsSync(dist)) renameSync(dist, old);
    renameSync(fresh, dist);
    rmSync(old, {recursive: true, force: true});
    return 0;
  } finally {
    rmSync(fresh, {recursive: true, force: true});
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`build: error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
);
