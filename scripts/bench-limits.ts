// Benchmark behind SPEC_LIMITS (src/lib/spec.ts): trains, with the project's trainer, specs that sit
// at each limit, for a few epochs, and extrapolates the time of the whole run from the median epoch
// time (an epoch's cost is the same at every epoch: the same batches, the same kernels). The limits
// are right when every line prints about a minute or less. Figures, not a test.
//
// Usage: npx tsx scripts/bench-limits.ts [--epochs 10]
import {readSpec} from "../src/data/manifest.js";
import {train} from "../src/data/trainer.js";
import {parseSpec, predictedTrainingSeconds, SPEC_LIMITS, TRAINING_COST, type NetworkSpec} from "../src/lib/spec.js";
import {median, option} from "./cli.js";

const base = readSpec("data/small-relu.json");

/** Specs at the limits: the most steps, the most arithmetic, the widest and deepest network. */
const CASES: {name: string; patch: Partial<NetworkSpec>}[] = [
  {name: "small batches", patch: {points: 2500, batchSize: 10, hidden: [4], epochs: 220}},
  {name: "most points", patch: {points: SPEC_LIMITS.points, batchSize: 400, hidden: [8], epochs: 450}},
  {name: "widest and deepest", patch: {points: 2500, batchSize: 100, hidden: new Array(SPEC_LIMITS.layers).fill(SPEC_LIMITS.units), epochs: 100}},
  {name: "most epochs", patch: {points: 2500, batchSize: 250, hidden: [4], epochs: SPEC_LIMITS.epochs}},
  {name: "the small ReLU reference", patch: {}}
];

async function main() {
  const sample = option(process.argv.slice(2), "epochs", 10);
  console.log(`SPEC_LIMITS ${JSON.stringify(SPEC_LIMITS)}, TRAINING_COST ${JSON.stringify(TRAINING_COST)}`);
  console.log(`each spec trained for ${sample} epochs; its full time extrapolated from the median epoch, beside the cost model's prediction`);
  for (const {name, patch} of CASES) {
    const spec = parseSpec({...base, ...patch, presets: []}, name);
    const times: number[] = [];
    let last = performance.now();
    await train({...spec, epochs: sample}, () => {
      const now = performance.now();
      times.push(now - last);
      last = now;
    });
    const perEpoch = median(times) / 1000;
    console.log(
      `${name.padEnd(26)} ${spec.points} points, hidden [${spec.hidden}], batch ${spec.batchSize}, ${spec.epochs} epochs: ` +
        `${(perEpoch * 1000).toFixed(1)} ms/epoch, about ${(perEpoch * spec.epochs).toFixed(0)} s in all (model: ${predictedTrainingSeconds(spec).toFixed(0)} s)`
    );
  }
}

await main();
