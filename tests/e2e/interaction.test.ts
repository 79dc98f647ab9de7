// What a reader does with the pages, in Chromium: the slider (keyboard), a click on the dataset plot
// and on an estimate panel, typed coordinates (good and bad), the flow diagram's settings, a click on
// a neuron, and the large network's preset buttons. Expected samples and numbers are computed here
// from the snapshot the page was served; nothing is hard-coded from the data.
import {describe, expect, it} from "vitest";
import type {Browser, Page} from "playwright-core";
import type {Point} from "../../src/lib/datasets.js";
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {parseSnapshot, snapshotNetwork, type Snapshot} from "../../src/lib/snapshot.js";
import type {Network} from "../../src/lib/network.js";
import {DIST, openPage, problems, servedSnapshot, waitForFigures, type PageLog, type SitePage, type SiteServer} from "../../scripts/harness.js";
import {useSite} from "./use-site.js";
import {FLOW, SLIDER, chart, pixelOf, readArithmetic, readFlow, ringAndPixel, selectedSample, twoNearest, waitForSample} from "./site.js";
import {expectArithmetic, expectFlowMatches} from "./checks.js";

/** How far (svg px) a ring may sit from where the chart's scales put its sample. */
const RING_TOLERANCE_PX = 0.5;
/**
 * A click is only used when its nearest sample wins by at least this many pixels' worth of data
 * distance over the second nearest, so sub-pixel differences in how the page maps the click cannot
 * change the answer.
 */
const CLICK_MARGIN_PX = 2;

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
  net: Network;
  close(): Promise<void>;
}

/**
 * Opens a page and reads the snapshot of network `id` as the site serves it; a page that reads only
 * the summary (the regression page) has it fetched directly, and its dataset must be the snapshot's.
 */
async function load(path: SitePage, id: string, {summary = false} = {}): Promise<Loaded> {
  const {page, log, close} = await openPage(browser, site.origin);
  await page.goto(site.url(path));
  await waitForFigures(page, path);
  const {snapshot} = summary ? await fetchedSnapshot(id) : await servedSnapshot(page, id);
  return {page, log, snap: snapshot, net: snapshotNetwork(snapshot), close};
}

/** Snapshot `id` from the built site, by its file name under /_file/data/. */
async function fetchedSnapshot(id: string): Promise<{snapshot: Snapshot}> {
  const name = readdirSync(join(DIST, "_file", "data")).find((f) => new RegExp(`^${id}\\.[0-9a-f]+\\.json$`).test(f));
  if (!name) throw new Error(`no built snapshot ${id}`);
  return {snapshot: parseSnapshot(JSON.parse(readFileSync(join(DIST, "_file", "data", name), "utf8")), name)};
}

/** Expects the chart's ring to be drawn where its scales put sample i. */
async function expectRingOn(page: Page, label: string, snap: Snapshot, i: number): Promise<void> {
  const {ring, pixel} = await ringAndPixel(chart(page, label), snap.data.x[i]);
  expect(Math.abs(ring[0] - pixel[0]), `${label}: ring x`).toBeLessThanOrEqual(RING_TOLERANCE_PX);
  expect(Math.abs(ring[1] - pixel[1]), `${label}: ring y`).toBeLessThanOrEqual(RING_TOLERANCE_PX);
}

/**
 * Clicks a chart at the first of `targets` (data coordinates) whose pixel has an unambiguous
 * nearest sample, and returns that sample, computed from the click's own data coordinates.
 */
async function clickNearest(page: Page, label: string, samples: readonly Point[], targets: Point[], avoid: number): Promise<number> {
  // After the given points, the most isolated samples themselves: a click on a sample's own pixel.
  for (const target of [...targets, ...isolatedSamples(samples, 20).map((i) => samples[i])]) {
    const {client, data, pixelSize} = await pixelOf(chart(page, label), target);
    const {first, d1, d2} = twoNearest(samples, data);
    if (first === avoid || d2 - d1 < CLICK_MARGIN_PX * Math.max(...pixelSize)) continue;
    await page.mouse.click(client[0], client[1]);
    return first;
  }
  throw new Error(`${label}: no target with an unambiguous nearest sample among ${JSON.stringify(targets)}`);
}

/** The `count` samples farthest from their nearest neighbour, most isolated first. */
function isolatedSamples(samples: readonly Point[], count: number): number[] {
  const gap = samples.map((p, i) => {
    let d = Infinity;
    samples.forEach((q, j) => {
      if (j !== i) d = Math.min(d, (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2);
    });
    return d;
  });
  return samples.map((_, i) => i).sort((a, b) => gap[b] - gap[a]).slice(0, count);
}

const CLICK_TARGETS: Point[] = [
  [0.8, -1.3],
  [-1.45, 0.35],
  [1.6, 1.2],
  [-0.3, -1.7],
  [0.2, 0.9]
];

async function pickerError(page: Page): Promise<{visible: boolean; text: string}> {
  const error = page.locator("form.sample-picker .picker-error");
  return {visible: await error.isVisible(), text: (await error.textContent()) ?? ""};
}

/** Types coordinates into the picker and submits them with its button. */
async function findNearest(page: Page, x1: string, x2: string): Promise<void> {
  await page.fill("form.sample-picker input[aria-label=x1]", x1);
  await page.fill("form.sample-picker input[aria-label=x2]", x2);
  await page.click("form.sample-picker button[type=submit]");
}

describe("regression page", () => {
  it("moves the ring with the slider, a click on the plot and typed coordinates; refuses bad input", async () => {
    const {page, log, snap, close} = await load("/regression", "small-relu", {summary: true});
    try {
      const samples = snap.data.x;
      const start = await selectedSample(page);
      await waitForSample(page, start);
      await expectRingOn(page, "Scatter", snap, start);

      // Keyboard on the slider: one step right.
      await page.focus(SLIDER);
      await page.keyboard.press("ArrowRight");
      await waitForSample(page, start + 1);
      await expectRingOn(page, "Scatter", snap, start + 1);

      // The index field, committed by leaving it.
      const typed = Math.floor(samples.length / 3);
      await page.fill("form.sample-picker input[type=number]", String(typed));
      await page.keyboard.press("Tab");
      await waitForSample(page, typed);
      await expectRingOn(page, "Scatter", snap, typed);

      // A click on the plot selects the sample nearest the click.
      const clicked = await clickNearest(page, "Scatter", samples, CLICK_TARGETS, typed);
      await waitForSample(page, clicked);
      await expectRingOn(page, "Scatter", snap, clicked);

      // Typed coordinates select the nearest sample.
      const point: Point = [1.234, -0.567];
      const nearest = twoNearest(samples, point).first;
      await findNearest(page, "1.234", "-0.567");
      await waitForSample(page, nearest);
      await expectRingOn(page, "Scatter", snap, nearest);
      expect((await pickerError(page)).visible).toBe(false);

      // Not a number, then out of range: a visible message, and the selection stays.
      const label = await chart(page, "Scatter").locator("svg[aria-label]").getAttribute("aria-label");
      await findNearest(page, "abc", "0.5");
      await expect.poll(() => pickerError(page)).toMatchObject({visible: true, text: expect.stringContaining("abc")});
      expect(await page.getAttribute("form.sample-picker input[aria-label=x1]", "aria-invalid")).toBe("true");
      await findNearest(page, "0.5", "7");
      await expect.poll(() => pickerError(page)).toMatchObject({visible: true, text: expect.stringMatching(/x₂ must be between .* got "7"/)});
      expect(await selectedSample(page)).toBe(nearest);
      await waitForSample(page, nearest);
      expect(await chart(page, "Scatter").locator("svg[aria-label]").getAttribute("aria-label")).toBe(label);

      // A good pick clears the message.
      await page.focus(SLIDER);
      await page.keyboard.press("ArrowLeft");
      await waitForSample(page, nearest - 1);
      expect((await pickerError(page)).visible).toBe(false);
      expect(problems(log)).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe("small ReLU page", () => {
  it("updates the flow diagram and the estimate ring with the slider and with a click on an estimate panel", async () => {
    const {page, log, snap, net, close} = await load("/small-relu", "small-relu");
    try {
      const samples = snap.data.x;
      const start = await selectedSample(page);
      await waitForSample(page, start);
      const before = await readFlow(page);
      expectFlowMatches(before, net, samples[start]);
      await expectRingOn(page, "Network estimate", snap, start);

      await page.focus(SLIDER);
      await page.keyboard.press("ArrowRight");
      await waitForSample(page, start + 1);
      const after = await readFlow(page);
      expect(after.desc).not.toBe(before.desc);
      expect(after.neurons.map((n) => [n.z, n.a])).not.toEqual(before.neurons.map((n) => [n.z, n.a]));
      expectFlowMatches(after, net, samples[start + 1]);
      for (const panel of ["Network estimate", "Ground truth", "Error"]) await expectRingOn(page, panel, snap, start + 1);

      // A click picks the exact point by default (tests/e2e/explore.test.ts); here, the nearest sample.
      await page.check("form.click-mode input[value=sample]");
      for (const panel of ["Network estimate", "Error"]) {
        const current = await selectedSample(page);
        const clicked = await clickNearest(page, panel, samples, CLICK_TARGETS, current);
        await waitForSample(page, clicked);
        await expectRingOn(page, panel, snap, clicked);
        expectFlowMatches(await readFlow(page), net, samples[clicked]);
      }
      expect(problems(log)).toEqual([]);
    } finally {
      await close();
    }
  });

  it("recolours the neurons with the palette, changes the legend with the colour mode, and keeps the numbers", async () => {
    const {page, log, snap, net, close} = await load("/small-relu", "small-relu");
    try {
      const i = await selectedSample(page);
      const before = await readFlow(page);
      const palettes = await page.locator("form.flow-controls select[name=palette] option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      const other = palettes.find((p) => p !== before.palette)!;
      await page.selectOption("form.flow-controls select[name=palette]", other);
      await page.waitForFunction((p) => document.querySelector<HTMLElement>(".flow-diagram")?.dataset.palette === p, other);
      const recoloured = await readFlow(page);
      const fills = (f: typeof before) => f.neurons.flatMap((n) => [n.fillZ, n.fillA]);
      const changed = fills(recoloured).filter((c, k) => c !== fills(before)[k]).length;
      expect(changed, `neuron fills changed by ${before.palette} -> ${other}`).toBeGreaterThanOrEqual(fills(before).length - 1);
      expect(recoloured.legend.title).toContain(other);
      expect(recoloured.neurons.map((n) => [n.z, n.a])).toEqual(before.neurons.map((n) => [n.z, n.a]));

      const modes = await page.locator("form.flow-controls select[name=colorMode] option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      expect(modes).toContain("layer");
      expect(before.legend.mode).not.toBe("layer");
      await page.selectOption("form.flow-controls select[name=colorMode]", "layer");
      await page.waitForFunction(() => document.querySelector<HTMLElement>(".flow-diagram")?.dataset.colorMode === "layer");
      const perLayer = await readFlow(page);
      expect(perLayer.legend.mode).toBe("layer");
      expect(perLayer.legend.title).not.toBe(recoloured.legend.title);
      // One ramp per column (inputs, each layer) instead of one for the whole network.
      expect(recoloured.legend.ramps).toHaveLength(1);
      expect(perLayer.legend.ramps).toHaveLength(net.layers.length + 1);
      expectFlowMatches(perLayer, net, snap.data.x[i]);

      await page.selectOption("form.flow-controls select[name=edgeMode]", "contribution");
      await page.waitForFunction(() => document.querySelector<HTMLElement>(".flow-diagram")?.dataset.edgeMode === "contribution");
      expectFlowMatches(await readFlow(page), net, snap.data.x[i]);
      expect(problems(log)).toEqual([]);
    } finally {
      await close();
    }
  });

  it("writes out the arithmetic of a clicked neuron, and its numbers add up", async () => {
    const {page, log, snap, net, close} = await load("/small-relu", "small-relu");
    try {
      const x = snap.data.x[await selectedSample(page)];
      for (const ref of [
        {layer: 1, unit: 2},
        {layer: net.layers.length, unit: 1}
      ]) {
        await page.click(`${FLOW} .neuron[data-layer="${ref.layer}"][data-unit="${ref.unit}"]`);
        await page.waitForFunction(
          (ref) => document.querySelector(`.flow-diagram .flow-panel .neuron-arithmetic[data-layer="${ref.layer}"][data-unit="${ref.unit}"]`) !== null,
          ref
        );
        expectArithmetic(await readArithmetic(page), net, x, ref);
        const flow = await readFlow(page);
        expect(flow.neurons.filter((n) => n.pressed).map((n) => ({layer: n.layer, unit: n.unit}))).toEqual([ref]);
      }
      // The selection survives a change of sample, and the panel follows the new sample.
      await page.focus(SLIDER);
      await page.keyboard.press("ArrowLeft");
      const i = await selectedSample(page);
      await waitForSample(page, i);
      expectArithmetic(await readArithmetic(page), net, snap.data.x[i], {layer: net.layers.length, unit: 1});
      expect(problems(log)).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe("large ReLU page", () => {
  it("selects the samples nearest (1, 1), (0.5, 2), (−1, 1) and (−1, −1) with its preset buttons", async () => {
    const {page, log, snap, net, close} = await load("/large-relu", "large-relu");
    try {
      const presets = page.locator("form.sample-picker button.picker-preset");
      expect(await presets.count()).toBe(4);
      const points: [Point, RegExp][] = [
        [[1, 1], /\(1\.0, 1\.0\)/],
        [[0.5, 2], /\(0\.5, 2\.0\)/],
        [[-1, 1], /\(−1\.0, 1\.0\)/],
        [[-1, -1], /\(−1\.0, −1\.0\)/]
      ];
      // Go elsewhere first, so the first button has something to change.
      const far = twoNearest(snap.data.x, [0, -2]).first;
      await page.fill("form.sample-picker input[type=number]", String(far));
      await page.keyboard.press("Tab");
      await waitForSample(page, far);
      for (const [k, [point, text]] of points.entries()) {
        const button = presets.nth(k);
        expect(await button.textContent()).toMatch(text);
        await button.click();
        const expected = twoNearest(snap.data.x, point).first;
        await waitForSample(page, expected);
        expectFlowMatches(await readFlow(page), net, snap.data.x[expected]);
        await expectRingOn(page, "Network estimate", snap, expected);
      }
      expect(problems(log)).toEqual([]);
    } finally {
      await close();
    }
  });

  it("writes out a second-layer neuron's arithmetic and selects by typed coordinates", async () => {
    const {page, log, snap, net, close} = await load("/large-relu", "large-relu");
    try {
      const point: Point = [-0.4, 1.7];
      await findNearest(page, "-0.4", "1.7");
      const expected = twoNearest(snap.data.x, point).first;
      await waitForSample(page, expected);
      const ref = {layer: 2, unit: 3};
      await page.click(`${FLOW} .neuron[data-layer="2"][data-unit="3"]`);
      await page.waitForSelector(`.flow-diagram .flow-panel .neuron-arithmetic[data-layer="2"][data-unit="3"]`);
      expectArithmetic(await readArithmetic(page), net, snap.data.x[expected], ref);
      expect(problems(log)).toEqual([]);
    } finally {
      await close();
    }
  });
});
