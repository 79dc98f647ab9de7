// The reference the trainer is measured against: a plain tf.Sequential + model.fit of the same
// recipe (same float32 data, the same initial weights via setWeights, batch B, shuffle false,
// Adam with the spec's learning rate, MSE). Only the floor(N / B) * B first samples are given to
// fit, the rows the recipe trains on (with N a multiple of B, as in the reference specs, that is
// all of them). Used by scripts/bench-training.ts and tests/data/trainer.test.ts.
import * as tf from "@tensorflow/tfjs";
import {sampleDataset} from "../src/lib/datasets.js";
import type {Layer} from "../src/lib/network.js";
import {randomLcg} from "../src/lib/random.js";
import type {NetworkSpec} from "../src/lib/spec.js";
import {initialLayers} from "../src/data/initialization.js";

export interface ModelFitRun {
  /** Seconds spent building the model and in model.fit. */
  seconds: number;
  /** Per epoch, the loss of the last mini-batch, as model.fit reports it in onBatchEnd. */
  lossHistory: number[];
  /** Trained parameters. */
  layers: Layer[];
  /** Full-dataset MSE of the trained model, in float32 (tf.losses.meanSquaredError on predict). */
  mse: number;
}

export async function trainWithModelFit(spec: NetworkSpec): Promise<ModelFitRun> {
  const rows = Math.floor(spec.points / spec.batchSize) * spec.batchSize;
  const data = sampleDataset(spec.dataset, spec.points, randomLcg(spec.dataSeed));
  const initial = initialLayers(spec);
  const started = performance.now();
  const x = tf.tensor2d(Float32Array.from(data.x.slice(0, rows).flat()), [rows, 2]);
  const y = tf.tensor2d(Float32Array.from(data.y.slice(0, rows)), [rows, 1]);
  const model = tf.sequential();
  [...spec.hidden, 1].forEach((units, k) =>
    model.add(
      tf.layers.dense({
        units,
        activation: k === spec.hidden.length ? "linear" : spec.activation,
        ...(k === 0 ? {inputShape: [2]} : {})
      })
    )
  );
  model.compile({optimizer: tf.train.adam(spec.learningRate), loss: "meanSquaredError"});
  model.setWeights(initial.flatMap((l) => [tf.tensor2d(l.weights), tf.tensor1d(l.biases)]));
  const lossHistory: number[] = [];
  let batchLoss = NaN;
  await model.fit(x, y, {
    batchSize: spec.batchSize,
    epochs: spec.epochs,
    shuffle: false,
    verbose: 0,
    callbacks: {
      onBatchEnd: async (_batch, logs) => void (batchLoss = logs?.loss ?? NaN),
      onEpochEnd: async () => void lossHistory.push(batchLoss)
    }
  });
  const seconds = (performance.now() - started) / 1000;
  const weights = model.getWeights().map((w) => w.arraySync());
  const layers = initial.map((_, k) => ({weights: weights[2 * k] as number[][], biases: weights[2 * k + 1] as number[]}));
  const all = tf.tensor2d(Float32Array.from(data.x.flat()), [spec.points, 2]);
  const target = tf.tensor2d(Float32Array.from(data.y), [spec.points, 1]);
  const mse = tf.tidy(() => tf.losses.meanSquaredError(target, model.predict(all) as tf.Tensor).dataSync()[0]);
  tf.dispose([x, y, all, target]);
  model.dispose();
  return {seconds, lossHistory, layers, mse};
}
