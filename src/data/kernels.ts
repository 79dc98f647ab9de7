// tfjs kernels called directly, for the trainer's inner loop.
//
// Why: the networks are tiny, so each tfjs op costs more in engine bookkeeping (a Tensor object, a
// scope, tracking, tidy's disposal) than in arithmetic. Calling the registered cpu kernels with
// tf.getKernel(...).kernelFunc on plain TensorInfos runs exactly the same kernel code (same float32
// results, bit for bit) and makes a training step about a third cheaper. Only the public kernel
// registry and KernelBackend interfaces are used; every TensorInfo made here is tracked and freed
// by release() (per step) or dispose() (at the end).
import * as tf from "@tensorflow/tfjs";

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

export class Kernels {
  private readonly backend: tf.KernelBackend;
  private readonly backendName: string;
  /** Made since the last release(): freed by release(). */
  private scratch: Info[] = [];
  /** Made with keep = true: freed by dispose(). */
  private kept: Info[] = [];

  constructor() {
    this.backend = tf.backend();
    this.backendName = tf.getBackend();
  }

  private run(kernelName: string, inputs: Record<string, Info>, attrs: Record<string, unknown> = {}): Info {
    const kernel = tf.getKernel(kernelName, this.backendName);
    const out = kernel.kernelFunc({inputs, attrs: attrs as tf.NamedAttrMap, backend: this.backend}) as Info;
    this.scratch.push(out);
    return out;
  }

  /** A float32 tensor holding `values` (not copied: the caller must not change them afterwards). */
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

  /** Sum over one axis (accumulated in float64, rounded once, as tf.sum). */
  sum(x: Info, axis: number): Info {
    return this.run(tf.Sum, {x}, {axis, keepDims: false});
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
