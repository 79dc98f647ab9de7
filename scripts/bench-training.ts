// Benchmark: the project's trainer (src/data/trainer.ts) against a plain tf.Sequential + model.fit
// of the same recipe, on the three reference specs, in the same process and on the same backend.
// Same work: the same float32 data (the first floor(N / B) * B samples, the rows the recipe trains
// on), the same initial weights (setWeights), batch B, shuffle false, the same epochs and Adam.
// Prints both times, their ratio, and both final losses (last mini-batch of the last epoch) and
// final full-dataset MSEs to three significant digits. Usage: npm run bench [-- <spec id> ...]
import {readFileSync} from "node:fs";
import * as tf from "@tensorflow/tfjs";
import {sampleDataset} from "../src/lib/datasets.js";
import {randomLcg} from "../src/lib/random.js";
import {parseSpec, type NetworkSpec} from "../src/lib/spec.js";
import {initialLayers} from "../src/data/initialization.js";
import {train, useCpuBackend} from "../src/data/trainer.js";

const DEFAULT_IDS = ["small-relu", "large-relu", "small-sigmoid"];

interface Run {
  seconds: number;
  loss: number;
  mse: number;
}

async function withTrainer(spec: NetworkSpec): Promise<Run> {
  const t0 = performance.now();
  const result = await train(spec);
  const seconds = (performance.now() - t0) / 1000;
  return {seconds, loss: result.lossHistory[spec.epochs - 1], mse: result.mseHistory[spec.epochs - 1]};
}

async function withModelFit(spec: NetworkSpec): Promise<Run> {
  const rows = Math.floor(spec.points / spec.batchSize) * spec.batchSize;
  const data = sampleDataset(spec.dataset, spec.points, randomLcg(spec.dataSeed));
  const initial = initialLayers(spec);
  const t0 = performance.now();
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
  let loss = NaN;
  await model.fit(x, y, {
    batchSize: spec.batchSize,
    epochs: spec.epochs,
    shuffle: false,
    verbose: 0,
    callbacks: {onBatchEnd: async (_batch, logs) => void (loss = logs?.loss ?? NaN)}
  });
  const seconds = (performance.now() - t0) / 1000;
  const all = tf.tensor2d(Float32Array.from(data.x.flat()), [spec.points, 2]);
  const target = tf.tensor2d(Float32Array.from(data.y), [spec.points, 1]);
  const mse = tf.tidy(() => tf.losses.meanSquaredError(target, model.predict(all) as tf.Tensor).dataSync()[0]);
  tf.dispose([x, y, all, target]);
  model.dispose();
  return {seconds, loss, mse};
}

const sig3 = (v: number) => v.toPrecision(3);

async function main() {
  await useCpuBackend();
  const ids = process.argv.slice(2).length ? process.argv.slice(2) : DEFAULT_IDS;
  const specs = ids.map((id) => parseSpec(JSON.parse(readFileSync(`data/${id}.json`, "utf8")), `data/${id}.json`));
  console.log(`tfjs ${tf.version.tfjs}, backend ${tf.getBackend()}, node ${process.version}`);
  // Warm both paths up (JIT, kernel registry) on two epochs, so neither pays start-up in its timing.
  for (const spec of specs) {
    await withTrainer({...spec, epochs: 2});
    await withModelFit({...spec, epochs: 2});
  }
  let ours = 0;
  let fit = 0;
  for (const spec of specs) {
    const a = await withTrainer(spec);
    const b = await withModelFit(spec);
    ours += a.seconds;
    fit += b.seconds;
    const same = sig3(a.loss) === sig3(b.loss) ? "same" : "DIFFERENT";
    console.log(
      `${spec.id.padEnd(14)} trainer ${a.seconds.toFixed(2)} s, model.fit ${b.seconds.toFixed(2)} s, ` +
        `speed-up ${(b.seconds / a.seconds).toFixed(1)}x; final loss ${sig3(a.loss)} vs ${sig3(b.loss)} (${same} to 3 s.f.); ` +
        `final MSE ${sig3(a.mse)} vs ${sig3(b.mse)}`
    );
  }
  console.log(`total          trainer ${ours.toFixed(2)} s, model.fit ${fit.toFixed(2)} s, speed-up ${(fit / ours).toFixed(1)}x`);
}

await main();
