import * as tf from "@tensorflow/tfjs";
import {beforeAll, describe, expect, it} from "vitest";
import {createAdam} from "../../src/data/adam.js";
import {useCpuBackend} from "../../src/data/trainer.js";
import {randomLcg, randomNormal} from "../../src/lib/random.js";

/** Steps compared: enough for the bias corrections 1 - beta^t to move a lot. */
const STEPS = 30;

beforeAll(useCpuBackend);

describe("createAdam", () => {
  it("matches tf.train.adam bit for bit on the cpu backend", () => {
    for (const learningRate of [0.005, 0.001, 0.3]) {
      const size = 13;
      const normal = randomNormal(randomLcg(9), 0, 0.5);
      const initial = Float32Array.from({length: size}, normal);
      const ours = Float32Array.from(initial);
      const adam = createAdam(size, learningRate);
      const variable = tf.variable(tf.tensor1d(initial));
      const optimizer = tf.train.adam(learningRate);
      for (let t = 0; t < STEPS; ++t) {
        // Gradients of all scales and signs, including exact zeros.
        const g = Float32Array.from({length: size}, (_, i) => (i === 0 ? 0 : normal() * 10 ** ((t % 5) - 2)));
        adam.step(ours, g);
        const gradient = tf.tensor1d(g);
        optimizer.applyGradients([{name: variable.name, tensor: gradient}]);
        gradient.dispose();
        expect(Array.from(ours), `lr ${learningRate}, step ${t + 1}`).toEqual(Array.from(variable.dataSync()));
      }
      expect(adam.iterations).toBe(STEPS);
      variable.dispose();
      optimizer.dispose();
    }
  });

  it("rejects vectors of the wrong size", () => {
    expect(() => createAdam(3, 0.1).step(new Float32Array(2), [0, 0])).toThrow(RangeError);
  });
});
