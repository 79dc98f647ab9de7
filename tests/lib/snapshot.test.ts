import {describe, expect, it} from "vitest";
import {finalLoss, finalMse, parseSnapshot, serializeSnapshot, SNAPSHOT_VERSION, type SnapshotFile} from "../../src/lib/snapshot.js";
import {specDataset, ValidationError, type NetworkSpec} from "../../src/lib/spec.js";

const spec: NetworkSpec = {
  id: "tiny",
  title: "Tiny",
  dataset: "prod",
  points: 3,
  hidden: [2],
  activation: "relu",
  optimizer: "adam",
  learningRate: 0.01,
  epochs: 2,
  batchSize: 1,
  dataSeed: 1,
  initSeed: 1,
  checkpointEvery: 1,
  seedNote: "test",
  palette: "viridis",
  presets: []
};

const layers = () => [
  {weights: [[0.1, -0.2], [0.3, 0.4]], biases: [0, 0.5]},
  {weights: [[1], [-1]], biases: [0.25]}
];

/** A small snapshot file that satisfies the contract. */
function valid(): SnapshotFile {
  return {
    version: SNAPSHOT_VERSION,
    fingerprint: "abc",
    spec,
    layers: layers(),
    lossHistory: [0.5, 0.25],
    mseHistory: [0.4, 0.2],
    checkpoints: [0, 1, 2].map((epoch) => ({epoch, layers: layers()})),
    runtime: {tfjsVersion: "4.22.0", backend: "cpu"}
  };
}

/** Corrupts a copy of a valid snapshot and returns the field the parser names. */
function failingField(corrupt: (s: Record<string, any>) => void): string {
  const s = JSON.parse(JSON.stringify(valid()));
  corrupt(s);
  try {
    parseSnapshot(s, "broken.json");
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toContain("broken.json");
    return (error as ValidationError).field;
  }
  throw new Error("the corrupted snapshot was accepted");
}

describe("parseSnapshot", () => {
  it("accepts a valid snapshot and its JSON round trip", () => {
    const s = parseSnapshot(JSON.parse(serializeSnapshot(valid())));
    expect(s).toEqual({...valid(), data: specDataset(spec)});
    // The dataset is regenerated, never stored: a file that carries one is refused, and writing drops it.
    expect(JSON.parse(serializeSnapshot(s))).not.toHaveProperty("data");
    expect(finalLoss(s)).toBe(0.25);
    expect(finalMse(s)).toBe(0.2);
  });

  it("rejects corrupted snapshots, naming the field", () => {
    expect(failingField((s) => (s.version = 99))).toBe("version");
    expect(failingField((s) => delete s.layers)).toBe("layers");
    expect(failingField((s) => (s.layers[0].weights[1][0] = "0.3"))).toBe("layers[0].weights[1][0]");
    expect(failingField((s) => s.lossHistory.pop())).toBe("lossHistory");
    expect(failingField((s) => (s.mseHistory[1] = null))).toBe("mseHistory[1]");
    expect(failingField((s) => s.layers[1].biases.push(0))).toBe("layers[1].biases");
    expect(failingField((s) => (s.checkpoints[2].epoch = 3))).toBe("checkpoints[2].epoch");
    expect(failingField((s) => (s.spec.learningRate = -1))).toBe("spec.learningRate");
    expect(failingField((s) => (s.data = {x: [], y: []}))).toBe("data");
    expect(failingField((s) => delete s.runtime.backend)).toBe("runtime.backend");
    expect(failingField((s) => (s.layers[0].weights[0][1] = 1e308))).toBe("layers[0].weights[0][1]");
    expect(failingField((s) => (s.checkpoints[1].layers[1].biases[0] = -2e6))).toBe("checkpoints[1].layers[1].biases[0]");
  });
});
