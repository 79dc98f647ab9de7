// The training worker's run control: a cancel or a pause that arrives while a start awaits the
// trainer's creation is not undone when the await returns.
import {describe, expect, it} from "vitest";
import {createRunControl} from "../../src/lib/train-run-control.js";

/** The worker's "start" as far as the control goes: begin, await the trainer, then run or drop it. */
async function start(control: ReturnType<typeof createRunControl>, created: Promise<void>): Promise<"runs" | "runs paused" | "dropped"> {
  const token = control.begin();
  await created;
  if (!control.current(token)) return "dropped";
  return control.paused ? "runs paused" : "runs";
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return {promise, resolve};
}

describe("run control", () => {
  it("a start with nothing in between runs", async () => {
    const control = createRunControl();
    expect(await start(control, Promise.resolve())).toBe("runs");
  });

  it("a cancel during the trainer's creation drops the run", async () => {
    const control = createRunControl();
    const created = deferred();
    const run = start(control, created.promise);
    control.cancel();
    created.resolve();
    expect(await run).toBe("dropped");
  });

  it("a pause during the trainer's creation holds", async () => {
    const control = createRunControl();
    const created = deferred();
    const run = start(control, created.promise);
    control.pause();
    created.resolve();
    expect(await run).toBe("runs paused");
    control.resume();
    expect(control.paused).toBe(false);
  });

  it("a newer start makes the older one stale; a pause from an old run does not carry over", async () => {
    const control = createRunControl();
    const first = deferred();
    const older = start(control, first.promise);
    control.pause();
    const newer = start(control, Promise.resolve());
    first.resolve();
    expect(await older).toBe("dropped");
    expect(await newer).toBe("runs");
  });
});
