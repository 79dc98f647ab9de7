// Type-checks the code of the Framework pages (src/**/*.md), which `tsc` never sees: every ```ts
// cell and every inline ${…} expression of a page becomes one virtual TypeScript module, placed
// beside the page (src/foo.md.ts) so that its imports resolve as the page's do, and all pages are
// checked by one ts.Program under the project's tsconfig.json. Errors are reported at the page's
// own file and line: `src/small-relu.md:42: error TS2345: …`.
//
// The virtual module follows Framework's reactive model rather than pasting cells end to end:
//   - each cell is the body of its own async function, which returns the cell's top-level names;
//   - other cells and the inline expressions see each name through a module-level
//     `declare const name: __pageCellValue<typeof __pageCellN, "name">`, the value Framework hands
//     them: a promise is awaited and a generator (such as `view(input)`) gives its yielded values;
//   - so cells can run in any order (no "used before its declaration" across cells), a cell can
//     not reassign another cell's name (Framework forbids it too, TS2588 here), and within its own
//     cell `view(input)` is the generator it really is there;
//   - imports, type aliases and interfaces are hoisted to module level, as a module would.
// No diagnostic code is filtered out: the model above removes the false ones at their source (see
// FILTERED_CODES). The implicit imports d3, Plot, Inputs, md and tex are deliberately not declared:
// they come from a CDN, so a page must import them (DESIGN.md §6). Not modelled: generator cells
// (top-level `yield`), a class of one cell used as a type in another, names defined by sql cells,
// fences inside blockquotes, and indented code blocks.
// Usage: tsx scripts/check-pages.ts [--root dir] [--tsconfig file] [page.md…]
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {dirname, isAbsolute, join, relative, resolve} from "node:path";
import {pathToFileURL} from "node:url";
import ts from "typescript";
import {option, positionals} from "./cli.js";

export interface PageDiagnostic {
  /** The page, relative to the root, with "/" separators (e.g. "src/small-relu.md"). */
  file: string;
  /** 1-based line and column in the page. */
  line: number;
  column: number;
  code: number;
  message: string;
}

export interface CheckPagesOptions {
  /** The project root: the tsconfig and the default pages are found from here. */
  root: string;
  /** Pages to check, relative to the root or absolute; default: every page under `srcDir`. */
  pages?: readonly string[];
  /** The tsconfig, relative to the root or absolute; default "tsconfig.json". */
  tsconfig?: string;
  /** Framework's source root, relative to the root; default "src" (observablehq.config.ts `root`). */
  srcDir?: string;
}

/** A fenced code block of a page. `line` is the page line (1-based) of its first content line. */
export interface PageCell {
  tag: string;
  attributes: Readonly<Record<string, string>>;
  line: number;
  /** Content columns removed from each line (the fence's own indentation, as markdown-it does). */
  indent: number;
  text: string;
}

/** An inline ${…} expression: `text` is what is between the braces; line and column are 1-based. */
export interface PageExpression {
  line: number;
  column: number;
  text: string;
}

export interface PageSource {
  cells: PageCell[];
  expressions: PageExpression[];
}

// Diagnostic codes dropped because the reactive model makes them false. Empty on purpose: the
// classic false positives of pasting cells into one module are avoided by construction above, and
// dropping their codes would hide real errors inside a cell, whose statements do run in order:
//   TS2448/TS2449/TS2450 "used before its declaration" and TS2454 "used before being assigned":
//     across cells names are `declare const`s, which have no temporal dead zone, so these arise
//     only within one cell, where they are real.
//   TS2339 & co. on a promise's or generator's members used by another cell: `__pageResolved` gives
//     other cells the awaited or yielded value, as Framework does.
const FILTERED_CODES: ReadonlySet<number> = new Set<number>();

// tsconfig errors that do not concern pages: "No inputs were found" (TS18003) only means the
// tsconfig's own `include` matched nothing, which is irrelevant to the virtual files checked here.
const IGNORED_CONFIG_CODES: ReadonlySet<number> = new Set([18003]);

/** The pages under `dir` as Framework routes them: *.md, skipping `_`- and `.`-prefixed entries. */
function findPages(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, {withFileTypes: true})
    .filter((e) => !e.name.startsWith(".") && !e.name.startsWith("_") && e.name !== "node_modules")
    .flatMap((e) => (e.isDirectory() ? findPages(join(dir, e.name)) : e.name.endsWith(".md") ? [join(dir, e.name)] : []))
    .sort();
}

// ---------------------------------------------------------------------------------------------
// Extraction: a small markdown reader that finds what Framework evaluates. It follows markdown-it
// (fences, code spans, backslash escapes, HTML comments and tags) and Framework's placeholder rule
// (the expression ends at the brace that balances `${`, counted over JavaScript tokens, so braces
// in strings, templates and regular expressions do not count). tests/scripts/check-pages.test.ts
// compares its output with Framework's own parser.

/** Framework's info-string syntax: a tag, then HTML-like attributes (`ts echo run=false`). */
function parseInfo(info: string): {tag: string; attributes: Record<string, string>} {
  const [tag = "", ...rest] = info.trim().split(/\s+/);
  const attributes: Record<string, string> = {};
  const attribute = /([^\s=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S*)))?/g;
  for (const m of rest.join(" ").matchAll(attribute)) attributes[m[1].toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? "";
  return {tag: tag.toLowerCase(), attributes};
}

/** markdown-it's open or close HTML tag, anchored at the current position. */
const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w:.-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>/y;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

/** After which tokens a `/` starts a regular expression rather than a division. */
function divisionMayFollow(kind: ts.SyntaxKind): boolean {
  const K = ts.SyntaxKind;
  return (
    kind === K.Identifier ||
    kind === K.PrivateIdentifier ||
    kind === K.NumericLiteral ||
    kind === K.BigIntLiteral ||
    kind === K.StringLiteral ||
    kind === K.RegularExpressionLiteral ||
    kind === K.NoSubstitutionTemplateLiteral ||
    kind === K.TemplateTail ||
    kind === K.CloseParenToken ||
    kind === K.CloseBracketToken ||
    kind === K.CloseBraceToken ||
    kind === K.ThisKeyword ||
    kind === K.SuperKeyword ||
    kind === K.TrueKeyword ||
    kind === K.FalseKeyword ||
    kind === K.NullKeyword
  );
}

/** The offset of the `}` that closes a placeholder whose expression starts at `from`, or -1. */
function placeholderEnd(text: string, from: number): number {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text, undefined, from);
  // What each open brace is: a block or object literal, or a template's `${`.
  const open: ("brace" | "template")[] = [];
  let previous = ts.SyntaxKind.Unknown;
  for (;;) {
    let kind = scanner.scan();
    if (kind === ts.SyntaxKind.EndOfFileToken) return -1;
    if ((kind === ts.SyntaxKind.SlashToken || kind === ts.SyntaxKind.SlashEqualsToken) && !divisionMayFollow(previous)) {
      kind = scanner.reScanSlashToken();
    }
    if (kind === ts.SyntaxKind.OpenBraceToken) open.push("brace");
    else if (kind === ts.SyntaxKind.TemplateHead) open.push("template");
    else if (kind === ts.SyntaxKind.CloseBraceToken) {
      const top = open.pop();
      if (top === undefined) return scanner.getTokenStart();
      if (top === "template") {
        kind = scanner.reScanTemplateToken(false);
        if (kind === ts.SyntaxKind.TemplateMiddle) open.push("template");
      }
    }
    previous = kind;
  }
}

/** 0-based offsets of the start of every line. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line and column of an offset. */
function position(starts: readonly number[], offset: number): {line: number; column: number} {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return {line: lo + 1, column: offset - starts[lo] + 1};
}

/** Finds the fenced cells and the inline expressions of a page's markdown. */
export function extractPage(markdown: string): PageSource {
  const text = markdown.replace(/\r\n?/g, "\n");
  const lines = text.split("\n");
  // What is not prose (front matter, fences) is blanked in `prose`, keeping offsets and newlines,
  // so that the placeholder scan below sees prose only and positions stay the page's.
  const blank = new Array<boolean>(lines.length).fill(false);
  let first = 0;
  if (lines[0]?.trimEnd() === "---") {
    const close = lines.findIndex((l, i) => i > 0 && /^(?:---|\.\.\.)\s*$/.test(l));
    if (close > 0) {
      for (let i = 0; i <= close; ++i) blank[i] = true;
      first = close + 1;
    }
  }
  const cells: PageCell[] = [];
  for (let i = first; i < lines.length; ++i) {
    const open = /^( {0,3})(`{3,}|~{3,})(.*)$/.exec(lines[i]);
    if (!open || (open[2][0] === "`" && open[3].includes("`"))) continue;
    const [, indent, fence, info] = open;
    const close = new RegExp(`^ {0,3}${fence[0] === "`" ? "`" : "~"}{${fence.length},}\\s*$`);
    let j = i + 1;
    while (j < lines.length && !close.test(lines[j])) ++j;
    const content = lines.slice(i + 1, j).map((l) => l.replace(new RegExp(`^ {0,${indent.length}}`), ""));
    cells.push({...parseInfo(info), line: i + 2, indent: indent.length, text: content.join("\n")});
    for (let k = i; k <= Math.min(j, lines.length - 1); ++k) blank[k] = true;
    i = j;
  }
  const prose = lines.map((l, i) => (blank[i] ? " ".repeat(l.length) : l)).join("\n");
  const starts = lineStarts(prose);
  const expressions: PageExpression[] = [];
  for (let p = 0; p < prose.length; ) {
    const c = prose[p];
    if (c === "\\") {
      // A backslash escapes ASCII punctuation: `\${x}` is text in markdown and in Framework.
      p += ASCII_PUNCTUATION.test(prose[p + 1] ?? "") ? 2 : 1;
    } else if (c === "`") {
      // A code span closes at the next run of exactly as many backticks within the paragraph.
      let n = 1;
      while (prose[p + n] === "`") ++n;
      const paragraphEnd = prose.slice(p).search(/\n[ \t]*\n/);
      const limit = paragraphEnd < 0 ? prose.length : p + paragraphEnd;
      const closer = new RegExp(`(?<!\`)\`{${n}}(?!\`)`, "g");
      closer.lastIndex = p + n;
      const m = closer.exec(prose);
      p = m && m.index < limit ? m.index + n : p + n;
    } else if (prose.startsWith("<!--", p)) {
      const end = prose.indexOf("-->", p + 4);
      p = end < 0 ? prose.length : end + 3;
    } else if (c === "<") {
      // A placeholder inside a tag (an attribute value) is not evaluated by Framework.
      HTML_TAG.lastIndex = p;
      p = HTML_TAG.test(prose) ? HTML_TAG.lastIndex : p + 1;
    } else if (c === "$" && prose[p + 1] === "{") {
      const end = placeholderEnd(prose, p + 2);
      if (end < 0) {
        p += 2;
      } else {
        expressions.push({...position(starts, p + 2), text: prose.slice(p + 2, end)});
        p = end + 1;
      }
    } else {
      ++p;
    }
  }
  return {cells, expressions};
}

// ---------------------------------------------------------------------------------------------
// The virtual module.

/** Where a line of the virtual module comes from in its page. */
interface LineOrigin {
  line: number;
  /** Page column minus virtual column on this line. */
  columnDelta: number;
}

class VirtualModule {
  readonly lines: string[] = [];
  readonly origins: (LineOrigin | null)[] = [];

  /** Appends `text`; its first line comes from page line `line` (null: generated, no origin). */
  add(text: string, line: number | null, columnDelta = 0, firstColumnDelta = columnDelta): void {
    text.split("\n").forEach((l, k) => {
      this.lines.push(l);
      this.origins.push(line === null ? null : {line: line + k, columnDelta: k === 0 ? firstColumnDelta : columnDelta});
    });
  }

  get text(): string {
    return this.lines.join("\n");
  }
}

const GENERATED = "__page";

// Framework's built-ins (client/main.js `library`, plus the per-cell display, view, invalidation
// and visibility, plus `html` and `svg`), declared for TypeScript. Other cells see a view as its
// value through __pageResolved; in its own cell it is the generator that Framework returns.
// `observable.params` holds the page's route parameters, and only those: Framework rejects any other
// ("undefined parameter") at build time.
function builtins(params: readonly string[]): Map<string, string> {
  const paramType = params.length ? `{${params.map((p) => `readonly ${JSON.stringify(p)}: string`).join("; ")}}` : "{}";
  return new Map([
    ["width", "declare const width: number;"],
    ["now", "declare const now: number;"],
    ["dark", "declare const dark: boolean;"],
    ["invalidation", "declare const invalidation: Promise<void>;"],
    ["visibility", "declare function visibility<T = undefined>(value?: T): Promise<T>;"],
    ["display", "declare function display<T>(value: T): T;"],
    ["view", "declare function view<T>(input: Element & {value: T}): AsyncGenerator<T, void, unknown>;"],
    ["FileAttachment", `declare function FileAttachment(name: string): ${GENERATED}FileAttachment;`],
    ["Mutable", "declare function Mutable<T>(value: T): AsyncGenerator<T, void, unknown> & {value: T};"],
    ["resize", "declare function resize(render: (width: number, height: number) => Node | null | Promise<Node | null>): HTMLElement;"],
    [
      "Generators",
      [
        "declare const Generators: {",
        "  input<T>(element: Element & {value: T}): AsyncGenerator<T, void, unknown>;",
        "  observe<T>(initialize: (change: (value: T) => void) => (() => void) | void): AsyncGenerator<T, void, unknown>;",
        "  queue<T>(initialize: (change: (value: T) => void) => (() => void) | void): AsyncGenerator<T, void, unknown>;",
        "  now(): AsyncGenerator<number, void, unknown>;",
        "  width(element: Element): AsyncGenerator<number, void, unknown>;",
        "  dark(): AsyncGenerator<boolean, void, unknown>;",
        "};"
      ].join("\n")
    ],
    ["html", "declare function html(strings: TemplateStringsArray, ...values: unknown[]): HTMLElement;"],
    ["svg", "declare function svg(strings: TemplateStringsArray, ...values: unknown[]): SVGElement;"],
    ["observable", `declare const observable: {readonly params: ${paramType}};`]
  ]);
}

const PREAMBLE = [
  `interface ${GENERATED}FileAttachment {`,
  "  readonly name: string;",
  "  readonly mimeType: string;",
  "  readonly href: string;",
  "  url(): Promise<string>;",
  "  blob(): Promise<Blob>;",
  "  arrayBuffer(): Promise<ArrayBuffer>;",
  "  text(encoding?: string): Promise<string>;",
  // What a JSON file holds is not known here: pages validate it (see snapshot-status.ts).
  "  json(): Promise<unknown>;",
  "  stream(): Promise<ReadableStream<Uint8Array>>;",
  "  csv(options?: {array?: boolean; typed?: boolean | \"auto\"}): Promise<unknown[]>;",
  "  tsv(options?: {array?: boolean; typed?: boolean | \"auto\"}): Promise<unknown[]>;",
  "  image(props?: Partial<HTMLImageElement>): Promise<HTMLImageElement>;",
  "}",
  // What another cell sees of a cell's value: Framework awaits promises and takes the values that
  // generators yield (it treats anything with next() and return() as a generator).
  `type ${GENERATED}Yield<R> = R extends IteratorYieldResult<infer Y> ? Y : never;`,
  `type ${GENERATED}Resolved<T> = T extends {next: (...args: never) => infer R; return: (...args: never) => unknown} ? Awaited<${GENERATED}Yield<Awaited<R>>> : Awaited<T>;`,
  `type ${GENERATED}CellValue<F extends () => Promise<object>, K extends keyof Awaited<ReturnType<F>>> = ${GENERATED}Resolved<Awaited<ReturnType<F>>[K]>;`
].join("\n");

interface TopLevel {
  /** Statements that go to module level: [start, end) offsets in the cell. */
  hoisted: {start: number; end: number}[];
  /** Names the cell defines for other cells, with their offsets. */
  names: {name: string; offset: number}[];
  /** Names brought in by the cell's imports. */
  imported: string[];
}

function bindingNames(name: ts.BindingName, out: {name: string; offset: number}[], sf: ts.SourceFile): void {
  if (ts.isIdentifier(name)) out.push({name: name.text, offset: name.getStart(sf)});
  else for (const e of name.elements) if (!ts.isOmittedExpression(e)) bindingNames(e.name, out, sf);
}

/** A cell's imports and type declarations (hoisted) and the names it defines. */
function topLevel(text: string, kind: ts.ScriptKind): TopLevel {
  const sf = ts.createSourceFile("cell.ts", text, ts.ScriptTarget.Latest, true, kind);
  const result: TopLevel = {hoisted: [], names: [], imported: []};
  for (const s of sf.statements) {
    if (ts.isImportDeclaration(s) || ts.isImportEqualsDeclaration(s) || ts.isTypeAliasDeclaration(s) || ts.isInterfaceDeclaration(s)) {
      result.hoisted.push({start: s.getStart(sf), end: s.end});
      if (ts.isImportDeclaration(s) && s.importClause) {
        const {name, namedBindings} = s.importClause;
        if (name) result.imported.push(name.text);
        if (namedBindings && ts.isNamespaceImport(namedBindings)) result.imported.push(namedBindings.name.text);
        if (namedBindings && ts.isNamedImports(namedBindings)) for (const e of namedBindings.elements) result.imported.push(e.name.text);
      }
    } else if (ts.isVariableStatement(s)) {
      for (const d of s.declarationList.declarations) bindingNames(d.name, result.names, sf);
    } else if ((ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s) || ts.isEnumDeclaration(s)) && s.name) {
      result.names.push({name: s.name.text, offset: s.name.getStart(sf)});
    }
  }
  return result;
}

/** The route parameters of a page path: `src/explore/[id].md` has `id`. */
function routeParams(page: string): string[] {
  return [...new Set([...page.matchAll(/\[([^\]/]+)\]/g)].map((m) => m[1]))];
}

/** Builds the virtual module of one page. */
function pageModule(markdown: string, page: string): VirtualModule {
  const {cells, expressions} = extractPage(markdown);
  const module = new VirtualModule();
  const body = new VirtualModule();
  const defined = new Set<string>();
  cells.forEach((cell, index) => {
    if (cell.attributes.run?.toLowerCase() === "false") return;
    const typed = cell.tag === "ts";
    const javascript = cell.tag === "js" || cell.tag === "jsx" || cell.tag === "tsx";
    if (!typed && !javascript) return;
    const starts = lineStarts(cell.text);
    const top = topLevel(cell.text, typed ? ts.ScriptKind.TS : ts.ScriptKind.JSX);
    const lineOf = (offset: number) => cell.line + position(starts, offset).line - 1;
    top.imported.forEach((n) => defined.add(n));
    top.names.forEach((n) => defined.add(n.name));
    // Hoisted statements keep their page lines and columns (padded to their original column).
    let rest = cell.text;
    for (const {start, end} of top.hoisted) {
      const {column} = position(starts, start);
      body.add(" ".repeat(column - 1) + cell.text.slice(start, end), lineOf(start), cell.indent);
      rest = rest.slice(0, start) + rest.slice(start, end).replace(/[^\n]/g, " ") + rest.slice(end);
    }
    if (!typed) {
      // A JavaScript cell is not type-checked; what it defines is untyped for the ts cells too.
      for (const n of top.names) body.add(`declare const ${n.name}: any;`, lineOf(n.offset));
      return;
    }
    const fn = `${GENERATED}Cell${index}`;
    const closing = cell.line + starts.length;
    body.add(`async function ${fn}() {`, cell.line - 1);
    body.add(rest, cell.line, cell.indent);
    body.add(`return {${top.names.map((n) => n.name).join(", ")}};`, closing);
    body.add("}", closing);
    for (const n of top.names) body.add(`declare const ${n.name}: ${GENERATED}CellValue<typeof ${fn}, ${JSON.stringify(n.name)}>;`, lineOf(n.offset));
  });
  // A page may define its own `width` and the like, which then replaces the built-in.
  const declared = [...builtins(routeParams(page))].filter(([name]) => !defined.has(name)).map(([, d]) => d);
  module.add(`${PREAMBLE}\n${declared.join("\n")}`, null);
  body.lines.forEach((l, i) => {
    module.lines.push(l);
    module.origins.push(body.origins[i]);
  });
  for (const e of expressions) {
    // `void (…);` shifts the first line by the six columns of "void ("; the closing `);` goes on
    // a line of its own (the expression may end in a // comment) that maps to its last line.
    module.add(`void (${e.text}`, e.line, 0, e.column - 1 - "void (".length);
    module.add(");", e.line + e.text.split("\n").length - 1);
  }
  module.add("export {};", null);
  return module;
}

// ---------------------------------------------------------------------------------------------
// Checking.

function readTsconfig(path: string): ts.CompilerOptions {
  const host: ts.FormatDiagnosticsHost = {getCanonicalFileName: (f) => f, getCurrentDirectory: () => dirname(path), getNewLine: () => "\n"};
  const read = ts.readConfigFile(path, (p) => ts.sys.readFile(p));
  if (read.error) throw new Error(ts.formatDiagnostics([read.error], host));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(path), undefined, path);
  const errors = parsed.errors.filter((d) => !IGNORED_CONFIG_CODES.has(d.code));
  if (errors.length) throw new Error(ts.formatDiagnostics(errors, host));
  return {...parsed.options, noEmit: true};
}

const slash = (p: string) => p.replace(/\\/g, "/");

/** Type-checks the pages; returns their errors, sorted by page and line. */
export function checkPages({root, pages, tsconfig = "tsconfig.json", srcDir = "src"}: CheckPagesOptions): PageDiagnostic[] {
  const absRoot = resolve(root);
  const options = readTsconfig(resolve(absRoot, tsconfig));
  const pagePaths = (pages ?? findPages(join(absRoot, srcDir))).map((p) => slash(isAbsolute(p) ? p : resolve(absRoot, p)));
  const modules = new Map<string, {page: string; module: VirtualModule}>();
  for (const page of pagePaths) {
    const rel = slash(relative(absRoot, page));
    modules.set(`${page}.ts`, {page: rel, module: pageModule(readFileSync(page, "utf8"), rel)});
  }
  const host = ts.createCompilerHost(options, true);
  const {fileExists, readFile, getSourceFile} = host;
  host.fileExists = (f) => modules.has(slash(f)) || fileExists.call(host, f);
  host.readFile = (f) => modules.get(slash(f))?.module.text ?? readFile.call(host, f);
  host.getSourceFile = (f, version, onError, shouldCreate) => {
    const virtual = modules.get(slash(f));
    return virtual ? ts.createSourceFile(f, virtual.module.text, version, true, ts.ScriptKind.TS) : getSourceFile.call(host, f, version, onError, shouldCreate);
  };
  const program = ts.createProgram({rootNames: [...modules.keys()], options, host});
  const out: PageDiagnostic[] = [];
  for (const d of [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()]) {
    if (d.category === ts.DiagnosticCategory.Error) out.push({file: tsconfig, line: 1, column: 1, code: d.code, message: ts.flattenDiagnosticMessageText(d.messageText, "\n")});
  }
  for (const [fileName, {page, module}] of modules) {
    const sf = program.getSourceFile(fileName);
    if (!sf) continue;
    for (const d of [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]) {
      if (d.category !== ts.DiagnosticCategory.Error || FILTERED_CODES.has(d.code)) continue;
      const at = sf.getLineAndCharacterOfPosition(d.start ?? 0);
      // A generated line without an origin (the preamble) is reported at the page's first line.
      const origin = module.origins[at.line];
      const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
      out.push(
        origin
          ? {file: page, line: origin.line, column: Math.max(1, at.character + 1 + origin.columnDelta), code: d.code, message}
          : {file: page, line: 1, column: 1, code: d.code, message: `in the checker's declarations: ${message}`}
      );
    }
  }
  return out.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

export function formatDiagnostic(d: PageDiagnostic): string {
  return `${d.file}:${d.line}: error TS${d.code}: ${d.message.replace(/\n/g, "\n  ")}`;
}

function main(argv: readonly string[]): number {
  const pages = positionals(argv, ["root", "tsconfig"]).map((p) => resolve(p));
  const diagnostics = checkPages({root: option(argv, "root", "."), tsconfig: option(argv, "tsconfig", "tsconfig.json"), pages: pages.length ? pages : undefined});
  for (const d of diagnostics) console.log(formatDiagnostic(d));
  const files = new Set(diagnostics.map((d) => d.file)).size;
  console.error(diagnostics.length ? `check-pages: ${diagnostics.length} errors in ${files} pages` : "check-pages: no errors");
  return diagnostics.length ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) process.exitCode = main(process.argv.slice(2));
