// Browser benchmark of the built site (run by `npm run bench:browser`, after a build): figures, not a test.
//
// In headless Chromium (the one the e2e tests drive), with dist/ served from 127.0.0.1:
// - for each page, the first render time: from navigation start to the moment its figures are drawn
//   (the same readiness condition as the e2e tests, checked on every animation frame), median and
//   range over fresh browser contexts (empty cache);
// - the JavaScript each page loads: the bytes of its script responses and how many there are (the
//   server sends them uncompressed), and the bytes of the snapshots (JSON) it fetches;
// - on the large ReLU page, the time from one step of the sample slider (a programmatic input event
//   on the range input) to the updated flow diagram, measured inside the page with performance.now():
//   to the DOM update (a MutationObserver sees the new diagram) and to the next animation frame
//   after it; p50 and p95 over STEPS steps, after WARMUP unmeasured ones.
//
// Usage: tsx scripts/bench-browser.ts [--runs 5] [--steps 200]   (SITE_DIST, CHROMIUM_PATH as for the tests)
import {cpus} from "node:os";
import {option, quantile, runMain, table} from "./cli.js";
import {DIST, figuresOf, PAGES, openPage, withSite, type SitePage} from "./harness.js";

const args = process.argv.slice(2);
const RUNS = option(args, "runs", 5);
const STEPS = option(args, "steps", 200);
const WARMUP = 10;

// In-page code is passed as strings: tsx would wrap named inner functions of a callback in a
// __name() helper that does not exist in the page.

/** A predicate, checked each frame, that records performance.now() when the page's figures are drawn. */
function drawnPredicate(path: SitePage): string {
  return `(() => {
    const figures = ${JSON.stringify(figuresOf(path))};
    const ready = document.querySelector("observablehq-loading") === null && figures.every(([s, n]) => document.querySelectorAll(s).length >= n);
    if (ready && window.__drawnAt === undefined) window.__drawnAt = performance.now();
    return ready;
  })()`;
}

/** Steps the slider `steps + warmup` times; resolves to [domMs[], frameMs[]] of the measured steps. */
function sliderScript(steps: number, warmup: number): string {
  return `(async () => {
    const slider = document.querySelector("form.sample-picker input[type=range]");
    const caption = () => document.querySelector(".flow-diagram figcaption")?.textContent ?? "";
    const max = Number(slider.max);
    const dom = [];
    const frame = [];
    let value = Number(slider.value);
    for (let k = 0; k < ${steps} + ${warmup}; ++k) {
      value = value + 1 > max ? 0 : value + 1;
      const want = "Sample " + value + " through";
      const updated = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (caption().startsWith(want)) {
            observer.disconnect();
            resolve(performance.now());
          }
        });
        observer.observe(document.body, {childList: true, subtree: true, characterData: true});
      });
      const t0 = performance.now();
      slider.value = String(value);
      slider.dispatchEvent(new Event("input", {bubbles: true}));
      const t1 = await updated;
      const t2 = await new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
      if (k >= ${warmup}) {
        dom.push(t1 - t0);
        frame.push(t2 - t0);
      }
    }
    return [dom, frame];
  })()`;
}

/**
 * The flow diagram's own cost for one step, without the runtime's wait for the next animation frame
 * (Observable's runtime recomputes cells on requestAnimationFrame, so the slider measurement above
 * includes up to one frame of waiting): in the page, the built flow-diagram module renders the large
 * network for `steps` inputs, each replacing the page's diagram and forcing style and layout. The
 * snapshot file holds no samples (pages regenerate them from the seed), so the inputs are points of
 * a 41 × 41 grid over the data square, visited in a scattered order.
 */
function renderScript(steps: number): string {
  return `(async () => {
    const urls = performance.getEntriesByType("resource").map((e) => e.name);
    const moduleUrl = urls.find((u) => u.includes("/components/flow-diagram.") && u.endsWith(".js"));
    const dataUrl = urls.find((u) => u.includes("/data/large-relu.") && u.endsWith(".json"));
    const {flowDiagram} = await import(moduleUrl);
    const snap = await (await fetch(dataUrl)).json();
    const net = {layers: snap.layers, activation: snap.spec.activation};
    let current = document.querySelector(".flow-diagram");
    const width = current.getBoundingClientRect().width;
    const times = [];
    for (let k = 0; k < ${steps}; ++k) {
      const input = [((k * 37) % 41) / 10 - 2, ((k * 53) % 41) / 10 - 2];
      const t0 = performance.now();
      const next = flowDiagram(net, {input, width});
      current.replaceWith(next);
      next.getBoundingClientRect();
      times.push(performance.now() - t0);
      current = next;
    }
    return times;
  })()`;
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const ms = (v: number) => `${v.toFixed(1)} ms`;

async function main() {
  await withSite(async (site, browser) => {
    console.log(`Browser benchmark: ${DIST} on ${site.origin}, Chromium ${browser.version()}, ${cpus().length} CPUs, ${RUNS} cold loads per page`);
    console.log("");
    const rows: string[][] = [];
    for (const path of PAGES) {
      const times: number[] = [];
      let js = {bytes: 0, count: 0};
      let data = {bytes: 0, count: 0};
      let problems: string[] = [];
      for (let run = 0; run < RUNS; ++run) {
        const {page, log, close} = await openPage(browser, site.origin);
        try {
          await page.goto(site.url(path));
          await page.waitForFunction(drawnPredicate(path), undefined, {polling: "raf", timeout: 60_000});
          times.push(await page.evaluate("window.__drawnAt"));
          await page.waitForLoadState("networkidle");
          if (run === 0) {
            const scripts = log.requests.filter((r) => r.type === "script");
            const json = log.requests.filter((r) => /\/_file\/.*\.json$/.test(r.url));
            js = {bytes: scripts.reduce((s, r) => s + r.bytes, 0), count: scripts.length};
            data = {bytes: json.reduce((s, r) => s + r.bytes, 0), count: json.length};
            problems = [...log.console, ...log.pageErrors, ...log.failedRequests, ...log.foreignRequests];
          }
        } finally {
          await close();
        }
      }
      if (problems.length) console.log(`warning: ${path}: ${problems.join("; ")}`);
      rows.push([path, ms(quantile(times, 0.5)), `${ms(Math.min(...times))} – ${ms(Math.max(...times))}`, kB(js.bytes), String(js.count), `${kB(data.bytes)} (${data.count})`]);
    }
    console.log("First render (navigation start to figures drawn), cold cache");
    console.log(table(["page", "median", "range", "JS bytes", "JS files", "snapshots (files)"], rows));
    console.log("");

    const {page, close} = await openPage(browser, site.origin);
    try {
      await page.goto(site.url("/large-relu"));
      await page.waitForFunction(drawnPredicate("/large-relu"), undefined, {polling: "raf", timeout: 60_000});
      const [dom, frame] = (await page.evaluate(sliderScript(STEPS, WARMUP))) as [number[], number[]];
      const render = (await page.evaluate(renderScript(STEPS))) as number[];
      console.log(`Large ReLU page: one slider step to the updated flow diagram (${dom.length} steps after ${WARMUP} warm-up steps)`);
      console.log(
        table(
          ["measured to", "p50", "p95", "max"],
          [
            ["DOM updated (MutationObserver)", ms(quantile(dom, 0.5)), ms(quantile(dom, 0.95)), ms(Math.max(...dom))],
            ["next animation frame", ms(quantile(frame, 0.5)), ms(quantile(frame, 0.95)), ms(Math.max(...frame))],
            ["diagram render + layout only", ms(quantile(render, 0.5)), ms(quantile(render, 0.95)), ms(Math.max(...render))]
          ]
        )
      );
    } finally {
      await close();
    }
  });
}

runMain(main);
