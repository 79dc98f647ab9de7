// Browser benchmark of the estimate / truth / error panels alone on an epoch change: figures, not a test.
//
// In headless Chromium, on the built large ReLU page ([5, 5]) served from 127.0.0.1, it imports the
// page's own modules (the built estimate-panels, estimate and snapshot modules), computes the grid
// estimate of every checkpoint beforehand (not measured: that is the explorer's work, not the
// panels'), draws a second set of panels in the page at the width of the page's own, and times
// `setEstimate(estimate, epoch)` followed by a forced style and layout of the page:
//   first visit   every checkpoint in turn, none shown or prepared before;
//   prepared      every checkpoint in turn after prepareEstimate (called until it reports ready,
//                 unmeasured), as the explorer does in idle moments next to the epoch shown;
//   warm          every checkpoint once more.
// p50 and p95 over the checkpoints, 30 ms apart (as between a reader's inputs).
//
// Usage: tsx scripts/bench-panels.ts [--rounds 1]   (after npm run build; SITE_DIST, CHROMIUM_PATH as for the tests)
import {readdirSync} from "node:fs";
import {join} from "node:path";
import {option, quantile, runMain} from "./cli.js";
import {DIST, openPage, withSite, servedSnapshot, waitForFigures, warnIfLogged} from "./harness.js";

const args = process.argv.slice(2);
const ROUNDS = option(args, "rounds", 1);

/** The served path of a built module, e.g. /_import/components/estimate-panels.<hash>.js. */
function builtModule(dir: string, name: string): string {
  const found = readdirSync(join(DIST, "_import", dir)).filter((f) => f.startsWith(`${name}.`) && f.endsWith(".js") && f.split(".").length === 3);
  if (found.length !== 1) throw new Error(`expected one built ${dir}/${name} module in ${DIST}, found ${found.length}`);
  return `/_import/${dir}/${found[0]}`;
}

// In-page code as a string (tsx would wrap named inner functions in a __name() helper the page lacks).
const script = (modules: {panels: string; estimate: string; snapshot: string}, snapshotUrl: string, rounds: number) => `(async () => {
  const P = await import(${JSON.stringify(modules.panels)});
  const E = await import(${JSON.stringify(modules.estimate)});
  const S = await import(${JSON.stringify(modules.snapshot)});
  const snap = S.parseSnapshot(await (await fetch(${JSON.stringify(snapshotUrl)})).json(), "bench");
  const epochs = [...new Set(snap.checkpoints.map((c) => Math.min(c.epoch, snap.spec.epochs)))].sort((a, b) => a - b);
  const estimates = new Map(epochs.map((e) => [e, E.gridEstimate(S.networkAtEpoch(snap, e), snap.spec.dataset, snap.data.x)]));
  const width = document.querySelector(".explorer-panels").getBoundingClientRect().width;
  const pause = () => new Promise((resolve) => setTimeout(resolve, 30));
  const first = [], prepared = [], warm = [];
  for (let round = 0; round < ${rounds}; ++round) {
    const last = epochs[epochs.length - 1];
    const make = () => {
      const panels = P.estimatePanels(estimates.get(last), {width, samples: snap.data.x, estimateKey: last, document});
      panels.select(0);
      document.querySelector(".explorer-panels").after(panels);
      return panels;
    };
    const time = async (panels, e, into) => {
      await pause();
      const t0 = performance.now();
      panels.setEstimate(estimates.get(e), e);
      document.body.getBoundingClientRect();
      into.push(performance.now() - t0);
    };
    let panels = make();
    const order = epochs.slice(0, -1).reverse();
    for (const e of order) await time(panels, e, first);
    for (const e of order) await time(panels, e, warm);
    panels.remove();
    panels = make();
    for (const e of order) {
      await pause();
      while (!panels.prepareEstimate(estimates.get(e), e));
      await time(panels, e, prepared);
    }
    panels.remove();
  }
  return {width, checkpoints: epochs.length, first, prepared, warm};
})()`;

const ms = (v: number) => `${v.toFixed(2)} ms`;

async function main() {
  await withSite(async (site, browser) => {
    const {page, log, close} = await openPage(browser, site.origin);
    try {
      await page.goto(site.url("/large-relu"));
      await waitForFigures(page, "/large-relu", {timeout: 60_000});
      const {url} = await servedSnapshot(page, "large-relu");
      const modules = {panels: builtModule("components", "estimate-panels"), estimate: builtModule("lib", "estimate"), snapshot: builtModule("lib", "snapshot")};
      const r = (await page.evaluate(script(modules, new URL(url).pathname, ROUNDS))) as {width: number; checkpoints: number; first: number[]; prepared: number[]; warm: number[]};
      console.log(`Panels benchmark: ${DIST}, /large-relu ([5, 5]), ${r.checkpoints} checkpoints, panels ${Math.round(r.width)} px wide, Chromium ${browser.version()}`);
      console.log("setEstimate(another epoch) + forced style and layout, p50 / p95 over the checkpoints:");
      for (const [name, v] of [["first visit", r.first], ["prepared (prepareEstimate before)", r.prepared], ["warm (visited before)", r.warm]] as const)
        console.log(`  ${name.padEnd(34)} ${String(v.length).padStart(4)}  ${ms(quantile(v, 0.5))} / ${ms(quantile(v, 0.95))}`);
      warnIfLogged(log);
    } finally {
      await close();
    }
  });
}

runMain(main);
