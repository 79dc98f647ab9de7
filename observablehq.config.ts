// Site configuration for Observable Framework. The pages and the navigation derive from the network
// manifest (src/data/manifest.ts): every spec file data/<id>.json is a network; one with a
// hand-written article page src/<id>.md is linked there, any other gets the generic explorer page
// src/networks/[id].md at /networks/<id>. Adding a network is adding its spec file.
// globalStylesheets is emptied because the default links a web font from a third-party host;
// the site must make no request outside its own origin (see src/style.css for the fonts).
import {readManifest} from "./src/data/manifest.js";
import {EXPLORER_ROUTE, pageHref} from "./src/lib/manifest.js";

const manifest = readManifest();

/** The site's icon: a small network, three units joined to one. */
const FAVICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><g stroke="#4269d0" stroke-width="2"><path d="M8 7L24 16M8 16H24M8 25L24 16"/></g>' +
  '<g fill="#4269d0"><circle cx="8" cy="7" r="4"/><circle cx="8" cy="16" r="4"/><circle cx="8" cy="25" r="4"/><circle cx="24" cy="16" r="5"/></g></svg>';

const PAGES = [
  {name: "Introduction", path: "/index", title: "Introduction"},
  {name: "Regression", path: "/regression", title: "Regression: the dataset"},
  ...manifest.map((e) => ({name: e.spec.title.replace(/ network$/, ""), path: e.path, title: e.spec.title})),
  {name: "Train your own", path: "/train", title: "Train your own"}
];

/** The header's navigation, with the current page marked for assistive technology. */
function siteNav(path: string): string {
  const links = PAGES.map((p) => `<a href="${pageHref(path, p.path)}"${p.path === path ? ' aria-current="page"' : ""}>${p.name}</a>`);
  return `<nav class="site-nav" aria-label="Pages">${links.join("")}</nav>`;
}

/**
 * Framework's layout stylesheet has two :has() rules: `:root:has(#observablehq-header)` (the scroll
 * padding under the fixed header) and the sidebar's backdrop (this site has no sidebar). With a
 * :has() rule on the root, Chromium matches it again after changes anywhere in the page, in the
 * style and layout of every input's frame: on the large network's page with the flow diagram in
 * view, an epoch change's forced style and layout took 4.5-4.7 ms with them and 3.5-4.0 ms without,
 * and scripts/bench-ab.ts gave 1.04 (epoch changes) and 1.10 (point moves) as the median ratio of
 * their handler and layout times with / without. This script deletes them as the head is parsed:
 * after the stylesheet's <link>, so it runs once the stylesheet has loaded, before the page is
 * first drawn. style.css gives :root the scroll padding without :has().
 */
const DROP_HAS_RULES = `<script>
for (const sheet of document.styleSheets) {
  try {
    const rules = sheet.cssRules;
    for (let i = rules.length - 1; i >= 0; --i) {
      const selector = rules[i].selectorText || "";
      if (selector.startsWith(":root:has(#observablehq-header)") || selector.startsWith("#observablehq-sidebar-backdrop:has(")) sheet.deleteRule(i);
    }
  } catch {
    // A stylesheet from another origin cannot be read (there is none): it is left as it is.
  }
}
</script>`;

export default {
  root: "src",
  // scripts/build.ts builds into a fresh folder and swaps it in for dist/ only when the build succeeds.
  output: process.env.FCNN_OUTPUT ?? "dist",
  title: "Inside a fully connected network",
  pages: PAGES.slice(1).map((p) => ({name: p.title, path: p.path})),
  // The explorer pages of networks that have no article page (src/networks/[id].md).
  dynamicPaths: manifest.filter((e) => !e.articlePage).map((e) => `${EXPLORER_ROUTE}/${e.spec.id}`),
  globalStylesheets: [],
  // A favicon inline, so browsers ask the server for no /favicon.ico (a 404 on every page otherwise).
  head: `<link rel="icon" href="data:image/svg+xml;base64,${Buffer.from(FAVICON).toString("base64")}">${DROP_HAS_RULES}`,
  style: "style.css",
  search: false,
  footer: "Reference networks trained at build time with TensorFlow.js, yours in the page; every figure is computed from the trained weights.",
  pager: true,
  // Links name their page's file ("./regression.html", not "./regression"), so the site works on any
  // static server, even one that adds no extension (python3 -m http.server); the header's links and
  // the components' come from pageHref (src/lib/manifest.ts), which writes them the same way.
  // (preserveExtension replaces Framework's deprecated cleanUrls: false.)
  preserveExtension: true,
  // Framework's collapsible sidebar is built from a checkbox labelled only by its title and a
  // <label> inside a list (two accessibility errors we cannot fix in its template); a plain
  // navigation bar in the header gives the same links. Links are relative, so a subpath works.
  sidebar: false,
  header: ({path}: {path: string}) => siteNav(path),
  toc: true
};
