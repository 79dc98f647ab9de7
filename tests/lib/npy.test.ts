// The .npy and zip exports read back with the tests' own readers (file-formats.ts) equal the
// snapshot's parameters and dataset bit for bit; and, where Python has NumPy, the generated snippet
// rebuilds the article's fcnn dictionary whose output equals forward().
import {execFileSync, spawnSync} from "node:child_process";
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {encodeNpy, npyHeader} from "../../src/lib/npy.js";
import {forward, type Network} from "../../src/lib/network.js";
import {networkAtEpoch, parseSnapshot, snapshotNetwork, type Snapshot} from "../../src/lib/snapshot.js";
import {
  exportBaseName,
  exportSnippet,
  namedArrays,
  npyFiles,
  pythonSnippet,
  readmeText,
  singleFilePrefix,
  weightsJson,
  weightsJsonText,
  weightsZip,
  type ExportSource
} from "../../src/lib/weights-export.js";
import {npyRows, parseNpy, readZip} from "./file-formats.js";

/** The Python forward pass agrees with forward() to this (matmul may sum in another order). */
const PYTHON_TOLERANCE = 1e-12;

const IDS = ["small-relu", "large-relu", "small-sigmoid"] as const;
const fixtureDir = join(dirname(fileURLToPath(import.meta.url)), "../fixtures");
const snapshots = {} as Record<(typeof IDS)[number], Snapshot>;
beforeAll(() => {
  for (const id of IDS) snapshots[id] = parseSnapshot(JSON.parse(readFileSync(join(fixtureDir, `${id}.json`), "utf8")), `fixture ${id}`);
});

const finalSource = (s: Snapshot): ExportSource => ({snapshot: s, network: snapshotNetwork(s), epoch: s.spec.epochs});

/** Every value equal as Object.is sees it: the same double, bit for bit (and -0 distinct from 0). */
function expectBitEqual(actual: readonly number[], expected: readonly number[], what: string) {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  const diff = actual.findIndex((v, i) => !Object.is(v, expected[i]));
  expect(diff, `${what}: first differing index ${diff} (${actual[diff]} vs ${expected[diff]})`).toBe(-1);
}

/** The parsed array is the expected matrix/vector, with the expected shape, in format 1.0 with aligned data. */
function expectArray(bytes: Uint8Array, shape: number[], values: readonly number[], what: string) {
  const a = parseNpy(bytes);
  expect(a.version, what).toEqual([1, 0]);
  expect(a.fortranOrder, what).toBe(false);
  expect(a.dataOffset % 64, `${what}: data offset`).toBe(0);
  expect(a.shape, what).toEqual(shape);
  expectBitEqual(a.values, values, what);
}

describe("encodeNpy", () => {
  it("writes the header NumPy documents, padded so the data starts at a multiple of 64", () => {
    for (const shape of [[3], [2, 4], [2500, 2], [0], [1, 1]]) {
      const h = npyHeader(shape);
      expect((10 + h.length) % 64).toBe(0);
      expect(h.endsWith("\n")).toBe(true);
    }
    expect(npyHeader([4]).startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (4,), }")).toBe(true);
    expect(npyHeader([2, 4]).startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 4), }")).toBe(true);
  });
  it("keeps every double exactly, signed zero, subnormals and extremes included", () => {
    const values = [0, -0, 1, -1.5, Math.PI, 5e-324, -Number.MAX_VALUE, 0.1 + 0.2, 1 / 3];
    expectArray(encodeNpy({shape: [values.length], data: values}), [values.length], values, "values");
  });
  it("refuses data that does not fit the shape", () => {
    expect(() => encodeNpy({shape: [2, 3], data: [1, 2, 3]})).toThrow(/needs 6 values, got 3/);
    expect(() => encodeNpy({shape: [-1], data: []})).toThrow(/non-negative integers/);
  });
});

describe.each(IDS)("the export of %s", (id) => {
  it("has W_k [dIn, dOut], b_k [dOut], X [N, 2] and y [N] equal to the snapshot bit for bit", () => {
    const s = snapshots[id];
    const source = finalSource(s);
    const files = new Map(npyFiles(source).map((f) => [f.name, f.data]));
    const L = s.layers.length;
    expect([...files.keys()]).toEqual([...Array.from({length: L}, (_, k) => [`W${k}.npy`, `b${k}.npy`]).flat(), "X.npy", "y.npy"]);
    s.layers.forEach((layer, k) => {
      const dIn = layer.weights.length;
      const dOut = layer.biases.length;
      expectArray(files.get(`W${k}.npy`)!, [dIn, dOut], layer.weights.flat(), `${id} W${k}`);
      expectArray(files.get(`b${k}.npy`)!, [dOut], layer.biases, `${id} b${k}`);
      // Orientation: row i of W_k holds input i's weights to every unit.
      expect(npyRows(parseNpy(files.get(`W${k}.npy`)!))[dIn - 1]).toEqual(layer.weights[dIn - 1]);
    });
    expectArray(files.get("X.npy")!, [s.data.x.length, 2], s.data.x.flat(), `${id} X`);
    expectArray(files.get("y.npy")!, [s.data.y.length], s.data.y, `${id} y`);
  });

  it("zips the same files with README.txt and fcnn.py, in a folder named after the network", () => {
    const s = snapshots[id];
    const source = finalSource(s);
    const files = readZip(weightsZip(source));
    const npy = npyFiles(source);
    expect(files.map((f) => f.name)).toEqual([...npy.map((f) => `${id}/${f.name}`), `${id}/README.txt`, `${id}/fcnn.py`]);
    npy.forEach((f, i) => expect([...files[i].data]).toEqual([...f.data]));
    const readme = new TextDecoder().decode(files.find((f) => f.name.endsWith("README.txt"))!.data);
    expect(readme).toContain(exportSnippet(source));
    for (const a of namedArrays(source)) expect(readme).toContain(`${a.name}.npy`);
  });

  it("writes the JSON with the spec id, activation, sizes, epoch and the parameters exactly", () => {
    const s = snapshots[id];
    const json = JSON.parse(weightsJsonText(finalSource(s)));
    expect(json).toEqual(weightsJson(finalSource(s)));
    expect(json.id).toBe(id);
    expect(json.activation).toBe(s.spec.activation);
    expect(json.layerSizes).toEqual([2, ...s.spec.hidden, 1]);
    expect(json.epoch).toBe(s.spec.epochs);
    s.layers.forEach((l, k) => {
      expectBitEqual(json.weights[k].flat(), l.weights.flat(), `W${k}`);
      expectBitEqual(json.biases[k], l.biases, `b${k}`);
    });
  });
});

describe("names and snippet", () => {
  it("name the files after the network, and after the epoch when it is not the last", () => {
    const s = snapshots["small-relu"];
    expect(exportBaseName({snapshot: s, epoch: s.spec.epochs})).toBe("small-relu");
    expect(exportBaseName({snapshot: s, epoch: 10})).toBe("small-relu-epoch-10");
    expect(singleFilePrefix({snapshot: s, epoch: 10})).toBe("small-relu-epoch-10-");
    const checkpoint: ExportSource = {snapshot: s, network: networkAtEpoch(s, 10), epoch: 10};
    expectArray(npyFiles(checkpoint)[0].data, [2, 4], networkAtEpoch(s, 10).layers[0].weights.flat(), "checkpoint W0");
    expect(readZip(weightsZip(checkpoint))[0].name).toBe("small-relu-epoch-10/W0.npy");
    expect(readmeText(checkpoint)).toContain("after 10 of 12 training epochs");
  });
  it("follows the activation and the number of layers", () => {
    expect(pythonSnippet("relu", 2)).toContain("np.maximum(z, 0.0)");
    expect(pythonSnippet("sigmoid", 2)).toContain("np.exp(-z)");
    expect(pythonSnippet("tanh", 3)).toContain("np.tanh(z)");
    expect(pythonSnippet("tanh", 3)).toContain("L = 3");
    expect(() => pythonSnippet("relu", 0)).toThrow(/layerCount/);
  });
});

// ---- The snippet run by Python with NumPy ------------------------------------------------------

const numpy = spawnSync("python3", ["-c", "import numpy"]);
const hasNumpy = numpy.status === 0;
if (!hasNumpy) console.warn(`tests/lib/npy.test.ts: the Python snippet is not run, python3 cannot import numpy (${numpy.error?.message ?? String(numpy.stderr).trim()})`);

/** Appended to the snippet: prints what the test compares, as JSON (repr of each double round-trips). */
const REPORT = `
import json
print(json.dumps({
    'keys': sorted(fcnn.keys()),
    'counts': [len(fcnn[k]) for k in ('activations', 'linNeurons', 'weights', 'biases')],
    'shapes': [list(a.shape) for a in fcnn['activations']],
    'output': fcnn['activations'][-1][:, 0].tolist(),
    'z0': fcnn['linNeurons'][0].tolist(),
}))
`;

describe.runIf(hasNumpy)("the Python snippet (skipped when python3 cannot import numpy)", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "npy-export-"));
  });
  afterAll(() => rmSync(dir, {recursive: true, force: true}));

  function runPython(script: string, cwd: string) {
    return JSON.parse(execFileSync("python3", ["-c", script + REPORT], {cwd, encoding: "utf8", maxBuffer: 64 << 20}).split("\n").filter(Boolean).at(-1)!);
  }

  function expectFcnn(out: ReturnType<typeof runPython>, s: Snapshot, net: Network) {
    const L = net.layers.length;
    expect(out.keys).toEqual(["activations", "biases", "linNeurons", "weights"]);
    expect(out.counts).toEqual([L + 1, L, L, L]);
    expect(out.shapes).toEqual([[s.data.x.length, 2], ...net.layers.map((l) => [s.data.x.length, l.biases.length])]);
    let worst = 0;
    s.data.x.forEach((x, i) => {
      const v = forward(net, x);
      worst = Math.max(worst, Math.abs(out.output[i] - v.a[L - 1][0]));
      v.z[0].forEach((z, j) => (worst = Math.max(worst, Math.abs(out.z0[i][j] - z))));
    });
    expect(worst).toBeLessThanOrEqual(PYTHON_TOLERANCE);
  }

  it.each(IDS)("rebuilds fcnn for %s from the unpacked zip, its output equal to forward()", (id) => {
    const s = snapshots[id];
    const source = finalSource(s);
    const zipPath = join(dir, `${id}.zip`);
    writeFileSync(zipPath, weightsZip(source));
    const target = join(dir, `unzipped-${id}`);
    execFileSync("python3", ["-c", "import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])", zipPath, target]);
    const script = readFileSync(join(target, id, "fcnn.py"), "utf8");
    expectFcnn(runPython(script, join(target, id)), s, source.network);
  });

  it("rebuilds fcnn of a checkpoint from the single files, with PREFIX set as the snippet says", () => {
    // The fixtures store no checkpoint before the last epoch: stand in one with other parameters (halved).
    const s = snapshots["large-relu"];
    const epoch = 5;
    const halved = snapshotNetwork(s, s.layers.map((l) => ({weights: l.weights.map((r) => r.map((w) => w / 2)), biases: l.biases.map((b) => b / 2)})));
    const source: ExportSource = {snapshot: s, network: halved, epoch};
    const folder = join(dir, "single");
    mkdirSync(folder);
    const prefix = singleFilePrefix(source);
    for (const f of npyFiles(source)) writeFileSync(join(folder, prefix + f.name), f.data);
    const script = exportSnippet(source);
    expect(script).toContain(`"${prefix}"`);
    expectFcnn(runPython(script.replace('PREFIX = ""', `PREFIX = "${prefix}"`), folder), s, source.network);
  });
});
