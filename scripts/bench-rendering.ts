// Browser benchmark of what a frame costs the main thread after the event handlers: figures, not a test.
//
// bench-explore.ts times an input up to its updated DOM. The browser then renders that DOM in the
// frame: style, layout, paint (recording what to draw), layerize (cutting the record into composited
// layers) and commit, on the same main thread. This script reads those from a Chromium trace of the
// built large ReLU page ([5, 5]) while the epoch slider visits every checkpoint (each once before
// the trace, so all are warm) and while the arrow keys move the point, 60 ms apart, and prints, over
// the frames that render an input, the median of each phase and of their sum.
//
// The same page is measured twice in one run: as built, and with `svg { isolation: auto }` added
// (the reference: the page as one paint layer, as before style.css made every svg its own), so the
// ratio of the two holds on a shared, noisy machine.
//
// Usage: tsx scripts/bench-rendering.ts   (after npm run build; SITE_DIST, CHROMIUM_PATH as for the tests)
import {median, runMain, table} from "./cli.js";
import {DIST, everyCheckpointReady, openPage, withSite, waitForFigures, warnIfLogged} from "./harness.js";
import {mainThread, recordTrace, TIMELINE, type TraceEvent} from "./trace.js";

/** The rendering phases of a frame, as the trace names them (Layout and style also run inside handlers that read layout). */
const PHASES = ["UpdateLayoutTree", "Layout", "PrePaint", "Paint", "Layerize", "Commit"] as const;

/** The in-page loop: `kind` "epoch" visits every checkpoint, "point" moves the point right and left. */
const inputs = (kind: "epoch" | "point") => `(async () => {
  const slider = document.querySelector("form.epoch-slider input[type=range]");
  const panels = document.querySelector(".estimate-panels");
  const n = Number(slider.max) + 1;
  for (let k = 0; k < n; ++k) {
    if (${kind === "epoch"}) {
      slider.value = String(k);
      slider.dispatchEvent(new Event("input", {bubbles: true}));
    } else panels.dispatchEvent(new KeyboardEvent("keydown", {key: k % 2 ? "ArrowLeft" : "ArrowRight", bubbles: true}));
    await new Promise((resolve) => setTimeout(resolve, 60));
  }
})()`;

type Frame = Record<(typeof PHASES)[number] | "total", number>;

/**
 * The frame that renders each input, on the renderer's main thread: the time of each phase and
 * their sum. A frame ends with its Commit, and the phases since the last Commit belong to it; an
 * input's frame is the one whose Commit is the first after its event (the frames in between, of
 * idle work, are left out). Paint nests a Paint of its own: only the outermost counts.
 */
function frames(events: TraceEvent[], eventType: string): Frame[] {
  const onMain = mainThread(events);
  const inputs = onMain.filter((e) => e.name === "EventDispatch" && e.args?.data?.type === eventType).map((e) => e.ts);
  const empty = (): Frame => ({UpdateLayoutTree: 0, Layout: 0, PrePaint: 0, Paint: 0, Layerize: 0, Commit: 0, total: 0});
  const out: Frame[] = [];
  let frame = empty();
  let frameStart = -Infinity;
  let paintEnd = -Infinity;
  let next = 0;
  for (const e of onMain.filter((e) => (PHASES as readonly string[]).includes(e.name))) {
    const ms = e.dur! / 1000;
    if (e.name === "Paint") {
      if (e.ts < paintEnd) continue;
      paintEnd = e.ts + e.dur!;
    }
    frame[e.name as (typeof PHASES)[number]] += ms;
    frame.total += ms;
    if (e.name !== "Commit") continue;
    // The inputs since the last frame's end are rendered by this frame.
    let rendersInput = false;
    while (next < inputs.length && inputs[next] < e.ts) {
      rendersInput ||= inputs[next] >= frameStart;
      ++next;
    }
    if (rendersInput) out.push(frame);
    frame = empty();
    frameStart = e.ts + e.dur!;
  }
  return out;
}

async function main() {
  await withSite(async (site, browser) => {
    const {page, log, close} = await openPage(browser, site.origin, {width: 1280});
    try {
      await page.goto(site.url("/large-relu"));
      await waitForFigures(page, "/large-relu");
      // The contour worker prepares every checkpoint once the epoch control has the focus.
      await page.focus("form.epoch-slider input[type=range]");
      // The flow diagram in the middle of the screen (the panels' foot above it): every view an input
      // changes is in view, so none is left for later (explorer.ts, follow.ts).
      await page.locator(".explorer-diagram").evaluate((el) => el.scrollIntoView({block: "center"}));
      await everyCheckpointReady(page);
      await page.evaluate(inputs("epoch"));
      const trace = async (kind: "epoch" | "point") => {
        const {events} = await recordTrace(page, TIMELINE, () => page.evaluate(inputs(kind)));
        return frames(events, kind === "epoch" ? "input" : "keydown");
      };
      const results: {variant: string; kind: string; frames: Frame[]}[] = [];
      for (const variant of ["as built", "one paint layer (reference)"]) {
        if (variant !== "as built") await page.addStyleTag({content: "svg { isolation: auto; }"});
        for (const kind of ["epoch", "point"] as const) results.push({variant, kind, frames: await trace(kind)});
      }
      console.log(`Rendering benchmark: ${DIST}, /large-relu ([5, 5]), Chromium ${browser.version()}, 1280 px wide`);
      console.log("median over the inputs of the frame that renders each, on the main thread, ms (every checkpoint once; as many point moves):");
      const head = ["input", "page", "frames", ...PHASES, "total"];
      const rows = results.map(({variant, kind, frames: f}) => [
        kind === "epoch" ? "epoch change" : "point move",
        variant,
        String(f.length),
        ...[...PHASES, "total" as const].map((p) => median(f.map((x) => x[p])).toFixed(2))
      ]);
      console.log(table(head, rows, 2));
      for (const kind of ["epoch", "point"]) {
        const [built, reference] = results.filter((r) => r.kind === kind).map((r) => median(r.frames.map((x) => x.total)));
        console.log(`${kind === "epoch" ? "epoch change" : "point move"}: rendering as built / one paint layer = ${(built / reference).toFixed(2)}`);
      }
      warnIfLogged(log);
    } finally {
      await close();
    }
  });
}

runMain(main);
