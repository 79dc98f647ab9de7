// Shared pieces of the browser tests and the browser benchmark: a static server for the built site
// (sirv, optionally under a subpath, on 127.0.0.1; or a plain file server that adds no extension, as
// `python3 -m http.server` does) and Debian's Chromium driven by playwright-core. Every request to
// an origin other than the server's is aborted and recorded, so a test can fail on it.
//
// The site's pages come from the network manifest (src/data/manifest.ts), as the config's do: a new
// spec file is a new page, and every browser test and the browser benchmark visit it.
//
// SITE_DIST points the tests at another built copy of the site (default: ./dist), and SITE_ROOT at
// the project it was built from (default: the working directory); CHROMIUM_PATH at another Chromium
// (default: /usr/bin/chromium). No browser is ever downloaded.
import {createServer, type IncomingMessage, type Server, type ServerResponse} from "node:http";
import type {AddressInfo} from "node:net";
import {createReadStream, existsSync, statSync} from "node:fs";
import {extname, join, relative, resolve, sep} from "node:path";
import sirv from "sirv";
import {chromium, type Browser, type Page} from "playwright-core";
import {parseSnapshot, type Snapshot} from "../src/lib/snapshot.js";
import {pageHref, parseSummaries, type NetworkSummary} from "../src/lib/manifest.js";
import {readManifest} from "../src/data/manifest.js";

const ROOT = process.env.SITE_ROOT ? resolve(process.env.SITE_ROOT) : process.cwd();
export const DIST = process.env.SITE_DIST ? resolve(process.env.SITE_DIST) : join(ROOT, "dist");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** Every declared network and its page, in the site's order. */
const MANIFEST = readManifest({specDir: join(ROOT, "data"), pagesDir: join(ROOT, "src")});
/** A page path such as "/", "/regression", "/small-relu" or "/networks/<id>". */
export type SitePage = string;
/** The pages that draw a flow diagram, and the snapshot each one is about. */
export const NETWORK_PAGES: readonly {path: SitePage; id: string}[] = MANIFEST.map((e) => ({path: e.path, id: e.spec.id}));
/** The page where a reader trains a network in the browser (src/train.md); it reads the small ReLU snapshot. */
export const TRAIN_PAGE: SitePage = "/train";
export const PAGES: readonly SitePage[] = ["/", "/regression", ...NETWORK_PAGES.map((p) => p.path), TRAIN_PAGE];
/** The summary of every network that the introduction reads: data/networks.json. */
export const SUMMARY = "networks";
/** The axe-core build injected into pages by the accessibility tests. */
export const AXE_PATH = join(process.cwd(), "node_modules", "axe-core", "axe.min.js");

export interface SiteServer {
  origin: string;
  /** The site's root URL, ending in "/" (includes the subpath). */
  base: string;
  /**
   * The URL of a page path such as "/" or "/large-relu" under the site's root, as the site's own
   * links name it (pageHref): "<base>" for the introduction, "<base>large-relu.html" for the others,
   * which every static server serves, with or without an extension fallback.
   */
  url(path: string): string;
  close(): Promise<void>;
}

/** Content types of the plain server, by extension (others are application/octet-stream). */
const PLAIN_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".csv": "text/csv; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm"
};

/**
 * A plain static file server for `root`, as `python3 -m http.server` serves a directory: a path is
 * a file or nothing; no extension is ever added ("/regression" is 404 when only regression.html
 * exists). A directory without its trailing slash is redirected to it (301), and a directory is
 * served by its index.html. Requests that leave `root` are 404.
 */
function plainFiles(root: string): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
  return (req, res, next) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    } catch {
      return next();
    }
    let file = resolve(root, "." + pathname);
    if (relative(root, file).split(sep)[0] === "..") return next();
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!pathname.endsWith("/")) {
        // Relative, so it stays under the subpath the request came through.
        res.writeHead(301, {location: `./${pathname.split("/").pop()}/`});
        res.end();
        return;
      }
      file = join(file, "index.html");
    }
    if (!existsSync(file) || !statSync(file).isFile()) return next();
    res.writeHead(200, {"content-type": PLAIN_TYPES[extname(file)] ?? "application/octet-stream", "content-length": statSync(file).size, "cache-control": "no-store"});
    if (req.method === "HEAD") return void res.end();
    createReadStream(file).pipe(res);
  };
}

/**
 * Serves dist/ on 127.0.0.1 at `subpath` ("/" or e.g. "/fcnn/"). `override` maps a path under the
 * site (e.g. "/_file/data/small-relu.<hash>.json") to a replacement body, to serve a corrupted file.
 * `plain` serves it with a plain file server that adds no extension (plainFiles) instead of sirv,
 * which also finds "/regression" as regression.html.
 */
export async function serveSite({
  root = DIST,
  subpath = "/",
  override,
  plain = false
}: {root?: string; subpath?: string; override?: (path: string) => string | undefined; plain?: boolean} = {}): Promise<SiteServer> {
  if (!existsSync(join(root, "index.html"))) throw new Error(`${root} has no index.html: run \`npm run build\` first`);
  if (!subpath.startsWith("/") || !subpath.endsWith("/")) throw new Error(`subpath must start and end with "/", got ${subpath}`);
  const files = plain ? plainFiles(resolve(root)) : sirv(root, {extensions: ["html"], dev: true});
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
  const base = origin + subpath;
  return {
    origin,
    base,
    url: (path: string) => new URL(pageHref("/", path), base).href,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      })
  };
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
  requests: {url: string; type: string; bytes: number; status: number}[];
}

/**
 * Waits until the contour worker of the page's explorer has handed over every checkpoint but the
 * one in view (the epoch slider's last index is their number). The worker starts once the reader
 * turns to the epoch control.
 */
export async function everyCheckpointReady(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    `Number(document.querySelector(".explorer")?.getAttribute("data-contours-ready")) >= Number(document.querySelector("form.epoch-slider input[type=range]").max)`,
    null,
    {timeout, polling: 20}
  );
}

/** Serves the built site and launches Chromium for `run`, then closes both, whether `run` succeeds or throws. */
export async function withSite<T>(run: (site: SiteServer, browser: Browser) => Promise<T>): Promise<T> {
  const site = await serveSite();
  try {
    const browser = await launchBrowser();
    try {
      return await run(site, browser);
    } finally {
      await browser.close();
    }
  } finally {
    await site.close();
  }
}

/** A new page (in a context of its own) that records console messages, errors and requests, and blocks other origins. */
export async function openPage(browser: Browser, origin: string, {width = 1280} = {}): Promise<{page: Page; log: PageLog; close(): Promise<void>}> {
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
    // A request that finishes as the page closes has no response to read any more: nothing to record.
    const res = await r.response().catch(() => null);
    const bytes = res ? (await res.body().catch(() => Buffer.alloc(0))).length : 0;
    log.requests.push({url: r.url(), type: r.resourceType(), bytes, status: res?.status() ?? 0});
  });
  page.on("response", (res) => {
    if (res.status() >= 400) log.failedRequests.push(`${res.url()} HTTP ${res.status()}`);
  });
  return {page, log, close: () => context.close()};
}

/** Everything a page should not have done: console errors and warnings, page errors, failed and foreign requests. */
/** Prints a warning when the page logged anything (problems(log)): a benchmark's figures are then suspect. */
export function warnIfLogged(log: PageLog): void {
  const found = problems(log);
  if (found.length) console.log(`\nwarning: the page logged: ${found.join("; ")}`);
}

export function problems(log: PageLog): string[] {
  return [
    ...log.console.map((m) => `console ${m}`),
    ...log.pageErrors.map((m) => `page error: ${m}`),
    ...log.failedRequests.map((m) => `failed request: ${m}`),
    ...log.foreignRequests.map((m) => `request to another origin: ${m}`)
  ];
}

/**
 * What must be on each page once its figures are drawn: [selector, minimum count]. The network
 * pages draw the loss history, three estimate panels, the sample picker and the flow diagram.
 */
const NETWORK_FIGURES: [string, number][] = [
  ["form.sample-picker input[type=range]", 1],
  ["form.flow-controls select", 3],
  ["figure svg[aria-label^='Loss per epoch']", 1],
  [".estimate-panels figure > svg[aria-label]", 3],
  [".flow-diagram svg.flow-svg .neuron", 3]
];
/** What the article pages draw beyond every network page's figures. */
const ARTICLE_FIGURES: Record<string, [string, number][]> = {
  "/small-relu": [["figure svg[aria-label^='First-layer lines']", 1]],
  "/small-sigmoid": [["table.parameter-table", 1]]
};

/** The figures of a page: [selector, minimum count]. */
export function figuresOf(path: SitePage): [string, number][] {
  if (path === "/") return [["table.network-table tbody tr", MANIFEST.length]];
  if (path === TRAIN_PAGE) return [["form.train-controls button.train-button", 1]];
  if (path === "/regression")
    return [
      ["form.sample-picker input[type=range]", 1],
      ["figure svg[aria-label^='Scatter']", 1]
    ];
  return [...NETWORK_FIGURES, ...(ARTICLE_FIGURES[path] ?? [])];
}

/** The data files a page reads (by name: a network's id, or SUMMARY). */
export function dataFilesOf(path: SitePage): string[] {
  if (path === "/" || path === "/regression") return [SUMMARY];
  if (path === TRAIN_PAGE) return ["small-relu"];
  const network = NETWORK_PAGES.find((p) => p.path === path);
  if (!network) throw new Error(`no page ${path} in the manifest`);
  // The sigmoid page compares its parameters with the other networks' through the summary.
  return path === "/small-sigmoid" ? [network.id, SUMMARY] : [network.id];
}

/**
 * Waits until the page's cells have settled and its figures are drawn: no Framework loading
 * placeholder is left and every figure of figuresOf(path) is in the document; then two animation
 * frames, so what a test reads has been laid out. Stops early (without failing) when the page shows
 * a snapshot error or a cell error, so the test can report what it shows instead of a timeout.
 */
export async function waitForFigures(page: Page, path: SitePage, {timeout = 30_000} = {}): Promise<void> {
  try {
    await page.waitForFunction(
      (figures) =>
        document.querySelector(".snapshot-error, .observablehq--error") !== null ||
        (document.querySelector("observablehq-loading") === null && figures.every(([s, n]) => document.querySelectorAll(s).length >= n)),
      figuresOf(path),
      {timeout, polling: 50}
    );
  } catch (error) {
    // Say what is missing, not just that time ran out.
    const missing = await page
      .evaluate(
        (figures) => [
          ...figures.filter(([s, n]) => document.querySelectorAll(s).length < n).map(([s, n]) => `${s}: ${document.querySelectorAll(s).length} of ${n}`),
          ...(document.querySelector("observablehq-loading") ? [`${document.querySelectorAll("observablehq-loading").length} cells still loading`] : [])
        ],
        figuresOf(path)
      )
      .catch(() => []);
    throw new Error(`${path}: figures not drawn within ${timeout} ms; missing ${missing.join("; ")}`, {cause: error});
  }
  await animationFrames(page);
}

/**
 * Waits until the page has settled after a change (a resize, a click): two animation frames, then
 * an idle period of the main thread (requestIdleCallback, at most `idle` ms), then two more frames,
 * so that redraws scheduled by the change have run and been laid out.
 */
export async function settle(page: Page, {idle = 250} = {}): Promise<void> {
  await animationFrames(page);
  await page.evaluate(`new Promise((resolve) => requestIdleCallback(() => resolve(), {timeout: ${Number(idle)}}))`);
  await page.waitForTimeout(50);
  await animationFrames(page);
}

/** Resolves after `n` animation frames of the page. */
async function animationFrames(page: Page, n = 2): Promise<void> {
  // A string, not a function: scripts run by tsx would wrap a named inner function in a __name()
  // helper that does not exist in the page.
  await page.evaluate(`new Promise((resolve) => { let k = ${Number(n)}; const step = () => (k-- <= 0 ? resolve() : requestAnimationFrame(step)); step(); })`);
}

/** The URL of the data file `id` this page fetched (Framework hashes file names: /_file/data/<id>.<hash>.json). */
async function snapshotUrl(page: Page, id: string): Promise<string> {
  const urls = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name));
  const pattern = new RegExp(`/_file/data/${id}\\.[0-9a-f]+\\.json$`);
  const url = urls.find((u) => pattern.test(new URL(u).pathname));
  if (!url) throw new Error(`the page fetched no snapshot ${id}; it fetched:\n${urls.join("\n")}`);
  return url;
}

/** The summary exactly as the page received it, fetched again from the server and validated. */
export async function servedSummary(page: Page): Promise<{url: string; summaries: NetworkSummary[]}> {
  const url = await snapshotUrl(page, SUMMARY);
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return {url, summaries: parseSummaries(await res.json(), `${SUMMARY}.json`)};
}

/** The snapshot `id` exactly as the page received it, fetched again from the server and validated. */
export async function servedSnapshot(page: Page, id: string): Promise<{url: string; snapshot: Snapshot}> {
  const url = await snapshotUrl(page, id);
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return {url, snapshot: parseSnapshot(await res.json(), `${id}.json`)};
}
