// pageHref: every link between the site's pages. Relative (the site works under a subpath) and naming
// the page's file (it works on a static server that adds no extension); resolved from the page that
// carries it, on either kind of server and at any subpath, it lands on the file Framework wrote.
import {describe, expect, it} from "vitest";
import {EXPLORER_ROUTE, networkPagePath, pageHref} from "../../src/lib/manifest.js";

/** The file Framework writes for a page path: "/" -> "index.html", "/networks/x" -> "networks/x.html". */
function fileOf(path: string): string {
  return path === "/" || path === "/index" ? "index.html" : `${path.slice(1)}.html`;
}

/** The URL a browser shows for a page path when it follows .html links: the introduction is its directory. */
function pageUrl(base: string, path: string): string {
  return path === "/" || path === "/index" ? base : base + fileOf(path);
}

const PAGES = ["/", "/index", "/regression", "/small-relu", networkPagePath("tanh-eight", false)];

describe("pageHref", () => {
  it("links the introduction as its directory and every other page by its .html file", () => {
    expect(pageHref("/", "/regression")).toBe("./regression.html");
    expect(pageHref("/index", "/small-relu")).toBe("./small-relu.html");
    expect(pageHref("/", `${EXPLORER_ROUTE}/tanh-eight`)).toBe("./networks/tanh-eight.html");
    expect(pageHref("/regression", "/index")).toBe("./");
    expect(pageHref("/regression", "/")).toBe("./");
    expect(pageHref("/index", "/index")).toBe("./");
  });

  it("climbs out of a nested page", () => {
    expect(pageHref("/networks/tanh-eight", "/index")).toBe("../");
    expect(pageHref("/networks/tanh-eight", "/regression")).toBe("../regression.html");
    expect(pageHref("/networks/tanh-eight", "/networks/other")).toBe("../networks/other.html");
  });

  it("never writes an extensionless page link", () => {
    for (const from of PAGES)
      for (const to of PAGES) {
        const href = pageHref(from, to);
        expect(href, `${from} -> ${to}`).toMatch(/^(\.\/|(\.\.\/)+)([\w/-]+\.html)?$/);
      }
  });

  it.each(["/", "/fcnn/", "/a/b/"])("resolves from every page to the page's file under the subpath %s", (subpath) => {
    const base = `http://127.0.0.1:8000${subpath}`;
    for (const from of PAGES)
      for (const to of PAGES) {
        const resolved = new URL(pageHref(from, to), pageUrl(base, from)).href;
        expect(resolved, `${from} -> ${to}`).toBe(pageUrl(base, to));
        // A server that maps "/" to its index.html finds exactly the file Framework wrote.
        const file = resolved.endsWith("/") ? `${resolved}index.html` : resolved;
        expect(file).toBe(base + fileOf(to));
      }
  });

  it("rejects a path that is not a page path", () => {
    expect(() => pageHref("regression", "/")).toThrow(/page path/);
    expect(() => pageHref("/", "small-relu")).toThrow(/page path/);
  });
});
