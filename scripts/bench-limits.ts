// Benchmark behind SPEC_LIMITS and the cost model (src/lib/spec.ts): trains, with the project's
// trainer, specs that sit at each limit and the reference specs, for a few epochs each, and
// extrapolates the time of each whole run from its median epoch time once warm (an epoch's cost is
// the same at every epoch: the same batches, the same kernels; but the first few run slower while
// the JavaScript engine compiles the trainer's code, so the first third of the epochs is left out:
// with them, the extrapolation came out up to 1.4 times a whole run's measured time). It prints each beside the cost model's
// prediction, and the coefficients that fit these measurements best (cost-fit.ts): TRAINING_COST is
// set from them. The limits are right when every line at a limit prints about a minute or less.
// Figures, not a test.
//
// Usage: npx tsx scripts/bench-limits.ts [--epochs 30]
import {readSpec} from "../src/data/manifest.js";
import {train} from "../src/data/trainer.js";
import {parseSpec, predictedTrainingSeconds, SPEC_LIMITS, TRAINING_COST, trainingCostTerms, type NetworkSpec} from "../src/lib/spec.js";
import {median, option, runMain, table} from "./cli.js";
import {fitCost} from "./cost-fit.js";

const base = readSpec("data/small-relu.json");

/** At most SPEC_LIMITS.checkpoints checkpoints for a run of `epochs`. */
const sparseCheckpoints = (epochs: number) => Math.max(base.checkpointEvery, Math.ceil(epochs / (SPEC_LIMITS.checkpoints - 1)));

/**
 * Specs at the limits (the most steps, the most arithmetic, the widest and deepest network, the most
 * epochs), the reference specs, and a network of the browser's largest size: between them, each of
 * the model's three terms dominates somewhere.
 */
const CASES: {name: string; spec: Partial<NetworkSpec>}[] = [
  {name: "small batches", spec: {points: 2500, batchSize: 10, hidden: [4], epochs: 220}},
  {name: "most points", spec: {points: SPEC_LIMITS.points, batchSize: 400, hidden: [8], epochs: 450}},
  {name: "widest and deepest", spec: {points: 2500, batchSize: 100, hidden: new Array(SPEC_LIMITS.layers).fill(SPEC_LIMITS.units), epochs: 100}},
  {name: "most epochs", spec: {points: 2500, batchSize: 250, hidden: [4], epochs: SPEC_LIMITS.epochs, checkpointEvery: sparseCheckpoints(SPEC_LIMITS.epochs)}},
  {name: "browser's widest, 2 layers", spec: {points: 2500, batchSize: 50, hidden: [16, 16], epochs: 250}},
  {name: "batches of one", spec: {points: 2500, batchSize: 1, hidden: [4], epochs: 30}},
  ...["small-relu", "large-relu", "small-sigmoid"].map((id) => ({name: `reference ${id}`, spec: readSpec(`data/${id}.json`)}))
];

async function main() {
  const sample = option(process.argv.slice(2), "epochs", 30);
  console.log(`SPEC_LIMITS ${JSON.stringify(SPEC_LIMITS)}, TRAINING_COST ${JSON.stringify(TRAINING_COST)}`);
  console.log(`each spec trained for ${sample} epochs; its full time extrapolated from the median epoch after the first third, beside the cost model's prediction`);
  const measured: {name: string; spec: NetworkSpec; seconds: number}[] = [];
  for (const {name, spec: patch} of CASES) {
    const spec = parseSpec({...base, ...patch, presets: []}, name);
    const times: number[] = [];
    let last = performance.now();
    await train({...spec, epochs: sample}, () => {
      const now = performance.now();
      times.push(now - last);
      last = now;
    });
    const perEpoch = median(times.slice(Math.floor(times.length / 3))) / 1000;
    measured.push({name, spec, seconds: perEpoch * spec.epochs});
    console.log(
      `${name.padEnd(28)} ${spec.points} points, hidden [${spec.hidden}], batch ${spec.batchSize}, ${spec.epochs} epochs: ` +
        `${(perEpoch * 1000).toFixed(1)} ms/epoch, about ${(perEpoch * spec.epochs).toFixed(1)} s in all (model: ${predictedTrainingSeconds(spec).toFixed(1)} s)`
    );
  }
  const fit = fitCost(measured.map((m) => ({terms: trainingCostTerms(m.spec), seconds: m.seconds})));
  console.log("");
  console.log(`least-squares fit on relative errors: ${JSON.stringify(Object.fromEntries(Object.entries(fit).map(([k, v]) => [k, Number(v.toPrecision(2))])))}`);
  console.log(
    table(
      ["spec", "measured", "model", "model / measured", "fit", "fit / measured"],
      measured.map(({name, spec, seconds}) => {
        const model = predictedTrainingSeconds(spec);
        const fitted = predictedTrainingSeconds(spec, fit);
        return [name, `${seconds.toFixed(1)} s`, `${model.toFixed(1)} s`, (model / seconds).toFixed(2), `${fitted.toFixed(1)} s`, (fitted / seconds).toFixed(2)];
      })
    )
  );
}

runMain(main);
