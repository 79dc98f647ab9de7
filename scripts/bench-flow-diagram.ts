// Render time of the flow diagram for the [5, 5] fixture in jsdom: a figure, not a test.
// Run with `npx tsx scripts/bench-flow-diagram.ts [--renders 500]`. jsdom is several times slower than a
// browser at building DOM, so this is an upper bound on the browser's element-creation cost (it
// does not include the browser's style and paint, which jsdom does not do).
import {readFileSync} from "node:fs";
import {flowDiagram} from "../src/components/flow-diagram.js";
import {parseSnapshot, snapshotNetwork} from "../src/lib/snapshot.js";
import {option, quantile} from "./cli.js";

async function main(): Promise<void> {
  const renders = option(process.argv.slice(2), "renders", 500);
  // jsdom ships no type declarations; the one constructor used here is typed by hand.
  const {JSDOM} = (await import("jsdom" as string)) as {JSDOM: new (html: string) => {window: Window}};
  const {document} = new JSDOM("<!doctype html><html><body></body></html>").window;

  const text = readFileSync(new URL("../tests/fixtures/large-relu.json", import.meta.url), "utf8");
  const snapshot = parseSnapshot(JSON.parse(text), "fixture large-relu");
  const net = snapshotNetwork(snapshot);
  const samples = snapshot.data.x;
  const render = (i: number) =>
    flowDiagram(net, {input: samples[i % samples.length], width: 960, palette: "rainbow", colorMode: "comp", edgeMode: "weight", showNumbers: true, selected: {layer: 2, unit: 3}, document});

  for (let i = 0; i < 50; ++i) render(i); // warm-up: JIT and jsdom caches
  const times: number[] = [];
  for (let i = 0; i < renders; ++i) {
    const t0 = performance.now();
    const figure = render(i);
    document.body.replaceChildren(figure); // attach, as a page would
    times.push(performance.now() - t0);
  }
  const mean = times.reduce((s, t) => s + t, 0) / times.length;
  const elements = document.body.querySelectorAll("*").length;
  console.log(
    `flowDiagram, large-relu [5, 5], width 960, ${renders} renders in jsdom: mean ${mean.toFixed(2)} ms, ` +
      `p95 ${quantile(times, 0.95).toFixed(2)} ms, min ${quantile(times, 0).toFixed(2)} ms (${elements} elements per figure)`
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
