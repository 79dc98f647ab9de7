// Reproducible seed scan for a reference spec: trains it for every (dataSeed, initSeed) in fixed
// ranges, in order (dataSeed ascending, then initSeed ascending), prints one line per run and the
// distribution of the final full-dataset MSE, and names the first pair whose final MSE is at most
// the final loss the original post reports for that network and, with --structure diamond, that
// also shows the structure the article discusses for its small ReLU network (lib/structure.ts: the
// origin's zone a closed four-sided diamond with exactly two units on, and two opposite pairs of
// first-layer units). That rule, and the figures, are what each spec's seedNote records.
//
// Usage: npx tsx scripts/scan-seeds.ts <spec id> [--data 1..1] [--init 1..20] [--structure diamond]
import {readSpec} from "../src/data/manifest.js";
import {train} from "../src/data/trainer.js";
import {median, option, quantile} from "./cli.js";
import {diamondStructure, showsArticleDiamond} from "../src/lib/structure.js";
import {ACTIVATIONS} from "../src/lib/activations.js";

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
  const structure = option(args, "structure", "none");
  if (structure !== "none" && structure !== "diamond") throw new Error(`--structure must be none or diamond, got ${structure}`);
  if (structure === "diamond" && (base.hidden.length !== 1 || !ACTIVATIONS[base.activation].onOff))
    throw new Error("--structure diamond needs one hidden layer of ReLU units");
  const results: {dataSeed: number; initSeed: number; mse: number; loss: number; shows: boolean}[] = [];
  console.log(`# ${id}: target final MSE <= ${target ?? "(none)"}, structure ${structure}; dataSeed ${dataSeeds[0]}..${dataSeeds.at(-1)}, initSeed ${initSeeds[0]}..${initSeeds.at(-1)}`);
  console.log("spec\tdataSeed\tinitSeed\tfinalMse\tfinalLoss\tmeetsTarget\tactiveAtOrigin\tshowsStructure");
  for (const dataSeed of dataSeeds) {
    for (const initSeed of initSeeds) {
      const result = await train({...base, dataSeed, initSeed});
      const mse = result.mseHistory[result.mseHistory.length - 1];
      const loss = result.lossHistory[result.lossHistory.length - 1];
      const facts = structure === "diamond" ? diamondStructure({layers: result.layers, activation: base.activation}) : null;
      const shows = facts === null || showsArticleDiamond(facts);
      results.push({dataSeed, initSeed, mse, loss, shows});
      const active = facts ? facts.active.join("+") || "none" : "-";
      console.log(`${id}\t${dataSeed}\t${initSeed}\t${fmt(mse)}\t${fmt(loss)}\t${target !== undefined && mse <= target ? "yes" : "no"}\t${active}\t${facts ? (shows ? "yes" : "no") : "-"}`);
    }
  }
  const mses = results.map((r) => r.mse);
  const meeting = target === undefined ? [] : results.filter((r) => r.mse <= target);
  const showing = meeting.filter((r) => r.shows);
  console.log(
    `# ${id}: ${results.length} runs; final MSE min ${fmt(quantile(mses, 0))}, p25 ${fmt(quantile(mses, 0.25))}, median ${fmt(median(mses))}, ` +
      `p75 ${fmt(quantile(mses, 0.75))}, max ${fmt(quantile(mses, 1))}; ${meeting.length} of ${results.length} at most ${target}` +
      (structure === "none" ? "" : `, ${showing.length} of those show the ${structure} (initSeeds ${showing.map((r) => r.initSeed).join(", ") || "none"})`)
  );
  const first = showing[0];
  console.log(
    first
      ? `# ${id}: first pair meeting the target: dataSeed ${first.dataSeed}, initSeed ${first.initSeed} (final MSE ${fmt(first.mse)}, final loss ${fmt(first.loss)})`
      : `# ${id}: no pair in these ranges meets the target`
  );
}

await main();
