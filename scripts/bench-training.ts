// Benchmark: the project's trainer (src/data/trainer.ts) against a plain tf.Sequential + model.fit
// of the same recipe, on every declared network (data/*.json), in the same process and on the same backend.
// Same work: the same float32 data (the first floor(N / B) * B samples, the rows the recipe trains
// on), the same initial weights (setWeights), batch B, shuffle false, the same epochs and Adam.
// Each method runs --repeat times (default 3), interleaved; prints the median and fastest times,
// the ratio of the medians, and both final losses (last mini-batch of the last epoch) and
// final full-dataset MSEs to three significant digits, and whether the per-epoch losses agree
// bit for bit (they should: see trainer.ts).
// Usage: tsx scripts/bench-training.ts [--repeat 3] [<spec id> ...]; `npm run bench` runs it with
// the defaults, then scripts/bench-build.ts.
import * as tf from "@tensorflow/tfjs";
import type {NetworkSpec} from "../src/lib/spec.js";
import {readManifest} from "../src/data/manifest.js";
import {train, useCpuBackend} from "../src/data/trainer.js";
import {trainWithModelFit} from "./model-fit-reference.js";
import {median, option, positionals} from "./cli.js";


interface Run {
  seconds: number;
  lossHistory: number[];
  mse: number;
}

async function withTrainer(spec: NetworkSpec): Promise<Run> {
  const t0 = performance.now();
  const result = await train(spec);
  const seconds = (performance.now() - t0) / 1000;
  return {seconds, lossHistory: result.lossHistory, mse: result.mseHistory[spec.epochs - 1]};
}

async function withModelFit(spec: NetworkSpec): Promise<Run> {
  const run = await trainWithModelFit(spec);
  return {seconds: run.seconds, lossHistory: run.lossHistory, mse: run.mse};
}

const sig3 = (v: number) => v.toPrecision(3);
const seconds = (xs: number[]) => `${median(xs).toFixed(2)} s (min ${Math.min(...xs).toFixed(2)})`;

async function main() {
  await useCpuBackend();
  const args = process.argv.slice(2);
  const repeat = option(args, "repeat", 3);
  if (!Number.isInteger(repeat) || repeat < 1) throw new Error(`--repeat must be a positive integer, got ${repeat}`);
  const named = positionals(args, ["repeat"]);
  const manifest = readManifest().map((e) => e.spec);
  const unknown = named.filter((id) => !manifest.some((s) => s.id === id));
  if (unknown.length) throw new Error(`no spec data/<id>.json for ${unknown.join(", ")}`);
  const specs = named.length ? manifest.filter((s) => named.includes(s.id)) : manifest;
  console.log(`tfjs ${tf.version.tfjs}, backend ${tf.getBackend()}, node ${process.version}; median of ${repeat} interleaved runs per method (and the fastest)`);
  // Warm both paths up (JIT, kernel registry) on two epochs, so neither pays start-up in its timing.
  for (const spec of specs) {
    await withTrainer({...spec, epochs: 2});
    await withModelFit({...spec, epochs: 2});
  }
  const ours: Run[][] = specs.map(() => []);
  const fit: Run[][] = specs.map(() => []);
  for (let i = 0; i < repeat; ++i) {
    for (const [k, spec] of specs.entries()) {
      ours[k].push(await withTrainer(spec));
      fit[k].push(await withModelFit(spec));
    }
  }
  const totals = (runs: Run[][]) => Array.from({length: repeat}, (_, i) => runs.reduce((s, r) => s + r[i].seconds, 0));
  for (const [k, spec] of specs.entries()) {
    const [a, b] = [ours[k][0], fit[k][0]];
    const [ta, tb] = [ours[k].map((x) => x.seconds), fit[k].map((x) => x.seconds)];
    const [lossA, lossB] = [a.lossHistory[spec.epochs - 1], b.lossHistory[spec.epochs - 1]];
    const same = sig3(lossA) === sig3(lossB) ? "same" : "DIFFERENT";
    const identical = a.lossHistory.every((v, i) => v === b.lossHistory[i]) ? "bit-identical" : "not identical";
    console.log(
      `${spec.id.padEnd(14)} trainer ${seconds(ta)}, model.fit ${seconds(tb)}, speed-up ${(median(tb) / median(ta)).toFixed(1)}x; ` +
        `final loss ${sig3(lossA)} vs ${sig3(lossB)} (${same} to 3 s.f.; all ${spec.epochs} epoch losses ${identical}); ` +
        `final MSE ${sig3(a.mse)} (float64) vs ${sig3(b.mse)} (float32)`
    );
  }
  const [ta, tb] = [totals(ours), totals(fit)];
  console.log(`total          trainer ${seconds(ta)}, model.fit ${seconds(tb)}, speed-up ${(median(tb) / median(ta)).toFixed(1)}x`);
}

await main();
