import * as tf from "@tensorflow/tfjs";
import {beforeAll, describe, expect, it} from "vitest";
import {isCheckpointEpoch, train, trainSnapshot, TrainingDivergedError, useCpuBackend} from "../../src/data/trainer.js";
import {fingerprintSpec} from "../../src/data/fingerprint.js";
import {sampleDataset} from "../../src/lib/datasets.js";
import {randomLcg} from "../../src/lib/random.js";
import {parseSnapshot, serializeSnapshot} from "../../src/lib/snapshot.js";
import {trainWithModelFit} from "../../scripts/model-fit-reference.js";
import {tinySpec} from "./helpers.js";

beforeAll(useCpuBackend);

describe("train", () => {
  // The hand-written backward pass and adam.ts perform the very float32 operations of tfjs's
  // gradient tape and AdamOptimizer, so the comparison with model.fit is exact, not approximate.
  it("reproduces model.fit bit for bit (losses and weights), for each activation and depth", async () => {
    const variants = [
      tinySpec(),
      tinySpec({hidden: [3, 2], initSeed: 4}),
      tinySpec({activation: "sigmoid", learningRate: 0.05}),
      tinySpec({activation: "tanh", dataset: "polynom"}),
      tinySpec({activation: "linear", dataset: "sumSquares", batchSize: 40})
    ];
    for (const spec of variants) {
      const ours = await train(spec);
      const reference = await trainWithModelFit(spec);
      expect(ours.lossHistory, JSON.stringify(spec.hidden) + spec.activation).toEqual(reference.lossHistory);
      expect(ours.layers, JSON.stringify(spec.hidden) + spec.activation).toEqual(reference.layers);
    }
  });

  it("records per-epoch histories and checkpoints at 0, every checkpointEvery and the last epoch", async () => {
    const spec = tinySpec({epochs: 5, checkpointEvery: 2});
    const result = await train(spec);
    expect(result.lossHistory).toHaveLength(5);
    expect(result.mseHistory).toHaveLength(5);
    expect(result.checkpoints.map((c) => c.epoch)).toEqual([0, 2, 4, 5]);
    expect([0, 1, 2, 5].map((e) => isCheckpointEpoch(spec, e))).toEqual([true, false, true, true]);
    expect(result.checkpoints[3].layers).toEqual(result.layers);
    // Epoch 0 is the initialisation: biases zero.
    for (const layer of result.checkpoints[0].layers) expect(layer.biases.every((b) => b === 0)).toBe(true);
    expect(result.runtime).toEqual({tfjsVersion: expect.stringMatching(/^\d+\.\d+\.\d+$/), backend: "cpu"});
  });

  it("gives a valid snapshot, byte-identical when trained twice", async () => {
    const spec = tinySpec();
    const first = serializeSnapshot(await trainSnapshot(spec, fingerprintSpec(spec)));
    const second = serializeSnapshot(await trainSnapshot(spec, fingerprintSpec(spec)));
    expect(second).toBe(first);
    const snapshot = parseSnapshot(JSON.parse(first), "tiny snapshot");
    expect(snapshot.spec).toEqual(spec);
    expect(snapshot.data).toEqual(sampleDataset(spec.dataset, spec.points, randomLcg(spec.dataSeed)));
  });

  it("frees every tensor it makes, also when it fails", async () => {
    const before = tf.backend().numDataIds();
    await train(tinySpec({hidden: [4, 4], activation: "tanh"}));
    await train(tinySpec({learningRate: 1e30})).catch(() => {});
    expect(tf.backend().numDataIds()).toBe(before);
  });

  it("throws, naming the spec and the epoch, when the loss stops being finite", async () => {
    // Adam's first step moves every weight by about the learning rate: 1e30 sends the outputs
    // past the float32 range at once.
    const spec = tinySpec({id: "exploding", learningRate: 1e30});
    const error = await train(spec).then(
      () => null,
      (e: unknown) => e
    );
    expect(error).toBeInstanceOf(TrainingDivergedError);
    expect((error as TrainingDivergedError).specId).toBe("exploding");
    expect((error as Error).message).toMatch(/^exploding: training diverged at epoch 1: /);
  });
});
