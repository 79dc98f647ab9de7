import * as tf from "@tensorflow/tfjs";
import {beforeAll, describe, expect, it} from "vitest";
import {ACTIVATION_NAMES, ACTIVATIONS, activationOfLayer, evaluateSlope, isActivation, type ActivationName} from "../../src/lib/activations.js";
import {isFusedActivation} from "../../src/data/kernels.js";
import {useCpuBackend} from "../../src/data/trainer.js";
import {saturatedShare, saturationThreshold, SATURATED_SLOPE} from "../../src/lib/saturation.js";

/** Step of the central difference (g(z + h) - g(z - h)) / 2h: its error is h^2 g'''/6 plus rounding eps / h. */
const STEP = 1e-5;
/** Largest gap allowed between g' and the central difference: both error terms are below 1e-10 here. */
const DERIVATIVE_TOLERANCE = 1e-8;
/** float32 results of tfjs against float64 ones: a few float32 ulps of values below 4. */
const FLOAT32_TOLERANCE = 1e-6;

/** z values away from 0 (ReLU's kink), both signs, into the tails. */
const ZS = [-6, -3.2, -1, -0.4, -0.05, 0.05, 0.3, 1, 2.5, 6];

const entries = ACTIVATION_NAMES.map((name) => [name, ACTIVATIONS[name]] as const);

beforeAll(useCpuBackend);

describe("the activation table", () => {
  it("lists its names in table order and recognises exactly them", () => {
    expect(ACTIVATION_NAMES).toEqual(["relu", "sigmoid", "tanh", "linear"]);
    expect(ACTIVATION_NAMES).toEqual(Object.keys(ACTIVATIONS));
    for (const name of ACTIVATION_NAMES) expect(isActivation(name)).toBe(true);
    for (const other of ["softmax", "Relu", "toString", "", 3, null]) expect(isActivation(other)).toBe(false);
  });

  it("makes the output layer linear", () => {
    expect([0, 1, 2].map((k) => activationOfLayer("tanh", k, 3))).toEqual(["tanh", "tanh", "linear"]);
  });

  it("computes g as stated", () => {
    const {relu, sigmoid, tanh, linear} = ACTIVATIONS;
    expect([-2, 0, 1.5].map(relu.fn)).toEqual([0, 0, 1.5]);
    expect(sigmoid.fn(0)).toBe(0.5);
    expect(Math.abs(sigmoid.fn(-1) - 1 / (1 + Math.E))).toBeLessThan(DERIVATIVE_TOLERANCE);
    expect(tanh.fn(0)).toBe(0);
    expect(linear.fn(-0.75)).toBe(-0.75);
  });

  it.each(entries)("%s: g' agrees with a central difference of g", (_, d) => {
    for (const z of ZS) {
      const difference = (d.fn(z + STEP) - d.fn(z - STEP)) / (2 * STEP);
      expect(Math.abs(d.derivative(z) - difference), `z = ${z}`).toBeLessThan(DERIVATIVE_TOLERANCE);
    }
  });

  it("evaluates slope expressions as written", () => {
    expect(evaluateSlope(["sub", 1, ["square", "a"]], 0.5)).toBe(0.75);
    expect(evaluateSlope(["mul", "a", ["sub", 1, "a"]], 0.25)).toBe(0.1875);
    expect([-1, 0, 2].map((a) => evaluateSlope(["step", "a"], a))).toEqual([0, 0, 1]);
    expect(evaluateSlope(1, 123)).toBe(1);
  });

  it("writes a formula and a worked step that ends in the neuron's value a", () => {
    for (const [name, d] of entries) {
      expect(d.formula, name).toMatch(/^a = /);
      expect(d.worked.at(-1), name).toEqual({value: "a"});
    }
  });

  it("marks the piecewise-linear and on/off activations", () => {
    const flagged = (key: "piecewiseLinear" | "onOff") => ACTIVATION_NAMES.filter((n) => ACTIVATIONS[n][key]);
    expect(flagged("piecewiseLinear")).toEqual(["relu", "linear"]);
    expect(flagged("onOff")).toEqual(["relu"]);
  });
});

/** tf.layers' activation identifiers; tfjs checks the name when it builds the layer, which is what these tests rely on. */
type LayerActivation = Parameters<typeof tf.layers.activation>[0]["activation"];
const layerName = (name: ActivationName) => ACTIVATIONS[name].tfjs.layer as LayerActivation;

describe("the tfjs names the trainer uses", () => {
  /** g on a tensor as tf.layers applies the activation named `layer` (what model.fit uses). */
  const layerApply = (name: ActivationName, x: tf.Tensor) => tf.layers.activation({activation: layerName(name)}).apply(x) as tf.Tensor;
  const zs = () => tf.tensor1d(ZS);

  it.each(entries)("%s: the layer identifier is the tf.layers activation of the same g", (name, d) => {
    const layer = tf.layers.dense({units: 1, activation: layerName(name)});
    expect(layer.getConfig().activation).toBe(d.tfjs.layer);
    const values = layerApply(name, zs()).dataSync();
    ZS.forEach((z, i) => expect(Math.abs(values[i] - d.fn(z)), `z = ${z}`).toBeLessThan(FLOAT32_TOLERANCE));
  });

  it.each(entries)("%s: the kernel (or the fused matMul) computes the same g as the layer", (name, d) => {
    const expected = layerApply(name, zs()).dataSync();
    if (d.tfjs.kernel === null) expect(d.derivative(0.3)).toBe(1);
    else {
      const kernel = tf.getKernel(d.tfjs.kernel, tf.getBackend());
      expect(kernel, d.tfjs.kernel).toBeDefined();
      const z = zs();
      const out = kernel!.kernelFunc({inputs: {x: z}, attrs: {}, backend: tf.backend()}) as tf.TensorInfo;
      expect(tf.backend().readSync(out.dataId)).toEqual(expected);
      tf.backend().disposeData(out.dataId);
    }
    if (isFusedActivation(d.tfjs.layer)) {
      // z as x @ I + 0 through the fused kernel, with its activation attribute.
      const fused = tf.fused.matMul({a: zs().reshape([ZS.length, 1]), b: tf.ones([1, 1]), bias: tf.zeros([1]), activation: d.tfjs.layer});
      expect(fused.dataSync()).toEqual(expected);
    }
  });

  it.each(entries)("%s: the slope expression on a = g(z) equals tfjs's gradient of g (float32)", (name, d) => {
    const gradient = tf.grad((x: tf.Tensor) => layerApply(name, x))(zs()).dataSync();
    const a = layerApply(name, zs()).dataSync();
    ZS.forEach((z, i) => {
      expect(Math.abs(evaluateSlope(d.slope, a[i]) - gradient[i]), `z = ${z}`).toBeLessThan(FLOAT32_TOLERANCE);
      expect(Math.abs(d.derivative(z) - gradient[i]), `z = ${z}`).toBeLessThan(FLOAT32_TOLERANCE);
    });
  });
});

describe("saturation rules", () => {
  it.each(["sigmoid", "tanh"] as const)("%s: g'(threshold(m)) = m, and g' < m beyond it", (name) => {
    const {derivative} = ACTIVATIONS[name];
    for (const m of [SATURATED_SLOPE, 0.1]) {
      const z = saturationThreshold(m, name);
      expect(Math.abs(derivative(z) - m)).toBeLessThan(DERIVATIVE_TOLERANCE);
      expect(derivative(-z - 0.01)).toBeLessThan(m);
      expect(derivative(z - 0.01)).toBeGreaterThan(m);
    }
    expect(saturationThreshold()).toBe(saturationThreshold(SATURATED_SLOPE, "sigmoid"));
  });

  it("counts tanh units too, and refuses activations without a rule", () => {
    const layers = [{weights: [[10], [0]], biases: [0]}, {weights: [[1]], biases: [0]}];
    // z = 10·x1 and the tanh threshold at slope 0.02 is about 2.64: |x1| > 0.264 saturates.
    const inputs = [-1, -0.5, -0.2, 0, 0.2, 0.5, 1].map((x1) => [x1, 0]);
    expect(saturationThreshold(SATURATED_SLOPE, "tanh")).toBeCloseTo(Math.atanh(Math.sqrt(0.98)), 12);
    expect(saturatedShare({activation: "tanh", layers}, inputs)).toEqual([4 / 7]);
    expect(() => saturatedShare({activation: "relu", layers}, inputs)).toThrow(/relu units have no saturation rule/);
    expect(() => saturationThreshold(SATURATED_SLOPE, "linear")).toThrow(RangeError);
  });
});
