// The step API (createTrainer) is what both the build (train, trainSnapshot) and the browser's worker
// use: stepping it by hand, with pauses between steps, must give the very bits train() gives.
import {beforeAll, describe, expect, it} from "vitest";
import {createTrainer, train, trainSnapshot, TrainingDivergedError, useCpuBackend} from "../../src/data/trainer.js";
import {parseSnapshot, serializeSnapshot} from "../../src/lib/snapshot.js";
import {tinySpec} from "./helpers.js";

beforeAll(useCpuBackend);

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("createTrainer", () => {
  it("stepped epoch by epoch, with pauses between steps, gives train()'s losses, weights and checkpoints bit for bit", async () => {
    for (const spec of [tinySpec(), tinySpec({hidden: [3, 2], activation: "tanh", initSeed: 4})]) {
      const reference = await train(spec);
      const trainer = await createTrainer(spec);
      const reports = [];
      while (!trainer.done) {
        reports.push(trainer.step());
        if (trainer.epoch % 3 === 0) await pause(5);
      }
      const result = trainer.result();
      trainer.dispose();
      expect(reports.map((r) => r.loss)).toEqual(reference.lossHistory);
      expect(reports.map((r) => r.mse)).toEqual(reference.mseHistory);
      expect(reports.map((r) => r.epoch)).toEqual(reference.lossHistory.map((_, i) => i + 1));
      expect(result.layers).toEqual(reference.layers);
      expect(result.checkpoints).toEqual(reference.checkpoints);
    }
  });

  it("interleaving two trainers changes neither run", async () => {
    const a = tinySpec();
    const b = tinySpec({activation: "sigmoid", learningRate: 0.05, initSeed: 9});
    const [ra, rb] = [await train(a), await train(b)];
    const [ta, tb] = [await createTrainer(a), await createTrainer(b)];
    while (!ta.done || !tb.done) {
      if (!ta.done) ta.step();
      if (!tb.done) tb.step();
    }
    expect(ta.layers()).toEqual(ra.layers);
    expect(tb.layers()).toEqual(rb.layers);
    ta.dispose();
    tb.dispose();
  });

  it("a finished trainer's snapshot is trainSnapshot's", async () => {
    const spec = tinySpec();
    const trainer = await createTrainer(spec);
    while (!trainer.done) trainer.step();
    expect(serializeSnapshot(trainer.snapshot("f"))).toBe(serializeSnapshot(await trainSnapshot(spec, "f")));
    trainer.dispose();
  });

  it("a paused run's snapshot holds the epochs done and passes the snapshot contract", async () => {
    const spec = tinySpec({epochs: 12, checkpointEvery: 5});
    const trainer = await createTrainer(spec);
    for (let e = 0; e < 7; ++e) trainer.step();
    const snap = trainer.snapshot("partial");
    trainer.dispose();
    expect(snap.spec.epochs).toBe(7);
    expect(snap.lossHistory).toHaveLength(7);
    expect(snap.checkpoints.map((c) => c.epoch)).toEqual([0, 5, 7]);
    expect(snap.checkpoints[2].layers).toEqual(snap.layers);
    const parsed = parseSnapshot(JSON.parse(serializeSnapshot(snap)));
    expect(parsed.layers).toEqual(snap.layers);
  });

  it("a diverging epoch throws, keeps the last good epoch's parameters and refuses further steps", async () => {
    const spec = tinySpec({learningRate: 1e30});
    const trainer = await createTrainer(spec);
    const initial = trainer.layers();
    let error: unknown = null;
    try {
      while (!trainer.done) trainer.step();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TrainingDivergedError);
    const diverged = error as TrainingDivergedError;
    expect(diverged.epoch).toBe(trainer.epoch + 1);
    // The epoch that diverged is not recorded; the parameters are those after the last good epoch.
    expect(trainer.lossHistory).toHaveLength(trainer.epoch);
    if (trainer.epoch === 0) expect(trainer.layers()).toEqual(initial);
    expect(trainer.layers().flatMap((l) => [...l.weights.flat(), ...l.biases]).every(Number.isFinite)).toBe(true);
    expect(() => trainer.step()).toThrow(/diverged/);
    trainer.dispose();
  });
});
