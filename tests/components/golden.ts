// Golden-file harness for components, after Observable Plot's: the element's markup is normalised
// (numbers rounded to NUMBER_DIGITS decimals, generated ids renumbered in order of appearance) and
// compared with tests/components/golden/<name>.svg|html. On a mismatch the actual output is written
// beside the golden as <name>-changed.<ext> for inspection. A missing golden fails the test; goldens
// are written (created or replaced) only by the explicit update command, `npm run test:update-goldens`
// (UPDATE_GOLDENS=1), so a golden is only ever created or changed deliberately.
import {existsSync, mkdirSync, readFileSync, unlinkSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {expect} from "vitest";

/** Decimals kept in every number of the markup: coarser than float noise, finer than a pixel. */
const NUMBER_DIGITS = 2;

// Paths from the project root (vitest's working directory): under jsdom, import.meta.url is not a file URL.
const goldenDir = join(process.cwd(), "tests/components/golden");
const fixtureDir = join(process.cwd(), "tests/fixtures");

/** Set to 1 (npm run test:update-goldens) to write every golden from the current output. */
const UPDATE_VARIABLE = "UPDATE_GOLDENS";

export function normalise(markup: string): string {
  const ids = new Map<string, string>();
  const rename = (id: string) => {
    if (!ids.has(id)) ids.set(id, `id-${ids.size}`);
    return ids.get(id)!;
  };
  return markup
    .replace(/\bid="([^"]+)"/g, (_, id: string) => `id="${rename(id)}"`)
    .replace(/(url\(#|href="#)([^)"]+)/g, (_, pre: string, id: string) => pre + rename(id))
    .replace(/-?\d+\.\d+(e[-+]?\d+)?/g, (n) => {
      const v = +(+n).toFixed(NUMBER_DIGITS);
      return String(Object.is(v, -0) ? 0 : v);
    })
    .replace(/></g, ">\n<");
}

export function expectGolden(element: Element, name: string): void {
  const ext = element.tagName.toLowerCase() === "svg" ? "svg" : "html";
  mkdirSync(goldenDir, {recursive: true});
  const golden = join(goldenDir, `${name}.${ext}`);
  const changed = join(goldenDir, `${name}-changed.${ext}`);
  const actual = normalise(element.outerHTML) + "\n";
  if (process.env[UPDATE_VARIABLE] === "1") {
    writeFileSync(golden, actual);
    if (existsSync(changed)) unlinkSync(changed);
    return;
  }
  if (!existsSync(golden)) {
    writeFileSync(changed, actual);
    throw new Error(`golden ${name}.${ext} is missing (the output is in ${name}-changed.${ext}; run npm run test:update-goldens to accept it)`);
  }
  const expected = readFileSync(golden, "utf8");
  if (actual === expected) {
    if (existsSync(changed)) unlinkSync(changed);
    return;
  }
  writeFileSync(changed, actual);
  expect(actual, `${name}: see ${name}-changed.${ext}`).toBe(expected);
}

/** A fixture snapshot, validated by the real parser. */
export async function loadFixture(id: "small-relu" | "large-relu" | "small-sigmoid") {
  const {parseSnapshot} = await import("../../src/lib/snapshot.js");
  const text = readFileSync(join(fixtureDir, `${id}.json`), "utf8");
  return parseSnapshot(JSON.parse(text), `fixture ${id}`);
}

/**
 * Points across the data square [−3, 3]², one near each corner and the centre: between them units
 * switch on and off and the signs of inputs, products and sums change, so an update in place meets
 * both the cases that keep a view's nodes and those that cannot.
 */
export const SPREAD_POINTS: readonly [number, number][] = [
  [1.234, -0.5],
  [0, 0],
  [-2.9, 2.9],
  [2.5, 2.25],
  [-1.1, -2.7]
];
