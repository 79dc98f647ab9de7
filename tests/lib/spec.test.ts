import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {describeModel, parseSpec, ValidationError} from "../../src/lib/spec.js";

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
    expect(describeModel(small)).toBe("tfjs, units 2-4-1, depth 2, relu, lr 0.005, adam, 250 epochs, batch 100");
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
});
