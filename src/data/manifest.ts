// The network manifest, the Node half: every file data/<id>.json declares one network, and this
// module lists them. The Framework config (pages, navigation, the explorer's routes), the build
// step that trains them, the browser tests and the benchmarks all call readManifest(), so adding a
// network is adding one spec file. No tfjs here: the config imports this module.
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {basename, join} from "node:path";
import {fileURLToPath} from "node:url";
import {compareEntries, networkPagePath, type ManifestEntry} from "../lib/manifest.js";
import {parseSpec, ValidationError, type NetworkSpec} from "../lib/spec.js";
import {duplicateKey, hasByteOrderMark} from "../lib/json-text.js";
import {articlePageMismatch} from "../lib/article-pages.js";

/** The project root, from this module's location (src/data/). */
export const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const DEFAULT_SPEC_DIR = join(PROJECT_ROOT, "data");
export const DEFAULT_PAGES_DIR = join(PROJECT_ROOT, "src");

/** Reads and validates a spec file; the errors name the file (as given) and the field. */
export function readSpec(path: string, display = path): NetworkSpec {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new Error(`${display}: cannot read the spec file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  if (hasByteOrderMark(text)) throw new Error(`${display}: starts with a byte-order mark (U+FEFF); save the file as UTF-8 without one`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${display}: not valid JSON (${(error as Error).message})`);
  }
  const duplicate = duplicateKey(text);
  if (duplicate !== null) throw new ValidationError(display, duplicate, "appears twice in the same object; keep one");
  const spec = parseSpec(value, display);
  const expected = basename(path, ".json");
  if (spec.id !== expected) throw new ValidationError(display, "id", `must match the file name "${expected}", got ${JSON.stringify(spec.id)}`);
  return spec;
}

/** The spec files of a directory, by name. */
export function specFiles(specDir = DEFAULT_SPEC_DIR): string[] {
  return readdirSync(specDir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => join(specDir, f));
}

export interface ManifestOptions {
  specDir?: string;
  /** Where the pages live: a network has an article page when <pagesDir>/<id>.md exists. */
  pagesDir?: string;
}

/**
 * Every declared network in the site's order. A spec that fails validation throws, naming its file
 * and field: a spec in data/ is either published or fails the build, never silently skipped.
 */
export function readManifest({specDir = DEFAULT_SPEC_DIR, pagesDir = DEFAULT_PAGES_DIR}: ManifestOptions = {}): ManifestEntry[] {
  return specFiles(specDir)
    .map((file) => {
      const spec = readSpec(file, join(basename(specDir), basename(file)));
      const articlePage = existsSync(join(pagesDir, `${spec.id}.md`));
      const mismatch = articlePage ? articlePageMismatch(spec) : null;
      if (mismatch) throw new ValidationError(join(basename(specDir), basename(file)), mismatch.field, mismatch.detail);
      return {spec, articlePage, path: networkPagePath(spec.id, articlePage)};
    })
    .sort(compareEntries);
}
