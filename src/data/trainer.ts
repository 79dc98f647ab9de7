// Trains one reference network with TensorFlow.js (pure-JS "cpu" backend, Node only), reproducing
// the original recipe exactly, and returns its snapshot.
//
// The recipe, that of the original article's toyNN class:
//   data      x ~ Uniform([-2, 2]^2), y = f(x), N = spec.points, from randomLcg(spec.dataSeed);
//   init      W ~ Normal(0, 2 / (dIn + dOut)), b = 0 (see initialization.ts for the draw order);
//   loss      L = (1/B) sum_i (yhat_i - y_i)^2 on a linear output (mean squared error);
//   optimiser Adam(lr, beta1 = 0.9, beta2 = 0.999, eps = 1e-7), the tfjs / Keras defaults;
//   batches   floor(N / B) mini-batches of B = spec.batchSize in dataset order, no shuffling.
//
// Why not model.fit or optimizer.minimize: on these tiny networks the time goes to tfjs's per-op
// costs (engine bookkeeping, and cpu kernels that cost ~15 ns an element whatever the arithmetic),
// not to the arithmetic itself. model.fit adds a gradient tape, callbacks and logs, and tfjs's Adam
// runs ~15 ops per parameter tensor. Here the mini-batches are made once; the forward and backward
// passes are the minimal tfjs kernels written out by hand (a dense MLP with MSE has short closed-
// form gradients) and called directly, without the engine's per-op bookkeeping (kernels.ts); Adam
// is applied in plain float32 arithmetic on one flat parameter vector (adam.ts), bit for bit what
// tfjs's AdamOptimizer computes on the cpu backend. Reading the gradients every step costs nothing
// on that backend (the kernel's output array is handed back; there is no device to wait for). The
// full-dataset MSE of each epoch is computed in float64 by full-mse.ts, as the pages compute it.
// scripts/bench-training.ts compares speed and final loss against model.fit.
//
// Backward pass, for layers k = 0 .. K-1 with z_k = a_{k-1} W_k + b_k, a_k = g_k(z_k), a_{-1} = x,
// g_{K-1} = identity (linear output), on a batch of B rows, L = (1/B) sum_i (yhat_i - y_i)^2:
//   delta_{K-1} = dL/dz_{K-1} = (2 / B) (yhat - y)                          [B, 1]
//   dL/dW_k     = a_{k-1}^T delta_k                                         [dIn, dOut]
//   dL/db_k     = sum over the batch (rows) of delta_k                      [dOut]
//   delta_{k-1} = (delta_k W_k^T) * g'(z_{k-1})   (element-wise), with g' written through a = g(z)
//                 as the activation's descriptor states it (lib/activations.ts, `slope`):
//                 relu step(a);  sigmoid a (1 - a);  tanh 1 - a^2;  linear 1 (no kernel).
// The forward pass applies g with the kernel the descriptor names (tfjs.kernel), or inside the
// fused matMul kernel when that kernel has it (tfjs.layer; kernels.ts isFusedActivation).
// These are the very kernels, in the same order and float32 precision (a product's operand order
// does not matter: float multiplication is commutative), that tfjs's gradient tape
// records for a Dense layer (fused matMul + bias) with MSE, so with adam.ts the run is bit for bit
// the one model.fit makes from the same data and initial weights (tests/data/trainer.test.ts).
// One exception, for speed: dL/db_k is summed by kernels.ts sumRowsInto, the same float64 sum in
// the same order as tfjs's Sum kernel, without the transpose that kernel does first (that
// transpose was about a quarter of the training time).
//
// Cost: the three reference networks train in about 3 s of CPU together on an idle machine; a
// cold build pays that plus ~0.4 s to load tfjs, a warm build neither (npm run bench).
import * as tf from "@tensorflow/tfjs-core";
// Registers the pure-JS cpu backend and its kernels (a side effect of loading the package).
import "@tensorflow/tfjs-backend-cpu";
import {sampleDataset, type Dataset} from "../lib/datasets.js";
import {randomLcg} from "../lib/random.js";
import {ACTIVATIONS, activationOfLayer, type ActivationName, type SlopeExpr} from "../lib/activations.js";
import type {Layer} from "../lib/network.js";
import type {NetworkSpec} from "../lib/spec.js";
import {SNAPSHOT_VERSION, type Checkpoint, type Snapshot} from "../lib/snapshot.js";
import {createAdam} from "./adam.js";
import {fullMseEvaluator} from "./full-mse.js";
import {initialLayers} from "./initialization.js";
import {specLayerSizes} from "../lib/spec.js";
import {isFusedActivation, Kernels} from "./kernels.js";
import {packLayers, unpackLayers} from "./parameters.js";

export const BACKEND = "cpu";

/** The loss or the MSE stopped being a finite number: no snapshot must be written. */
export class TrainingDivergedError extends Error {
  constructor(
    readonly specId: string,
    readonly epoch: number,
    detail: string
  ) {
    super(`${specId}: training diverged at epoch ${epoch}: ${detail}`);
    this.name = "TrainingDivergedError";
  }
}

export interface EpochReport {
  epoch: number;
  loss: number;
  mse: number;
}

export interface TrainingResult {
  /** The sampled dataset the network was trained on (float64, as sampled). */
  data: Dataset;
  layers: Layer[];
  lossHistory: number[];
  mseHistory: number[];
  checkpoints: Checkpoint[];
  runtime: {tfjsVersion: string; backend: string};
}

/** Selects the pure-JS backend once (tfjs-node is not installed; webgl does not exist in Node). */
export async function useCpuBackend(): Promise<void> {
  if (tf.getBackend() !== BACKEND) {
    const ok = await tf.setBackend(BACKEND);
    if (!ok) throw new Error(`tfjs: cannot select the ${BACKEND} backend`);
  }
  await tf.ready();
}

/** Whether epoch e (1-based; 0 = initialisation) stores a parameter checkpoint. */
export function isCheckpointEpoch(spec: Pick<NetworkSpec, "epochs" | "checkpointEvery">, epoch: number): boolean {
  return epoch === 0 || epoch === spec.epochs || epoch % spec.checkpointEvery === 0;
}


/** Forward pass: a_k for every layer k (the last one is yhat), from x [rows, 2]. */
function forwardPass(kernels: Kernels, x: tf.TensorInfo, weights: tf.TensorInfo[], biases: tf.TensorInfo[], g: ActivationName): tf.TensorInfo[] {
  const activations: tf.TensorInfo[] = [];
  let a = x;
  weights.forEach((w, k) => {
    const {layer, kernel} = ACTIVATIONS[activationOfLayer(g, k, weights.length)].tfjs;
    // relu and sigmoid fuse into the matMul kernel (matMul, then + b, then g, each rounded to
    // float32 as separate ops would be); the others (tanh) follow it as their own kernel.
    const fused = isFusedActivation(layer);
    a = kernels.fusedMatMul(a, w, biases[k], fused ? layer : "linear");
    if (!fused && kernel !== null) a = kernels.unary(kernel, a);
    activations.push(a);
  });
  return activations;
}

/** g'(z) from a = g(z) with kernels: the slope expression evaluated as written; `constant(c)` is a scalar c. */
function slopeOf(kernels: Kernels, e: SlopeExpr, a: tf.TensorInfo, constant: (c: number) => tf.TensorInfo): tf.TensorInfo {
  if (typeof e === "number") return constant(e);
  if (e === "a") return a;
  switch (e[0]) {
    case "step":
      return kernels.step(slopeOf(kernels, e[1], a, constant));
    case "square":
      return kernels.square(slopeOf(kernels, e[1], a, constant));
    case "mul":
      return kernels.mul(slopeOf(kernels, e[1], a, constant), slopeOf(kernels, e[2], a, constant));
    case "sub":
      return kernels.sub(slopeOf(kernels, e[1], a, constant), slopeOf(kernels, e[2], a, constant));
  }
}

/** dL/dz = dL/da * g'(z), with g' written through a = g(z); the identity (g' = 1) costs no kernel. */
function activationBackward(kernels: Kernels, da: tf.TensorInfo, a: tf.TensorInfo, g: ActivationName, constant: (c: number) => tf.TensorInfo): tf.TensorInfo {
  const {slope} = ACTIVATIONS[g];
  return slope === 1 ? da : kernels.mul(da, slopeOf(kernels, slope, a, constant));
}

/**
 * A training run one epoch at a time: the step API the build's loaders and the browser's worker
 * share. step() trains one epoch and returns its report; between steps the run can wait for as long
 * as a caller likes (a paused page) without changing a bit of the result, since all state (the
 * parameters, Adam's moments, the step count) lives here and nothing depends on time.
 * Not thread-safe and DOM-free: it uses tfjs-core's cpu kernels and plain arrays only.
 */
export interface Trainer {
  readonly spec: NetworkSpec;
  /** The sampled dataset (float64, as sampled); the network trains on its float32 roundings. */
  readonly data: Dataset;
  /** Epochs completed (0 before the first step). */
  readonly epoch: number;
  /** One entry per completed epoch. */
  readonly lossHistory: readonly number[];
  readonly mseHistory: readonly number[];
  /** Parameter checkpoints taken so far (epoch 0, every spec.checkpointEvery, the last epoch). */
  readonly checkpoints: readonly Checkpoint[];
  /** Whether every epoch of the spec has been trained. */
  readonly done: boolean;
  /**
   * Trains one epoch. Throws TrainingDivergedError when its loss or MSE is not finite; the trainer
   * then keeps the parameters of the last good epoch (so layers() and snapshot() stay explorable)
   * and refuses further steps.
   */
  step(): EpochReport;
  /** The current parameters, layer by layer. */
  layers(): Layer[];
  /** The run so far as a TrainingResult (what train() returns once every epoch is done). */
  result(): TrainingResult;
  /**
   * The run so far as a snapshot. Before the last epoch (a paused or diverged run) its spec says the
   * epochs actually completed and the current parameters are stored as the last checkpoint, so the
   * snapshot satisfies the contract (parseSnapshot) like a finished one.
   */
  snapshot(fingerprint: string): Snapshot;
  /** Frees the tfjs tensors; the trainer cannot step afterwards. */
  dispose(): void;
}

/** Makes the trainer of a spec: samples the data, initialises the parameters (epoch 0). */
export async function createTrainer(spec: NetworkSpec): Promise<Trainer> {
  await useCpuBackend();
  const sizes = specLayerSizes(spec);
  const depth = sizes.length - 1;
  const n = spec.points;
  const batch = spec.batchSize;
  const batches = Math.floor(n / batch);
  const data = sampleDataset(spec.dataset, n, randomLcg(spec.dataSeed));
  // The flat parameter vector p = [W_0 (row-major), b_0, W_1, b_1, ...] and where each piece starts.
  const params = packLayers(initialLayers(spec));
  const offsets: {w: number; b: number}[] = [];
  for (let k = 0, o = 0; k < depth; ++k) {
    offsets.push({w: o, b: o + sizes[k] * sizes[k + 1]});
    o += (sizes[k] + 1) * sizes[k + 1];
  }
  const gradient = new Float32Array(params.length);
  const adam = createAdam(params.length, spec.learningRate);

  // Everything constant is made once: the mini-batches (float32, in dataset order), the scalars.
  const kernels = new Kernels();
  const f32 = (values: number[]) => Float32Array.from(values);
  const xBatches = Array.from({length: batches}, (_, b) => kernels.tensor(f32(data.x.slice(b * batch, (b + 1) * batch).flat()), [batch, 2], true));
  const yBatches = Array.from({length: batches}, (_, b) => kernels.tensor(f32(data.y.slice(b * batch, (b + 1) * batch)), [batch, 1], true));
  const scalars = new Map<number, tf.TensorInfo>();
  const constant = (c: number) => {
    let t = scalars.get(c);
    if (!t) scalars.set(c, (t = kernels.tensor(f32([c]), [], true)));
    return t;
  };
  const twoOverB = kernels.tensor(f32([2 / batch]), [], true);

  // The parameters as tensors, made once on views of `params`: the backend keeps the arrays it is
  // given, so each step's kernels read the values Adam left there after the previous step.
  const weights = offsets.map(({w, b}, k) => kernels.tensor(params.subarray(w, b), [sizes[k], sizes[k + 1]], true));
  const biases = offsets.map(({b}, k) => kernels.tensor(params.subarray(b, b + sizes[k + 1]), [sizes[k + 1]], true));

  /** Forward and backward pass on one mini-batch: fills `gradient`; returns the batch loss if asked. */
  const backprop = (batchIndex: number, withLoss: boolean): number => {
    const x = xBatches[batchIndex];
    const activations = forwardPass(kernels, x, weights, biases, spec.activation);
    const error = kernels.sub(activations[depth - 1], yBatches[batchIndex]);
    let delta = kernels.mul(error, twoOverB);
    for (let k = depth - 1; k >= 0; --k) {
      const input = k === 0 ? x : activations[k - 1];
      gradient.set(kernels.read(kernels.matMul(input, delta, true, false)), offsets[k].w);
      kernels.sumRowsInto(delta, gradient, offsets[k].b);
      if (k > 0) delta = activationBackward(kernels, kernels.matMul(delta, weights[k], false, true), activations[k - 1], spec.activation, constant);
    }
    const loss = withLoss ? kernels.read(kernels.mean(kernels.square(error)))[0] : NaN;
    kernels.release();
    return loss;
  };

  // Full-dataset MSE after each epoch, in float64 on the stored data, as the pages compute it.
  const fullMse = fullMseEvaluator(sizes, spec.activation, data.x, data.y);

  const lossHistory: number[] = [];
  const mseHistory: number[] = [];
  const checkpoints: Checkpoint[] = [{epoch: 0, layers: unpackLayers(params, sizes)}];
  // The parameters after the last good epoch, restored when an epoch diverges (Adam's moments are
  // not: a diverged trainer takes no further step).
  const lastGood = Float32Array.from(params);
  let epoch = 0;
  let stopped: string | null = null;
  const runtime = () => ({tfjsVersion: tf.version_core, backend: tf.getBackend()});

  const trainer: Trainer = {
    spec,
    data,
    get epoch() {
      return epoch;
    },
    lossHistory,
    mseHistory,
    checkpoints,
    get done() {
      return epoch >= spec.epochs;
    },
    step(): EpochReport {
      if (stopped) throw new Error(`${spec.id}: the trainer cannot step: ${stopped}`);
      if (epoch >= spec.epochs) throw new Error(`${spec.id}: all ${spec.epochs} epochs are trained`);
      const next = epoch + 1;
      let loss = NaN;
      for (let b = 0; b < batches; ++b) {
        // The recorded loss is the last batch's, computed before its update, as the original does.
        const last = b === batches - 1;
        const batchLoss = backprop(b, last);
        if (last) loss = batchLoss;
        adam.step(params, gradient);
      }
      const mse = fullMse(params);
      if (!Number.isFinite(loss) || !Number.isFinite(mse)) {
        params.set(lastGood);
        stopped = `training diverged at epoch ${next}`;
        throw new TrainingDivergedError(spec.id, next, `last mini-batch loss ${loss}, full-dataset MSE ${mse} (learningRate ${spec.learningRate})`);
      }
      epoch = next;
      lastGood.set(params);
      lossHistory.push(loss);
      mseHistory.push(mse);
      if (isCheckpointEpoch(spec, epoch)) checkpoints.push({epoch, layers: unpackLayers(params, sizes)});
      return {epoch, loss, mse};
    },
    layers: () => unpackLayers(params, sizes),
    result: () => ({
      data,
      layers: unpackLayers(params, sizes),
      lossHistory: lossHistory.slice(),
      mseHistory: mseHistory.slice(),
      checkpoints: checkpoints.slice(),
      runtime: runtime()
    }),
    snapshot(fingerprint: string): Snapshot {
      const layers = unpackLayers(params, sizes);
      const stored = checkpoints.filter((c) => c.epoch <= epoch);
      if (stored[stored.length - 1].epoch !== epoch) stored.push({epoch, layers});
      return {
        version: SNAPSHOT_VERSION,
        fingerprint,
        spec: epoch === spec.epochs ? spec : {...spec, epochs: epoch},
        data: {x: data.x, y: data.y},
        layers,
        lossHistory: lossHistory.slice(),
        mseHistory: mseHistory.slice(),
        checkpoints: stored,
        runtime: runtime()
      };
    },
    dispose() {
      if (stopped !== "disposed") kernels.dispose();
      stopped = "disposed";
    }
  };
  return trainer;
}

/** Trains the network a spec describes; throws TrainingDivergedError on a non-finite loss. */
export async function train(spec: NetworkSpec, onEpoch?: (report: EpochReport) => void): Promise<TrainingResult> {
  const trainer = await createTrainer(spec);
  try {
    while (!trainer.done) {
      const report = trainer.step();
      onEpoch?.(report);
    }
    return trainer.result();
  } finally {
    trainer.dispose();
  }
}

/**
 * Trains a spec and assembles its snapshot. The data are stored as sampled (float64, re-drawn from
 * the spec's seed); the network was trained on their float32 roundings, as tfjs holds them.
 */
export async function trainSnapshot(spec: NetworkSpec, fingerprint: string, onEpoch?: (report: EpochReport) => void): Promise<Snapshot> {
  const trainer = await createTrainer(spec);
  try {
    while (!trainer.done) {
      const report = trainer.step();
      onEpoch?.(report);
    }
    return trainer.snapshot(fingerprint);
  } finally {
    trainer.dispose();
  }
}
