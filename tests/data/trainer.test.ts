import * as tf from "@tensorflow/tfjs";
import {beforeAll, describe, expect, it} from "vitest";
import {isCheckpointEpoch, train, trainSnapshot, TrainingDivergedError, useCpuBackend} from "../../src/data/trainer.js";
import {Kernels} from "../../src/data/kernels.js";
import {fingerprintSpec} from "../../src/data/fingerprint.js";
import {sampleDataset} from "../../src/lib/datasets.js";
import {randomLcg, randomNormal} from "../../src/lib/random.js";
import {mseAtEpoch, networkAtEpoch, parseSnapshot, serializeSnapshot} from "../../src/lib/snapshot.js";
import {meanSquaredError} from "../../src/lib/network.js";

/** The trainer's float64 MSE and the pages' agree to rounding (relative). */
const MSE_AGREEMENT = 1e-12;
import {trainWithModelFit} from "../../scripts/model-fit-reference.js";
import {tinySpec} from "./helpers.js";

beforeAll(useCpuBackend);

describe("Kernels", () => {
  it("sums the rows of a matrix as tf.sum(x, 0) does, bit for bit", () => {
    const normal = randomNormal(randomLcg(5));
    for (const [rows, cols] of [[100, 5], [37, 3], [1, 4], [250, 1]]) {
      // Values of very different magnitudes, so that the order and precision of the sum show.
      const values = Float32Array.from({length: rows * cols}, (_, i) => normal() * 10 ** ((i % 9) - 4));
      const kernels = new Kernels();
      const out = new Float32Array(cols + 2);
      kernels.sumRowsInto(kernels.tensor(values, [rows, cols]), out, 2);
      kernels.dispose();
      const expected = tf.tidy(() => tf.sum(tf.tensor2d(values, [rows, cols]), 0).dataSync());
      expect(Array.from(out.subarray(2)), `${rows} x ${cols}`).toEqual(Array.from(expected));
      expect(Array.from(out.subarray(0, 2))).toEqual([0, 0]);
    }
  });
});

describe("train", () => {
  // The hand-written backward pass and adam.ts perform the very float32 operations of tfjs's
  // gradient tape and AdamOptimizer, so the comparison with model.fit is exact, not approximate.
  it("reproduces model.fit bit for bit (losses and weights), for each activation and depth", async () => {
    const variants = [
      tinySpec(),
      tinySpec({hidden: [3, 2], initSeed: 4}),
      tinySpec({activation: "sigmoid", learningRate: 0.05}),
      tinySpec({activation: "tanh", dataset: "polynom"}),
      tinySpec({activation: "linear", dataset: "sumSquares", batchSize: 40}),
      // Batches of 100 as in the reference specs: tfjs's matMul sums them in blocks of 48, 48 and 4.
      tinySpec({hidden: [5, 5], batchSize: 100, initSeed: 3})
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

  it("records, at every checkpoint, the dataset MSE a page would compute from that checkpoint (mseAtEpoch)", async () => {
    const snap = await trainSnapshot(tinySpec({epochs: 5, checkpointEvery: 2}), "test");
    for (const {epoch} of snap.checkpoints) {
      const computed = meanSquaredError(networkAtEpoch(snap, epoch), snap.data.x, snap.data.y);
      expect(Math.abs(mseAtEpoch(snap, epoch) - computed)).toBeLessThanOrEqual(MSE_AGREEMENT * computed);
    }
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
