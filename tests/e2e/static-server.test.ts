// The built site works on any static host, even one that adds no extension to a path, as
// `python3 -m http.server` serves a directory (serveSite's `plain` server: a path is a file or
// nothing, a directory is its index.html). On it every page loads with its figures, every data file
// and module it loads returns 200 with no failed request or console error, every file its HTML
// references is there, and every same-origin link of every page (header navigation, pager, links in
// the text and in tables) returns 200 and can be followed. The introduction works as "/" and as
// "/index.html".
import {describe, expect, it} from "vitest";
import type {Browser} from "playwright-core";
import {pageHref} from "../../src/lib/manifest.js";
import {PAGES, dataFilesOf, openPage, problems, waitForFigures, type SiteServer} from "../../scripts/harness.js";
import {useSite} from "./use-site.js";

let site: SiteServer;
let browser: Browser;
useSite(
  (s, b) => {
    site = s;
    browser = b;
  },
  {plain: true}
);

/** A URL without its fragment: what a link asks the server for. */
const withoutHash = (url: string) => url.split("#")[0];

describe("the plain static server", () => {
  it("adds no extension: an extensionless page path is 404, its .html file and the root are 200", async () => {
    expect((await fetch(site.base + "regression")).status).toBe(404);
    expect((await fetch(site.base + "regression.html")).status).toBe(200);
    expect((await fetch(site.base)).status).toBe(200);
    expect((await fetch(site.base + "index.html")).status).toBe(200);
    for (const path of PAGES) expect((await fetch(site.url(path))).status, site.url(path)).toBe(200);
  });
});

describe.each([
  ["/", ""],
  ["/index.html", "index.html"]
])("the introduction as %s", (_, file) => {
  it("loads with its figures, and its links lead to the other pages", async () => {
    const {page, log, close} = await openPage(browser, site.origin);
    try {
      const response = await page.goto(site.base + file);
      expect(response?.status()).toBe(200);
      await waitForFigures(page, "/");
      await page.waitForLoadState("networkidle");
      expect(await page.locator(".snapshot-error, .observablehq--error").count()).toBe(0);
      const links = await page.locator("nav.site-nav a[href]").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      expect(links).toEqual(PAGES.map((p) => site.url(p)));
      expect(problems(log)).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe.each(PAGES)("page %s", (path) => {
  it("loads every module and data file with 200, and every same-origin link returns 200", async () => {
    const {page, log, close} = await openPage(browser, site.origin);
    try {
      const response = await page.goto(site.url(path));
      expect(response?.status()).toBe(200);
      await waitForFigures(page, path);
      await page.waitForLoadState("networkidle");
      expect(await page.locator(".snapshot-error, .observablehq--error").count(), "error boxes on the page").toBe(0);

      // Everything the page loaded: 200, and its data files among them.
      expect(log.requests.filter((r) => r.status !== 200).map((r) => `${r.url} ${r.status}`)).toEqual([]);
      expect(log.requests.some((r) => r.type === "script")).toBe(true);
      const data = log.requests.filter((r) => /\/_file\/data\//.test(r.url)).map((r) => new URL(r.url).pathname.split("/").pop()!.split(".")[0]);
      expect(data.sort(), "data files fetched").toEqual([...dataFilesOf(path)].sort());

      // Every file the page's HTML references (stylesheets, modules, preloads, the files it registers) is there.
      const html = await (await fetch(site.url(path))).text();
      const refs = new Set(
        [...html.matchAll(/(?:href|src)="(\.[^"#]*)"/g), ...html.matchAll(/import\("(\.[^"]+)"\)/g), ...html.matchAll(/"path":"(\.\/_file\/[^"]+)"/g)].map((m) => m[1])
      );
      expect(refs.size).toBeGreaterThan(0);
      for (const ref of refs) {
        const url = new URL(ref, page.url()).href;
        const res = await fetch(url);
        await res.arrayBuffer();
        expect(res.status, `${ref} -> ${url}`).toBe(200);
      }

      // Every same-origin link of the rendered page (header, pager, text, tables): 200, and a page of the site.
      const links = await page.locator("a[href]").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      const local = [...new Set(links.filter((href) => href.startsWith(site.origin + "/")).map(withoutHash))];
      expect(local.length).toBeGreaterThan(0);
      const pageUrls = PAGES.map((p) => site.url(p));
      for (const href of local) {
        const res = await fetch(href);
        const type = res.headers.get("content-type") ?? "";
        await res.arrayBuffer();
        expect(res.status, href).toBe(200);
        if (!href.includes("/_file/")) {
          expect(type, href).toMatch(/^text\/html/);
          expect(pageUrls, `${href} is a page of the site`).toContain(href);
        }
      }
      // The header links every page; the pager links its neighbours.
      expect(links.filter((href) => pageUrls.includes(withoutHash(href))).length).toBeGreaterThanOrEqual(PAGES.length);
      const i = PAGES.indexOf(path);
      if (i > 0) expect(await page.locator("#observablehq-footer a[rel=prev]").evaluate((a) => (a as HTMLAnchorElement).href)).toBe(site.url(PAGES[i - 1]));
      if (i < PAGES.length - 1) expect(await page.locator("#observablehq-footer a[rel=next]").evaluate((a) => (a as HTMLAnchorElement).href)).toBe(site.url(PAGES[i + 1]));

      expect(problems(log)).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe("following the links", () => {
  it("walks the header navigation, the pager and the introduction's links from page to page", async () => {
    const {page, log, close} = await openPage(browser, site.origin);
    const arrive = async (path: string) => {
      await page.waitForURL(site.url(path));
      await waitForFigures(page, path);
      expect(await page.locator(".snapshot-error, .observablehq--error").count(), `error boxes on ${path}`).toBe(0);
    };
    try {
      await page.goto(site.url("/"));
      await waitForFigures(page, "/");
      // The header, from each page to the next one, and home again.
      for (let i = 1; i <= PAGES.length; ++i) {
        const [from, to] = [PAGES[i - 1], PAGES[i % PAGES.length]];
        await page.click(`nav.site-nav a[href="${pageHref(from, to)}"]`);
        await arrive(to);
      }
      // The pager, forward through every page.
      for (const next of PAGES.slice(1)) {
        await page.click("#observablehq-footer a[rel=next]");
        await arrive(next);
      }
      // The introduction's links in its text (its table links the same pages the same way).
      await page.goto(site.url("/"));
      await waitForFigures(page, "/");
      const hrefs = await page.locator("ul.network-links a").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
      const tableHrefs = await page.locator("table.network-table a").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
      expect(tableHrefs.length).toBeGreaterThan(0);
      expect(hrefs).toEqual(expect.arrayContaining(tableHrefs));
      for (const href of hrefs) {
        const path = PAGES.find((p) => pageHref("/", p) === href);
        expect(path, `the introduction's link ${href} is a page of the site`).toBeDefined();
        if (page.url() !== site.url("/")) {
          await page.goto(site.url("/"));
          await waitForFigures(page, "/");
        }
        await page.click(`ul.network-links a[href="${href}"]`);
        await arrive(path!);
      }
      expect(problems(log)).toEqual([]);
    } finally {
      await close();
    }
  });
});
