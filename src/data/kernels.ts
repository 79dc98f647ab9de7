// tfjs kernels called directly, for the trainer's inner loop.
//
// Why: the networks are tiny, so each tfjs op costs more in engine bookkeeping (a Tensor object, a
// scope, tracking, tidy's disposal) than in arithmetic. Calling the registered cpu kernels with
// tf.getKernel(...).kernelFunc on plain TensorInfos runs exactly the same kernel code (same float32
// results, bit for bit) and makes a training step about a third cheaper. Only the public kernel
// registry and KernelBackend interfaces are used; every TensorInfo made here is tracked and freed
// by release() (per step) or dispose() (at the end).
//
// tfjs-core alone (with the cpu backend, which trainer.ts registers), not the @tensorflow/tfjs
// umbrella: the trainer needs no layers, converter or data code, and loading the umbrella costs
// ~0.3 s more CPU (0.7 s against 0.4 s under tsx), paid by every build that trains.
import * as tf from "@tensorflow/tfjs-core";

type Info = tf.TensorInfo;

/**
 * The activations the _FusedMatMul kernel applies itself (its `activation` attribute, named as in
 * tf.layers): matMul, + bias, then g, each rounded to float32 as separate kernels would round them.
 */
const FUSED_ACTIVATIONS = ["linear", "relu", "sigmoid"] as const;
export type FusedActivation = (typeof FUSED_ACTIVATIONS)[number];

export function isFusedActivation(name: string): name is FusedActivation {
  return (FUSED_ACTIVATIONS as readonly string[]).includes(name);
}

/** A kernel's function, looked up once (the registry lookup builds a string key on every call). */
type KernelFunc = (params: {inputs: Record<string, Info>; attrs: tf.NamedAttrMap; backend: tf.KernelBackend}) => Info;

export class Kernels {
  private readonly backend: tf.KernelBackend;
  private readonly backendName: string;
  private readonly funcs = new Map<string, KernelFunc>();
  /** Made since the last release(): freed by release(). */
  private scratch: Info[] = [];
  /** Made with keep = true: freed by dispose(). */
  private kept: Info[] = [];

  constructor() {
    this.backend = tf.backend();
    this.backendName = tf.getBackend();
  }

  private run(kernelName: string, inputs: Record<string, Info>, attrs: tf.NamedAttrMap = {}): Info {
    let func = this.funcs.get(kernelName);
    if (!func) this.funcs.set(kernelName, (func = tf.getKernel(kernelName, this.backendName).kernelFunc as KernelFunc));
    const out = func({inputs, attrs, backend: this.backend});
    this.scratch.push(out);
    return out;
  }

  /**
   * A float32 tensor holding `values`, not copied: the cpu backend keeps the very array, so a
   * tensor made on a view (subarray) of a larger array sees that array's later changes. No kernel
   * writes into its inputs.
   */
  tensor(values: Float32Array, shape: number[], keep = false): Info {
    const info: Info = {dataId: this.backend.write(values, shape, "float32"), shape, dtype: "float32"};
    (keep ? this.kept : this.scratch).push(info);
    return info;
  }

  /** The values of a tensor (the backend's own array: read it before release()). */
  read(t: Info): Float32Array {
    return this.backend.readSync(t.dataId) as Float32Array;
  }

  /** g(a b + bias) in one kernel; a [m, k], b [k, n], bias [n]. */
  fusedMatMul(a: Info, b: Info, bias: Info, activation: FusedActivation): Info {
    return this.run(tf._FusedMatMul, {a, b, bias}, {transposeA: false, transposeB: false, activation, leakyreluAlpha: 0.2});
  }

  matMul(a: Info, b: Info, transposeA = false, transposeB = false): Info {
    return this.run(tf.BatchMatMul, {a, b}, {transposeA, transposeB});
  }

  /**
   * The sum over the rows (axis 0) of a [rows, cols] tensor, written into out[offset ..], computed
   * as tfjs's cpu Sum kernel computes tf.sum(x, 0), without its cost. That kernel first transposes
   * x to [cols, rows] (no arithmetic, but an index conversion and two small arrays per element),
   * then for each column j adds x[0][j], x[1][j], ..., x[rows-1][j] in this order to a JavaScript
   * number starting at 0 (float64), and stores the total into a Float32Array (one rounding). Here
   * the same additions happen in the same order in float64, and `out` (a Float32Array) rounds each
   * total once on store: the same bits.
   */
  sumRowsInto(x: Info, out: Float32Array, offset: number): void {
    const [rows, cols] = x.shape;
    const values = this.read(x);
    for (let j = 0; j < cols; ++j) {
      let s = 0;
      for (let i = 0, at = j; i < rows; ++i, at += cols) s += values[at];
      out[offset + j] = s;
    }
  }

  /** Mean over all elements (tf.mean(x)). */
  mean(x: Info): Info {
    return this.run(tf.Mean, {x}, {axis: x.shape.map((_, i) => i), keepDims: false});
  }

  sub(a: Info, b: Info): Info {
    return this.run(tf.Sub, {a, b});
  }

  mul(a: Info, b: Info): Info {
    return this.run(tf.Multiply, {a, b});
  }

  square(x: Info): Info {
    return this.run(tf.Square, {x});
  }

  /** A registered one-input kernel by name, e.g. "Tanh" (tf.Tanh). */
  unary(kernelName: string, x: Info): Info {
    return this.run(kernelName, {x});
  }

  /** 1 where x > 0, else 0 (tf.step with alpha 0). */
  step(x: Info): Info {
    return this.run(tf.Step, {x}, {alpha: 0});
  }

  /** Frees everything made since the last release, except tensors made with keep. */
  release(): void {
    for (const t of this.scratch) this.backend.disposeData(t.dataId);
    this.scratch = [];
  }

  /** Frees everything. */
  dispose(): void {
    this.release();
    for (const t of this.kept) this.backend.disposeData(t.dataId);
    this.kept = [];
  }
}
