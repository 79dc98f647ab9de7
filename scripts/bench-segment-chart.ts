// Draw and update times of the zone explorer's segment chart (local-linear-chart.ts) in jsdom:
// figures, not a test. Run with `npx tsx scripts/bench-segment-chart.ts [--runs 200]`. jsdom builds
// DOM several times slower than a browser and does no style or layout, so these are the script's
// costs only; a fresh chart also costs the browser the style and layout of its new elements.
//
// The network is the large ReLU one: the built snapshot when dist/ holds one (its checkpoints give
// the epoch changes), else the committed fixture (one checkpoint: then every step is a point move).
// The options are the explorer's (tangent line, its title, a segment of ±1.6 along x1). Each figure
// is taken over `runs` steps that alternate between points and checkpoints, after a warm-up, in the
// same process (so their ratios hold on a shared, noisy machine):
//   fresh draw   localLinearChart(net, options) attached to the page, replacing the last one
//                (what the explorer did on every move);
//   update       chart.update(net, options) of one attached chart;
//   maths only   segmentView(net, options): the rows, zone and texts both of them compute.
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {localLinearChart, segmentView, type LocalLinearChartOptions} from "../src/components/local-linear-chart.js";
import type {Point} from "../src/lib/datasets.js";
import {checkpointEpochs, networkAtEpoch, parseSnapshot} from "../src/lib/snapshot.js";
import {DIST} from "./harness.js";
import {option, quantile, runMain, timeSteps} from "./cli.js";

/** Unmeasured steps first (JIT and jsdom caches). */
const WARMUP = 30;

async function main(): Promise<void> {
  const runs = option(process.argv.slice(2), "runs", 200);
  // jsdom ships no type declarations; the one constructor used here is typed by hand.
  const {JSDOM} = (await import("jsdom" as string)) as {JSDOM: new (html: string) => {window: Window}};
  const {document} = new JSDOM("<!doctype html><html><head></head><body></body></html>").window;

  const dir = join(DIST, "_file", "data");
  const built = existsSync(dir) ? readdirSync(dir).find((f) => /^large-relu\.[0-9a-f]+\.json$/.test(f)) : undefined;
  const path = built ? join(dir, built) : join(process.cwd(), "tests/fixtures/large-relu.json");
  const snapshot = parseSnapshot(JSON.parse(readFileSync(path, "utf8")), path);
  const nets = checkpointEpochs(snapshot).map((epoch) => networkAtEpoch(snapshot, epoch));
  const points: Point[] = [[1, 1], [-1.3, 0.4], [0.2, -1.7], [2.1, -0.6], [-0.4, 1.9]];
  const options = (i: number): LocalLinearChartOptions => {
    const p = points[i % points.length];
    return {width: 640, dataset: snapshot.spec.dataset, point: p, direction: [1, 0.5], x1Range: [p[0] - 1.6, p[0] + 1.6], tangent: true, title: "The network along a line through the point", document};
  };
  // Step i: a point move, and on every other step another checkpoint too.
  const netAt = (i: number) => nets[Math.floor(i / 2) % nets.length];

  const time = (step: (i: number) => void) => timeSteps(runs, WARMUP, step);

  const slot = document.createElement("div");
  document.body.append(slot);
  const fresh = time((i) => slot.replaceChildren(localLinearChart(netAt(i), options(i))));
  const chart = localLinearChart(netAt(0), options(0));
  slot.replaceChildren(chart);
  const updates = time((i) => chart.update(netAt(i + 1), options(i + 1)));
  const maths = time((i) => segmentView(netAt(i), options(i)));

  const freshMedian = quantile(fresh, 0.5);
  console.log(`segment chart, ${path.includes("dist") ? "built" : "fixture"} large-relu (${nets.length} checkpoints), width 640, ${runs} steps each in jsdom:`);
  for (const [name, times] of [["fresh draw", fresh], ["update", updates], ["maths only", maths]] as const) {
    const median = quantile(times, 0.5);
    console.log(`  ${name.padEnd(11)} median ${median.toFixed(3)} ms, p95 ${quantile(times, 0.95).toFixed(3)} ms, ${(median / freshMedian).toFixed(3)} × a fresh draw's median`);
  }
}

runMain(main);
