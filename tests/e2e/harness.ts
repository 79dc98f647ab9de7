// Shared pieces of the browser tests and the browser benchmark: a static server for the built site
// (sirv, optionally under a subpath, on 127.0.0.1) and Debian's Chromium driven by playwright-core.
// Every request to an origin other than the server's is aborted and recorded, so a test can fail on it.
import {createServer, type Server} from "node:http";
import type {AddressInfo} from "node:net";
import {existsSync} from "node:fs";
import {join} from "node:path";
import sirv from "sirv";
import {chromium, type Browser, type Page} from "playwright-core";

export const DIST = join(process.cwd(), "dist");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const PAGES = ["/", "/regression", "/small-relu", "/large-relu", "/small-sigmoid"] as const;

export interface SiteServer {
  origin: string;
  /** The site's root URL, ending in "/" (includes the subpath). */
  base: string;
  close(): Promise<void>;
}

/**
 * Serves dist/ on 127.0.0.1 at `subpath` ("/" or e.g. "/fcnn/"). `override` maps a path under the
 * site (e.g. "/_file/data/small-relu.<hash>.json") to a replacement body, to serve a corrupted file.
 */
export async function serveSite({
  root = DIST,
  subpath = "/",
  override
}: {root?: string; subpath?: string; override?: (path: string) => string | undefined} = {}): Promise<SiteServer> {
  if (!existsSync(join(root, "index.html"))) throw new Error(`${root} has no index.html: run \`npm run build\` first`);
  const files = sirv(root, {extensions: ["html"], dev: true});
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    if (!url.pathname.startsWith(subpath)) {
      res.statusCode = 404;
      res.end("outside the site");
      return;
    }
    const inner = "/" + url.pathname.slice(subpath.length);
    const body = override?.(inner);
    if (body !== undefined) {
      res.setHeader("content-type", "application/json");
      res.end(body);
      return;
    }
    req.url = inner + url.search;
    files(req, res, () => {
      res.statusCode = 404;
      res.end("not found");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const {port} = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {origin, base: origin + subpath, close: () => new Promise((resolve) => server.close(() => resolve()))};
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync"
    ]
  });
}

/** What a page did while it loaded and while the test used it. */
export interface PageLog {
  console: string[];
  pageErrors: string[];
  failedRequests: string[];
  foreignRequests: string[];
  requests: {url: string; type: string; bytes: number}[];
}

/** A new page that records console messages, errors and requests, and blocks other origins. */
export async function openPage(browser: Browser, origin: string, {width = 1280} = {}): Promise<{page: Page; log: PageLog}> {
  const context = await browser.newContext({viewport: {width, height: 900}});
  const page = await context.newPage();
  const log: PageLog = {console: [], pageErrors: [], failedRequests: [], foreignRequests: [], requests: []};
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin + "/") || url === origin) return route.continue();
    log.foreignRequests.push(url);
    return route.abort("blockedbyclient");
  });
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") log.console.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => log.pageErrors.push(String(e)));
  page.on("requestfailed", (r) => {
    if (!log.foreignRequests.includes(r.url())) log.failedRequests.push(`${r.url()} ${r.failure()?.errorText}`);
  });
  page.on("requestfinished", async (r) => {
    const res = await r.response();
    const bytes = res ? (await res.body().catch(() => Buffer.alloc(0))).length : 0;
    log.requests.push({url: r.url(), type: r.resourceType(), bytes});
  });
  page.on("response", (res) => {
    if (res.status() >= 400) log.failedRequests.push(`${res.url()} HTTP ${res.status()}`);
  });
  return {page, log};
}

/** Waits until the page's cells have settled: the flow diagram or the main figures are drawn. */
export async function waitForFigures(page: Page, selector: string): Promise<void> {
  await page.waitForSelector(selector, {timeout: 30_000});
}
