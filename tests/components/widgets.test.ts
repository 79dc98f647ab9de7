// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {samplePicker, setSample} from "../../src/components/sample-picker.js";
import {flowControls} from "../../src/components/flow-controls.js";
import {loadSnapshot} from "../../src/components/snapshot-status.js";
import {serializeSnapshot} from "../../src/lib/snapshot.js";
import {loadFixture} from "./golden.js";

describe("sample picker", async () => {
  const snap = await loadFixture("small-relu");
  const make = () => {
    const picker = samplePicker(snap.data, {value: 2, presets: [{label: "NE", point: [1, 1]}], document});
    const events: number[] = [];
    picker.addEventListener("input", () => events.push(picker.value));
    const [x1, x2] = [...picker.querySelectorAll<HTMLInputElement>("input[type=text]")];
    const error = picker.querySelector<HTMLElement>(".picker-error")!;
    const submit = () => picker.dispatchEvent(new Event("submit", {cancelable: true}));
    return {picker, events, x1, x2, error, submit};
  };

  it("starts on the given sample and moves with the slider", () => {
    const {picker, events} = make();
    expect(picker.value).toBe(2);
    setSample(picker, 7);
    expect(picker.value).toBe(7);
    expect(events).toEqual([7]);
    expect(picker.querySelector("output")!.textContent).toContain("Sample 7 of 120");
  });

  it("selects the sample nearest typed coordinates", () => {
    const {picker, x1, x2, submit} = make();
    x1.value = "1";
    x2.value = "1";
    submit();
    const [a, b] = snap.data.x[picker.value];
    const d = Math.hypot(a - 1, b - 1);
    for (const p of snap.data.x) expect(Math.hypot(p[0] - 1, p[1] - 1)).toBeGreaterThanOrEqual(d);
  });

  it("refuses non-numeric and out-of-range coordinates with a visible message and keeps the selection", () => {
    const {picker, events, x1, x2, error, submit} = make();
    x1.value = "abc";
    x2.value = "0";
    submit();
    expect(error.hidden).toBe(false);
    expect(error.textContent).toContain('x₁ must be a decimal number, got "abc"');
    expect(x1.getAttribute("aria-invalid")).toBe("true");
    x1.value = "0";
    x2.value = "9";
    submit();
    expect(error.textContent).toMatch(/x₂ must be between .* got "9"/);
    // Decimal notation only; overflow is out of range; a flood is quoted short.
    x2.value = "0x1";
    submit();
    expect(error.textContent).toContain('x₂ must be a decimal number, got "0x1"');
    x2.value = "1e999";
    submit();
    expect(error.textContent).toMatch(/x₂ is out of range: it must be between/);
    x2.value = "9".repeat(100_000);
    submit();
    expect(error.textContent!.length).toBeLessThan(200);
    expect(picker.value).toBe(2);
    expect(events).toEqual([]);
  });

  it("refuses an index out of range", () => {
    const {picker, error} = make();
    const index = picker.querySelector<HTMLInputElement>("input[type=number]")!;
    index.value = "500";
    index.dispatchEvent(new Event("change"));
    expect(error.textContent).toContain("from 0 to 119");
    expect(picker.value).toBe(2);
  });

  it("jumps to the sample nearest a preset", async () => {
    const {nearestSample} = await import("../../src/lib/sampling.js");
    const {picker} = make();
    picker.querySelector<HTMLButtonElement>(".picker-preset")!.click();
    expect(picker.value).toBe(nearestSample(snap.data.x, [1, 1]));
  });
});

describe("flow controls", () => {
  it("reports the chosen settings as its value", () => {
    const form = flowControls({palette: "cool"}, {document});
    expect(form.value).toEqual({palette: "cool", colorMode: "comp", edgeMode: "weight", showNumbers: true});
    const mode = form.querySelector<HTMLSelectElement>("select[name=colorMode]")!;
    mode.value = "dataset";
    mode.dispatchEvent(new Event("input", {bubbles: true}));
    expect(form.value.colorMode).toBe("dataset");
  });
});

describe("loadSnapshot", () => {
  it("returns the validated snapshot", async () => {
    const snap = await loadFixture("small-relu");
    const loaded = await loadSnapshot({name: "small-relu.json", json: async () => JSON.parse(serializeSnapshot(snap))}, document);
    expect(loaded.ok).toBe(true);
    if (loaded.ok) expect(loaded.value).toEqual(snap);
  });
  it("names the file and the field of a malformed snapshot", async () => {
    const snap = JSON.parse(serializeSnapshot(await loadFixture("small-relu")));
    snap.layers[0].weights[1][2] = "oops";
    const loaded = await loadSnapshot({name: "small-relu.json", json: async () => snap}, document);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) {
      expect(loaded.message).toContain('field "layers[0].weights[1][2]"');
      expect(loaded.error.getAttribute("role")).toBe("alert");
      expect(loaded.error.textContent).toContain("small-relu.json could not be loaded");
    }
  });
  it("reports a file that is not JSON", async () => {
    const loaded = await loadSnapshot({name: "x.json", json: async () => JSON.parse("{nope")}, document);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.message).toContain("x.json is not valid JSON");
  });
});

describe("epoch slider", () => {
  it("starts on the last checkpoint and reports the chosen one by index, showing its epoch", async () => {
    const {epochSlider} = await import("../../src/components/epoch-slider.js");
    const checkpoints = [0, 10, 20].map((epoch) => ({epoch, layers: []}));
    const slider = epochSlider(checkpoints, {document});
    expect(slider.value).toBe(2);
    expect(slider.querySelector("output")!.textContent).toBe("20");
    const input = slider.querySelector("input")!;
    input.value = "1";
    input.dispatchEvent(new Event("input", {bubbles: true}));
    expect(slider.value).toBe(1);
    expect(slider.querySelector("output")!.textContent).toBe("10");
    expect(input.getAttribute("aria-valuetext")).toBe("epoch 10");
  });
});

describe("network choice", () => {
  it("reports the checked option's key and follows a click", async () => {
    const {networkChoice} = await import("../../src/components/network-choice.js");
    const choice = networkChoice(
      [
        {key: "build", label: "this build's run"},
        {key: "article", label: "the article's printed weights"}
      ],
      {legend: "Network", document}
    );
    expect(choice.value).toBe("build");
    expect(choice.querySelector("legend")!.textContent).toBe("Network");
    const radios = choice.querySelectorAll<HTMLInputElement>("input[type=radio]");
    expect([...radios].map((r) => r.checked)).toEqual([true, false]);
    let seen: string | null = null;
    choice.addEventListener("input", () => (seen = choice.value));
    radios[1].checked = true;
    radios[1].dispatchEvent(new Event("input", {bubbles: true}));
    expect(seen).toBe("article");
    expect(choice.value).toBe("article");
  });
});

describe("bounded loading", () => {
  const dataUrl = (text: string) => `data:application/json,${encodeURIComponent(text)}`;
  it("reads a file by its URL and refuses one larger than the bound, naming it", async () => {
    const snap = await loadFixture("small-relu");
    const text = serializeSnapshot(snap);
    const file = {name: "small-relu.json", json: async () => JSON.parse(text), url: () => dataUrl(text)};
    const ok = await loadSnapshot(file, document);
    expect(ok.ok).toBe(true);
    const big = await loadSnapshot(file, document, 100);
    expect(big.ok).toBe(false);
    if (!big.ok) {
      expect(big.message).toMatch(/small-relu\.json is larger than .* the most a page reads/);
      expect(big.error.getAttribute("role")).toBe("alert");
    }
  });
});

describe("bounded loading by recorded size", () => {
  it("refuses a file whose recorded size is beyond the bound without reading it", async () => {
    let read = false;
    const file = {name: "huge.json", size: 10 ** 9, json: async () => ((read = true), {})};
    const loaded = await loadSnapshot(file, document);
    expect(loaded.ok).toBe(false);
    expect(read).toBe(false);
    if (!loaded.ok) expect(loaded.message).toMatch(/huge\.json is larger than 16 MB/);
  });
});
