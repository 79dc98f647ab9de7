// @vitest-environment jsdom
import {afterEach, describe, expect, it, vi} from "vitest";
import {followWhenVisible} from "../../src/components/follow.js";
import {createSelection, type SelectionState} from "../../src/lib/selection.js";

/** A stand-in IntersectionObserver whose reports the test makes, and a requestIdleCallback it runs by hand. */
function stubViewport() {
  const observers: ((entries: {isIntersecting: boolean}[]) => void)[] = [];
  vi.stubGlobal(
    "IntersectionObserver",
    class {
      constructor(callback: (entries: {isIntersecting: boolean}[]) => void) {
        observers.push(callback);
      }
      observe() {}
      disconnect() {}
    }
  );
  const idle: ((deadline: IdleDeadline) => void)[] = [];
  vi.stubGlobal("requestIdleCallback", (f: (deadline: IdleDeadline) => void) => idle.push(f));
  /** Runs the idle callbacks asked for so far in an idle period with `left` ms to spare. */
  const runIdle = (left = 50) => idle.splice(0).forEach((f) => f({didTimeout: false, timeRemaining: () => left}));
  return {report: (isIntersecting: boolean) => observers.forEach((o) => o([{isIntersecting}])), runIdle};
}

afterEach(() => vi.unstubAllGlobals());

describe("followWhenVisible", () => {
  const start = (): SelectionState => ({point: [0, 0], sample: 0, epoch: 10, unit: null, hover: null});

  it("applies changes at once in view; off screen it gathers them for the next long enough idle period or the view's return", () => {
    const viewport = stubViewport();
    const selection = createSelection(start());
    const view = document.createElement("div");
    document.body.append(view);
    const seen: [number, string[]][] = [];
    followWhenVisible(view, selection, (s, changed) => seen.push([s.epoch, [...changed].sort()]));

    selection.set({epoch: 5});
    expect(seen).toEqual([[5, ["epoch"]]]);

    viewport.report(false);
    selection.set({epoch: 0});
    selection.set({point: [1, 1], sample: null});
    expect(seen).toHaveLength(1);
    // Not in an idle period too short for it (between the frames of a drag), in the next long one.
    viewport.runIdle(2);
    expect(seen).toHaveLength(1);
    viewport.runIdle();
    // One call with the latest state and every field that changed meanwhile.
    expect(seen[1]).toEqual([0, ["epoch", "point", "sample"]]);

    selection.set({epoch: 15});
    expect(seen).toHaveLength(2);
    viewport.report(true);
    expect(seen[2]).toEqual([15, ["epoch"]]);
    // Nothing left for the idle moment already asked for.
    viewport.runIdle();
    expect(seen).toHaveLength(3);
    view.remove();
  });
});
