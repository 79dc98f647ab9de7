// Site configuration for Observable Framework.
// globalStylesheets is emptied because the default links a web font from a third-party host;
// the site must make no request outside its own origin (see src/style.css for the fonts).
const NAV = [
  {name: "Introduction", path: "/index", href: "./"},
  {name: "Regression", path: "/regression", href: "./regression"},
  {name: "Small ReLU", path: "/small-relu", href: "./small-relu"},
  {name: "Large ReLU", path: "/large-relu", href: "./large-relu"},
  {name: "Small sigmoid", path: "/small-sigmoid", href: "./small-sigmoid"}
];

/** The header's navigation, with the current page marked for assistive technology. */
function siteNav(path: string): string {
  const links = NAV.map((p) => `<a href="${p.href}"${p.path === path ? ' aria-current="page"' : ""}>${p.name}</a>`);
  return `<nav class="site-nav" aria-label="Pages">${links.join("")}</nav>`;
}

export default {
  root: "src",
  title: "Inside a fully connected network",
  pages: [
    {name: "Regression: the dataset", path: "/regression"},
    {name: "Small ReLU network", path: "/small-relu"},
    {name: "Large ReLU network", path: "/large-relu"},
    {name: "Small sigmoid network", path: "/small-sigmoid"}
  ],
  globalStylesheets: [],
  style: "style.css",
  search: false,
  footer: "Networks trained at build time with TensorFlow.js; every figure is computed from the trained snapshots.",
  pager: true,
  // Framework's collapsible sidebar is built from a checkbox labelled only by its title and a
  // <label> inside a list (two accessibility errors we cannot fix in its template); a plain
  // navigation bar in the header gives the same links. Links are relative, so a subpath works.
  sidebar: false,
  header: ({path}: {path: string}) => siteNav(path),
  toc: true
};
