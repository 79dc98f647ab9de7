// Layout in Chromium. Every flow diagram on every page (the interactive one and any small multiples)
// draws its edge labels (text.edge-label, src/components/flow/edges.ts) where no two of them overlap,
// at the default width. And every page, resized through the widths a reader's window or a
// full-page capture goes through, logs no console error or warning (such as Plot's `<rect>
// attribute width: A negative value` when a chart is drawn narrower than its margins).
import {describe, expect, it} from "vitest";
import type {Browser, Page} from "playwright-core";
import {AXE_PATH, NETWORK_PAGES, PAGES, openPage, problems, settle, waitForFigures, type SiteServer} from "../../scripts/harness.js";
import {useSite} from "./use-site.js";

/** A phone's viewport (CSS px). */
const PHONE = {width: 375, height: 812};
/** Widths (CSS px) the resize test goes through, in this order, after loading at the default width. */
const WIDTHS = [320, 768, 1024, 1600];
/**
 * Two label boxes overlap when they share more than this in both directions (CSS px): only float
 * noise is forgiven. The boxes are the texts' layout boxes (advance width × font height), which is
 * what the diagram's layout reserves for a label, so touching is allowed and any overlap is not.
 */
const OVERLAP_SLACK = 0.01;

let site: SiteServer;
let browser: Browser;
useSite((s, b) => {
  site = s;
  browser = b;
});

interface LabelOverlap {
  diagram: number;
  a: string;
  b: string;
  /** The shared box, width × height in CSS px. */
  shared: [number, number];
}

/** The edge labels of every flow diagram of the page, and every pair of them whose boxes overlap. */
async function edgeLabelOverlaps(page: Page, slack: number): Promise<{diagrams: number; labels: number[]; hidden: number; overlaps: LabelOverlap[]}> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return page.evaluate((slack) => {
    const svgs = [...document.querySelectorAll("svg.flow-svg")];
    const overlaps: LabelOverlap[] = [];
    let hidden = 0;
    const labels = svgs.map((svg, d) => {
      const boxes = [...svg.querySelectorAll("text.edge-label")]
        .map((t) => {
          const r = t.getBoundingClientRect();
          const name = `layer ${t.getAttribute("data-layer")} ${t.getAttribute("data-from")}→${t.getAttribute("data-to")} "${t.textContent}"`;
          return {name, left: r.left, right: r.right, top: r.top, bottom: r.bottom, empty: r.width === 0 || r.height === 0};
        })
        .filter((b) => !(b.empty && ++hidden));
      for (let i = 0; i < boxes.length; ++i)
        for (let j = i + 1; j < boxes.length; ++j) {
          const a = boxes[i];
          const b = boxes[j];
          const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (w > slack && h > slack) overlaps.push({diagram: d, a: a.name, b: b.name, shared: [Math.round(w * 10) / 10, Math.round(h * 10) / 10]});
        }
      return boxes.length;
    });
    return {diagrams: svgs.length, labels, hidden, overlaps};
  }, slack);
}

describe.each(PAGES)("page %s", (path) => {
  const isNetworkPage = NETWORK_PAGES.some((p) => p.path === path);

  it("draws no two edge labels of a flow diagram over each other", async () => {
    const {page, log, close} = await openPage(browser, site.origin);
    try {
      await page.goto(site.url(path));
      await waitForFigures(page, path);
      await page.waitForLoadState("networkidle");
      await settle(page);
      const found = await edgeLabelOverlaps(page, OVERLAP_SLACK);
      if (isNetworkPage) {
        // Not vacuous: the page has its diagram, and it shows its edge labels.
        expect(found.diagrams, "flow diagrams on the page").toBeGreaterThan(0);
        expect(found.labels[0], "edge labels of the first diagram").toBeGreaterThan(0);
      }
      expect(found.overlaps, `overlapping edge labels in ${found.diagrams} diagrams (${found.labels.join(", ")} labels)`).toEqual([]);
      expect(problems(log)).toEqual([]);
    } finally {
      await close();
    }
  });

  it(`fits a ${PHONE.width} × ${PHONE.height} phone: no sideways scroll, no overlapping edge labels, pinch-zoom allowed`, async () => {
    const {page, log, close} = await openPage(browser, site.origin, {width: PHONE.width});
    try {
      await page.setViewportSize(PHONE);
      await page.goto(site.url(path));
      await waitForFigures(page, path);
      await page.waitForLoadState("networkidle");
      await settle(page);
      const {scrollWidth, innerWidth} = await page.evaluate(() => ({scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth}));
      expect(scrollWidth, "page width at a phone's width").toBeLessThanOrEqual(innerWidth);
      expect((await edgeLabelOverlaps(page, OVERLAP_SLACK)).overlaps).toEqual([]);
      await page.addScriptTag({path: AXE_PATH});
      const violations = await page.evaluate(async () => {
        const axe = (window as typeof window & {axe: {run(c: Document, o: object): Promise<{violations: {id: string}[]}>}}).axe;
        return (await axe.run(document, {runOnly: {type: "rule", values: ["meta-viewport"]}})).violations.map((v) => v.id);
      });
      expect(violations).toEqual([]);
      expect(problems(log)).toEqual([]);
    } finally {
      await close();
    }
  });

  it(`resizes through ${WIDTHS.join(", ")} px with no console error or warning`, async () => {
    const {page, log, close} = await openPage(browser, site.origin);
    try {
      await page.goto(site.url(path));
      await waitForFigures(page, path);
      await page.waitForLoadState("networkidle");
      await settle(page);
      // What the page logged at each step (each distinct message once, with its count), so a
      // failure says at which width it happened.
      const byStep: Record<string, string[]> = {};
      const seen = {console: 0, pageErrors: 0, failedRequests: 0, foreignRequests: 0};
      const take = (step: string) => {
        const fresh = problems({
          ...log,
          console: log.console.slice(seen.console),
          pageErrors: log.pageErrors.slice(seen.pageErrors),
          failedRequests: log.failedRequests.slice(seen.failedRequests),
          foreignRequests: log.foreignRequests.slice(seen.foreignRequests)
        });
        Object.assign(seen, {console: log.console.length, pageErrors: log.pageErrors.length, failedRequests: log.failedRequests.length, foreignRequests: log.foreignRequests.length});
        if (fresh.length > 0) byStep[step] = [...new Set(fresh)].map((m) => `${m} (×${fresh.filter((f) => f === m).length})`);
      };
      take("load at 1280 px");
      for (const width of WIDTHS) {
        await page.setViewportSize({width, height: 900});
        await settle(page);
        take(`${width} px`);
        expect(await page.locator(".observablehq--error").count(), `error boxes at ${width} px`).toBe(0);
      }
      expect(byStep).toEqual({});
    } finally {
      await close();
    }
  });
});

describe("the page's stylesheet", () => {
  it("keeps no :has() rule (they cost every input's frame), and an anchor opened still clears the fixed header", async () => {
    const {page, log, close} = await openPage(browser, site.origin);
    try {
      await page.goto(`${site.url("/large-relu")}#still-linear-zone-by-zone`);
      await waitForFigures(page, "/large-relu");
      await settle(page);
      const found = await page.evaluate(() => {
        const hasRules = [...document.styleSheets].flatMap((s) => [...s.cssRules]).filter((r) => r instanceof CSSStyleRule && r.selectorText.includes(":has("));
        const heading = document.getElementById("still-linear-zone-by-zone")!.getBoundingClientRect();
        const header = document.getElementById("observablehq-header")!.getBoundingClientRect();
        return {hasRules: hasRules.map((r) => (r as CSSStyleRule).selectorText), headingTop: heading.top, headerBottom: header.bottom, scrollY};
      });
      expect(found.hasRules).toEqual([]);
      // The page scrolled to the heading, and the heading is below the header, not under it.
      expect(found.scrollY).toBeGreaterThan(0);
      expect(found.headingTop).toBeGreaterThanOrEqual(found.headerBottom);
      expect(problems(log)).toEqual([]);
    } finally {
      await close();
    }
  });
});
