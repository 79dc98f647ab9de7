// The build step that brings snapshots up to date (src/data/snapshots.ts), on temporary spec and
// cache directories with tiny specs that train in a fraction of a second.
import {mkdirSync, readFileSync, statSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {prepareSnapshots, SUMMARY_FILE} from "../../src/data/snapshots.js";
import {parseSummaries} from "../../src/lib/manifest.js";
import {parseSnapshot} from "../../src/lib/snapshot.js";
import {tempDir, tinySpec, writeSpec} from "./helpers.js";

const quiet = {log: () => {}};
const actions = (entries: {id: string; action: string}[]) => Object.fromEntries(entries.map((e) => [e.id, e.action]));

/** A spec dir with three tiny specs, an empty pages dir, and a cache dir. */
function project() {
  const root = tempDir();
  const specDir = join(root, "data");
  const pagesDir = join(root, "src");
  const cacheDir = join(root, "cache");
  for (const dir of [specDir, pagesDir]) mkdirSync(dir);
  const specs = ["alpha", "beta", "gamma"].map((id, i) => tinySpec({id, initSeed: i + 1}));
  for (const spec of specs) writeSpec(specDir, spec, spec.id);
  return {specDir, pagesDir, cacheDir, specs};
}

describe("prepareSnapshots", () => {
  it("trains what is missing, keeps what is fresh, retrains exactly a changed spec, and summarises all", async () => {
    const p = project();
    const options = {specDir: p.specDir, pagesDir: p.pagesDir, cacheDir: p.cacheDir, ...quiet};
    expect(actions(await prepareSnapshots(options))).toEqual({alpha: "trained", beta: "trained", gamma: "trained"});
    const mtime = (id: string) => statSync(join(p.cacheDir, `${id}.json`)).mtimeMs;
    const before = {alpha: mtime("alpha"), gamma: mtime("gamma")};
    expect(actions(await prepareSnapshots(options))).toEqual({alpha: "kept", beta: "kept", gamma: "kept"});

    writeSpec(p.specDir, {...p.specs[1], epochs: 4}, "beta");
    expect(actions(await prepareSnapshots(options))).toEqual({alpha: "kept", beta: "trained", gamma: "kept"});
    expect({alpha: mtime("alpha"), gamma: mtime("gamma")}).toEqual(before);
    const beta = parseSnapshot(JSON.parse(readFileSync(join(p.cacheDir, "beta.json"), "utf8")), "beta");
    expect(beta.lossHistory).toHaveLength(4);

    const summary = parseSummaries(JSON.parse(readFileSync(join(p.cacheDir, SUMMARY_FILE), "utf8")), "summary");
    expect(summary.map((s) => [s.id, s.path, s.epochs])).toEqual([
      ["alpha", "/networks/alpha", 3],
      ["beta", "/networks/beta", 4],
      ["gamma", "/networks/gamma", 3]
    ]);
    expect(summary[1].finalLoss).toBe(beta.lossHistory.at(-1));
  });

  it("retrains an unreadable snapshot, and every snapshot with all", async () => {
    const p = project();
    const options = {specDir: p.specDir, pagesDir: p.pagesDir, cacheDir: p.cacheDir, ...quiet};
    await prepareSnapshots(options);
    writeFileSync(join(p.cacheDir, "alpha.json"), '{"version": 2, "fingerp');
    const entries = await prepareSnapshots(options);
    expect(actions(entries)).toEqual({alpha: "trained", beta: "kept", gamma: "kept"});
    expect(entries[0].reason).toMatch(/unreadable/);
    expect(actions(await prepareSnapshots({...options, all: true}))).toEqual({alpha: "trained", beta: "trained", gamma: "trained"});
  });

  it("fails on a bad spec, naming its file and field, before touching any snapshot", async () => {
    const p = project();
    const options = {specDir: p.specDir, pagesDir: p.pagesDir, cacheDir: p.cacheDir, ...quiet};
    await prepareSnapshots(options);
    const before = readFileSync(join(p.cacheDir, "gamma.json"), "utf8");
    writeSpec(p.specDir, {...p.specs[2], learningRate: -1}, "gamma");
    await expect(prepareSnapshots(options)).rejects.toThrow(/gamma\.json: field "learningRate"/);
    expect(readFileSync(join(p.cacheDir, "gamma.json"), "utf8")).toBe(before);
  });

  it("regenerates the dataset bit for bit: the parsed file's samples are the ones the trainer used", async () => {
    const {train} = await import("../../src/data/trainer.js");
    const p = project();
    await prepareSnapshots({specDir: p.specDir, pagesDir: p.pagesDir, cacheDir: p.cacheDir, ...quiet});
    const text = readFileSync(join(p.cacheDir, "alpha.json"), "utf8");
    expect(JSON.parse(text)).not.toHaveProperty("data");
    const parsed = parseSnapshot(JSON.parse(text), "alpha");
    const trained = await train({...p.specs[0], epochs: 1});
    expect(parsed.data.x.length).toBe(trained.data.x.length);
    for (let i = 0; i < parsed.data.x.length; ++i) {
      expect(Object.is(parsed.data.x[i][0], trained.data.x[i][0]) && Object.is(parsed.data.x[i][1], trained.data.x[i][1]), `x[${i}]`).toBe(true);
      expect(Object.is(parsed.data.y[i], trained.data.y[i]), `y[${i}]`).toBe(true);
    }
  });
});
