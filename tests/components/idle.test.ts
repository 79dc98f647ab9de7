import {describe, expect, it, vi} from "vitest";
import {whenIdle} from "../../src/components/idle.js";

/** A window whose idle periods the test grants by hand, and whose clock it sets. */
function stubView() {
  let now = 0;
  const asked: {callback: (deadline: IdleDeadline) => void; timeout: number | undefined}[] = [];
  const view = {
    performance: {now: () => now},
    requestIdleCallback: (callback: (deadline: IdleDeadline) => void, options?: IdleRequestOptions) => asked.push({callback, timeout: options?.timeout}),
    setTimeout: (f: () => void) => (f(), 0),
    clearTimeout: () => {}
  } as unknown as Window;
  /** Grants the callbacks asked for so far an idle period with `left` ms to spare (or their timeout). */
  const grant = (left: number, didTimeout = false) => asked.splice(0).forEach(({callback}) => callback({didTimeout, timeRemaining: () => left}));
  return {view, asked, grant, advance: (ms: number) => (now += ms)};
}

describe("whenIdle", () => {
  it("runs a task only in an idle period with its budget left, asking again after shorter ones", () => {
    const {view, asked, grant} = stubView();
    const task = vi.fn();
    whenIdle(view, task, {budgetMs: 6});
    grant(2);
    grant(5.9);
    expect(task).not.toHaveBeenCalled();
    expect(asked).toHaveLength(1);
    grant(6);
    expect(task).toHaveBeenCalledTimes(1);
    expect(asked).toHaveLength(0);
  });

  it("with a timeout, asks for what is left of it each time, and runs when it has passed", () => {
    const {view, asked, grant, advance} = stubView();
    const task = vi.fn();
    whenIdle(view, task, {budgetMs: 10, timeoutMs: 200});
    expect(asked[0].timeout).toBe(200);
    advance(150);
    grant(3);
    expect(asked[0].timeout).toBe(50);
    advance(60);
    grant(3);
    // Past the timeout the browser still asks at least 1 ms (0 would mean no timeout at all).
    expect(asked[0].timeout).toBe(1);
    grant(0, true);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it("without a timeout asks for none; a budget beyond the longest idle period waits for a whole one", () => {
    const {view, asked, grant} = stubView();
    const task = vi.fn();
    whenIdle(view, task, {budgetMs: 500});
    expect(asked[0].timeout).toBeUndefined();
    grant(49.5);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it("cancels a task not yet run", () => {
    const {view, grant} = stubView();
    const task = vi.fn();
    const cancel = whenIdle(view, task, {budgetMs: 4});
    grant(1);
    cancel();
    grant(50);
    expect(task).not.toHaveBeenCalled();
  });

  it("without requestIdleCallback runs after a timeout of 0, and without a window at once", () => {
    const task = vi.fn();
    let later: (() => void) | undefined;
    const view = {setTimeout: (f: () => void) => ((later = f), 1), clearTimeout: () => {}} as unknown as Window;
    whenIdle(view, task);
    expect(task).not.toHaveBeenCalled();
    later!();
    expect(task).toHaveBeenCalledTimes(1);
    whenIdle(null, task);
    expect(task).toHaveBeenCalledTimes(2);
  });
});
