// Exploring a network page in Chromium: a click anywhere in the plane selects that exact point; the
// epoch control replays the stored checkpoints; the view lives in the address (reload, back and
// forward restore it; a malformed address is named in a notice and the page still works); hovering a
// hidden unit links the diagram, the lines, the half-plane and the heatmap. Every expected number is
// computed here with forward() from the snapshot the page was served.
import {describe, expect, it} from "vitest";
import type {Browser, Page} from "playwright-core";
import type {Point} from "../../src/lib/datasets.js";
import {checkpointEpochs, networkAtEpoch, snapshotNetwork, type Snapshot} from "../../src/lib/snapshot.js";
import {openPage, problems, servedSnapshot, waitForFigures, type PageLog, type SitePage, type SiteServer} from "../../scripts/harness.js";
import {useSite} from "./use-site.js";
import {FLOW, chart, pixelOf, readFlow} from "./site.js";
import {expectFlowMatches} from "./checks.js";

/** How far (in pixels of the panel) the page's exact point may lie from the pixel clicked. */
const CLICK_TOLERANCE_PX = 1.5;

let site: SiteServer;
let browser: Browser;
useSite((s, b) => {
  site = s;
  browser = b;
});

interface Loaded {
  page: Page;
  log: PageLog;
  snap: Snapshot;
  close(): Promise<void>;
}

async function load(path: SitePage, id: string, hash = ""): Promise<Loaded> {
  const {page, log, close} = await openPage(browser, site.origin);
  await page.goto(site.url(path) + hash);
  await waitForFigures(page, path);
  const {snapshot} = await servedSnapshot(page, id);
  return {page, log, snap: snapshot, close};
}

/** The explorer's state in view, exactly (its data attributes). */
async function explorerState(page: Page): Promise<{point: Point; sample: number | null; epoch: number}> {
  return page.evaluate(() => {
    const el = document.querySelector<HTMLElement>(".explorer")!;
    const [x1, x2] = el.dataset.point!.split(",").map(Number);
    return {point: [x1, x2] as [number, number], sample: el.dataset.sample === "" ? null : Number(el.dataset.sample), epoch: Number(el.dataset.epoch)};
  });
}

/** Waits until the flow diagram's caption starts with `prefix`. */
async function waitForCaption(page: Page, prefix: string): Promise<void> {
  await page.waitForFunction((p) => document.querySelector(".flow-diagram figcaption")?.textContent?.startsWith(p) ?? false, prefix, {timeout: 15_000, polling: 20});
}

/** Sets the epoch slider to checkpoint index k by keyboard (Home, then k arrow presses). */
async function setEpochIndex(page: Page, k: number): Promise<void> {
  const slider = page.locator("form.epoch-slider input[type=range]");
  await slider.focus();
  await page.keyboard.press("Home");
  for (let i = 0; i < k; ++i) await page.keyboard.press("ArrowRight");
}

describe("any point of the plane", () => {
  it("a click on an estimate panel selects that exact point, and the diagram shows forward() there", async () => {
    const {page, log, snap, close} = await load("/large-relu", "large-relu");
    try {
      const net = snapshotNetwork(snap);
      for (const target of [
        [0.537, -1.219],
        [-2.61, 2.3]
      ] as Point[]) {
        const {client, data, pixelSize} = await pixelOf(chart(page, "Network estimate"), target);
        await page.mouse.click(client[0], client[1]);
        await waitForCaption(page, "The point (");
        const state = await explorerState(page);
        expect(state.sample).toBeNull();
        expect(Math.abs(state.point[0] - data[0])).toBeLessThanOrEqual(CLICK_TOLERANCE_PX * pixelSize[0]);
        expect(Math.abs(state.point[1] - data[1])).toBeLessThanOrEqual(CLICK_TOLERANCE_PX * pixelSize[1]);
        expectFlowMatches(await readFlow(page), net, state.point);
      }
      // Arrow keys on the panels move the exact point by the cursor's step.
      const before = await explorerState(page);
      await page.focus(".estimate-panels");
      await page.keyboard.press("ArrowUp");
      await page.waitForFunction((y) => Number(document.querySelector<HTMLElement>(".explorer")!.dataset.point!.split(",")[1]) > y, before.point[1]);
      const moved = await explorerState(page);
      expect(moved.point[0]).toBeCloseTo(before.point[0], 6);
      expect(moved.point[1]).toBeCloseTo(before.point[1] + 0.05, 6);
      expectFlowMatches(await readFlow(page), net, moved.point);
      // "Nearest sample" snaps the typed point to a sample; "Go to point" keeps it exact.
      await page.fill("form.sample-picker input[aria-label=x1]", "0.3");
      await page.fill("form.sample-picker input[aria-label=x2]", "-0.7");
      await page.click("form.sample-picker button.picker-go");
      await waitForCaption(page, "The point (0.300, −0.700)");
      expectFlowMatches(await readFlow(page), net, [0.3, -0.7]);
      expect(problems(log)).toEqual([]);
    } finally {
      await close();
    }
  });

  it("a click in the lines chart, off the lines, selects that exact point too", async () => {
    const {page, log, snap, close} = await load("/small-relu", "small-relu");
    try {
      const net = snapshotNetwork(snap);
      const lines = chart(page, "First-layer lines");
      // A point whose pixel is the plane's, not a line's (a line's wide pointer target takes its own clicks).
      let picked: Awaited<ReturnType<typeof pixelOf>> | null = null;
      for (const target of [[1.3, -0.4], [-1.1, -1.3], [0.4, 1.6], [-1.7, 0.9]] as Point[]) {
        const at = await pixelOf(lines, target);
        const onLine = await page.evaluate(([cx, cy]) => document.elementFromPoint(cx, cy)?.classList.contains("hit") ?? true, at.client);
        if (!onLine) {
          picked = at;
          break;
        }
      }
      expect(picked).not.toBeNull();
      await page.mouse.click(picked!.client[0], picked!.client[1]);
      await waitForCaption(page, "The point (");
      const state = await explorerState(page);
      expect(state.sample).toBeNull();
      expect(Math.abs(state.point[0] - picked!.data[0])).toBeLessThanOrEqual(CLICK_TOLERANCE_PX * picked!.pixelSize[0]);
      expect(Math.abs(state.point[1] - picked!.data[1])).toBeLessThanOrEqual(CLICK_TOLERANCE_PX * picked!.pixelSize[1]);
      expectFlowMatches(await readFlow(page), net, state.point);
      expect(problems(log)).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe("training replay", () => {
  it("the epoch control moves the diagram to that checkpoint's forward pass and the loss chart's cursor", async () => {
    const {page, log, snap, close} = await load("/small-relu", "small-relu");
    try {
      const epochs = checkpointEpochs(snap);
      const k = Math.floor(epochs.length / 3);
      await setEpochIndex(page, k);
      await waitForCaption(page, "Sample");
      await page.waitForFunction((e) => document.querySelector<HTMLElement>(".explorer")?.dataset.epoch === String(e), epochs[k]);
      await page.waitForFunction((e) => document.querySelector(".flow-diagram figcaption")?.textContent?.includes(`after ${e} of`) ?? false, epochs[k]);
      const state = await explorerState(page);
      const flow = await readFlow(page);
      expectFlowMatches(flow, networkAtEpoch(snap, epochs[k]), state.point);
      expect(await page.getAttribute(".epoch-cursor", "data-epoch")).toBe(String(epochs[k]));
      // The epoch's numbers are not the trained network's (training moved the parameters).
      expect(() => expectFlowMatches(flow, snapshotNetwork(snap), state.point)).toThrow();
      expect(problems(log)).toEqual([]);
    } finally {
      await close();
    }
  });

  it("once the reader turns to the epoch control, the contour worker prepares every other checkpoint, with the contours the page computes itself", async () => {
    /** The panels' contours at checkpoint index k, set by the slider: each panel's path data, in order. */
    const contoursAt = async (page: Page, k: number, epoch: number) => {
      await page.evaluate((k) => {
        const slider = document.querySelector<HTMLInputElement>("form.epoch-slider input[type=range]")!;
        slider.value = String(k);
        slider.dispatchEvent(new Event("input", {bubbles: true}));
      }, k);
      await page.waitForFunction((e) => document.querySelector<HTMLElement>(".explorer")?.dataset.epoch === String(e), epoch);
      // A checkpoint not computed yet is computed just after the change is shown: the panels say they are behind until then.
      await page.waitForFunction((e) => {
        const panels = document.querySelector(".estimate-panels");
        return panels?.getAttribute("data-estimate-key") === String(e) && !panels.hasAttribute("aria-busy");
      }, epoch);
      return page.evaluate(() => [...document.querySelectorAll(".estimate-contour")].map((g) => [...g.querySelectorAll("path")].map((p) => p.getAttribute("d"))));
    };
    const worker = await load("/large-relu", "large-relu");
    const {page, log, close} = await openPage(browser, site.origin);
    try {
      const {snap} = worker;
      const keys = new Set(snap.checkpoints.map((c) => Math.min(c.epoch, snap.spec.epochs)));
      // Nothing runs in the background until the reader turns to the epoch control.
      await worker.page.waitForTimeout(300);
      expect(await worker.page.getAttribute(".explorer", "data-contours-ready")).toBeNull();
      await worker.page.focus("form.epoch-slider input[type=range]");
      // Then every checkpoint but the one in view is computed off the main thread and handed to the panels.
      await worker.page.waitForFunction((n) => Number(document.querySelector(".explorer")?.getAttribute("data-contours-ready")) === n, keys.size - 1, {timeout: 30_000});
      const epochs = checkpointEpochs(snap);
      const k = Math.floor(epochs.length / 4);
      const fromWorker = await contoursAt(worker.page, k, epochs[k]);

      // The same page where no worker can run: the panels compute the contours themselves.
      await page.addInitScript(() => Object.defineProperty(window, "Worker", {value: undefined}));
      await page.goto(site.url("/large-relu"));
      await waitForFigures(page, "/large-relu");
      const ownContours = await contoursAt(page, k, epochs[k]);
      expect(await page.getAttribute(".explorer", "data-contours-ready")).toBeNull();
      expect(fromWorker).toHaveLength(3);
      expect(fromWorker.every((panel) => panel.length > 0)).toBe(true);
      expect(fromWorker).toEqual(ownContours);
      expect(problems(worker.log)).toEqual([]);
      expect(problems(log)).toEqual([]);
    } finally {
      await worker.close();
      await close();
    }
  });
});

describe("the view in the address", () => {
  it("restores a shared view exactly, and back / forward step through the changes", async () => {
    const first = await load("/small-relu", "small-relu");
    let url: string;
    const epochs = checkpointEpochs(first.snap);
    try {
      const {page} = first;
      await page.fill("form.sample-picker input[aria-label=x1]", "0.25");
      await page.fill("form.sample-picker input[aria-label=x2]", "-1.5");
      await page.click("form.sample-picker button.picker-go");
      await waitForCaption(page, "The point (0.250, −1.500)");
      await setEpochIndex(page, 3);
      await page.waitForFunction((e) => location.hash.includes(`e=${e}`), epochs[3]);
      await page.selectOption("form.flow-controls select[name=palette]", "rainbow");
      await page.waitForFunction(() => location.hash.includes("pal=rainbow"));
      await page.click(`${FLOW} .neuron[data-layer="1"][data-unit="2"]`);
      await page.waitForFunction(() => location.hash.includes("u=1.2"));
      await page.click("form.network-choice:not(.click-mode) input[value=article]");
      await page.waitForFunction(() => location.hash.includes("w=article"));
      url = page.url();
      expect(url).toContain("p=0.25,-1.5");

      // Back: the choice of weights, then the unit, come off one step at a time; forward puts them back.
      await page.goBack();
      await page.waitForFunction(() => !location.hash.includes("w=article"));
      expect(await page.isChecked("form.network-choice:not(.click-mode) input[value=build]")).toBe(true);
      await page.goBack();
      await page.waitForFunction(() => document.querySelector(`.flow-diagram .neuron[aria-pressed=true]`) === null);
      await page.goForward();
      await page.waitForFunction(() => document.querySelector(`.flow-diagram .neuron[data-layer="1"][data-unit="2"][aria-pressed=true]`) !== null);
      expect(problems(first.log)).toEqual([]);
    } finally {
      await first.close();
    }

    // The address opened afresh shows the same view.
    const second = await load("/small-relu", "small-relu", new URL(url!).hash);
    try {
      const {page, snap} = second;
      await waitForCaption(page, "The point (0.250, −1.500)");
      const state = await explorerState(page);
      expect(state).toEqual({point: [0.25, -1.5], sample: null, epoch: epochs[3]});
      const flow = await readFlow(page);
      expect(flow.palette).toBe("rainbow");
      expect(flow.neurons.find((n) => n.pressed)).toMatchObject({layer: 1, unit: 2});
      expectFlowMatches(flow, networkAtEpoch(snap, epochs[3]), [0.25, -1.5]);
      expect(await page.isChecked("form.network-choice:not(.click-mode) input[value=article]")).toBe(true);
      expect((await page.textContent(".url-notice"))?.trim()).toBe("");
      expect(problems(second.log)).toEqual([]);
    } finally {
      await second.close();
    }
  });

  it("ignores malformed and foreign values with a visible notice, and the page still works", async () => {
    const {page, log, snap, close} = await load("/large-relu", "large-relu", "#s=99999999&e=abc&pal=%3Cimg%3E&zoom=3&u=9.9&cm=layer");
    try {
      const notice = page.locator(".url-notice");
      await expect.poll(() => notice.textContent()).toMatch(/^Ignored in the address:/);
      const text = (await notice.textContent())!;
      for (const key of ["s=", "e=", "pal=", "zoom=", "u="]) expect(text).toContain(key);
      expect(await notice.isVisible()).toBe(true);
      // The address keeps the value it applied and loses the ignored ones, in place.
      expect(await page.evaluate(() => location.hash)).toBe("#cm=layer");
      // Raised into the window as the page opens (its place above the explorer is below the fold),
      // clear of the fixed header; Escape puts it back in its place, where it stays.
      const box = page.locator(".url-notice-box");
      const inWindow = () =>
        box.evaluate((el) => {
          const r = el.getBoundingClientRect();
          const header = document.querySelector("#observablehq-header")?.getBoundingClientRect().bottom ?? 0;
          return r.top >= header && r.bottom <= innerHeight;
        });
      expect(await box.getAttribute("class")).toContain("raised");
      expect(await inWindow()).toBe(true);
      await page.keyboard.press("Escape");
      expect(await box.getAttribute("class")).not.toContain("raised");
      expect(await notice.textContent()).toBe(text);
      // The valid value applies; the page works: the slider still moves the diagram.
      expect((await readFlow(page)).colorMode).toBe("layer");
      await page.focus("form.sample-picker input[type=range]");
      await page.keyboard.press("ArrowRight");
      const {sample} = await explorerState(page);
      await waitForCaption(page, `Sample ${sample} through`);
      expectFlowMatches(await readFlow(page), snapshotNetwork(snap), snap.data.x[sample!]);
      expect(problems(log)).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe("linked views", () => {
  it("hovering a hidden unit highlights its line, its half-plane, its heatmap column and its edges; hovering a line marks its unit", async () => {
    const {page, log, close} = await load("/small-relu", "small-relu");
    try {
      const unit = 3;
      await page.hover(`${FLOW} .neuron[data-layer="1"][data-unit="${unit}"]`);
      await page.waitForFunction((u) => document.querySelectorAll(`.unit-line[data-unit="${u}"].hovered`).length === 2, unit);
      expect(await page.locator(".unit-line.hovered").count()).toBe(2);
      for (const d of await page.locator(".active-half-plane").evaluateAll((ps) => ps.map((p) => p.getAttribute("d")))) expect(d).toMatch(/^M/);
      expect(await page.locator("rect.unit-column:not([hidden])").count()).toBe(1);
      expect(await page.locator(`${FLOW} .edge.hovered[data-layer="1"][data-to="${unit}"]`).count()).toBe(2);
      expect(await page.locator(`${FLOW} .edge.hovered[data-layer="2"][data-from="${unit}"]`).count()).toBe(1);

      // Leaving clears every mark.
      await page.mouse.move(5, 5);
      await page.waitForFunction(() => document.querySelectorAll(".hovered").length === 0);
      expect(await page.locator("rect.unit-column:not([hidden])").count()).toBe(0);

      // Hovering a line in the plane marks its unit in the diagram.
      const line = page.locator(`.unit-line[data-unit="1"] path.hit`).first();
      await line.scrollIntoViewIfNeeded();
      // A point of the line where no other line crosses it (lines cross near the centre).
      const box = (await line.evaluate((p) => {
        const path = p as SVGPathElement;
        const m = path.getScreenCTM()!;
        for (const f of [0.2, 0.3, 0.7, 0.8, 0.1, 0.9, 0.4, 0.6]) {
          const at = path.getPointAtLength(f * path.getTotalLength());
          const q = new DOMPoint(at.x, at.y).matrixTransform(m);
          if (document.elementFromPoint(q.x, q.y) === path) return [q.x, q.y];
        }
        throw new Error("no point of line 1 is its own");
      })) as [number, number];
      await page.mouse.move(box[0], box[1]);
      await page.waitForFunction(() => document.querySelector(`.flow-diagram .neuron[data-layer="1"][data-unit="1"].hovered`) !== null);
      expect(problems(log)).toEqual([]);
    } finally {
      await close();
    }
  });
});
