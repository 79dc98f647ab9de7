// The manifest reader: every spec file is a network, in the site's order; an article page's spec
// must fit the page's story, or the build is refused with the field and the reason.
import {mkdirSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {readManifest} from "../../src/data/manifest.js";
import {tempDir, tinySpec, writeSpec} from "./helpers.js";

function project(pages: string[] = []) {
  const root = tempDir();
  const specDir = join(root, "data");
  const pagesDir = join(root, "src");
  mkdirSync(specDir);
  mkdirSync(pagesDir);
  for (const page of pages) writeFileSync(join(pagesDir, `${page}.md`), "# page\n");
  return {specDir, pagesDir};
}

describe("readManifest", () => {
  it("lists article networks in the article's order, then the others by id, with their pages", () => {
    const p = project(["small-relu"]);
    writeSpec(p.specDir, tinySpec({id: "zeta"}), "zeta");
    writeSpec(p.specDir, tinySpec({id: "alpha"}), "alpha");
    writeSpec(p.specDir, tinySpec({id: "small-relu", hidden: [4], article: {section: 3, finalLoss: 0.001}}), "small-relu");
    expect(readManifest(p).map((e) => [e.spec.id, e.path, e.articlePage])).toEqual([
      ["small-relu", "/small-relu", true],
      ["alpha", "/networks/alpha", false],
      ["zeta", "/networks/zeta", false]
    ]);
  });

  it("refuses an article page's spec of another shape or activation, naming the field and the way out", () => {
    const p = project(["small-relu"]);
    writeSpec(p.specDir, tinySpec({id: "small-relu", hidden: [3, 3]}), "small-relu");
    expect(() => readManifest(p)).toThrow(/data\/small-relu\.json: field "hidden" must have 1 hidden layer for the article page src\/small-relu\.md .*give it another id/);
    writeSpec(p.specDir, tinySpec({id: "small-relu", activation: "tanh"}), "small-relu");
    expect(() => readManifest(p)).toThrow(/field "activation" must be "relu" for the article page/);
  });

  it("publishes the same spec under another id on the generic page", () => {
    const p = project(["small-relu"]);
    writeSpec(p.specDir, tinySpec({id: "deep-tanh", hidden: [3, 3], activation: "tanh"}), "deep-tanh");
    expect(readManifest(p).map((e) => e.path)).toEqual(["/networks/deep-tanh"]);
  });

  it("refuses a spec file with a byte-order mark or a duplicate key, by name", () => {
    const p = project();
    writeSpec(p.specDir, "\uFEFF" + JSON.stringify(tinySpec()), "tiny");
    expect(() => readManifest(p)).toThrow(/tiny\.json: starts with a byte-order mark/);
    writeSpec(p.specDir, JSON.stringify(tinySpec()).replace('"epochs":3', '"epochs":3,"epochs":4'), "tiny");
    expect(() => readManifest(p)).toThrow(/tiny\.json: field "epochs" appears twice/);
  });
});
