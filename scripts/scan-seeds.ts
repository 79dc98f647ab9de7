// Reproducible seed scan for a reference spec: trains it for every (dataSeed, initSeed) in fixed
// ranges, in order (dataSeed ascending, then initSeed ascending), prints one line per run and the
// distribution of the final full-dataset MSE, and names the first pair whose final MSE is at most
// the final loss the original post reports for that network. That rule, and the figures, are what
// each spec's seedNote records.
//
// Usage: npx tsx scripts/scan-seeds.ts <spec id> [--data 1..1] [--init 1..20]
import {readSpec} from "../src/data/manifest.js";
import {train} from "../src/data/trainer.js";
import {median, option, quantile} from "./cli.js";

function range(text: string): number[] {
  const m = /^(\d+)\.\.(\d+)$/.exec(text);
  if (!m) throw new Error(`a range must look like 1..20, got ${JSON.stringify(text)}`);
  const [lo, hi] = [Number(m[1]), Number(m[2])];
  return Array.from({length: hi - lo + 1}, (_, i) => lo + i);
}

const fmt = (v: number) => v.toPrecision(4);

async function main() {
  const args = process.argv.slice(2);
  const id = args[0];
  if (!id || id.startsWith("--")) throw new Error("usage: scan-seeds.ts <spec id> [--data 1..1] [--init 1..20]");
  const base = readSpec(`data/${id}.json`);
  const target = base.article?.finalLoss;
  const dataSeeds = range(option(args, "data", "1..1"));
  const initSeeds = range(option(args, "init", "1..20"));
  const results: {dataSeed: number; initSeed: number; mse: number; loss: number}[] = [];
  console.log(`# ${id}: target final MSE <= ${target ?? "(none)"}; dataSeed ${dataSeeds[0]}..${dataSeeds.at(-1)}, initSeed ${initSeeds[0]}..${initSeeds.at(-1)}`);
  console.log("spec\tdataSeed\tinitSeed\tfinalMse\tfinalLoss\tmeetsTarget");
  for (const dataSeed of dataSeeds) {
    for (const initSeed of initSeeds) {
      const result = await train({...base, dataSeed, initSeed});
      const mse = result.mseHistory[result.mseHistory.length - 1];
      const loss = result.lossHistory[result.lossHistory.length - 1];
      results.push({dataSeed, initSeed, mse, loss});
      console.log(`${id}\t${dataSeed}\t${initSeed}\t${fmt(mse)}\t${fmt(loss)}\t${target !== undefined && mse <= target ? "yes" : "no"}`);
    }
  }
  const mses = results.map((r) => r.mse);
  const meeting = target === undefined ? [] : results.filter((r) => r.mse <= target);
  console.log(
    `# ${id}: ${results.length} runs; final MSE min ${fmt(quantile(mses, 0))}, p25 ${fmt(quantile(mses, 0.25))}, median ${fmt(median(mses))}, ` +
      `p75 ${fmt(quantile(mses, 0.75))}, max ${fmt(quantile(mses, 1))}; ${meeting.length} of ${results.length} at most ${target}`
  );
  const first = meeting[0];
  console.log(
    first
      ? `# ${id}: first pair meeting the target: dataSeed ${first.dataSeed}, initSeed ${first.initSeed} (final MSE ${fmt(first.mse)}, final loss ${fmt(first.loss)})`
      : `# ${id}: no pair in these ranges meets the target`
  );
}

await main();
