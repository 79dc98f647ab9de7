import {describe, expect, it, vi} from "vitest";
import {afterPaint} from "../../src/components/after-paint.js";

/** A window whose frames and timers the test runs by hand, recording what was asked of it in order. */
function stubView() {
  const log: string[] = [];
  const frames: (() => void)[] = [];
  const timers: (() => void)[] = [];
  const view = {
    requestAnimationFrame: (f: () => void) => (log.push("frame asked"), frames.push(f)),
    setTimeout: (f: () => void) => (log.push("timer set"), timers.push(f)),
    clearTimeout: () => {}
  } as unknown as Window;
  return {
    view,
    log,
    /** Runs the frame callbacks asked for so far (the frame's style, layout and paint follow them). */
    frame: () => frames.splice(0).forEach((f) => f()),
    timers: () => timers.splice(0).forEach((f) => f())
  };
}

describe("afterPaint", () => {
  it("runs the task in a task of its own after the next frame's callbacks, not in the frame", () => {
    const {view, log, frame, timers} = stubView();
    const task = vi.fn(() => log.push("task"));
    afterPaint(view, task);
    expect(log).toEqual(["frame asked"]);
    timers();
    expect(task).not.toHaveBeenCalled();
    frame();
    // Inside the frame only a timer is set: the task waits for the frame to be rendered.
    expect(log).toEqual(["frame asked", "timer set"]);
    expect(task).not.toHaveBeenCalled();
    timers();
    expect(log).toEqual(["frame asked", "timer set", "task"]);
  });

  it("does not run a task cancelled before it, and runs after a timeout of 0 where there are no frames", async () => {
    const {view, frame, timers} = stubView();
    const cancelled = vi.fn();
    afterPaint(view, cancelled)();
    frame();
    timers();
    expect(cancelled).not.toHaveBeenCalled();

    const noFrames = {setTimeout: (f: () => void) => (f(), 0)} as unknown as Window;
    const task = vi.fn();
    afterPaint(noFrames, task);
    expect(task).toHaveBeenCalledTimes(1);
    const later = vi.fn();
    afterPaint(null, later);
    expect(later).not.toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(later).toHaveBeenCalledTimes(1);
  });
});
