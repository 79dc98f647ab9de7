// Accessibility in Chromium: axe-core finds no serious or critical violation on any page once its
// figures are drawn (and none after the reader changes the sample and selects a neuron); every
// chart has a text alternative; the flow diagram's description names the selected sample and
// follows the slider.
import {describe, expect, it} from "vitest";
import type {Browser, Page} from "playwright-core";
import {DIAGRAM_DIGITS} from "../../src/components/flow-diagram.js";
import {fixed} from "../../src/lib/format.js";
import {AXE_PATH, NETWORK_PAGES, PAGES, openPage, problems, servedSnapshot, waitForFigures, type SiteServer} from "../../scripts/harness.js";
import {useSite} from "./use-site.js";
import {SLIDER, readFlow, selectedSample, waitForSample} from "./site.js";

/** The axe impacts this site must not have. */
const BLOCKING = ["serious", "critical"];


let site: SiteServer;
let browser: Browser;
useSite((s, b) => {
  site = s;
  browser = b;
});

interface AxeNode {
  target: string;
  html: string;
  summary: string;
}
interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

async function axe(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({path: AXE_PATH});
  return page.evaluate(async () => {
    type AxeResult = {violations: {id: string; impact: string | null; help: string; nodes: {target: unknown[]; html: string; failureSummary?: string}[]}[]};
    const run = (window as typeof window & {axe: {run(context: Document, options: object): Promise<AxeResult>}}).axe.run;
    const result = await run(document, {resultTypes: ["violations"]});
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({target: n.target.map(String).join(" "), html: n.html, summary: n.failureSummary ?? ""}))
    }));
  });
}

/** The serious and critical violations, at most 5 nodes each, for a readable failure. */
function blocking(violations: Violation[]): Violation[] {
  return violations
    .filter((v) => BLOCKING.includes(v.impact ?? ""))
    .map((v) => ({...v, nodes: v.nodes.slice(0, 5)}));
}

describe.each(PAGES)("page %s", (path) => {
  it("has no serious or critical axe violation, and every chart has a text alternative", async () => {
    const {page, log, close} = await openPage(browser, site.origin);
    try {
      await page.goto(site.url(path));
      await waitForFigures(page, path);
      expect(blocking(await axe(page))).toEqual([]);

      // Every Plot chart (a figure's own svg, not its legend) is labelled.
      const charts = await page.evaluate(() =>
        [...document.querySelectorAll("figure")]
          .map((f) => [...f.children].filter((c) => c.tagName.toLowerCase() === "svg").at(-1))
          .filter((svg): svg is Element => svg !== undefined && !svg.closest(".flow-diagram"))
          .map((svg) => ({label: svg.getAttribute("aria-label"), hidden: svg.getAttribute("aria-hidden")}))
      );
      for (const c of charts) expect(c.hidden === "true" || (c.label ?? "").trim().length > 10, `chart label ${JSON.stringify(c)}`).toBe(true);

      if (NETWORK_PAGES.some((p) => p.path === path)) {
        // The diagram's svg is named (title) and described (desc); its neurons are labelled buttons.
        const flow = await readFlow(page);
        expect(["img", "group"]).toContain(flow.role);
        expect(flow.title.trim()).not.toBe("");
        expect(flow.desc.trim()).not.toBe("");
        expect(flow.neurons.every((n) => n.label.startsWith(`layer ${n.layer} unit ${n.unit}: z = `))).toBe(true);

        // After the reader picks another sample and a neuron, still no blocking violation.
        await page.focus(SLIDER);
        await page.keyboard.press("ArrowRight");
        await waitForSample(page, await selectedSample(page));
        await page.click('.flow-diagram .neuron[data-layer="1"][data-unit="1"]');
        await page.waitForSelector(".flow-diagram .flow-panel .neuron-arithmetic");
        expect(blocking(await axe(page))).toEqual([]);
      }
      expect(problems(log)).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe.each(NETWORK_PAGES)("the flow diagram of $path", ({path, id}) => {
  it("describes the selected sample by its coordinates, and the description follows the slider", async () => {
    const {page, log, close} = await openPage(browser, site.origin);
    try {
      await page.goto(site.url(path));
      await waitForFigures(page, path);
      const {snapshot} = await servedSnapshot(page, id);
      const named = (i: number) => `(x1, x2) = (${fixed(snapshot.data.x[i][0], DIAGRAM_DIGITS)}, ${fixed(snapshot.data.x[i][1], DIAGRAM_DIGITS)})`;
      const start = await selectedSample(page);
      const before = await readFlow(page);
      expect(before.desc).toContain(named(start));
      expect(before.title).toContain(`Sample ${start}`);

      await page.focus(SLIDER);
      await page.keyboard.press("ArrowRight");
      await waitForSample(page, start + 1);
      const after = await readFlow(page);
      expect(after.desc).toContain(named(start + 1));
      expect(after.title).toContain(`Sample ${start + 1}`);
      if (named(start + 1) !== named(start)) expect(after.desc).not.toBe(before.desc);
      expect(problems(log)).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe("after exploring", () => {
  it("has no serious or critical axe violation with a free point, a replayed epoch, a focused unit and an address notice", async () => {
    const {page, log, close} = await openPage(browser, site.origin);
    try {
      await page.goto(site.url("/small-relu") + "#e=notanepoch");
      await waitForFigures(page, "/small-relu");
      await page.waitForFunction(() => (document.querySelector(".url-notice")?.textContent ?? "").startsWith("Ignored"));
      await page.fill("form.sample-picker input[aria-label=x1]", "0.25");
      await page.fill("form.sample-picker input[aria-label=x2]", "-1.5");
      await page.click("form.sample-picker button.picker-go");
      await page.focus("form.epoch-slider input[type=range]");
      await page.keyboard.press("Home");
      await page.waitForFunction(() => document.querySelector(".flow-diagram figcaption")?.textContent?.includes("(after 0 of") ?? false);
      await page.focus('.flow-diagram .neuron[data-layer="1"][data-unit="2"]');
      await page.waitForFunction(() => document.querySelectorAll(".unit-line.hovered").length > 0);
      expect(blocking(await axe(page))).toEqual([]);
      expect(problems(log)).toEqual([]);
    } finally {
      await close();
    }
  });
});
