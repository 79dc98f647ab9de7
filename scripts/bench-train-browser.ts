// Benchmark of "Train your own" (src/train.md) against the build's trainer: figures, not a test.
// Run after `npm run build`: tsx scripts/bench-train-browser.ts [--runs 3]
//
// Interleaved, RUNS times each (the machine is shared: medians of runs made in the same moments):
// - Node: train(spec) of the small ReLU reference spec (data/small-relu.json: 250 epochs, 2,500
//   points) in this process, after one unmeasured warm-up run;
// - Chromium (headless, the e2e tests' browser), a fresh page each run: press Train on /train (its
//   controls start from the same spec) and wait for the run to end. Two times: the worker's own
//   training time (what the page reports; pauses excluded, tfjs loaded) and the wall time from the
//   click to the end (with the worker's start and tfjs's download and compilation).
// Also, per browser run: the longest main-thread long task while training (PerformanceObserver,
// type "longtask": tasks over 50 ms), the loss chart's redraws per second of training, the most
// epochs between two redraws of the live estimate, and the JavaScript the page loads before Train
// and in all (the worker's modules and tfjs included). The ratio browser / Node is the figure the
// in-browser limit (lib/train-spec.ts BROWSER_LIMITS.browserFactor) is set from.
import {readFileSync} from "node:fs";
import {option, quantile} from "./cli.js";
import {launchBrowser, openPage, serveSite} from "./harness.js";
import {parseSpec} from "../src/lib/spec.js";
import {train} from "../src/data/trainer.js";

const args = process.argv.slice(2);
const RUNS = option(args, "runs", 3);

const spec = parseSpec(JSON.parse(readFileSync("data/small-relu.json", "utf8")), "data/small-relu.json");

// In-page code as strings: tsx would wrap named inner functions in a __name() helper the page lacks.
const OBSERVE_LONG_TASKS = `
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push({start: e.startTime, duration: e.duration}); })
    .observe({type: "longtask", buffered: true});
`;

interface BrowserRun {
  workerSeconds: number;
  wallSeconds: number;
  maxLongTaskMs: number;
  longTasks: number;
  chartUpdatesPerSecond: number;
  maxEpochGap: number;
  jsBytesBeforeTrain: number;
  jsBytesTotal: number;
}

async function nodeRun(): Promise<number> {
  const t0 = performance.now();
  await train(spec);
  return (performance.now() - t0) / 1000;
}

async function browserRun(browser: Awaited<ReturnType<typeof launchBrowser>>, origin: string, url: string): Promise<BrowserRun> {
  const {page, log, close} = await openPage(browser, origin);
  try {
    await page.addInitScript(OBSERVE_LONG_TASKS);
    await page.goto(url);
    await page.waitForSelector(".train-your-own button.train-button:not([disabled])", {timeout: 60_000});
    await page.waitForTimeout(300);
    const jsBytes = () => log.requests.filter((r) => /\.js(\?|$)/.test(r.url)).reduce((n, r) => n + r.bytes, 0);
    const jsBytesBeforeTrain = jsBytes();
    const clickAt = (await page.evaluate("performance.now()")) as number;
    await page.click("button.train-button");
    await page.waitForFunction(`document.querySelector(".train-your-own").dataset.state === "done"`, null, {timeout: 120_000, polling: 50});
    const figures = (await page.evaluate(`({
      now: performance.now(),
      seconds: Number(document.querySelector(".train-your-own").dataset.seconds),
      updates: Number(document.querySelector(".live-loss-chart").dataset.updates),
      maxGap: Number(document.querySelector(".live-estimate").dataset.maxGap),
      endedAt: Number(document.querySelector(".train-your-own").dataset.endedAt),
      maxFrameMs: Number(document.querySelector(".train-your-own").dataset.maxFrameMs),
      maxMessageMs: Number(document.querySelector(".train-your-own").dataset.maxMessageMs),
      longTasks: window.__longTasks
    })`)) as {now: number; endedAt: number; maxFrameMs: number; maxMessageMs: number; seconds: number; updates: number; maxGap: number; longTasks: {start: number; duration: number}[]};
    await page.waitForTimeout(300);
    // While training: from the click to the worker's last message (opening the explorer comes after).
    // (A task that ends after the last message arrived is the one that handles it.)
    const during = figures.longTasks.filter((t) => t.start >= clickAt && t.start + t.duration < figures.endedAt);
    const after = figures.longTasks.filter((t) => t.start + t.duration >= figures.endedAt);
    console.log(`  long tasks (ms after the click): during ${JSON.stringify(during.map((t) => [Math.round(t.start - clickAt), Math.round(t.duration)]))}, after ${JSON.stringify(after.map((t) => [Math.round(t.start - clickAt), Math.round(t.duration)]))}; longest redraw ${figures.maxFrameMs.toFixed(1)} ms, longest progress message ${figures.maxMessageMs.toFixed(1)} ms`);
    return {
      workerSeconds: figures.seconds,
      wallSeconds: (figures.now - clickAt) / 1000,
      maxLongTaskMs: Math.max(0, ...during.map((t) => t.duration)),
      longTasks: during.length,
      // One redraw is the empty chart made on Train; the others follow the worker's messages.
      chartUpdatesPerSecond: (figures.updates - 1) / figures.seconds,
      maxEpochGap: figures.maxGap,
      jsBytesBeforeTrain,
      jsBytesTotal: jsBytes()
    };
  } finally {
    await close();
  }
}

const site = await serveSite();
const browser = await launchBrowser();
try {
  await nodeRun(); // warm-up: loads tfjs, compiles the trainer
  const node: number[] = [];
  const runs: BrowserRun[] = [];
  for (let r = 0; r < RUNS; ++r) {
    node.push(await nodeRun());
    runs.push(await browserRun(browser, site.origin, site.url("/train")));
    const b = runs[runs.length - 1];
    console.log(
      `run ${r + 1}: node ${node[r].toFixed(3)} s; browser worker ${b.workerSeconds.toFixed(3)} s, wall ${b.wallSeconds.toFixed(3)} s; ` +
        `long tasks ${b.longTasks} (max ${b.maxLongTaskMs.toFixed(0)} ms); chart ${b.chartUpdatesPerSecond.toFixed(1)} updates/s; estimate every ≤ ${b.maxEpochGap} epochs`
    );
  }
  const median = (xs: number[]) => quantile(xs, 0.5);
  const nodeMedian = median(node);
  const workerMedian = median(runs.map((b) => b.workerSeconds));
  const wallMedian = median(runs.map((b) => b.wallSeconds));
  console.log(`\nsmall ReLU reference spec (${spec.epochs} epochs, ${spec.points} points, hidden [${spec.hidden}]), ${RUNS} interleaved runs:`);
  console.log(`  Node trainer           median ${nodeMedian.toFixed(3)} s`);
  console.log(`  browser worker (train) median ${workerMedian.toFixed(3)} s   ratio ${(workerMedian / nodeMedian).toFixed(2)} (target ≤ 2)`);
  console.log(`  browser click → done   median ${wallMedian.toFixed(3)} s   ratio ${(wallMedian / nodeMedian).toFixed(2)}`);
  console.log(`  longest main-thread long task while training: ${Math.max(...runs.map((b) => b.maxLongTaskMs)).toFixed(0)} ms (${runs.reduce((n, b) => n + b.longTasks, 0)} long tasks in all runs; target: none over 50 ms)`);
  console.log(`  loss chart updates: min ${Math.min(...runs.map((b) => b.chartUpdatesPerSecond)).toFixed(1)} per second of training (target ≥ 10)`);
  console.log(`  live estimate: at most ${Math.max(...runs.map((b) => b.maxEpochGap))} epochs between redraws (target ≤ 10)`);
  console.log(`  /train JavaScript: ${(runs[0].jsBytesBeforeTrain / 1024).toFixed(0)} kB before Train (no tfjs), ${(runs[0].jsBytesTotal / 1024).toFixed(0)} kB with the worker and tfjs (uncompressed)`);
} finally {
  await browser.close();
  await site.close();
}
