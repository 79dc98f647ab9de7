// The pages work from the keyboard: Tab reaches the sample slider, the index and coordinate fields,
// the flow diagram's settings and every neuron, and each does its job there (arrows move the slider
// and change a select, Enter submits coordinates, Enter or Space on a neuron selects it).
import {describe, expect, it} from "vitest";
import type {Browser, Page} from "playwright-core";
import {snapshotNetwork} from "../../src/lib/snapshot.js";
import type {Point} from "../../src/lib/datasets.js";
import {openPage, problems, servedSnapshot, waitForFigures, type SiteServer} from "../../scripts/harness.js";
import {useSite} from "./use-site.js";
import {readArithmetic, readFlow, selectedSample, twoNearest, waitForSample} from "./site.js";
import {expectArithmetic} from "./checks.js";

/** Most Tab presses a page may need to go all the way round. */
const MAX_TABS = 400;

let site: SiteServer;
let browser: Browser;
useSite((s, b) => {
  site = s;
  browser = b;
});

/** A short name of the focused element: "input[range]", "select[palette]", "neuron 1:2", "a", … */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return "body";
    if (el.matches(".neuron[data-layer]")) return `neuron ${el.getAttribute("data-layer")}:${el.getAttribute("data-unit")}`;
    if (el.matches(".estimate-panels")) return "point cursor";
    if (el.matches(".epoch-slider input")) return "input[range epoch]";
    if (el instanceof HTMLInputElement) return `input[${el.type}${el.type === "text" ? ` ${el.getAttribute("aria-label")}` : ""}]`;
    if (el instanceof HTMLSelectElement) return `select[${el.name}]`;
    if (el instanceof HTMLButtonElement) return `button ${el.textContent}`;
    return el.tagName.toLowerCase();
  });
}

/** Presses Tab from the top of the page until the focus comes back round; the names of what it visited. */
async function tabAround(page: Page): Promise<string[]> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.evaluate(() => window.scrollTo(0, 0));
  const seen: string[] = [];
  for (let k = 0; k < MAX_TABS; ++k) {
    await page.keyboard.press("Tab");
    const name = await focused(page);
    if (name === "body" && seen.length > 0) break;
    seen.push(name);
  }
  return seen;
}

/** Presses Tab until the focused element's name is `name`; fails after a whole round. */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let k = 0; k < MAX_TABS; ++k) {
    if ((await focused(page)) === name) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${name}`);
}

describe("keyboard", () => {
  it("reaches and uses every control and neuron of the small ReLU page", async () => {
    const {page, log, close} = await openPage(browser, site.origin);
    try {
      await page.goto(site.url("/small-relu"));
      await waitForFigures(page, "/small-relu");
      const {snapshot} = await servedSnapshot(page, "small-relu");
      const net = snapshotNetwork(snapshot);

      const order = await tabAround(page);
      const neurons = net.layers.flatMap((l, k) => l.biases.map((_, j) => `neuron ${k + 1}:${j + 1}`));
      for (const name of ["input[range]", "input[number]", "input[text x1]", "input[text x2]", "button Go to point", "button Nearest sample", "input[range epoch]", "point cursor", "select[palette]", "select[colorMode]", "select[edgeMode]", "input[checkbox]", ...neurons]) {
        expect(order, `Tab reaches ${name}`).toContain(name);
      }
      // The picker comes before the settings, and the settings before the diagram they control.
      expect(order.indexOf("input[range]")).toBeLessThan(order.indexOf("select[palette]"));
      expect(order.indexOf("select[palette]")).toBeLessThan(order.indexOf(neurons[0]));

      // The slider: arrows move it.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await tabTo(page, "input[range]");
      const start = await selectedSample(page);
      await page.keyboard.press("ArrowRight");
      await waitForSample(page, start + 1);
      await page.keyboard.press("ArrowLeft");
      await waitForSample(page, start);

      // Coordinates: type, then Enter submits the form.
      await tabTo(page, "input[text x1]");
      await page.keyboard.press("Control+A");
      await page.keyboard.type("-1.1");
      await page.keyboard.press("Tab");
      expect(await focused(page)).toBe("input[text x2]");
      await page.keyboard.press("Control+A");
      await page.keyboard.type("0.45");
      await page.keyboard.press("Enter");
      const typed: Point = [-1.1, 0.45];
      const nearest = twoNearest(snapshot.data.x, typed).first;
      await waitForSample(page, nearest);

      // The point cursor: an arrow moves the exact point off the sample, Enter goes to the nearest sample.
      await tabTo(page, "point cursor");
      await page.keyboard.press("ArrowRight");
      await page.waitForFunction(() => document.querySelector(".flow-diagram figcaption")?.textContent?.startsWith("The point (") ?? false);
      await page.keyboard.press("Enter");
      const moved = snapshot.data.x[nearest];
      await waitForSample(page, twoNearest(snapshot.data.x, [moved[0] + 0.05, moved[1]]).first);

      // The epoch slider: an arrow replays the previous checkpoint.
      await tabTo(page, "input[range epoch]");
      await page.keyboard.press("ArrowLeft");
      await page.waitForFunction(() => document.querySelector(".flow-diagram figcaption")?.textContent?.includes(" of ") ?? false);
      await page.keyboard.press("End");
      await page.waitForFunction(() => !(document.querySelector(".flow-diagram figcaption")?.textContent?.includes("(after") ?? true));

      // A select: arrows change the palette, and the diagram follows.
      await tabTo(page, "select[palette]");
      const palette = await page.inputValue("select[name=palette]");
      await page.keyboard.press("ArrowDown");
      const next = await page.inputValue("select[name=palette]");
      expect(next).not.toBe(palette);
      await page.waitForFunction((p) => document.querySelector<HTMLElement>(".flow-diagram")?.dataset.palette === p, next);

      // A neuron: Enter selects it and writes out its arithmetic; Space selects another.
      await tabTo(page, "neuron 1:3");
      await page.keyboard.press("Enter");
      await page.waitForSelector('.flow-diagram .flow-panel .neuron-arithmetic[data-layer="1"][data-unit="3"]');
      expectArithmetic(await readArithmetic(page), net, snapshot.data.x[nearest], {layer: 1, unit: 3});
      expect((await readFlow(page)).neurons.filter((n) => n.pressed).map((n) => `${n.layer}:${n.unit}`)).toEqual(["1:3"]);
      expect(await focused(page)).toBe("neuron 1:3");
      await tabTo(page, `neuron ${net.layers.length}:1`);
      await page.keyboard.press(" ");
      await page.waitForSelector(`.flow-diagram .flow-panel .neuron-arithmetic[data-layer="${net.layers.length}"][data-unit="1"]`);
      expect(problems(log)).toEqual([]);
    } finally {
      await close();
    }
  });

  it("reaches the large ReLU page's preset buttons and selects with Enter", async () => {
    const {page, log, close} = await openPage(browser, site.origin);
    try {
      await page.goto(site.url("/large-relu"));
      await waitForFigures(page, "/large-relu");
      const {snapshot} = await servedSnapshot(page, "large-relu");
      const presets = await page.locator("button.picker-preset").allTextContents();
      expect(presets).toHaveLength(4);
      const points: Point[] = [
        [1, 1],
        [0.5, 2],
        [-1, 1],
        [-1, -1]
      ];
      // From the last preset back to the first, so that each press changes the selection.
      for (const k of [3, 2, 1, 0]) {
        await tabTo(page, `button ${presets[k]}`);
        await page.keyboard.press("Enter");
        await waitForSample(page, twoNearest(snapshot.data.x, points[k]).first);
      }
      await tabTo(page, "neuron 2:5");
      await page.keyboard.press("Enter");
      await page.waitForSelector('.flow-diagram .flow-panel .neuron-arithmetic[data-layer="2"][data-unit="5"]');
      expectArithmetic(await readArithmetic(page), snapshotNetwork(snapshot), snapshot.data.x[await selectedSample(page)], {layer: 2, unit: 5});
      expect(problems(log)).toEqual([]);
    } finally {
      await close();
    }
  });
});
