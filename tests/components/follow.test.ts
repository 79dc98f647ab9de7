// @vitest-environment jsdom
import {afterEach, describe, expect, it, vi} from "vitest";
import {followWhenVisible, whileAway} from "../../src/components/follow.js";
import {stubViewport} from "./viewport-stub.js";
import {createSelection, type SelectionState} from "../../src/lib/selection.js";

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

describe("whileAway", () => {
  it("redraws at once near the viewport; away, once for all requests, in a long enough idle period, on return or when flushed", () => {
    const viewport = stubViewport();
    const view = document.createElement("div");
    document.body.append(view);
    let redraws = 0;
    const due: boolean[] = [];
    const work = whileAway(view, () => ++redraws, (d) => due.push(d));

    work.request();
    expect([redraws, work.due, due]).toEqual([1, false, []]);

    viewport.report(false);
    work.request();
    work.request();
    expect([redraws, work.due, due]).toEqual([1, true, [true]]);
    viewport.runIdle(2);
    expect(redraws).toBe(1);
    viewport.runIdle();
    expect([redraws, work.due, due]).toEqual([2, false, [true, false]]);

    // Back near the viewport, a redraw still due runs at once.
    work.request();
    viewport.report(true);
    expect([redraws, work.due]).toEqual([3, false]);
    viewport.runIdle();
    expect(redraws).toBe(3);

    // flush() runs a due redraw now (for a reader of the view's DOM), and nothing when none is due.
    viewport.report(false);
    work.request();
    work.flush();
    work.flush();
    expect([redraws, work.due]).toEqual([4, false]);
    viewport.runIdle();
    expect(redraws).toBe(4);

    // Disconnected, a due redraw is dropped.
    work.request();
    work.disconnect();
    viewport.runIdle();
    expect([redraws, work.due]).toEqual([4, false]);
    view.remove();
  });
});
