import {describe, expect, it} from "vitest";
import {readFileSync} from "node:fs";
import {parseSpec, predictedTrainingSeconds, SPEC_LIMITS} from "../../src/lib/spec.js";
import {browserSpec, choicesOf, hiddenOfText, numberOfText, BROWSER_LIMITS, browserFingerprint, fieldMessage} from "../../src/lib/train-spec.js";
import {choicesFromQuery, choicesToQuery} from "../../src/lib/train-url.js";
import {ValidationError} from "../../src/lib/spec.js";

const reference = parseSpec(JSON.parse(readFileSync("data/small-relu.json", "utf8")), "small-relu.json");
const defaults = choicesOf(reference);

describe("train-url", () => {
  it("round-trips every choice, numbers bit for bit", () => {
    const choices = {...defaults, dataset: "polynom" as const, hidden: [5, 3, 2], activation: "tanh" as const, learningRate: 0.1 + 0.2, epochs: 40, batchSize: 50, dataSeed: 4294967295, initSeed: 0};
    const query = choicesToQuery(choices);
    expect(query).toContain("hidden=5,3,2");
    const back = choicesFromQuery(`?${query}`, defaults, reference);
    expect(back.notices).toEqual([]);
    expect(back.fromUrl).toBe(true);
    expect(back.choices).toEqual(choices);
    expect(Object.is(back.choices.learningRate, 0.1 + 0.2)).toBe(true);
  });

  it("an empty query gives the defaults and says the URL named nothing", () => {
    expect(choicesFromQuery("", defaults, reference)).toEqual({choices: defaults, notices: [], fromUrl: false});
  });

  it("ignores a malformed parameter with a notice naming it and the validator's reason, keeping the others", () => {
    const {choices, notices} = choicesFromQuery("?lr=fast&epochs=30&hidden=4,x&activation=softmax&dataset=cubes", defaults, reference);
    expect(choices).toEqual({...defaults, epochs: 30});
    expect(notices).toHaveLength(4);
    expect(notices[0]).toMatch(/dataset="cubes" is ignored: dataset must be one of prod, sumSquares, polynom/);
    expect(notices[1]).toMatch(/hidden="4,x" is ignored: hidden layer 2 must be a positive integer, got "x"\.$/);
    expect(notices[2]).toMatch(/activation="softmax" is ignored: activation must be one of/);
    expect(notices[3]).toBe('The link\'s lr="fast" is ignored: learning rate must be a positive finite number, got "fast".');
  });

  it("refuses layers wider than the browser limit, naming the limit", () => {
    const {choices, notices} = choicesFromQuery("?hidden=4,40", defaults, reference);
    expect(choices.hidden).toEqual(defaults.hidden);
    expect(notices[0]).toContain(`must be at most ${BROWSER_LIMITS.units} units in the browser (the limit), got 40`);
  });

  it("judges each of the link's values with the link's other values, not the defaults'", () => {
    // Four layers of 16 with the default 250 epochs is too long a run; with the link's 20 epochs it is fine.
    expect(() => browserSpec({...defaults, hidden: [16, 16, 16, 16]}, reference)).toThrow(/in-browser limit/);
    const choices = {...defaults, hidden: [16, 16, 16, 16], epochs: 20};
    const back = choicesFromQuery(`?${choicesToQuery(choices)}`, defaults, reference);
    expect(back.notices).toEqual([]);
    expect(back.choices).toEqual(choices);
    expect(choicesFromQuery("?hidden=16,16,16,16&epochs=20", defaults, reference)).toEqual({choices, notices: [], fromUrl: true});
  });

  it("when the link's values together break a limit, drops the one the validator names and keeps the rest", () => {
    // 16, 16 for 1000 epochs predicts too long a run; the limit is named on the epochs, so they go and
    // the layers stay (16, 16 for the default epochs fits).
    expect(() => browserSpec({...defaults, hidden: [16, 16]}, reference)).not.toThrow();
    const {choices, notices} = choicesFromQuery("?hidden=16,16&epochs=1000", defaults, reference);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/epochs="1000" is ignored: .*in-browser limit of 30 s/);
    expect(choices).toEqual({...defaults, hidden: [16, 16]});
  });

  it("drops parameters one at a time until the rest passes", () => {
    const {choices, notices} = choicesFromQuery("?hidden=16,16,16,16&epochs=400&batch=1", defaults, reference);
    expect(notices.map((n) => n.match(/^The link's (\w+)=/)![1])).toEqual(["epochs", "batch", "hidden"]);
    expect(choices).toEqual(defaults);
  });
});

describe("train-spec", () => {
  it("builds the reference spec back from its own choices, apart from id, title and note", () => {
    const spec = browserSpec(defaults, reference);
    expect({...spec, id: reference.id, title: reference.title, seedNote: reference.seedNote, article: reference.article, blurb: reference.blurb}).toEqual(reference);
    expect(browserFingerprint(spec)).toMatch(/^browser:[0-9a-f]{8}$/);
    expect(browserFingerprint(spec)).toBe(browserFingerprint(browserSpec(defaults, reference)));
    expect(browserFingerprint(browserSpec({...defaults, initSeed: 27}, reference))).not.toBe(browserFingerprint(spec));
  });

  it("names the field with the validator's message", () => {
    const error = (() => {
      try {
        browserSpec({...defaults, batchSize: numberOfText("")}, reference);
      } catch (e) {
        return e as ValidationError;
      }
    })()!;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.field).toBe("batchSize");
    expect(fieldMessage(error)).toBe('field "batchSize" must be a positive integer, got NaN');
  });

  it("accepts in the browser only runs the build's limit accepts too (a trained run must open as a snapshot)", () => {
    // browserSpec checks the browser's time limit in place of the build's: it must be the narrower.
    expect(BROWSER_LIMITS.seconds / BROWSER_LIMITS.browserFactor).toBeLessThanOrEqual(SPEC_LIMITS.seconds);
    expect(BROWSER_LIMITS.units).toBeLessThanOrEqual(SPEC_LIMITS.units);
  });

  it("refuses a run too long for the browser with the browser's limit, even one beyond the build's", () => {
    // Batches of one for 1000 epochs: past the build's 60 s as well as the browser's 30 s.
    expect(predictedTrainingSeconds({points: reference.points, epochs: 1000, batchSize: 1, hidden: defaults.hidden})).toBeGreaterThan(SPEC_LIMITS.seconds);
    for (const choices of [{...defaults, batchSize: 1, epochs: 1000}, {...defaults, hidden: [16, 16], epochs: 1000}]) {
      expect(() => browserSpec(choices, reference)).toThrow(/with these layers, epochs and batches would train for about \d+ s, more than the in-browser limit of 30 s: use fewer epochs or units, or larger batches$/);
    }
  });

  it("reads hidden layers typed with commas or spaces", () => {
    expect(hiddenOfText(" 5, 5 ")).toEqual([5, 5]);
    expect(hiddenOfText("3 2 1")).toEqual([3, 2, 1]);
    expect(hiddenOfText("")).toEqual([]);
    expect(hiddenOfText("4,,2")).toEqual([4, NaN, 2]);
  });

  it("spaces checkpoints so that a long run stores at most the spec limit", () => {
    const spec = browserSpec({...defaults, epochs: 1000, batchSize: 2500}, reference);
    expect(spec.checkpointEvery).toBe(10);
  });
});
