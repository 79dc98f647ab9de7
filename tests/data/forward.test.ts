import * as tf from "@tensorflow/tfjs";
import {beforeAll, describe, expect, it} from "vitest";
import {train, useCpuBackend} from "../../src/data/trainer.js";
import {estimateGrid, sampleDataset} from "../../src/lib/datasets.js";
import {predict} from "../../src/lib/network.js";
import {randomLcg} from "../../src/lib/random.js";
import {tinySpec} from "./helpers.js";

/**
 * lib/network.ts computes in float64, tfjs in float32 (about 7 significant digits). Outputs here
 * are of order 1 after a few float32 roundings per layer, so they agree to well within 1e-5.
 */
const FORWARD_TOLERANCE = 1e-5;

beforeAll(useCpuBackend);

describe("lib forward pass vs tfjs model.predict", () => {
  it("agrees on the trained weights of a short run, on the samples and the estimate grid", async () => {
    for (const spec of [tinySpec({epochs: 10}), tinySpec({hidden: [5, 5], epochs: 10}), tinySpec({activation: "sigmoid", epochs: 10})]) {
      const {layers} = await train(spec);
      const data = sampleDataset(spec.dataset, spec.points, randomLcg(spec.dataSeed));
      // Float32 inputs on both sides, so that only the arithmetic differs.
      const inputs = [...data.x, ...estimateGrid(data.x, 21).points].map(([a, b]) => [Math.fround(a), Math.fround(b)]);
      const model = tf.sequential();
      layers.forEach((layer, k) =>
        model.add(
          tf.layers.dense({
            units: layer.biases.length,
            activation: k === layers.length - 1 ? "linear" : spec.activation,
            ...(k === 0 ? {inputShape: [2]} : {})
          })
        )
      );
      model.setWeights(layers.flatMap((l) => [tf.tensor2d(l.weights), tf.tensor1d(l.biases)]));
      const expected = (model.predict(tf.tensor2d(inputs)) as tf.Tensor).dataSync();
      let worst = 0;
      inputs.forEach((x, i) => (worst = Math.max(worst, Math.abs(predict({layers, activation: spec.activation}, x) - expected[i]))));
      expect(worst, `${spec.activation} ${spec.hidden}`).toBeLessThan(FORWARD_TOLERANCE);
      model.dispose();
    }
  });
});
