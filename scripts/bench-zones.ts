// Time of exactPartition (src/lib/partition.ts) in headless Chromium and in Node, in the same run:
// the [5, 5] reference network (the built snapshot when dist/ holds one, else the committed fixture)
// and a random [16, 16, 16] ReLU network. A figure, not a test. The first run of each (before the
// engine has compiled the code, as on a page's first draw) is printed beside the medians.
// Run with `npx tsx scripts/bench-zones.ts [--runs 50]`. The lib is bundled for the page with esbuild
// and injected into a blank page (no server, no request).
import {execFileSync} from "node:child_process";
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {exactPartition} from "../src/lib/partition.js";
import {parseSnapshot, snapshotNetwork} from "../src/lib/snapshot.js";
import {randomLcg, randomNormal} from "../src/lib/random.js";
import type {Layer, Network} from "../src/lib/network.js";
import {DIST, launchBrowser} from "./harness.js";
import {median, option} from "./cli.js";

declare global {
  /** What the page's bundle (below) puts on its global object: the partition routine. */
  var benchZones: {exactPartition: typeof exactPartition} | undefined;
}

/** Runs before timing, so both engines are measured after their JIT has compiled the code. */
const WARMUP = 10;

function randomNet(sizes: number[], seed: number): Network {
  const normal = randomNormal(randomLcg(seed));
  const layers: Layer[] = sizes.slice(1).map((dOut, k) => ({
    weights: Array.from({length: sizes[k]}, () => Array.from({length: dOut}, () => normal() / Math.sqrt(sizes[k]))),
    biases: Array.from({length: dOut}, () => 0.5 * normal())
  }));
  return {layers, activation: "relu"};
}

function referenceNet(): {net: Network; source: string} {
  const dir = join(DIST, "_file", "data");
  const built = existsSync(dir) ? readdirSync(dir).find((f) => /^large-relu\.[0-9a-f]+\.json$/.test(f)) : undefined;
  const path = built ? join(dir, built) : join(process.cwd(), "tests/fixtures/large-relu.json");
  return {net: snapshotNetwork(parseSnapshot(JSON.parse(readFileSync(path, "utf8")), path)), source: path};
}

/** The same loop runs in Node and, as its source text, in the page. */
function timeRuns(partition: (net: Network) => {zones: unknown[]}, net: Network, runs: number, warmup: number): {times: number[]; zones: number; first: number} {
  let zones = 0;
  let first = 0;
  for (let i = 0; i < warmup; ++i) {
    const t0 = performance.now();
    zones = partition(net).zones.length;
    if (i === 0) first = performance.now() - t0;
  }
  const times: number[] = [];
  for (let i = 0; i < runs; ++i) {
    const t0 = performance.now();
    zones = partition(net).zones.length;
    times.push(performance.now() - t0);
  }
  return {times, zones, first};
}

function bundle(): string {
  const entry = `import {exactPartition} from "./src/lib/partition.ts"; globalThis.benchZones = {exactPartition};`;
  return execFileSync(join(process.cwd(), "node_modules/.bin/esbuild"), ["--bundle", "--format=iife", "--target=es2022", "--loader=ts", "--sourcefile=bench-entry.ts"], {
    input: entry,
    cwd: process.cwd(),
    encoding: "utf8"
  });
}

async function main(): Promise<void> {
  const runs = option(process.argv.slice(2), "runs", 50);
  const reference = referenceNet();
  const nets: {name: string; net: Network}[] = [
    {name: "[5, 5] reference", net: reference.net},
    {name: "[16, 16, 16] random", net: randomNet([2, 16, 16, 16, 1], 11)}
  ];
  console.log(`[5, 5] network from ${reference.source}`);
  const code = bundle();
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.setContent("<!doctype html><title>bench</title>");
    await page.addScriptTag({content: code});
    const loop = timeRuns.toString();
    for (const {name, net} of nets) {
      const inPage = await page.evaluate(
        ([source, netJson, n, w]) => {
          const run = new Function(`return (${source})`)() as typeof timeRuns;
          const lib = globalThis.benchZones;
          if (!lib) throw new Error("bench-zones: the page has no benchZones bundle");
          return run(lib.exactPartition, JSON.parse(netJson), n, w);
        },
        [loop, JSON.stringify(net), runs, WARMUP] as const
      );
      const inNode = timeRuns(exactPartition, net, runs, WARMUP);
      const [c, n] = [median(inPage.times), median(inNode.times)];
      console.log(
        `${name}: ${inPage.zones} zones (Node: ${inNode.zones}); median of ${runs} runs: Chromium ${c.toFixed(2)} ms, Node ${n.toFixed(2)} ms, Chromium / Node ${(c / n).toFixed(2)}; ` +
          `first (cold) run: Chromium ${inPage.first.toFixed(2)} ms, Node ${inNode.first.toFixed(2)} ms`
      );
    }
  } finally {
    await browser.close();
  }
}

await main();
