import {describe, expect, it} from "vitest";
import {nextKey} from "../../src/lib/contour-protocol.js";

describe("contour worker order", () => {
  it("takes the checkpoint nearest the epoch in view, the later one on a tie, and none when none is left", () => {
    const keys = [0, 5, 10, 15, 20];
    expect(nextKey(keys, 10)).toBe(10);
    expect(nextKey(keys, 12)).toBe(10);
    expect(nextKey(keys, 7.5)).toBe(10);
    expect(nextKey([0, 20], 10)).toBe(20);
    expect(nextKey(keys, 250)).toBe(20);
    expect(nextKey([], 3)).toBeUndefined();
    // Going outwards from the focus: the order in which a job of every checkpoint is done.
    const order: number[] = [];
    const left = [...keys];
    for (let k = nextKey(left, 10); k !== undefined; k = nextKey(left, 10)) {
      order.push(k);
      left.splice(left.indexOf(k), 1);
    }
    expect(order).toEqual([10, 15, 5, 20, 0]);
  });
});
