// Render and update times of the flow diagram for the [5, 5] fixture in jsdom: figures, not a test.
// Run with `npx tsx scripts/bench-flow-diagram.ts [--renders 500]`. jsdom is several times slower than a
// browser at building DOM, so this is an upper bound on the browser's element-creation cost (it
// does not include the browser's style and paint, which jsdom does not do).
//
// Three figures, each over `renders` runs after a warm-up, in the same process (so their ratios hold
// on a shared, noisy machine):
//   fresh draw     flowDiagram(net, options) attached to the page;
//   point move     diagram.update(net, options) at another sample (same parameters);
//   epoch change   diagram.update(net at another checkpoint, options) at the same sample.
// Updates are printed as their median and as the ratio of their median to the fresh draw's.
import {readFileSync} from "node:fs";
import {flowDiagram, type FlowDiagramOptions} from "../src/components/flow-diagram.js";
import type {Network} from "../src/lib/network.js";
import {networkAtEpoch, parseSnapshot, snapshotNetwork} from "../src/lib/snapshot.js";
import {option, quantile, runMain, timeSteps} from "./cli.js";

async function main(): Promise<void> {
  const renders = option(process.argv.slice(2), "renders", 500);
  // jsdom ships no type declarations; the one constructor used here is typed by hand.
  const {JSDOM} = (await import("jsdom" as string)) as {JSDOM: new (html: string) => {window: Window}};
  const {document} = new JSDOM("<!doctype html><html><body></body></html>").window;

  const text = readFileSync(new URL("../tests/fixtures/large-relu.json", import.meta.url), "utf8");
  const snapshot = parseSnapshot(JSON.parse(text), "fixture large-relu");
  const net = snapshotNetwork(snapshot);
  const epochs = snapshot.checkpoints.map((c) => networkAtEpoch(snapshot, c.epoch));
  const samples = snapshot.data.x;
  const options = (i: number): FlowDiagramOptions => ({
    input: samples[i % samples.length],
    width: 960,
    palette: "rainbow",
    colorMode: "comp",
    edgeMode: "weight",
    showNumbers: true,
    selected: {layer: 2, unit: 3},
    document
  });
  const render = (i: number) => flowDiagram(net, options(i));

  /** Times of `runs` calls of step(i) after 50 unmeasured ones (JIT and jsdom caches). */
  const time = (runs: number, step: (i: number) => void) => timeSteps(runs, 50, step);

  const fresh = time(renders, (i) => document.body.replaceChildren(render(i))); // attached, as a page would
  const mean = fresh.reduce((s, t) => s + t, 0) / fresh.length;
  const elements = document.body.querySelectorAll("*").length;
  console.log(
    `flowDiagram, large-relu [5, 5], width 960, ${renders} renders in jsdom: mean ${mean.toFixed(2)} ms, median ${quantile(fresh, 0.5).toFixed(2)} ms, ` +
      `p95 ${quantile(fresh, 0.95).toFixed(2)} ms, min ${quantile(fresh, 0).toFixed(2)} ms (${elements} elements per figure)`
  );

  const diagram = render(0);
  document.body.replaceChildren(diagram);
  const update = (n: Network, i: number) => {
    if (!diagram.update(n, options(i))) throw new Error("bench-flow-diagram: the update was refused");
  };
  const moves = time(renders, (i) => update(net, i + 1));
  const epochChanges = time(renders, (i) => update(epochs[i % epochs.length], 0));
  const freshMedian = quantile(fresh, 0.5);
  for (const [name, times] of [["point move", moves], ["epoch change", epochChanges]] as const) {
    const median = quantile(times, 0.5);
    console.log(`update, ${name}: median ${median.toFixed(3)} ms, p95 ${quantile(times, 0.95).toFixed(3)} ms, ${(median / freshMedian).toFixed(3)} × a fresh draw's median`);
  }
}

runMain(main);
