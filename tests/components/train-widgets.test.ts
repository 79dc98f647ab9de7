// @vitest-environment jsdom
// The pieces of "Train your own" that need no worker: the controls' inline checks, the snapshot file
// box (download text, refusal naming the field), the live loss chart, and the run status wording.
import {describe, expect, it, onTestFinished} from "vitest";
import {readFileSync} from "node:fs";
import {trainControls} from "../../src/components/train-controls.js";
import {snapshotFile, snapshotOfText} from "../../src/components/snapshot-file.js";
import {liveLossChart} from "../../src/components/live-loss-chart.js";
import {liveEstimate} from "../../src/components/live-estimate.js";
import {parseSpec, type NetworkSpec} from "../../src/lib/spec.js";
import {choicesOf, type TrainChoices} from "../../src/lib/train-spec.js";
import {oversizedRunSentence, rateBase, runStatus, timeLeft, unopenableRunSentence} from "../../src/lib/train-prose.js";
import {firstOversizedParameter, PARAMETER_LIMIT} from "../../src/lib/snapshot.js";
import {serializeSnapshot} from "../../src/lib/snapshot.js";
import {loadFixture} from "./golden.js";

const reference = parseSpec(JSON.parse(readFileSync("data/small-relu.json", "utf8")), "small-relu.json");

describe("train controls", () => {
  const make = () => {
    const trained: [NetworkSpec, TrainChoices][] = [];
    const form = trainControls(choicesOf(reference), {reference, onTrain: (s, c) => trained.push([s, c]), document});
    const input = (name: string) => form.querySelector<HTMLInputElement>(`[name=${name}]`)!;
    const error = (name: string) => form.querySelector<HTMLElement>(`[data-field=${name}] .field-error`)!.textContent;
    const type = (name: string, value: string) => {
      input(name).value = value;
      input(name).dispatchEvent(new Event("input", {bubbles: true}));
    };
    const submit = () => form.dispatchEvent(new Event("submit", {cancelable: true}));
    return {form, input, error, type, submit, trained};
  };

  it("starts from the reference spec and trains it", () => {
    const {form, submit, trained} = make();
    expect(form.spec?.hidden).toEqual([4]);
    submit();
    expect(trained).toHaveLength(1);
    expect(trained[0][0]).toMatchObject({dataset: "prod", hidden: [4], activation: "relu", learningRate: 0.005, epochs: 250, batchSize: 100, dataSeed: 1, initSeed: 26});
  });

  it("refuses a bad value beside its control with the validator's message, and does not train", () => {
    const {form, input, error, type, submit, trained} = make();
    type("batchSize", "3000");
    expect(error("batchSize")).toBe("Batch size must be at most the number of points (2500), got 3000");
    expect(input("batchSize").getAttribute("aria-invalid")).toBe("true");
    expect(form.querySelector<HTMLButtonElement>("button.train-button")!.disabled).toBe(true);
    submit();
    expect(trained).toEqual([]);
    type("batchSize", "50");
    expect(error("batchSize")).toBe("");
    expect(input("batchSize").hasAttribute("aria-invalid")).toBe(false);
    type("dataSeed", "-1");
    expect(error("dataSeed")).toMatch(/^Data seed must be an integer from 0 to 4294967295/);
    type("dataSeed", "1");
    type("hidden", "4, 4, 4, 4, 4");
    expect(error("hidden")).toBe("Hidden layers must have at most 4 layers (the limit), got 5");
    // Named by the control's label, layers counted from 1, the value quoted as typed (not "NaN").
    type("hidden", "4, 4, x");
    expect(error("hidden")).toBe('Hidden layer 3 must be a positive integer, got "x"');
    type("hidden", "4");
    type("learningRate", "abc");
    expect(error("learningRate")).toBe('Learning rate must be a positive finite number, got "abc"');
    type("learningRate", "");
    expect(error("learningRate")).toBe("Learning rate must be a positive finite number, got nothing");
    expect(error("learningRate")).not.toMatch(/learningRate|NaN/);
  });
});

describe("snapshot file", async () => {
  const snap = await loadFixture("small-relu");
  const text = serializeSnapshot(snap);

  it("accepts a snapshot's text and refuses a broken one naming the field", () => {
    const ok = snapshotOfText(text, "a.json");
    expect(ok.ok && ok.snapshot.layers).toEqual(snap.layers);
    const broken = JSON.parse(text);
    broken.mseHistory[3] = null;
    const refused = snapshotOfText(JSON.stringify(broken), "b.json");
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.message).toMatch(/^b\.json: field "mseHistory\[3\]" must be a finite number/);
    const notJson = snapshotOfText("{", "c.json");
    expect(!notJson.ok && notJson.message).toMatch(/^c\.json is not valid JSON/);
  });

  it("offers the serialised snapshot, and keeps it when a loaded file is refused", async () => {
    const loaded: string[] = [];
    const box = snapshotFile(null, {onLoad: (_, name) => loaded.push(name), document});
    expect(box.text).toBeNull();
    box.setSnapshot(snap);
    expect(box.text).toBe(text);
    await box.load(new File(["[1, 2]"], "bad.json"));
    expect(box.querySelector(".snapshot-file-message")!.textContent).toBe('Refused: bad.json: field "(root)" must be an object. The network shown is unchanged.');
    expect(loaded).toEqual([]);
    expect(box.text).toBe(text);
    await box.load(new File(["{"], "cut.json"));
    expect(box.querySelector(".snapshot-file-message")!.textContent).toMatch(/^Refused: cut\.json is not valid JSON \([^)]+\)\. The network shown is unchanged\.$/);
    await box.load(new File([text], "good.json"));
    expect(loaded).toEqual(["good.json"]);
  });
});

describe("live loss chart", () => {
  it("draws both histories and counts its redraws", () => {
    const chart = liveLossChart({epochs: 10}, {width: 400, document});
    chart.update([0.1, 0.05, 0.02], [0.09, 0.04, 0.01]);
    const lines = [...chart.querySelectorAll("polyline")].map((l) => l.getAttribute("points")!.split(" ").length);
    expect(lines).toEqual([3, 3]);
    expect(chart.dataset.updates).toBe("2");
    expect(chart.querySelector("svg")!.getAttribute("aria-label")).toContain("after epoch 3, last mini-batch loss 0.0200, MSE over the dataset 0.0100");
  });
});

describe("live loss chart's axis", () => {
  it("writes decades as the site's loss chart does, labels the axis, and fits large losses' labels", async () => {
    const {tickLabelMargin: leftMargin} = await import("../../src/components/loss-history.js");
    const chart = liveLossChart({epochs: 10}, {width: 400, document});
    chart.update([2500, 300, 12], [1800, 90, 0.5]);
    const texts = [...chart.querySelectorAll("svg text")];
    const ticks = texts.filter((t) => t.getAttribute("text-anchor") === "end" && /^[\d.]+$/.test(t.textContent!));
    expect(ticks.map((t) => t.textContent)).toEqual(["0.1", "1", "10", "100", "1000", "10000"]);
    expect(texts.map((t) => t.textContent)).toContain("↑ loss (log scale)");
    expect(texts.map((t) => t.textContent)).toContain("epoch →");
    expect(chart.querySelector("svg g")!.getAttribute("font-family")).toBe("system-ui, sans-serif");
    // Each label, right-aligned at its x at ~6.2 px a figure (10 px font), starts inside the chart.
    for (const t of ticks) expect(Number(t.getAttribute("x")) - t.textContent!.length * 6.2, t.textContent!).toBeGreaterThanOrEqual(0);
    expect(leftMargin(["10000"])).toBeGreaterThan(leftMargin(["1"]));
    // The lines start right of the widest label.
    const firstX = Number(chart.querySelector("polyline")!.getAttribute("points")!.split(",")[0]);
    expect(firstX).toBeGreaterThan(leftMargin(["10000"]));
  });
});

describe("run status", () => {
  it("estimates the time left from the measured rate", () => {
    expect(timeLeft(0, 100, 0)).toBe("estimating the time left");
    expect(timeLeft(50, 100, 10)).toBe("about 10 s left");
    expect(timeLeft(10, 100, 20)).toBe("about 3 min left");
    expect(timeLeft(99, 100, 1)).toBe("less than a second left");
  });

  it("measures the rate over the later half of the time spent, past a run's slower start", () => {
    // 20 epochs in the first 4 s (warming up), then 10 epochs a second.
    const log = [
      {epoch: 10, seconds: 2},
      {epoch: 20, seconds: 4},
      {epoch: 40, seconds: 6},
      {epoch: 60, seconds: 8}
    ];
    expect(rateBase(log, 8)).toEqual({epoch: 20, seconds: 4});
    expect(rateBase(log, 3)).toEqual({epoch: 0, seconds: 0});
    // 190 epochs left at 10 a second: 19 s (since the start, 60 in 8 s, it would say 25 s).
    expect(timeLeft(60, 250, 8, rateBase(log, 8))).toBe("about 19 s left");
    expect(timeLeft(60, 250, 8)).toBe("about 25 s left");
    expect(runStatus("running", 60, 250, 8, undefined, rateBase(log, 8))).toBe("Training: epoch 60 of 250, about 19 s left.");
    // A base with nothing done since falls back to the rate since the start.
    expect(timeLeft(60, 250, 8, {epoch: 60, seconds: 8})).toBe("about 25 s left");
  });

  it("says why a run whose result is no valid snapshot failed", () => {
    expect(oversizedRunSentence(5, -3.21e9, 1e6)).toBe(
      "Training failed: by epoch 5 a parameter had grown to −3.21e+9, past the ±1,000,000 a network here may hold, so the trained network cannot be shown. Parameters that large come from a learning rate too large for this network: try a smaller one."
    );
    expect(unopenableRunSentence('snapshot: field "lossHistory" must be an array')).toBe('Training failed: the trained network cannot be opened (snapshot: field "lossHistory" must be an array).');
  });

  it("finds the first stored epoch with a parameter past the snapshot bound", () => {
    const layer = (w: number, b = 0) => ({weights: [[w]], biases: [b]});
    const run = (checkpoints: {epoch: number; layers: ReturnType<typeof layer>[]}[], final: ReturnType<typeof layer>) => ({spec: {epochs: 10}, checkpoints, layers: [final]});
    expect(firstOversizedParameter(run([{epoch: 0, layers: [layer(0.1)]}, {epoch: 5, layers: [layer(2)]}], layer(3)))).toBeNull();
    expect(firstOversizedParameter(run([{epoch: 0, layers: [layer(0.1)]}, {epoch: 5, layers: [layer(1, -2e6)]}], layer(3e7)))).toEqual({epoch: 5, value: -2e6});
    expect(firstOversizedParameter(run([{epoch: 0, layers: [layer(0.1)]}], layer(PARAMETER_LIMIT * 1.5)))).toEqual({epoch: 10, value: PARAMETER_LIMIT * 1.5});
    // The bound itself is allowed, as the snapshot schema allows it.
    expect(firstOversizedParameter(run([], layer(PARAMETER_LIMIT)))).toBeNull();
  });

  it("says at which epoch a run diverged and which network is kept", () => {
    expect(runStatus("diverged", 0, 250, 0.1, 1)).toMatch(/^Training stopped at epoch 1: .* The network after epoch 0, the last good one/);
    expect(runStatus("paused", 40, 250, 1)).toBe("Paused after epoch 40 of 250. The network as it is now is open below; resume to go on.");
  });

  it("says a loaded snapshot is open, not that nothing was trained", () => {
    expect(runStatus("loaded", 250, 250, 0)).toBe("A snapshot file of 250 epochs is open below (not trained in this page). Press Train to train a network here.");
  });
});

describe("trained network view", async () => {
  const {trainedNetworkView} = await import("../../src/components/trained-network-view.js");
  const {inSentence} = await import("../../src/lib/prose.js");
  const {BROWSER_SPEC_TITLE} = await import("../../src/lib/train-spec.js");
  const zonesOf = async (id: "small-relu" | "small-sigmoid") => {
    const view = trainedNetworkView(await loadFixture(id), {width: 640, document});
    // The zones are drawn in a task of their own.
    await new Promise((resolve) => setTimeout(resolve, 0));
    return view.querySelector(".trained-zones")!;
  };

  it("says once that a smooth activation has no zones (no count chart)", async () => {
    const zones = await zonesOf("small-sigmoid");
    expect(zones.querySelectorAll(".zone-note")).toHaveLength(1);
    expect(zones.children).toHaveLength(1);
  });

  it("writes the output unit's sum for another point into the same block, as a fresh view draws it", async () => {
    const snapshot = await loadFixture("small-relu");
    const view = trainedNetworkView(snapshot, {width: 640, document});
    document.body.append(view);
    const nums = [...view.querySelectorAll(".trained-arithmetic .na-num")];
    const explorer = view.querySelector<HTMLElement & {selectPoint(p: [number, number]): void}>(".explorer")!;
    explorer.selectPoint([1.25, -0.5]);
    expect([...view.querySelectorAll(".trained-arithmetic .na-num")]).toEqual(nums);
    const fresh = trainedNetworkView(snapshot, {width: 640, document});
    document.body.append(fresh);
    fresh.querySelector<HTMLElement & {selectPoint(p: [number, number]): void}>(".explorer")!.selectPoint([1.25, -0.5]);
    expect(view.querySelector(".trained-arithmetic")!.innerHTML).toBe(fresh.querySelector(".trained-arithmetic")!.innerHTML);
    expect(view.querySelector(".trained-sample")!.textContent).toBe(fresh.querySelector(".trained-sample")!.textContent);
    expect(view.querySelector(".trained-sample")!.textContent).toContain("1.25");
    view.remove();
    fresh.remove();
  });

  it("reads well inside a sentence: the browser spec's title", () => {
    expect(`Sample 12 through the ${inSentence(BROWSER_SPEC_TITLE)}`).toBe("Sample 12 through the network trained in your browser");
  });
});

describe("live estimate", () => {
  /** A one-unit linear-output network y = scale·relu(x1) (weights [[scale]] after a unit passing x1). */
  const network = (scale: number) => ({
    activation: "relu" as const,
    layers: [
      {weights: [[1], [0]], biases: [0]},
      {weights: [[scale]], biases: [0]}
    ]
  });
  const samples = [
    [-2, -2],
    [2, 2]
  ] as [number, number][];
  const range = (canvas: Element) => [Number(canvas.getAttribute("data-lo")), Number(canvas.getAttribute("data-hi"))];

  it("paints the estimate and the truth on one range, the truth's widened by the estimate's, and says it", () => {
    // A 2D context per canvas that keeps the image last put (the shared stub's keeps none).
    const images = new Map<HTMLCanvasElement, Uint8ClampedArray>();
    const getContext = HTMLCanvasElement.prototype.getContext;
    Object.defineProperty(HTMLCanvasElement.prototype, "getContext", {
      value(this: HTMLCanvasElement) {
        return {
          createImageData: (w: number, h: number) => ({data: new Uint8ClampedArray(4 * w * h)}),
          putImageData: (image: {data: Uint8ClampedArray}) => images.set(this, image.data.slice())
        };
      },
      configurable: true,
      writable: true
    });
    onTestFinished(() => {
      Object.defineProperty(HTMLCanvasElement.prototype, "getContext", {value: getContext, configurable: true, writable: true});
    });
    /** The number of distinct colours a canvas was last painted with. */
    const colours = (canvas: HTMLCanvasElement) => {
      const data = images.get(canvas)!;
      return new Set(Array.from({length: data.length / 4}, (_, i) => `${data[4 * i]},${data[4 * i + 1]},${data[4 * i + 2]}`)).size;
    };
    const live = liveEstimate(null, {dataset: "prod", samples, document});
    const [estimate, truth] = live.querySelectorAll("canvas");
    const truthAlone = range(truth);
    expect(colours(truth)).toBeGreaterThan(20);
    // An estimate far outside the truth's range (as a learning rate far too large gives): on the
    // shared range, the truth is one flat colour or two.
    live.update(network(1e6), 5);
    expect(range(estimate)).toEqual(range(truth));
    expect(range(truth)[1]).toBeGreaterThan(truthAlone[1]);
    expect(colours(truth)).toBeLessThanOrEqual(2);
    expect(live.querySelector(".live-estimate-scale")?.textContent).toMatch(/^Colours: estimate and truth on one scale, from blue at .* to red at .*e\+6; the error from blue \(estimate below the truth\) to red \(above\), ±.*\.$/);
    // Back within the truth's range, both go back to it, and the truth to its own colours.
    live.update(network(0), 10);
    expect(range(estimate)).toEqual(truthAlone);
    expect(range(truth)).toEqual(truthAlone);
    expect(colours(truth)).toBeGreaterThan(20);
  });
});
