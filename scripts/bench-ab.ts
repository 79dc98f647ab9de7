// Browser benchmark comparing two versions of the large ReLU page ([5, 5]) event by event: figures,
// not a test.
//
// On this shared machine an input's time varies by a factor of two from one moment to the next
// (bench-explore.ts prints the spread of a fixed script), far more than most changes to the page
// gain or lose; two runs of bench-explore, one per version, minutes apart, cannot tell them apart.
// So both versions are open at once, in two pages, and every input is given to one and then the
// other (which goes first alternates): each pair of times is taken at the same moment, and their
// ratio B / A cancels what the machine did then. It prints each version's p50 / p95 and, over the
// pairs, the median ratio and the share of pairs where B was faster.
//
// A is the build in dist/ (SITE_DIST). B is another build (--against <dir>: say, dist/ copied aside
// before a change, then the changed site built) or the same build with a stylesheet added
// (--style "<css>", for trying a CSS change without building). Inputs: warm epoch changes (the
// slider through every checkpoint, ROUNDS times, once the contour worker has prepared them) and
// point moves (arrow keys on the estimate panels); the time is the handler's synchronous work and a
// forced style and layout, as in bench-explore's "handler + layout". Run against a copy of the same
// build (an A/A run), it gave 0.975 for epoch changes and 0.985 for point moves: ratios within
// about 3 % of 1 are noise.
//
// Both pages are scrolled as focusing the slider scrolls them, or with --in-view "<selector>" so
// that this element is in the middle of the screen (views off screen may update later: follow.ts).
//
// Usage: tsx scripts/bench-ab.ts (--against <dist dir> | --style "<css>") [--rounds 4] [--in-view ".explorer-diagram"]
import {option, quantile, runMain, table} from "./cli.js";
import {DIST, everyCheckpointReady, launchBrowser, openPage, serveSite, waitForFigures, warnIfLogged} from "./harness.js";
import type {Browser} from "playwright-core";

const args = process.argv.slice(2);
const AGAINST = option(args, "against", "");
const STYLE = option(args, "style", "");
const ROUNDS = option(args, "rounds", 4);
const IN_VIEW = option(args, "in-view", "");

/** One epoch change or point move, after a 30 ms pause, timed in the page: its handler, then a forced style and layout. */
const epochInput = (k: number) => `(async () => {
  const slider = document.querySelector("form.epoch-slider input[type=range]");
  await new Promise((resolve) => setTimeout(resolve, 30));
  const t0 = performance.now();
  slider.value = String(${k});
  slider.dispatchEvent(new Event("input", {bubbles: true}));
  document.body.getBoundingClientRect();
  return performance.now() - t0;
})()`;
const pointInput = (k: number) => `(async () => {
  const panels = document.querySelector(".estimate-panels");
  await new Promise((resolve) => setTimeout(resolve, 30));
  const t0 = performance.now();
  panels.dispatchEvent(new KeyboardEvent("keydown", {key: ${k % 2 ? '"ArrowLeft"' : '"ArrowRight"'}, bubbles: true}));
  document.body.getBoundingClientRect();
  return performance.now() - t0;
})()`;

/** Opens /large-relu from `origin`, with `style` added; waits until the contour worker has every checkpoint ready, then visits each once. */
async function openVersion(browser: Browser, origin: string, style: string) {
  const opened = await openPage(browser, origin);
  const {page} = opened;
  await page.goto(`${origin}/large-relu.html`);
  await waitForFigures(page, "/large-relu");
  if (style) await page.addStyleTag({content: style});
  await page.focus("form.epoch-slider input[type=range]");
  if (IN_VIEW) await page.locator(IN_VIEW).first().evaluate((el) => el.scrollIntoView({block: "center"}));
  await everyCheckpointReady(page);
  const checkpoints = (await page.evaluate(`Number(document.querySelector("form.epoch-slider input[type=range]").max) + 1`)) as number;
  for (let k = 0; k < checkpoints; ++k) await page.evaluate(epochInput(k));
  return {...opened, checkpoints};
}

const ms = (v: number) => `${v.toFixed(2)} ms`;

async function main() {
  if (!AGAINST === !STYLE) throw new Error("bench-ab: give one of --against <dist dir> or --style \"<css>\"");
  const a = await serveSite();
  const b = AGAINST ? await serveSite({root: AGAINST}) : a;
  const browser = await launchBrowser();
  try {
    const A = await openVersion(browser, a.origin, "");
    const B = await openVersion(browser, b.origin, STYLE);
    try {
      const kinds = [
        {name: "epoch change, warm", input: epochInput, count: ROUNDS * A.checkpoints},
        {name: "point move", input: pointInput, count: ROUNDS * A.checkpoints}
      ];
      console.log(`A/B benchmark: /large-relu ([5, 5]), Chromium ${browser.version()}, handler + layout per input`);
      console.log(`A: ${DIST}`);
      console.log(`B: ${AGAINST || `${DIST} with the style ${JSON.stringify(STYLE)}`}`);
      console.log(`In view: ${IN_VIEW ? JSON.stringify(IN_VIEW) : "the epoch slider, as its focus scrolls it"}`);
      console.log("");
      const rows: string[][] = [];
      for (const {name, input, count} of kinds) {
        const times: [number, number][] = [];
        for (let k = 0; k < count; ++k) {
          // Which version goes first alternates, so neither always meets the other's leftovers.
          const first = k % 2 ? A.page : B.page;
          const second = first === A.page ? B.page : A.page;
          const t1 = (await first.evaluate(input(k % A.checkpoints))) as number;
          const t2 = (await second.evaluate(input(k % A.checkpoints))) as number;
          times.push(first === A.page ? [t1, t2] : [t2, t1]);
        }
        const [ta, tb] = [times.map((t) => t[0]), times.map((t) => t[1])];
        const ratios = times.map(([x, y]) => y / x);
        rows.push([
          name,
          String(times.length),
          `${ms(quantile(ta, 0.5))} / ${ms(quantile(ta, 0.95))}`,
          `${ms(quantile(tb, 0.5))} / ${ms(quantile(tb, 0.95))}`,
          quantile(ratios, 0.5).toFixed(3),
          `${Math.round((100 * ratios.filter((r) => r < 1).length) / ratios.length)} %`
        ]);
      }
      console.log(table(["input", "pairs", "A p50 / p95", "B p50 / p95", "median B / A", "B faster"], rows));
      warnIfLogged(A.log);
      warnIfLogged(B.log);
    } finally {
      await A.close();
      await B.close();
    }
  } finally {
    await browser.close();
    await a.close();
    if (b !== a) await b.close();
  }
}

runMain(main);
