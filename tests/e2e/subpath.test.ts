// Deployed under a subpath (a project page at /fcnn/), the site still works: every page loads there
// with its figures drawn and no failed or foreign request, every file a page references (scripts,
// styles, the snapshots it registers) is served from under /fcnn/, and navigation stays under /fcnn/.
import {describe, expect, it} from "vitest";
import type {Browser} from "playwright-core";
import {parseSnapshot} from "../../src/lib/snapshot.js";
import {pageHref, parseSummaries} from "../../src/lib/manifest.js";
import {NETWORK_PAGES, PAGES, SUMMARY, openPage, problems, waitForFigures, type SiteServer} from "../../scripts/harness.js";
import {useSite} from "./use-site.js";

const SUBPATH = "/fcnn/";

let site: SiteServer;
let browser: Browser;
useSite((s, b) => {
  site = s;
  browser = b;
}, {subpath: SUBPATH});

const under = (url: string) => url.startsWith(site.origin + SUBPATH);

describe.each(PAGES)("%s under /fcnn/", (path) => {
  it("loads with its figures, fetches only from under /fcnn/, and links stay there", async () => {
    const {page, log, close} = await openPage(browser, site.origin);
    try {
      const response = await page.goto(site.url(path));
      expect(response?.status()).toBe(200);
      await waitForFigures(page, path);
      await page.waitForLoadState("networkidle");
      expect(await page.locator(".snapshot-error, .observablehq--error").count()).toBe(0);
      expect(problems(log)).toEqual([]);
      const outside = log.requests.filter((r) => !under(r.url)).map((r) => r.url);
      expect(outside).toEqual([]);
      expect(log.requests.filter((r) => r.status !== 200).map((r) => `${r.url} ${r.status}`)).toEqual([]);

      // Every file the page's HTML references, and every snapshot it registers, is there.
      const html = await (await fetch(site.url(path))).text();
      const refs = new Set([...html.matchAll(/(?:href|src)="(\.[^"#]*)"/g), ...html.matchAll(/import\("(\.[^"]+)"\)/g)].map((m) => m[1]));
      const files = [...html.matchAll(/"path":"(\.\/_file\/[^"]+)"/g)].map((m) => m[1]);
      expect(files.length).toBeGreaterThan(0);
      const pageUrl = page.url();
      for (const ref of [...refs, ...files]) {
        const url = new URL(ref, pageUrl).href;
        expect(under(url), `${ref} resolves to ${url}`).toBe(true);
        const res = await fetch(url);
        expect(res.status, url).toBe(200);
        if (files.includes(ref) && ref.includes(`/${SUMMARY}.`)) {
          expect(parseSummaries(await res.json(), ref).length).toBeGreaterThan(0);
        } else if (files.includes(ref)) {
          const snapshot = parseSnapshot(await res.json(), ref);
          expect(ref).toContain(snapshot.spec.id);
        } else {
          await res.arrayBuffer();
        }
      }

      // Every same-origin link on the page points under /fcnn/.
      const links = await page.locator("a[href]").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      const local = links.filter((href) => href.startsWith(site.origin));
      expect(local.length).toBeGreaterThan(0);
      expect(local.filter((href) => !under(href))).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe("navigation under /fcnn/", () => {
  it("follows the header navigation and the pager from page to page without leaving /fcnn/", async () => {
    const {page, log, close} = await openPage(browser, site.origin);
    try {
      await page.goto(site.url("/"));
      await waitForFigures(page, "/");
      // Header navigation to the regression page, then the pager's "next" link through the network pages.
      await page.click(`nav.site-nav a[href="${pageHref("/", "/regression")}"]`);
      await page.waitForURL(site.url("/regression"));
      await waitForFigures(page, "/regression");
      for (const next of NETWORK_PAGES.map((p) => p.path)) {
        await page.click("#observablehq-footer a[rel=next]");
        await page.waitForURL(site.url(next));
        expect(under(page.url())).toBe(true);
        await waitForFigures(page, next);
        expect(await page.locator(".snapshot-error").count()).toBe(0);
      }
      // And home again through the header.
      await page.click(`nav.site-nav a[href="${pageHref(NETWORK_PAGES.at(-1)!.path, "/")}"]`);
      await page.waitForURL(site.url("/"));
      await waitForFigures(page, "/");
      expect(problems(log)).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe("the view in the address under /fcnn/", () => {
  it("restores a view from the fragment and writes changes without leaving /fcnn/", async () => {
    const {page, log, close} = await openPage(browser, site.origin);
    try {
      await page.goto(site.url("/large-relu") + "#p=0.5,-0.25&pal=rainbow");
      await waitForFigures(page, "/large-relu");
      await page.waitForFunction(() => document.querySelector(".flow-diagram figcaption")?.textContent?.startsWith("The point (0.500, −0.250)") ?? false);
      expect(await page.getAttribute(".flow-diagram", "data-palette")).toBe("rainbow");
      await page.focus("form.sample-picker input[type=range]");
      await page.keyboard.press("ArrowRight");
      await page.waitForFunction(() => /#s=\d+/.test(location.hash));
      expect(under(page.url())).toBe(true);
      await page.goBack();
      await page.waitForFunction(() => document.querySelector(".flow-diagram figcaption")?.textContent?.startsWith("The point (0.500, −0.250)") ?? false);
      expect(under(page.url())).toBe(true);
      expect(problems(log)).toEqual([]);
    } finally {
      await close();
    }
  });
});
