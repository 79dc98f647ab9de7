// The setup every browser test file shares: one static server for dist/ and one Chromium for the
// file, started before its tests and closed after them.
import {afterAll, beforeAll} from "vitest";
import type {Browser} from "playwright-core";
import {launchBrowser, serveSite, type SiteServer} from "../../scripts/harness.js";

/** Starts the server (with `options`, e.g. a subpath) and the browser, and hands them to `ready`. */
export function useSite(ready: (site: SiteServer, browser: Browser) => void, options: Parameters<typeof serveSite>[0] = {}): void {
  let site: SiteServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    site = await serveSite(options);
    browser = await launchBrowser();
    ready(site, browser);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
}
