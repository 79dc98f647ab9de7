// The exact zone map in the built site: on /large-relu the map draws exactly the zones exactPartition
// finds in the snapshot the page was served; a click anywhere on it shows localLinear at the clicked
// point; the keyboard does the same; hovering a unit's boundary highlights that unit's boundary.
import {describe, expect, it} from "vitest";
import type {Browser, Page} from "playwright-core";
import {snapshotNetwork} from "../../src/lib/snapshot.js";
import {exactPartition, unitBoundary} from "../../src/lib/partition.js";
import {localLinear} from "../../src/lib/regions.js";
import {linearFormula} from "../../src/lib/format.js";
import {HOVER_PX} from "../../src/components/zone-map-chart.js";
import type {Point} from "../../src/lib/datasets.js";
import {openPage, problems, servedSnapshot, waitForFigures, type SiteServer} from "../../scripts/harness.js";
import {useSite} from "./use-site.js";

let site: SiteServer;
let browser: Browser;
useSite((s, b) => {
  site = s;
  browser = b;
});

const MAP = ".zone-explorer .zone-map svg[tabindex]";

/** The viewport pixel (whole numbers) nearest a data point of the map, and the data point of that pixel. */
async function mapPixel(page: Page, point: Point): Promise<{client: [number, number]; data: Point; pixelSize: number}> {
  const map = page.locator(MAP);
  await map.scrollIntoViewIfNeeded();
  return map.evaluate((svg, point) => {
    type Scale = {apply(v: number): number; invert(v: number): number};
    const plot = svg as unknown as SVGSVGElement & {scale(name: string): Scale};
    const [x, y] = [plot.scale("x"), plot.scale("y")];
    const ctm = plot.getScreenCTM()!;
    const p = new DOMPoint(x.apply(point[0]), y.apply(point[1])).matrixTransform(ctm);
    const client: [number, number] = [Math.round(p.x), Math.round(p.y)];
    const back = new DOMPoint(client[0], client[1]).matrixTransform(ctm.inverse());
    const one = new DOMPoint(client[0] + 1, client[1]).matrixTransform(ctm.inverse());
    return {client, data: [x.invert(back.x), y.invert(back.y)] as [number, number], pixelSize: Math.abs(x.invert(one.x) - x.invert(back.x))};
  }, point as [number, number]);
}

const formulaText = (page: Page) => page.locator(".zone-explorer > .zone-formula").textContent();

describe("/large-relu exact zone map", () => {
  it("draws exactPartition's zones, shows localLinear where clicked or chosen by keyboard, and highlights a hovered boundary", async () => {
    const {page, log, close} = await openPage(browser, site.origin);
    try {
      await page.goto(site.url("/large-relu"));
      await waitForFigures(page, "/large-relu");
      await page.waitForSelector(`${MAP} path.zone`);
      const {snapshot} = await servedSnapshot(page, "large-relu");
      const net = snapshotNetwork(snapshot);
      const partition = exactPartition(net);

      // The polygons drawn are the zones computed here from the served snapshot.
      expect(await page.locator(`${MAP} path.zone`).count()).toBe(partition.zones.length);
      expect(await page.locator(".zone-explorer .zone-count").textContent()).toContain(`exactly ${partition.zones.length} zones`);

      // A click at an arbitrary point: the formula is localLinear at the clicked pixel's point.
      const {client, data} = await mapPixel(page, [0.731, -1.213]);
      await page.mouse.click(client[0], client[1]);
      const clicked = localLinear(net, data);
      await page.waitForFunction((text) => document.querySelector(".zone-explorer > .zone-formula")?.textContent?.includes(text), linearFormula(clicked.a, clicked.b, clicked.c));

      // The keyboard: Tab to the map, move the cursor, Enter takes its point.
      await page.locator(MAP).focus();
      for (let i = 0; i < 8; ++i) await page.keyboard.press("ArrowLeft");
      await page.keyboard.press("Enter");
      const live = await page.locator(".zone-explorer .zone-cursor-text").textContent();
      const cursor = live!.match(/^Point \((−?[\d.]+), (−?[\d.]+)\)/)!.slice(1).map((s) => Number(s.replace("−", "-")));
      // The live text rounds the point to 2 decimals; the cursor moved 8 steps of 0.1 left of the clicked point.
      expect(cursor[0]).toBeCloseTo(data[0] - 0.8, 1);
      const keyed = localLinear(net, [data[0] - 0.8, data[1]]);
      expect(await formulaText(page)).toContain(linearFormula(keyed.a, keyed.b, keyed.c));

      // Hover a first-layer unit's line (the foot of the origin's perpendicular on it, inside the square).
      const W = net.layers[0].weights;
      const B = net.layers[0].biases;
      const feet = B.map((b, j): Point => {
        const n2 = W[0][j] ** 2 + W[1][j] ** 2;
        return [(-b * W[0][j]) / n2, (-b * W[1][j]) / n2];
      });
      const j = feet.findIndex((p) => Math.abs(p[0]) < 1.5 && Math.abs(p[1]) < 1.5);
      expect(j).toBeGreaterThanOrEqual(0);
      const hover = await mapPixel(page, feet[j]);
      await page.mouse.move(hover.client[0], hover.client[1]);
      await page.waitForFunction(() => (document.querySelector(".zone-explorer .zone-map")?.getAttribute("data-highlight") ?? "") !== "");
      const [layer, unit] = (await page.locator(".zone-explorer .zone-map").getAttribute("data-highlight"))!.split("-").map(Number);
      // The highlighted unit's boundary passes within the hover distance of the pointer.
      const lines = unitBoundary(net, partition, {layer, unit});
      const distance = Math.min(
        ...lines.flatMap((line) =>
          line.slice(1).map((b, i) => {
            const a = line[i];
            const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
            const t = Math.max(0, Math.min(1, ((hover.data[0] - a[0]) * dx + (hover.data[1] - a[1]) * dy) / (dx * dx + dy * dy)));
            return Math.hypot(hover.data[0] - a[0] - t * dx, hover.data[1] - a[1] - t * dy);
          })
        )
      );
      expect(distance).toBeLessThanOrEqual((HOVER_PX + 1) * hover.pixelSize);
      expect(await page.locator(".zone-explorer .unit-boundary").count()).toBeGreaterThan(0);
      // Leaving the map clears the highlight.
      await page.mouse.move(2, 2);
      await page.waitForFunction(() => document.querySelector(".zone-explorer .zone-map")?.getAttribute("data-highlight") === "");

      // The count chart: one dot per checkpoint, the cursor at the last.
      const epochs = snapshot.checkpoints.map((c) => c.epoch);
      expect(await page.locator(".zone-count-chart svg[role=slider]").getAttribute("aria-valuenow")).toBe(String(epochs[epochs.length - 1]));
      expect(problems(log)).toEqual([]);
    } finally {
      await close();
    }
  });
});
