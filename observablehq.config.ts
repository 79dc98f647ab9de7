// Site configuration for Observable Framework.
// globalStylesheets is emptied because the default links a web font from a third-party host;
// the site must make no request outside its own origin (see src/style.css for the fonts).
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
  toc: true
};
