// A page served a corrupted snapshot shows what went wrong (div.snapshot-error, naming the file and
// the field) instead of a blank page or an uncaught exception. The server replaces one built
// snapshot by bad JSON, or by valid JSON with one field broken.
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Browser} from "playwright-core";
import {DIST, launchBrowser, openPage, problems, serveSite, waitForFigures, type SitePage} from "../../scripts/harness.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The built file of snapshot `id`, as a path under the site: /_file/data/<id>.<hash>.json. */
function builtSnapshot(id: string): {path: string; json: Record<string, unknown>} {
  // (also the summary, "networks", which is an array)
  const dir = join(DIST, "_file", "data");
  const name = readdirSync(dir).find((f) => new RegExp(`^${id}\\.[0-9a-f]+\\.json$`).test(f));
  if (!name) throw new Error(`no built snapshot ${id} in ${dir}`);
  return {path: `/_file/data/${name}`, json: JSON.parse(readFileSync(join(dir, name), "utf8"))};
}

interface Case {
  name: string;
  id: string;
  pages: SitePage[];
  corrupt: (json: Record<string, unknown>) => string;
  /** What the message must say: the field (or that the file is not JSON). */
  says: RegExp;
}

const CASES: Case[] = [
  {name: "bad JSON", id: "small-relu", pages: ["/small-relu"], corrupt: (json) => JSON.stringify(json).slice(0, 1000), says: /not valid JSON/},
  {name: "a summary cut short", id: "networks", pages: ["/", "/regression"], corrupt: (json) => JSON.stringify(json).slice(0, 200), says: /not valid JSON/},
  {name: "a summary missing a loss", id: "networks", pages: ["/"], corrupt: (json) => JSON.stringify([{...(json[0] as object), finalLoss: null}]), says: /field "\[0\]\.finalLoss"/},
  {
    name: "a loss history that is not an array",
    id: "large-relu",
    pages: ["/large-relu"],
    corrupt: (json) => JSON.stringify({...json, lossHistory: "oops"}),
    says: /field "lossHistory"/
  },
  {
    name: "a bias missing in the second layer",
    id: "small-sigmoid",
    pages: ["/small-sigmoid"],
    corrupt: (json) => {
      const layers = structuredClone(json.layers) as {biases: number[]}[];
      layers[1].biases.pop();
      return JSON.stringify({...json, layers});
    },
    says: /field "layers\[1\]\.biases"/
  }
];

describe.each(CASES)("a snapshot with $name", ({id, pages, corrupt, says}) => {
  it.each(pages)("on %s shows the error naming the file and what is wrong", async (path) => {
    const built = builtSnapshot(id);
    const body = corrupt(built.json);
    const site = await serveSite({override: (p) => (p === built.path ? body : undefined)});
    const {page, log, close} = await openPage(browser, site.origin);
    try {
      await page.goto(site.url(path));
      await page.waitForSelector("div.snapshot-error", {timeout: 30_000});
      await waitForFigures(page, path); // returns as soon as the error is shown
      await page.waitForLoadState("networkidle"); // and give any late exception time to surface
      const error = page.locator("div.snapshot-error");
      expect(await error.count()).toBe(1);
      expect(await error.isVisible()).toBe(true);
      expect(await error.getAttribute("role")).toBe("alert");
      const text = (await error.textContent()) ?? "";
      expect(text).toContain(`${id}.json`);
      expect(text).toMatch(says);
      // The page itself is there: its title, and no uncaught error.
      expect(await page.locator("h1").first().isVisible()).toBe(true);
      expect(await page.locator(".observablehq--error").count()).toBe(0);
      expect(problems(log)).toEqual([]);
      // Nothing is drawn from the broken file.
      expect(await page.locator(".flow-diagram, table.network-table, svg[aria-label^='Scatter']").count()).toBe(0);
    } finally {
      await close();
      await site.close();
    }
  });
});
