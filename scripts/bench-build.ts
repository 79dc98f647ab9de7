// Benchmark: the CPU time (user + sys, the process and all its children) of `npm run build`, cold
// and warm, against reference Framework sites, in temporary copies so the working tree's dist/ and
// Framework cache are never touched.
//
// Measured, in this order in each round (interleaved, so the machine's state drifts alike for all):
//   cold       the project copy with no Framework cache and no dist/: trains every network, bundles
//              the npm packages the pages import (d3, Plot) into the cache, builds;
//   warm       the same copy built again: every snapshot and bundle is cached;
//   one-page   a Framework site with one markdown page ("# Hello"), config {root: "src"},
//              `npm run build` = `observable build`, warm (built once before the first round);
//   Plot page  the same with one page that imports @observablehq/plot and draws one chart (Plot
//              and d3 are what every Framework + Plot site bundles), cold then warm.
// Every copy links node_modules to this project's. CPU time is read with GNU time (/usr/bin/time
// -f "%U %S"), which counts the children a process waited for (npm, tsx, Framework, esbuild).
// Prints each run, the medians and the ratios cold / warm and warm / one-page (issue 7 targets:
// both at most 1.5), and the load average, since other work on the machine inflates every figure.
//
// Usage: tsx scripts/bench-build.ts [--repeat 3] [--keep]   (npm run bench runs it with defaults)
import {spawn} from "node:child_process";
import {cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {loadavg, tmpdir} from "node:os";
import {join, relative, sep} from "node:path";
import {PROJECT_ROOT} from "../src/data/manifest.js";
import {flag, median, option} from "./cli.js";

const TIME = "/usr/bin/time";
/** What a copy of the project leaves out: installed packages (linked instead) and build outputs. */
const EXCLUDED = new Set(["node_modules", "dist", ".git", join("src", ".observablehq")]);

interface Measure {
  seconds: number;
  /** The build's own account of what it did (its "build: …" lines), to check the state measured. */
  log: string;
  /** CPU seconds of the project build's snapshot step (loading tfjs and training), from its log; 0 for other sites. */
  snapshotStep: number;
}

/** Runs `npm run build` in dir under GNU time; resolves with user + sys seconds of the whole tree. */
function timedBuild(dir: string): Promise<Measure> {
  const timeFile = join(dir, ".build-time");
  return new Promise((resolvePromise, reject) => {
    const child = spawn(TIME, ["-f", "%U %S", "-o", timeFile, "npm", "run", "build"], {
      cwd: dir,
      env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "1"},
      stdio: ["ignore", "pipe", "pipe"]
    });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (output += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (output += d));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`npm run build failed in ${dir} (exit ${code}):\n${output.slice(-2000)}`));
      const [user, sys] = readFileSync(timeFile, "utf8").trim().split(/\s+/).slice(-2).map(Number);
      rmSync(timeFile);
      const log = output
        .split("\n")
        .filter((line) => line.startsWith("build: "))
        .join("; ");
      const step = /kept \((\d+(?:\.\d+)?) s CPU\)/.exec(log);
      resolvePromise({seconds: user + sys, log, snapshotStep: step ? Number(step[1]) : 0});
    });
  });
}

/** Removes Framework's cache and the built site: the next build starts cold. */
function makeCold(dir: string): void {
  rmSync(join(dir, "src", ".observablehq"), {recursive: true, force: true});
  rmSync(join(dir, "dist"), {recursive: true, force: true});
}

function linkModules(dir: string): void {
  symlinkSync(join(PROJECT_ROOT, "node_modules"), join(dir, "node_modules"), "dir");
}

/** A copy of the project (sources, specs, config), node_modules linked. */
function copyProject(dir: string): void {
  cpSync(PROJECT_ROOT, dir, {
    recursive: true,
    filter: (source) => {
      const path = relative(PROJECT_ROOT, source);
      return !EXCLUDED.has(path) && !path.startsWith(`src${sep}.observablehq${sep}`);
    }
  });
  linkModules(dir);
}

/** A Framework site with one page of the given markdown, built with `observable build`. */
function referenceSite(dir: string, page: string): void {
  mkdirSync(join(dir, "src"), {recursive: true});
  writeFileSync(join(dir, "src", "index.md"), page);
  writeFileSync(join(dir, "observablehq.config.js"), `export default {root: "src"};\n`);
  writeFileSync(join(dir, "package.json"), JSON.stringify({private: true, type: "module", scripts: {build: "observable build"}}, null, 2));
  linkModules(dir);
}

const PLOT_PAGE = `# One chart

\`\`\`js
import * as Plot from "@observablehq/plot";
display(Plot.dot([[0, 0], [1, 1], [2, 4]]).plot());
\`\`\`
`;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const repeat = option(args, "repeat", 3);
  if (!Number.isInteger(repeat) || repeat < 1) throw new Error(`--repeat must be a positive integer, got ${repeat}`);
  const keep = flag(args, "keep");
  if (!existsSync(TIME)) throw new Error(`${TIME} (GNU time) is needed to count the CPU time of child processes`);

  const root = mkdtempSync(join(tmpdir(), "fcnn-bench-build-"));
  const project = join(root, "project");
  const onePage = join(root, "one-page");
  const plotPage = join(root, "plot-page");
  copyProject(project);
  referenceSite(onePage, "# Hello\n");
  referenceSite(plotPage, PLOT_PAGE);
  const load = () => loadavg().map((l) => l.toFixed(1)).join(" ");
  console.log(`\nbuild CPU (user + sys of npm run build and its children), median of ${repeat} interleaved rounds; node ${process.version}`);
  console.log(`copies in ${root}; load average before: ${load()}`);
  try {
    // The one-page site has next to nothing to cache; build it once anyway, so that every measured
    // run of it is in the same (warm) state as the project's warm build.
    await timedBuild(onePage);
    const runs: Record<string, number[]> = {cold: [], warm: [], "one-page": [], "Plot page cold": [], "Plot page warm": []};
    const steps: Record<string, number[]> = {cold: [], warm: []};
    const record = (name: string, m: Measure, round: number) => {
      runs[name].push(m.seconds);
      steps[name]?.push(m.snapshotStep);
      console.log(`  round ${round + 1}  ${name.padEnd(15)} ${m.seconds.toFixed(2).padStart(6)} s${m.log ? `   (${m.log})` : ""}`);
    };
    for (let round = 0; round < repeat; ++round) {
      makeCold(project);
      const cold = await timedBuild(project);
      if (!/, 0 kept/.test(cold.log)) throw new Error(`the cold build kept a snapshot: ${cold.log}`);
      record("cold", cold, round);
      const warm = await timedBuild(project);
      if (!/, 0 trained/.test(warm.log)) throw new Error(`the warm build trained: ${warm.log}`);
      record("warm", warm, round);
      record("one-page", await timedBuild(onePage), round);
      makeCold(plotPage);
      record("Plot page cold", await timedBuild(plotPage), round);
      record("Plot page warm", await timedBuild(plotPage), round);
    }
    const m = Object.fromEntries(Object.entries(runs).map(([name, xs]) => [name, median(xs)]));
    console.log(`medians: ${Object.entries(m).map(([name, s]) => `${name} ${s.toFixed(2)} s`).join(", ")}`);
    console.log(`cold / warm            ${(m.cold / m.warm).toFixed(2)}   (target <= 1.5)`);
    console.log(`warm / one-page        ${(m.warm / m["one-page"]).toFixed(2)}   (target <= 1.5)`);
    console.log(`warm / Plot page warm  ${(m.warm / m["Plot page warm"]).toFixed(2)}`);
    console.log(`Plot page cold / warm  ${(m["Plot page cold"] / m["Plot page warm"]).toFixed(2)}   (npm bundling of Plot and d3, paid by any cold Framework + Plot build)`);
    // Where the cold build's extra CPU goes: the snapshot step (this project's: loading tfjs and
    // training) and everything else, which is Framework's work on an empty cache.
    const [coldStep, warmStep] = [median(steps.cold), median(steps.warm)];
    const rest = m.cold - coldStep - (m.warm - warmStep);
    console.log(
      `cold - warm = ${(m.cold - m.warm).toFixed(2)} s: snapshot step (load tfjs, train) ${coldStep.toFixed(2)} s cold vs ${warmStep.toFixed(2)} s warm; ` +
        `the rest of the cold build ${rest.toFixed(2)} s (Framework on an empty cache; the Plot page's cold - warm is ${(m["Plot page cold"] - m["Plot page warm"]).toFixed(2)} s)`
    );
    console.log(`load average after: ${load()}`);
  } finally {
    if (keep) console.log(`kept ${root}`);
    else rmSync(root, {recursive: true, force: true});
  }
}

await main();
