import {describe, expect, it} from "vitest";
import {parseDecimal} from "../../src/lib/decimal.js";

describe("parseDecimal", () => {
  it("reads decimal notation, with a true minus sign too", () => {
    for (const [text, value] of [["1", 1], ["-0.5", -0.5], ["−1.25", -1.25], [".5", 0.5], ["2.", 2], ["1e-3", 0.001], ["  +3 ", 3]] as const)
      expect(parseDecimal(text), text).toEqual({ok: true, value});
  });
  it("refuses other notations and says why", () => {
    for (const text of ["0x1", "0b1", "Infinity", "NaN", "1_000", "1,5", "--1", "abc"]) expect(parseDecimal(text), text).toEqual({ok: false, problem: "not decimal"});
    expect(parseDecimal("")).toEqual({ok: false, problem: "empty"});
    expect(parseDecimal("1e999")).toEqual({ok: false, problem: "out of range"});
  });
});
