// The page type-checker (scripts/check-pages.ts) on a temporary project: a tiny tsconfig, a typed
// module and pages that are right or wrong in one known way each. Every error of every page is
// asserted, so a checker that reports too much fails as surely as one that reports too little.
// Its markdown reader is also compared with Framework's own parser, on these pages and the site's.
import {spawnSync} from "node:child_process";
import {mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join, relative} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {checkPages, extractPage, formatDiagnostic, type PageDiagnostic} from "../../scripts/check-pages.js";

const FENCE = "```";

const TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    module: "ESNext",
    moduleResolution: "bundler",
    lib: ["ES2022", "DOM", "DOM.Iterable"],
    strict: true,
    noEmit: true,
    verbatimModuleSyntax: true,
    skipLibCheck: true,
    types: []
  }
};

const MATH_TS = `export function double(x: number): number {
  return 2 * x;
}
export interface Pair {
  a: number;
  b: number;
}
`;

/** The fixture pages, by path under the temporary root. */
const PAGES: Record<string, string> = {
  "src/bad-cell.md": `---
title: A type error in a cell
---

# A type error in a cell

${FENCE}ts
import {double} from "./lib/math.js";
${FENCE}

Some prose.

${FENCE}ts
const twice = double("two");
${FENCE}
`,

  "src/bad-inline.md": `# A type error inline

${FENCE}ts
import {double} from "./lib/math.js";
const label = "four";
${FENCE}

Twice the label is
${"${double(label)}"}.
`,

  "src/good.md": `---
title: A correct page
toc: false
---

# A correct page

${FENCE}ts
import {double, type Pair} from "./lib/math.js";
const pair: Pair = {a: 1, b: 2};
const later = Promise.resolve(21);
const input = document.createElement("input");
const text = view(input);
${FENCE}

${FENCE}ts
// Another cell receives a promise awaited and a view as its value, as Framework gives them.
const answer: number = double(later);
const shout: string = text.toUpperCase();
display(html\`<b>\${answer}</b>\`);
const file: {name: string} = FileAttachment("data/x.json");
const columns: number = Math.floor(width / 200) + untyped;
${FENCE}

The answer is ${"${answer}"}; \`${"${notChecked}"}\` is code, \\${"${escaped}"} is text, <!-- ${"${commented}"} -->,
${"${`nested ${pair.a + pair.b} template`}"}, ${"${{a: 1}.a}"}, ${"${[1, 2].map((x) => { return x / 2; }).join(\"}\")}"},
${"${\"a/b\".split(/\\//).length}"} and <span title="${"${inAttribute}"}">an attribute</span>.

~~~ts echo
const tilde = double(pair.a);
~~~

${FENCE}js
const untyped = 1;
${FENCE}

${FENCE}ts run=false
const notRun: number = "not run, not checked";
${FENCE}
`,

  "src/order.md": `# A name used before the cell that declares it

${FENCE}ts
display(double(laterValue));
${FENCE}

${FENCE}ts
import {double} from "./lib/math.js";
const laterValue = 4;
${FENCE}

Later: ${"${laterValue.toFixed(1)}"}.
`,

  "src/same-cell.md": `# Within one cell, statements run in order

${FENCE}ts
const early = late + 1;
const late = 2;
${FENCE}
`,

  "src/own-view.md": `# In its own cell a view is a generator

${FENCE}ts
const field = document.createElement("input");
const value = view(field);
const loud = value.toUpperCase();
${FENCE}
`,

  "src/reassign.md": `# A cell cannot assign another cell's name

${FENCE}ts
let count = 1;
${FENCE}

${FENCE}ts
count = 2;
${FENCE}
`,

  "src/explore/[id].md": `# A parameterized page

${FENCE}ts
const id: string = observable.params.id;
${FENCE}

This is ${"${observable.params.id}"}, ${"${id.length}"} characters.
`,

  "src/other/[slug].md": `# A parameter this route does not have

${FENCE}ts
const id = observable.params.id;
${FENCE}
`
};

/** The 1-based line of the only line of a page that contains `marker`. */
function lineOf(page: string, marker: string): number {
  const lines = PAGES[page].split("\n").flatMap((l, i) => (l.includes(marker) ? [i + 1] : []));
  expect(lines, `${page}: one line with ${marker}`).toHaveLength(1);
  return lines[0];
}

const brief = (d: PageDiagnostic) => `${d.file}:${d.line}: TS${d.code}`;

let root: string;
let diagnostics: PageDiagnostic[];

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "check-pages-"));
  writeFileSync(join(root, "tsconfig.json"), JSON.stringify(TSCONFIG));
  mkdirSync(join(root, "src/lib"), {recursive: true});
  writeFileSync(join(root, "src/lib/math.ts"), MATH_TS);
  for (const [page, text] of Object.entries(PAGES)) {
    mkdirSync(dirname(join(root, page)), {recursive: true});
    writeFileSync(join(root, page), text);
  }
  diagnostics = checkPages({root});
}, 60_000);

afterAll(() => rmSync(root, {recursive: true, force: true}));

describe("check-pages", () => {
  const of = (page: string) => diagnostics.filter((d) => d.file === page);

  it("reports a type error in a ts cell at the page's file and line", () => {
    const line = lineOf("src/bad-cell.md", 'double("two")');
    expect(of("src/bad-cell.md").map(brief)).toEqual([`src/bad-cell.md:${line}: TS2345`]);
    expect(formatDiagnostic(of("src/bad-cell.md")[0])).toMatch(
      new RegExp(`^src/bad-cell\\.md:${line}: error TS2345: Argument of type 'string' is not assignable to parameter of type 'number'`)
    );
  });

  it("reports a type error in an inline expression, with its column", () => {
    const line = lineOf("src/bad-inline.md", "${double(label)}");
    const [d] = of("src/bad-inline.md");
    expect(of("src/bad-inline.md").map(brief)).toEqual([`src/bad-inline.md:${line}: TS2345`]);
    // The argument `label`: after "${double(" on its line.
    expect(d.column).toBe(PAGES["src/bad-inline.md"].split("\n")[line - 1].indexOf("label") + 1);
  });

  it("passes a correct page, and skips code spans, escapes, comments, attributes and cells that do not run", () => {
    expect(of("src/good.md")).toEqual([]);
    expect(of("src/explore/[id].md")).toEqual([]);
  });

  it("passes a name used in a cell before the cell that declares it", () => {
    expect(of("src/order.md")).toEqual([]);
  });

  it("still reports what the reactive model does not excuse", () => {
    expect(diagnostics.map(brief)).toEqual([
      `src/bad-cell.md:${lineOf("src/bad-cell.md", 'double("two")')}: TS2345`,
      `src/bad-inline.md:${lineOf("src/bad-inline.md", "${double(label)}")}: TS2345`,
      // observable.params has only the route's own parameters.
      `src/other/[slug].md:${lineOf("src/other/[slug].md", "observable.params.id")}: TS2339`,
      // In its own cell, view(input) is the generator Framework returns, not the value.
      `src/own-view.md:${lineOf("src/own-view.md", "value.toUpperCase()")}: TS2339`,
      // Another cell's name is a constant here, as in Framework.
      `src/reassign.md:${lineOf("src/reassign.md", "count = 2")}: TS2588`,
      // Within one cell, a name used before its declaration is a real error.
      `src/same-cell.md:${lineOf("src/same-cell.md", "late + 1")}: TS2448`,
      `src/same-cell.md:${lineOf("src/same-cell.md", "late + 1")}: TS2454`
    ]);
  });

  it("as a command, fails with the page and line and passes a correct page", () => {
    const script = join(import.meta.dirname, "../../scripts/check-pages.ts");
    const run = (page: string) => spawnSync(process.execPath, ["--import", "tsx", script, "--root", root, join(root, page)], {encoding: "utf8"});
    const bad = run("src/bad-cell.md");
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain(`src/bad-cell.md:${lineOf("src/bad-cell.md", 'double("two")')}: error TS2345`);
    const good = run("src/order.md");
    expect(good.stderr).toContain("no errors");
    expect(good.status).toBe(0);
  }, 60_000);
});

// Framework ships no type declarations: its parser is typed here by the few members used.
interface FrameworkMarkdown {
  createMarkdownIt(): unknown;
  parseMarkdown(input: string, options: {md: unknown; path: string; params?: Record<string, string>}): {body: string; code: {mode: string; node: {input: string}}[]};
}

/** The fenced blocks Framework runs (markdown.js getLiveSource). */
const LIVE_TAGS = new Set(["js", "ts", "jsx", "tsx", "tex", "html", "sql", "svg", "dot", "mermaid"]);

function sitePages(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((e) =>
    e.name.startsWith(".") || e.name.startsWith("_") ? [] : e.isDirectory() ? sitePages(join(dir, e.name)) : e.name.endsWith(".md") ? [join(dir, e.name)] : []
  );
}

describe("check-pages reads pages as Framework does", () => {
  it("finds the same inline expressions and live cells as Framework's parser", async () => {
    // A variable specifier: a dynamic import of an untyped module is `any`, typed by the annotation.
    const specifier: string = "@observablehq/framework/dist/markdown.js";
    const framework: FrameworkMarkdown = await import(specifier);
    const md = framework.createMarkdownIt();
    const site = join(import.meta.dirname, "../../src");
    const pages = [
      ...Object.entries(PAGES).map(([page, text]) => ({page, text})),
      ...sitePages(site).map((file) => ({page: relative(site, file), text: readFileSync(file, "utf8")}))
    ];
    for (const {page, text} of pages) {
      // Every parameter is defined, so that Framework's check of parameter names (which the
      // type-checker does instead) drops no cell from the comparison.
      const params = new Proxy<Record<string, string>>({}, {has: () => true, get: () => "x"});
      const parsed = framework.parseMarkdown(text, {md, path: `/${page.replace(/^src\//, "").replace(/\.md$/, "")}`, params});
      const mine = extractPage(text);
      expect(mine.expressions.map((e) => e.text), page).toEqual(parsed.code.filter((c) => c.mode === "inline").map((c) => c.node.input));
      const live = mine.cells.filter((c) => LIVE_TAGS.has(c.tag) && c.attributes.run?.toLowerCase() !== "false");
      // A cell Framework rejects (say, one assigning another cell's name) is rendered as an error
      // block instead of code; it is still a cell that it read.
      const rejected = parsed.body.split('<div class="observablehq--inspect observablehq--error">').length - 1;
      expect(live.length, page).toBe(parsed.code.filter((c) => c.mode !== "inline").length + rejected);
    }
  });
});
