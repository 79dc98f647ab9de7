// Adding a network is adding one spec file: a copy of the project with one more spec in data/ (a
// tanh [8] network on sumSquares) and nothing else is built with the real `npm run build`; the
// build trains it and publishes its generic explorer page, which loads in Chromium with its figures,
// no error, and prose that names its own activation; the introduction and the navigation list it.
//
// The copy starts from this project's Framework cache (when there is one), so only the new network
// is trained and the npm bundles are not built again: the test checks what the spec file changes.
import {cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {spawn, spawnSync} from "node:child_process";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Browser} from "playwright-core";
import {launchBrowser, openPage, problems, serveSite, waitForFigures, type SiteServer} from "../../scripts/harness.js";
import {pageHref} from "../../src/lib/manifest.js";

const ID = "tanh-eight";
const SPEC = {
  id: ID,
  title: "Tanh network",
  dataset: "sumSquares",
  points: 600,
  hidden: [8],
  activation: "tanh",
  optimizer: "adam",
  learningRate: 0.01,
  epochs: 40,
  batchSize: 50,
  checkpointEvery: 10,
  dataSeed: 3,
  initSeed: 4,
  seedNote: "a test network"
};
/** A second extra network, deeper and smooth: any valid shape must be shown honestly by the generic page. */
const DEEP = {...SPEC, id: "deep-tanh", title: "Deep tanh network", dataset: "prod", hidden: [3, 3], epochs: 30};

/** What the copy needs of the project (no node_modules: linked; no dist: built). */
const COPIED = ["package.json", "tsconfig.json", "observablehq.config.ts", "data", "src", "scripts"];

let root: string;
let site: SiteServer;
let browser: Browser;
let build: {status: number | null; output: string};

beforeAll(async () => {
  root = join(tmpdir(), `fcnn-extra-${process.pid}`);
  rmSync(root, {recursive: true, force: true});
  mkdirSync(root);
  // src/ brings Framework's cache (src/.observablehq/cache) along, when this project has one.
  for (const entry of COPIED) cpSync(entry, join(root, entry), {recursive: true});
  symlinkSync(join(process.cwd(), "node_modules"), join(root, "node_modules"), "dir");
  writeFileSync(join(root, "data", `${ID}.json`), JSON.stringify(SPEC, null, 2));
  writeFileSync(join(root, "data", `${DEEP.id}.json`), JSON.stringify(DEEP, null, 2));
  const result = spawnSync("npm", ["run", "build"], {cwd: root, encoding: "utf8", env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "1"}, timeout: 240_000});
  build = {status: result.status, output: `${result.stdout}\n${result.stderr}`};
  if (build.status === 0) {
    site = await serveSite({root: join(root, "dist")});
    browser = await launchBrowser();
  }
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (root) rmSync(root, {recursive: true, force: true});
});

describe("a spec dropped into data/", () => {
  it("is trained by the build, which publishes its page", () => {
    expect(build.status, build.output.slice(-3000)).toBe(0);
    expect(build.output).toContain(`${ID}: training`);
    expect(existsSync(join(root, "dist", "networks", `${ID}.html`))).toBe(true);
  });

  it("gets an explorer page with its figures, its own activation in the prose, and no error", async () => {
    const path = `/networks/${ID}`;
    const {page, log, close} = await openPage(browser, site.origin);
    try {
      await page.goto(site.url(path));
      await waitForFigures(page, path);
      await page.waitForLoadState("networkidle");
      expect(await page.locator(".snapshot-error, .observablehq--error").count()).toBe(0);
      expect(await page.locator("h1").first().textContent()).toBe(SPEC.title);
      const text = await page.locator("main").innerText();
      expect(text).toContain("8 tanh units");
      expect(text).toMatch(/exist only for piecewise-linear activations/);
      expect(text).not.toMatch(/\$\{|undefined|NaN|ReLU silences/);
      expect(await page.locator(".neuron-arithmetic").count()).toBeGreaterThan(0);
      expect(problems(log)).toEqual([]);
    } finally {
      await close();
    }
  });

  it("shows a [3, 3] tanh network honestly too: no raw error, no sentence about another activation", async () => {
    const path = `/networks/${DEEP.id}`;
    const {page, log, close} = await openPage(browser, site.origin);
    try {
      await page.goto(site.url(path));
      await waitForFigures(page, path);
      await page.waitForLoadState("networkidle");
      expect(await page.locator(".snapshot-error, .observablehq--error").count()).toBe(0);
      const text = await page.locator("main").innerText();
      expect(text).toContain("2 hidden layers of 3 and 3 tanh units");
      expect(text).not.toMatch(/\$\{|undefined|NaN|RangeError|TypeError|ReLU silences|max\(0, z\)|[Ss]igmoid/);
      expect(problems(log)).toEqual([]);
    } finally {
      await close();
    }
  });

  it("is listed by the introduction and the navigation", async () => {
    const {page, log, close} = await openPage(browser, site.origin);
    try {
      await page.goto(site.url("/"));
      await waitForFigures(page, "/");
      const href = pageHref("/", `/networks/${ID}`);
      expect(href).toBe(`./networks/${ID}.html`);
      expect(await page.locator(`table.network-table a[href='${href}']`).count()).toBe(1);
      expect(await page.locator(`nav.site-nav a[href='${href}']`).count()).toBe(1);
      expect(problems(log)).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe("a failed build", () => {
  /** Every file under dir with its bytes, to compare a folder before and after. */
  function snapshotOf(dir: string): Map<string, string> {
    const files = new Map<string, string>();
    const walk = (d: string) => {
      for (const e of readdirSync(d, {withFileTypes: true})) {
        const p = join(d, e.name);
        if (e.isDirectory()) walk(p);
        else files.set(p.slice(dir.length), readFileSync(p).toString("base64"));
      }
    };
    walk(dir);
    return files;
  }

  // [the file broken, what it then holds, what the build must say]
  const broken: [string, object, RegExp][] = [
    [`${ID}.json`, {...SPEC, learningRate: "fast"}, new RegExp(`data/${ID}\\.json: field "learningRate"`)],
    // An article page tells one shape's story: another shape under its id is refused, with the way out.
    ["small-relu.json", {...SPEC, id: "small-relu", hidden: [3, 3], activation: "tanh"}, /data\/small-relu\.json: field "hidden" must have 1 hidden layer for the article page src\/small-relu\.md .*give it another id/]
  ];

  it.each(broken)("keeps the last good site and every cached snapshot when %s is broken, and names the field", (file, content, says) => {
    expect(build.status).toBe(0);
    const dist = join(root, "dist");
    const cache = join(root, "src/.observablehq/cache/data");
    const spec = join(root, "data", file);
    const original = readFileSync(spec, "utf8");
    const [distBefore, cacheBefore] = [snapshotOf(dist), snapshotOf(cache)];
    writeFileSync(spec, JSON.stringify(content, null, 2));
    try {
      const result = spawnSync("npm", ["run", "build"], {cwd: root, encoding: "utf8", env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "1"}, timeout: 120_000});
      expect(result.status).not.toBe(0);
      expect(result.stderr).toMatch(says);
      expect(snapshotOf(dist)).toEqual(distBefore);
      expect(snapshotOf(cache)).toEqual(cacheBefore);
      expect(readdirSync(root).filter((f) => f.startsWith("dist."))).toEqual([]);
    } finally {
      writeFileSync(spec, original);
    }
  });
});

describe("builds that overlap or are stopped", () => {
  const lock = () => join(root, ".build.lock");
  const strays = () => [
    ...readdirSync(root).filter((f) => /^dist\.|^\.build\.lock$/.test(f)),
    ...readdirSync(join(root, "src/.observablehq/cache/data")).filter((f) => f.endsWith(".tmp"))
  ];

  it("refuses a second build while one runs, naming it, and takes over the lock of a build that died", () => {
    expect(build.status).toBe(0);
    const distBefore = readFileSync(join(root, "dist", "index.html"), "utf8");
    writeFileSync(lock(), String(process.pid)); // a live process holds it
    try {
      const second = spawnSync("npm", ["run", "build"], {cwd: root, encoding: "utf8", timeout: 120_000});
      expect(second.status).not.toBe(0);
      expect(second.stderr).toContain(`another build or dev server (pid ${process.pid}) is running in this project`);
      expect(readFileSync(join(root, "dist", "index.html"), "utf8")).toBe(distBefore);
    } finally {
      rmSync(lock(), {force: true});
    }
    writeFileSync(lock(), "2147483646"); // no such process
    const next = spawnSync("npm", ["run", "build"], {cwd: root, encoding: "utf8", env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "1"}, timeout: 240_000});
    expect(next.status, next.stderr.slice(-2000)).toBe(0);
    expect(strays()).toEqual([]);
  });

  it.each(["while it trains", "while Framework builds"] as const)("stopped with SIGTERM %s, leaves no process, lock, temp file or half-built folder", async (when) => {
    expect(build.status).toBe(0);
    const distBefore = readFileSync(join(root, "dist", "index.html"), "utf8");
    // A changed spec makes the build train again, so it can be stopped while it trains.
    writeFileSync(join(root, "data", `${ID}.json`), JSON.stringify({...SPEC, epochs: 1000, checkpointEvery: 20}, null, 2));
    try {
    const child = spawn(join(process.cwd(), "node_modules/.bin/tsx"), ["scripts/build.ts"], {cwd: root, env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "1"}, stdio: ["ignore", "pipe", "pipe"]});
    let stderr = "";
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const marker = when === "while it trains" ? `${ID}: training` : "build: 5 networks";
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`never saw "${marker}":\n${stderr}`)), 60_000);
      child.on("exit", () => reject(new Error(`the build ended before "${marker}":\n${stderr}`)));
      child.stderr!.on("data", (d: Buffer) => {
        stderr += d.toString();
        if (stderr.includes(marker)) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    child.kill("SIGTERM");
    const code = await exited;
    expect(code, stderr.slice(-2000)).not.toBe(0);
    expect(stderr).toMatch(/stopped by SIGTERM/);
    // No Framework process of this copy is left running.
    const ps = spawnSync("ps", ["-eo", "args"], {encoding: "utf8"}).stdout;
    expect(ps.split("\n").filter((line) => line.includes(root) || (line.includes("observable") && line.includes("build") && line.includes(root)))).toEqual([]);
    expect(strays()).toEqual([]);
    expect(readFileSync(join(root, "dist", "index.html"), "utf8")).toBe(distBefore);
    } finally {
      writeFileSync(join(root, "data", `${ID}.json`), JSON.stringify(SPEC, null, 2));
    }
  });
});
