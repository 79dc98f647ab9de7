// Browser benchmark of exploring the large ReLU page ([5, 5]) of the built site: figures, not a test.
//
// In headless Chromium, with dist/ served from 127.0.0.1, for three kinds of input:
// - point moves: an arrow key on the estimate panels' point cursor (a free point, exactly where the
//   key puts it), alternately right and left;
// - epoch changes: the epoch slider set to another checkpoint (an input event): first visits by a
//   jump, twice: on a page without Worker (nothing prepared: the panels contour that checkpoint
//   after the frame) and, on three pages (every checkpoint once), once their contour worker has prepared
//   every checkpoint (the other views still meet the checkpoint for the first time); first visits
//   by one step after a reading pause, on the same three pages; then, on the first, every
//   checkpoint again, three rounds (warm), and three more with the flow diagram in view;
// - unit hovers: the pointer entering a hidden unit of the flow diagram, alternately two units;
// each with the page scrolled as its reader would have it: the estimate panels in the middle of the
// screen for point moves; for epoch changes the slider, focused (its focus scrolls it there, and
// starts the contour worker), which at 1280 x 900 leaves the flow diagram just off screen, so that
// it updates later (explorer.ts), and then the flow diagram in the middle, for the last warm rounds
// and the hovers;
// it measures inside the page, with performance.now() from just before the event is dispatched:
//   handler  the synchronous work of the event, then a forced style and layout of the page;
//   DOM      the first MutationObserver callback after the change (every view updates synchronously,
//            but for estimate panels that have to compute a checkpoint's contours: see explorer.ts);
//   frame    the next animation frame after the DOM change (Observable's runtime recomputes the
//            page's cells that depend on the explorer's value in a frame callback, so this includes them);
//   panels   for epoch changes, until the estimate panels show the epoch (after the frame, when they
//            had to compute it);
// and, from a trace of the main thread's tasks recorded meanwhile, the time it was off the CPU
// (descheduled: the machine is shared) between the input and its DOM change, and between the input
// and its frame: DOM and frame less that time are what the page itself costs;
// p50 and p95 over the events of each kind (STEPS point moves and hovers, after WARMUP unmeasured
// ones), against one frame at 60 Hz. A fixed script timed in the pause after every event gives the
// machine's own spread at those moments (its p95 / p50), to compare with each input's: this machine
// is shared, and a p95 over a few dozen events is decided by its two or three slowest.
//
// Usage: tsx scripts/bench-explore.ts [--steps 200]   (after npm run build; SITE_DIST, CHROMIUM_PATH as for the tests)
import {option, quantile, runMain, table} from "./cli.js";
import {DIST, everyCheckpointReady, figuresOf, openPage, withSite, warnIfLogged} from "./harness.js";
import {mainThread, marks, offCpuMs, recordTrace, TASKS, USER_TIMING} from "./trace.js";
import type {Browser, Page} from "playwright-core";

const args = process.argv.slice(2);
const STEPS = option(args, "steps", 200);
const WARMUP = 10;
const FRAME_MS = 1000 / 60;

// In-page code is passed as strings: tsx would wrap named inner functions of a callback in a
// __name() helper that does not exist in the page.

/**
 * The measuring loop: `fire(k)` dispatches event k, after `before(k)` (unmeasured, awaited, when
 * given); resolves to [handler[], dom[], frame[], complete[], reference[]]. `complete` is the time
 * until `done()` holds, checked at every DOM change from the frame on (the frame's time without
 * `done`): the estimate panels showing the epoch, which they compute after the frame when it was not
 * ready. `reference` is REFERENCE's time, run in each pause between events: the same script every
 * time, so its spread is the machine's, at the moments the events were measured.
 */
const MEASURE = `
  window.__reference = (() => {
    const base = Array.from({length: 8000}, (_, i) => (Math.sin(i * 12.9898) * 43758.5453) % 1);
    return () => {
      const t0 = performance.now();
      base.slice().sort((a, b) => a - b);
      return performance.now() - t0;
    };
  })();
  window.__measure = async (count, warmup, fire, before, done) => {
    const handler = [], dom = [], frame = [], complete = [], reference = [], ids = [];
    for (let k = 0; k < count + warmup; ++k) {
      if (before) await before(k);
      // Marks in the trace (see offCpu): the event's start, its DOM change and its frame.
      const id = (window.__events = (window.__events ?? 0) + 1);
      const changed = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          observer.disconnect();
          const t = performance.now();
          performance.mark("bench:" + id + ":dom");
          resolve(t);
        });
        observer.observe(document.body, {childList: true, subtree: true, attributes: true, characterData: true});
      });
      performance.mark("bench:" + id + ":input");
      const t0 = performance.now();
      fire(k);
      document.body.getBoundingClientRect();
      const t1 = performance.now();
      const t2 = await changed;
      const t3 = await new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
      performance.mark("bench:" + id + ":frame");
      const t4 = !done || done() ? t3 : await new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (!done()) return;
          observer.disconnect();
          resolve(performance.now());
        });
        observer.observe(document.body, {subtree: true, attributes: true});
      });
      // A pause of 30 ms between events, as between a reader's key presses (and so no event waits
      // for the last), with the reference script at its start.
      const r = window.__reference();
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 30 - (performance.now() - t4))));
      if (k >= warmup) {
        handler.push(t1 - t0);
        dom.push(t2 - t0);
        frame.push(t3 - t0);
        complete.push(t4 - t0);
        reference.push(r);
        ids.push(id);
      }
    }
    return [handler, dom, frame, complete, reference, ids];
  };
  // Sets the epoch slider to checkpoint k (modulo their number), as a reader's input does.
  window.__visit = (k) => {
    const slider = document.querySelector("form.epoch-slider input[type=range]");
    slider.value = String(k % (Number(slider.max) + 1));
    slider.dispatchEvent(new Event("input", {bubbles: true}));
  };
  // The estimate panels show the epoch in view (not behind it).
  window.__panelsShown = () => {
    const panels = document.querySelector(".estimate-panels");
    return panels.getAttribute("data-estimate-key") === document.querySelector(".explorer").dataset.epoch && !panels.hasAttribute("aria-busy");
  };
`;

const pointScript = (steps: number, warmup: number) => `(async () => {
  ${MEASURE}
  const panels = document.querySelector(".estimate-panels");
  return window.__measure(${steps}, ${warmup}, (k) => panels.dispatchEvent(new KeyboardEvent("keydown", {key: k % 2 ? "ArrowLeft" : "ArrowRight", bubbles: true})));
})()`;

/**
 * Rounds of warm epoch changes over all the checkpoints: the p95 of one round (50 events) is its third
 * largest value, which one stray pause of the machine decides; three rounds steady it.
 */
const WARM_ROUNDS = 3;

/**
 * Pages whose first visits are measured, each from the next offset (see epochScript): each page can
 * visit a third of the checkpoints first by a jump and a third by a step, so three pages give every
 * checkpoint once to each kind (about 50 events each, instead of 17 on one page).
 */
const FIRST_VISIT_PAGES = 3;

/** A reader's pause before a step of the slider, in ms: time the page has to prepare the next checkpoint. */
const READING_PAUSE = 1000;

/**
 * The epoch changes measured on one page: first visits by jumps to checkpoints 3k + offset, first
 * visits by one step after a pause to checkpoints 3k + offset + 2 (from 3k + offset + 1, unmeasured).
 * Resolves to [jump, paused].
 */
const epochScript = (offset: number) => `(async () => {
  ${MEASURE}
  const n = Number(document.querySelector("form.epoch-slider input[type=range]").max) + 1;
  const visit = window.__visit;
  // Every checkpoint visited below for the first time is one no earlier visit was next to: the page
  // prepared nothing for it but what the contour worker did (and the reading pause, for the steps).
  const third = Math.floor((n - 1) / 3);
  const jump = await window.__measure(third + 1, 0, (k) => visit(3 * k + ${offset}), undefined, window.__panelsShown);
  const paused = await window.__measure(third, 0, (k) => visit(3 * k + ${offset} + 2), async (k) => {
    visit(3 * k + ${offset} + 1);
    await new Promise((resolve) => setTimeout(resolve, ${READING_PAUSE}));
  }, window.__panelsShown);
  return [jump, paused];
})()`;

/** WARM_ROUNDS rounds of epoch changes over every checkpoint, all visited before. */
const warmScript = (warmup: number) => `(async () => {
  ${MEASURE}
  const n = Number(document.querySelector("form.epoch-slider input[type=range]").max) + 1;
  return window.__measure(${WARM_ROUNDS} * Math.max(n - 1, 1), ${warmup}, window.__visit, undefined, window.__panelsShown);
})()`;

const hoverScript = (steps: number, warmup: number) => `(async () => {
  ${MEASURE}
  const neuron = (layer, unit) => document.querySelector('.flow-diagram .neuron[data-layer="' + layer + '"][data-unit="' + unit + '"]');
  return window.__measure(${steps}, ${warmup}, (k) => {
    const target = neuron(1 + (k % 2), 2 + (k % 3));
    target.dispatchEvent(new PointerEvent("pointerover", {bubbles: true}));
  });
})()`;

const ms = (v: number) => `${v.toFixed(1)} ms`;

/** A row of the table: the figures of one kind of input. `panels` says whether its events change the epoch (the panels may catch up after the frame). */
function row(name: string, [handler, dom, frame, complete, reference, offDom, offFrame]: number[][], panels = false): string[] {
  const domOnCpu = dom.map((t, i) => t - offDom[i]);
  const onCpu = frame.map((t, i) => t - offFrame[i]);
  const pair = (xs: number[]) => `${ms(quantile(xs, 0.5))} / ${ms(quantile(xs, 0.95))}`;
  return [
    name,
    String(frame.length),
    pair(handler),
    pair(dom),
    pair(domOnCpu),
    pair(frame),
    pair(onCpu),
    panels ? pair(complete) : "",
    (quantile(reference, 0.95) / quantile(reference, 0.5)).toFixed(2),
    ...[dom, domOnCpu, frame, onCpu].map((xs) => (quantile(xs, 0.95) <= FRAME_MS ? "yes" : "no"))
  ];
}

/** Opens /large-relu and waits for its figures; with `worker: false` the page has no Worker (the panels contour every checkpoint themselves). */
async function openLarge(browser: Browser, origin: string, url: string, worker: boolean) {
  const opened = await openPage(browser, origin);
  if (!worker) await opened.page.addInitScript(() => Object.defineProperty(window, "Worker", {value: undefined}));
  await opened.page.goto(url);
  const figures = figuresOf("/large-relu");
  await opened.page.waitForFunction(
    (figures) => document.querySelector("observablehq-loading") === null && figures.every(([s, n]) => document.querySelectorAll(s).length >= n),
    figures,
    {timeout: 60_000}
  );
  return opened;
}

/** The epoch slider. */
const SLIDER = "form.epoch-slider input[type=range]";

/** Time (ms) for the views' IntersectionObservers to report a scroll. */
const SCROLL_SETTLE_MS = 300;

/** Scrolls `selector`'s element to the middle of the screen, as a reader looking at it would have it. */
async function inView(page: Page, selector: string): Promise<void> {
  await page.locator(selector).first().evaluate((el) => el.scrollIntoView({block: "center"}));
  await page.waitForTimeout(SCROLL_SETTLE_MS);
}

/** Focuses the epoch slider (which starts the contour worker) in the middle of the screen, where its focus scrolls it from afar. */
async function focusSlider(page: Page): Promise<void> {
  await page.focus(SLIDER);
  await inView(page, SLIDER);
}

/**
 * Turns the reader to the epoch control (its focus), which starts the contour worker, and waits
 * until the worker has prepared every checkpoint's contours; resolves to the time that took (ms).
 */
async function engageEpochControl(page: Page): Promise<number> {
  const t0 = performance.now();
  await focusSlider(page);
  await everyCheckpointReady(page);
  return performance.now() - t0;
}

/**
 * Runs a measuring script (one measurement, or a list of them) on `page` under a trace of its main
 * thread's tasks; in each measurement the last column, the events' ids, becomes two: the time (ms)
 * the main thread spent off the CPU between each event and its DOM change, and between each event
 * and its frame (trace.ts, offCpuMs).
 */
async function traced<T extends number[][] | number[][][]>(page: Page, script: string): Promise<T> {
  const {result, events} = await recordTrace(page, `${TASKS},${USER_TIMING}`, () => page.evaluate(script) as Promise<T>);
  const tasks = mainThread(events);
  const at = marks(events);
  const markAt = (name: string) => {
    const t = at.get(name);
    if (t === undefined) throw new Error(`bench-explore: no mark ${name} in the trace`);
    return t;
  };
  const offCpu = (ids: number[], until: "dom" | "frame") => ids.map((id) => offCpuMs(tasks, markAt(`bench:${id}:input`), markAt(`bench:${id}:${until}`)));
  const withOffCpu = (m: number[][]) => [...m.slice(0, -1), offCpu(m[m.length - 1], "dom"), offCpu(m[m.length - 1], "frame")];
  const many = (r: number[][] | number[][][]): r is number[][][] => Array.isArray(r[0]?.[0]);
  return (many(result) ? result.map(withOffCpu) : withOffCpu(result)) as T;
}

/** Two measurements' columns (handler, DOM, frame, complete, reference, off CPU to the DOM change and to the frame) joined. */
const concat = (a: number[][], b: number[][]) => a.map((column, i) => [...column, ...b[i]]);

async function main() {
  await withSite(async (site, browser) => {
    // Jumps to checkpoints nothing has prepared: a page without a worker, so the panels contour each on the spot.
    const cold = await openLarge(browser, site.origin, site.url("/large-relu"), false);
    let coldJump: number[][];
    try {
      await cold.page.waitForTimeout(500);
      await focusSlider(cold.page);
      [coldJump] = await traced<number[][][]>(cold.page, epochScript(0));
    } finally {
      await cold.close();
    }
    const {page, log, close} = await openLarge(browser, site.origin, site.url("/large-relu"), true);
    try {
      await page.waitForTimeout(500);
      await inView(page, ".estimate-panels");
      const point = await traced<number[][]>(page, pointScript(STEPS, WARMUP));
      const ready = await engageEpochControl(page);
      let [jump, paused] = await traced<number[][][]>(page, epochScript(0));
      const warm = await traced<number[][]>(page, warmScript(WARMUP));
      // First visits on more pages, each at the next offset: every checkpoint is a first visit once.
      for (let offset = 1; offset < FIRST_VISIT_PAGES; ++offset) {
        const more = await openLarge(browser, site.origin, site.url("/large-relu"), true);
        try {
          await more.page.waitForTimeout(500);
          await engageEpochControl(more.page);
          const [j, p] = await traced<number[][][]>(more.page, epochScript(offset));
          [jump, paused] = [concat(jump, j), concat(paused, p)];
          warnIfLogged(more.log);
        } finally {
          await more.close();
        }
      }
      await inView(page, ".explorer-diagram");
      const warmDiagram = await traced<number[][]>(page, warmScript(WARMUP));
      const hover = await traced<number[][]>(page, hoverScript(STEPS, WARMUP));
      const reference = [coldJump, point, jump, paused, warm, warmDiagram, hover].flatMap((m) => m[4]);
      console.log(`Explore benchmark: ${DIST}, /large-relu ([5, 5]), Chromium ${browser.version()}; one frame = ${ms(FRAME_MS)}`);
      console.log("p50 / p95 from the input event. 'DOM updated': to the first change of the page's DOM, after the event's");
      console.log("synchronous work and a forced style and layout. 'next animation frame': to the first frame after it (the page's");
      console.log("cells that follow the explorer are recomputed in it). 'DOM less off CPU', 'frame less off CPU': each, less the time the main");
      console.log("thread was descheduled meanwhile (wall less thread time of its tasks, from a trace): what the page costs on a");
      console.log("machine of its own. 'panels show the epoch': until the estimate panels show it too (a checkpoint whose contours");
      console.log("were not ready is computed after the frame). 'reference p95 / p50': the spread of a fixed script (sorting 8,000");
      console.log("numbers) run between the same events, the machine's own. 'p95 <= 1 frame': whether the p95 of 'DOM updated' (the");
      console.log("input's latency to a changed page), of that less time off CPU, of the next frame (which also waits for the frame");
      console.log("to begin) and of that less time off CPU is within one frame.");
      console.log(`The reference script took ${ms(quantile(reference, 0.5))} / ${ms(quantile(reference, 0.95))} over all ${reference.length} pauses.`);
      console.log(`The contour worker had every checkpoint ready ${ms(ready)} after the epoch control got the focus.`);
      console.log("");
      console.log(
        table(
          ["input", "events", "handler + layout", "DOM updated", "DOM less off CPU", "next animation frame", "frame less off CPU", "panels show the epoch", "reference p95 / p50", "p95 <= 1 frame: DOM", "DOM less off CPU", "frame", "frame less off CPU"],
          [
            row("point move (arrow key)", point),
            row("epoch, first visit (jump), no worker", coldJump, true),
            row("epoch, first visit (jump), worker done", jump, true),
            row(`epoch, first visit (step after ${READING_PAUSE / 1000} s)`, paused, true),
            row("epoch change, warm", warm, true),
            row("epoch change, warm, diagram in view", warmDiagram, true),
            row("unit hover", hover)
          ]
        )
      );
      warnIfLogged(log);
    } finally {
      await close();
    }
  });
}

runMain(main);
