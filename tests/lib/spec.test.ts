import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {describeModel, parseSpec, predictedTrainingSeconds, QUOTE_LIMIT, SEED_MAX, SPEC_LIMITS, ValidationError} from "../../src/lib/spec.js";

const reference = (id: string) => JSON.parse(readFileSync(`data/${id}.json`, "utf8")) as Record<string, unknown>;

/** The field a parse failure names, or null when the value is accepted. */
function failingField(value: unknown): string | null {
  try {
    parseSpec(value, "test.json");
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toContain("test.json");
    return (error as ValidationError).field;
  }
}

describe("parseSpec", () => {
  it("accepts the three reference specs with their hyper-parameters", () => {
    const small = parseSpec(reference("small-relu"), "data/small-relu.json");
    expect(small).toMatchObject({hidden: [4], activation: "relu", learningRate: 0.005, epochs: 250, batchSize: 100, points: 2500});
    expect(parseSpec(reference("large-relu"), "x")).toMatchObject({hidden: [5, 5], activation: "relu", learningRate: 0.005});
    expect(parseSpec(reference("small-sigmoid"), "x")).toMatchObject({hidden: [4], activation: "sigmoid", learningRate: 0.001});
    // The original's format exactly; depth counts hidden layers.
    expect(describeModel(small)).toBe("lib: tf, units: 2-4-1, depth: 1, act: relu, lr: 0.005, opt: adam, epochs: 250, batchSize: 100");
    expect(describeModel(parseSpec(reference("large-relu"), "x"))).toBe("lib: tf, units: 2-5-5-1, depth: 2, act: relu, lr: 0.005, opt: adam, epochs: 250, batchSize: 100");
  });

  it("names the field of each bad value", () => {
    const base = reference("small-relu");
    const cases: [Record<string, unknown>, string][] = [
      [{dataset: "circle"}, "dataset"],
      [{activation: "softplus"}, "activation"],
      [{hidden: [0]}, "hidden[0]"],
      [{hidden: [4, 1.5]}, "hidden[1]"],
      [{hidden: [-1]}, "hidden[0]"],
      [{hidden: []}, "hidden"],
      [{learningRate: 0}, "learningRate"],
      [{learningRate: -1}, "learningRate"],
      [{learningRate: "x"}, "learningRate"],
      [{learningRate: Infinity}, "learningRate"],
      [{epochs: 0}, "epochs"],
      [{batchSize: 2501}, "batchSize"],
      [{dataSeed: -1}, "dataSeed"],
      [{optimizer: "sgd"}, "optimizer"],
      [{id: "Small ReLU"}, "id"],
      [{extra: 1}, "extra"]
    ];
    for (const [patch, field] of cases) expect(failingField({...base, ...patch}), JSON.stringify(patch)).toBe(field);
    expect(failingField([1, 2])).toBe("(root)");
  });

  /** The message of a spec's failure. */
  const message = (patch: Record<string, unknown>) => {
    try {
      parseSpec({...reference("small-relu"), ...patch}, "test.json");
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error(`accepted ${JSON.stringify(patch)}`);
  };

  it("refuses specs beyond each limit, naming the field and the limit", () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{points: SPEC_LIMITS.points + 1}, "points", /at most 20,000 \(the limit\)/],
      [{hidden: [SPEC_LIMITS.units + 1]}, "hidden[0]", /at most 32 \(the limit\)/],
      [{hidden: new Array(SPEC_LIMITS.layers + 1).fill(2)}, "hidden", /at most 4 layers \(the limit\)/],
      [{epochs: SPEC_LIMITS.epochs + 1}, "epochs", /at most 5,000 \(the limit\)/],
      [{epochs: 5000, batchSize: 10}, "epochs", /would train for about \d+ s, more than the limit of 60 s/],
      [{hidden: [32, 32, 32, 32], epochs: 5000}, "epochs", /would train for about \d+ s, more than the limit of 60 s/],
      [{hidden: [100000]}, "hidden[0]", /at most 32/],
      [{epochs: 1e9}, "epochs", /at most 5,000/],
      [{points: 1e8}, "points", /at most 20,000/],
      [{epochs: 2000, checkpointEvery: 10}, "checkpointEvery", /201 checkpoints over 2000 epochs, more than the limit of 101: use at least 20/]
    ];
    for (const [patch, field, says] of cases) {
      expect(failingField({...reference("small-relu"), ...patch}), JSON.stringify(patch)).toBe(field);
      expect(message(patch)).toMatch(says);
    }
    // The largest spec the limits allow is accepted.
    expect(() => parseSpec({...reference("small-relu"), points: 20_000, batchSize: 400, hidden: [8], epochs: 400}, "max.json")).not.toThrow();
    expect(predictedTrainingSeconds({points: 2500, batchSize: 100, hidden: [4], epochs: 250})).toBeLessThan(5);
  });

  it("quotes at most QUOTE_LIMIT characters of a bad value, reports overflow as out of range, and says what hidden expects", () => {
    const long = "x".repeat(100_000);
    const text = message({dataset: long});
    expect(text.length).toBeLessThan(200);
    expect(text).toContain(`"${"x".repeat(QUOTE_LIMIT - 1)}…`);
    expect(message({learningRate: Infinity})).toMatch(/learningRate" is out of range/);
    expect(message({epochs: Infinity})).toMatch(/epochs" is out of range/);
    expect(message({hidden: []})).toMatch(/must list the units of each hidden layer, at least one layer, e\.g\. \[4\]/);
  });

  it("takes seeds in [0, 2^32 − 1], so no two seeds alias", () => {
    for (const seed of [-1, 1.5, SEED_MAX + 1, 1e300]) expect(failingField({...reference("small-relu"), initSeed: seed}), String(seed)).toBe("initSeed");
    expect(() => parseSpec({...reference("small-relu"), initSeed: 0, dataSeed: SEED_MAX}, "x")).not.toThrow();
  });
});
