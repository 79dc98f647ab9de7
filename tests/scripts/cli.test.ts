import {describe, expect, it} from "vitest";
import {flag, median, option, positionals, quantile, table} from "../../scripts/cli.js";

describe("command-line options", () => {
  const args = ["small-relu", "--runs", "7", "--init", "1..20", "--dev", "page.md"];

  it("reads an option's value, typed as its fallback, or the fallback when it is absent", () => {
    expect(option(args, "runs", 5)).toBe(7);
    expect(option(args, "init", "1..1")).toBe("1..20");
    expect(option(args, "steps", 200)).toBe(200);
    expect(option(args, "data", "1..1")).toBe("1..1");
  });

  it("refuses a number option that is not a number, and an option without a value", () => {
    expect(() => option(["--runs", "many"], "runs", 5)).toThrow(/--runs must be a number, got "many"/);
    expect(() => option(["--runs"], "runs", 5)).toThrow(/--runs needs a value/);
    expect(() => option(["--runs", "--dev"], "runs", 5)).toThrow(/--runs needs a value/);
  });

  it("tells flags, and the positional arguments around the options", () => {
    expect(flag(args, "dev")).toBe(true);
    expect(flag(args, "retrain")).toBe(false);
    expect(positionals(args, ["runs", "init"])).toEqual(["small-relu", "page.md"]);
  });
});

describe("order statistics", () => {
  it("take the nearest rank, always one of the values", () => {
    const values = [5, 1, 4, 2, 3];
    expect(quantile(values, 0)).toBe(1);
    expect(quantile(values, 1)).toBe(5);
    expect(median(values)).toBe(3);
    expect(quantile(values, 0.25)).toBe(2);
    // Of an even count, the upper of the two middle values (as the seed scans quote their medians).
    expect(median([4, 1, 3, 2])).toBe(3);
    expect(values).toEqual([5, 1, 4, 2, 3]);
    expect(median([])).toBeNaN();
  });
});

describe("table", () => {
  it("pads each column to its widest cell, labels to the left and figures to the right, under a rule", () => {
    const text = table(["input", "page", "ms"], [["epoch", "as built", "9.63"], ["point move", "reference", "11.69"]], 2);
    expect(text.split("\n")).toEqual([
      "input       page          ms",
      "----------  ---------  -----",
      "epoch       as built    9.63",
      "point move  reference  11.69"
    ]);
  });
});
