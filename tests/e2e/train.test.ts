// "Train your own" (src/train.md) in Chromium: the page trains the small ReLU reference spec in its
// worker and gets the build's snapshot bit for bit (final weights, every checkpoint, both histories),
// with or without a pause; cancel; divergence; a refused control value; a refused snapshot upload;
// the URL round trip; and no tfjs request on the article pages (nor on this page before Train).
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import type {Browser, Page} from "playwright-core";
import {AXE_PATH, DIST, openPage, problems, waitForFigures, type SiteServer} from "../../scripts/harness.js";
import type {SnapshotFile} from "../../src/lib/snapshot.js";
import {useSite} from "./use-site.js";

let site: SiteServer;
let browser: Browser;
useSite((s, b) => {
  site = s;
  browser = b;
});

const ROOT = ".train-your-own";
const RUN_TIMEOUT = 90_000;

/** The build's snapshot file of the small ReLU network (dist/_file/data/small-relu.<hash>.json). */
function builtSnapshot(id = "small-relu"): SnapshotFile {
  const dir = join(DIST, "_file", "data");
  const name = readdirSync(dir).find((f) => new RegExp(`^${id}\\.[0-9a-f]+\\.json$`).test(f));
  if (!name) throw new Error(`no built snapshot ${id} in ${dir}`);
  return JSON.parse(readFileSync(join(dir, name), "utf8"));
}

async function openTrain(query = ""): Promise<Awaited<ReturnType<typeof openPage>>> {
  const opened = await openPage(browser, site.origin);
  await opened.page.goto(site.url("/train") + query);
  await opened.page.waitForSelector(`${ROOT} form.train-controls`, {timeout: 30_000});
  return opened;
}

const state = (page: Page) => page.getAttribute(ROOT, "data-state");

async function waitForState(page: Page, states: string[]): Promise<string> {
  await page.waitForFunction((s) => s.includes(document.querySelector<HTMLElement>(".train-your-own")!.dataset.state!), states, {timeout: RUN_TIMEOUT});
  return (await state(page))!;
}

/** The snapshot the page offers for download, read through its download link. */
async function downloaded(page: Page): Promise<SnapshotFile> {
  const text = await page.evaluate(async () => {
    const a = document.querySelector<HTMLAnchorElement>("a.snapshot-download")!;
    return (await fetch(a.href)).text();
  });
  return JSON.parse(text);
}

function expectSameRun(got: SnapshotFile, built: SnapshotFile): void {
  // Exact equality: JSON keeps every float64 bit of these numbers.
  expect(got.lossHistory).toEqual(built.lossHistory);
  expect(got.mseHistory).toEqual(built.mseHistory);
  expect(got.layers).toEqual(built.layers);
  expect(got.checkpoints.map((c) => c.epoch)).toEqual(built.checkpoints.map((c) => c.epoch));
  got.checkpoints.forEach((c, i) => expect(c.layers, `checkpoint at epoch ${c.epoch}`).toEqual(built.checkpoints[i].layers));
}

describe("Train your own", () => {
  it("trains the small ReLU reference spec to the build's snapshot, bit for bit, and opens it in the explorer", async () => {
    const {page, log, close} = await openTrain();
    try {
      expect(log.requests.filter((r) => r.url.includes("tfjs"))).toEqual([]);
      await page.click("button.train-button");
      expect(await waitForState(page, ["done", "diverged", "failed"])).toBe("done");
      expect(log.requests.some((r) => r.url.includes("tfjs-backend-cpu"))).toBe(true);
      const built = builtSnapshot();
      const got = await downloaded(page);
      expect(got.spec.hidden).toEqual(built.spec.hidden);
      expectSameRun(got, built);
      expect(got.fingerprint).toMatch(/^browser:/);
      // The explorer shows the trained network, with an epoch slider over this run's checkpoints.
      await page.waitForSelector(".trained-network-view .flow-diagram svg.flow-svg .neuron");
      const max = await page.getAttribute(".trained-network-view .epoch-slider input[type=range]", "max");
      expect(Number(max)).toBe(built.checkpoints.length - 1);
      expect(await page.textContent(".train-status")).toMatch(/^Trained 250 epochs in /);
      // The explorer's caption names the network inside its sentence.
      expect(await page.locator(".trained-network-view").textContent()).toContain("through the network trained in your browser");
      expect(await page.locator(".trained-network-view").textContent()).not.toMatch(/the your network/i);
      // The live chart and panels fold away once the explorer shows the network (its own loss chart
      // and panels would repeat them), and open again on a click.
      expect(await page.evaluate(() => document.querySelector<HTMLDetailsElement>("details.train-live")!.open)).toBe(false);
      expect(await page.locator("details.train-live .live-loss-chart").count()).toBe(1);
      expect(problems(log)).toEqual([]);
    } finally {
      await close();
    }
  });

  it("pauses (the network so far opens in the explorer), resumes to the same bits, and cancels", async () => {
    const {page, log, close} = await openTrain();
    try {
      await page.click("button.train-button");
      // Press Pause from inside the page as soon as 5 epochs are done (a run takes about a second).
      await page.waitForFunction(() => {
        const root = document.querySelector<HTMLElement>(".train-your-own")!;
        if (Number(root.dataset.epoch) < 5) return false;
        document.querySelector<HTMLButtonElement>("button.train-pause")!.click();
        return true;
      }, null, {polling: 5, timeout: RUN_TIMEOUT});
      expect(await waitForState(page, ["paused", "done"])).toBe("paused");
      const paused = await downloaded(page);
      const epoch = Number(await page.getAttribute(ROOT, "data-epoch"));
      expect(epoch).toBeGreaterThanOrEqual(5);
      expect(epoch).toBeLessThan(250);
      expect(paused.spec.epochs).toBe(epoch);
      expect(paused.lossHistory).toHaveLength(epoch);
      expect(await page.textContent(".train-status")).toContain(`Paused after epoch ${epoch} of 250`);
      await page.waitForSelector(".trained-network-view .flow-diagram svg.flow-svg .neuron");
      expect(await page.isDisabled("button.train-pause")).toBe(true);
      const before = builtSnapshot();
      expect(paused.lossHistory).toEqual(before.lossHistory.slice(0, epoch));

      await page.click("button.train-resume");
      // The paused snapshot is withdrawn at once: the run goes on.
      expect(await page.getAttribute("a.snapshot-download", "href")).toBeNull();
      expect(await page.getAttribute("a.snapshot-download", "aria-disabled")).toBe("true");
      expect(await waitForState(page, ["done", "diverged", "failed"])).toBe("done");
      expectSameRun(await downloaded(page), before);

      // Cancel a longer run: the controls come back, nothing is offered for download.
      await page.fill("input[name=epochs]", "600");
      await page.click("button.train-button");
      await page.waitForFunction(() => Number(document.querySelector<HTMLElement>(".train-your-own")!.dataset.epoch) >= 5, null, {timeout: RUN_TIMEOUT});
      await page.click("button.train-cancel");
      expect(await waitForState(page, ["cancelled", "done"])).toBe("cancelled");
      expect(await page.textContent(".train-status")).toMatch(/^Cancelled after epoch \d+ of 600\./);
      expect(await page.isEnabled("button.train-button")).toBe(true);
      expect(await page.getAttribute("a.snapshot-download", "href")).toBeNull();
      expect(problems(log)).toEqual([]);
    } finally {
      await close();
    }
  });

  it("stops a diverging run (learning rate 1e30), says at which epoch, and keeps the last good network explorable", async () => {
    const {page, log, close} = await openTrain("?lr=1e30");
    try {
      expect(await page.inputValue("input[name=learningRate]")).toBe("1e+30");
      await page.click("button.train-button");
      expect(await waitForState(page, ["done", "diverged", "failed"])).toBe("diverged");
      const status = (await page.textContent(".train-status"))!;
      const match = /^Training stopped at epoch (\d+): its loss was not a finite number.*The network after epoch (\d+), the last good one/.exec(status);
      expect(match, status).not.toBeNull();
      expect(Number(match![2])).toBe(Number(match![1]) - 1);
      await page.waitForSelector(".trained-network-view .flow-diagram svg.flow-svg .neuron");
      const lastGood = Number(match![2]);
      if (lastGood === 0) {
        // Only the initialisation is left: it is explored, but a snapshot needs one epoch at least.
        expect(await page.getAttribute("a.snapshot-download", "href")).toBeNull();
        expect(await page.textContent(".train-view-note")).toContain("initialisation");
      } else {
        const kept = await downloaded(page);
        expect(kept.lossHistory).toHaveLength(lastGood);
        expect(kept.layers.flatMap((l) => [...l.weights.flat(), ...l.biases]).every(Number.isFinite)).toBe(true);
      }
      // Every number the diagram shows is finite.
      const shown = await page.locator(".trained-network-view .flow-diagram svg.flow-svg").textContent();
      expect(shown).not.toMatch(/NaN|Infinity/);
      expect(problems(log)).toEqual([]);
    } finally {
      await close();
    }
  });

  it("fails a run whose loss stays finite but whose parameters outgrow a snapshot (learning rate 1e9), saying why, with no page error", async () => {
    const {page, log, close} = await openTrain("?lr=1e9");
    try {
      await page.click("button.train-button");
      expect(await waitForState(page, ["done", "diverged", "failed"])).toBe("failed");
      expect(await page.textContent(".train-status")).toMatch(/^Training failed: by epoch \d+ a parameter had grown to −?[\d.]+e\+\d+, past the ±1,000,000 a network here may hold, so the trained network cannot be shown\. .*learning rate too large/);
      expect(await page.getAttribute("a.snapshot-download", "href")).toBeNull();
      expect(await page.isEnabled("button.train-button")).toBe(true);
      expect(problems(log)).toEqual([]);
    } finally {
      await close();
    }
  });

  it("refuses a bad control value inline with the spec validator's message, and Train waits for a good one", async () => {
    const {page, log, close} = await openTrain();
    try {
      // The stylesheet's Train your own rules apply (an unclosed rule before them once swallowed them).
      expect(await page.evaluate(() => getComputedStyle(document.querySelector(".train-fields")!).display)).toBe("grid");
      expect(await page.evaluate(() => getComputedStyle(document.querySelector(".train-buttons")!).display)).toBe("flex");
      expect(await page.evaluate(() => getComputedStyle(document.querySelector(".snapshot-drop")!).borderStyle)).toBe("dashed");
      await page.fill("input[name=learningRate]", "abc");
      expect(await page.textContent("[data-field=learningRate] .field-error")).toBe('Learning rate must be a positive finite number, got "abc"');
      expect(await page.getAttribute("input[name=learningRate]", "aria-invalid")).toBe("true");
      expect(await page.isDisabled("button.train-button")).toBe(true);
      await page.fill("input[name=learningRate]", "0.01");
      expect(await page.textContent("[data-field=learningRate] .field-error")).toBe("");
      await page.fill("input[name=hidden]", "4, 40");
      expect(await page.textContent("[data-field=hidden] .field-error")).toBe("Hidden layer 2 must be at most 16 units in the browser (the limit), got 40");
      // Within the build's 60 s limit, beyond the browser's.
      await page.fill("input[name=hidden]", "16, 16");
      await page.fill("input[name=epochs]", "1000");
      expect(await page.textContent("[data-field=epochs] .field-error")).toMatch(/more than the in-browser limit of \d+ s/);
      expect(await page.isDisabled("button.train-button")).toBe(true);
      expect(problems(log)).toEqual([]);
    } finally {
      await close();
    }
  });

  it("loads a snapshot file (input or drop), refuses a corrupted one naming the field, and keeps the network shown", async () => {
    const {page, log, close} = await openTrain();
    try {
      const built = builtSnapshot();
      await page.setInputFiles(".snapshot-file input[type=file]", {name: "small-relu.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(built))});
      await page.waitForSelector(".trained-network-view .flow-diagram svg.flow-svg .neuron");
      const note = await page.textContent(".train-view-note");
      expect(note).toBe("Loaded from small-relu.json: Small ReLU network, 250 epochs.");
      // One message (beside the network), and a status that says a file is open.
      expect(await page.textContent(".snapshot-file-message")).toBe("");
      expect(await state(page)).toBe("loaded");
      expect(await page.textContent(".train-status")).toMatch(/^A snapshot file of 250 epochs is open below/);

      const corrupted = {...built, layers: [{...built.layers[0], biases: ["x", ...built.layers[0].biases.slice(1)]}, ...built.layers.slice(1)]};
      await page.setInputFiles(".snapshot-file input[type=file]", {name: "broken.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(corrupted))});
      await page.waitForFunction(() => document.querySelector(".snapshot-file-message")!.textContent!.startsWith("Refused"));
      expect(await page.textContent(".snapshot-file-message")).toContain('broken.json: field "layers[0].biases[0]" must be a finite number');
      expect(await page.textContent(".train-view-note")).toBe(note);
      expect(await page.locator(".trained-network-view").count()).toBe(1);
      expect(await downloaded(page)).toEqual(built);

      // Dropped on the box: refused the same way, then a good file dropped is loaded.
      const drop = (name: string, text: string) =>
        page.evaluate(
          ([n, t]) => {
            const transfer = new DataTransfer();
            transfer.items.add(new File([t], n, {type: "application/json"}));
            document.querySelector(".snapshot-drop")!.dispatchEvent(new DragEvent("drop", {dataTransfer: transfer, bubbles: true, cancelable: true}));
          },
          [name, text]
        );
      await drop("dropped.json", JSON.stringify({...built, version: 3}));
      await page.waitForFunction(() => document.querySelector(".snapshot-file-message")!.textContent!.includes("dropped.json"));
      expect(await page.textContent(".snapshot-file-message")).toContain('dropped.json: field "version" must be 2, got 3');
      expect(await page.textContent(".train-view-note")).toBe(note);
      await drop("again.json", JSON.stringify(built));
      await page.waitForFunction(() => document.querySelector(".train-view-note")!.textContent!.startsWith("Loaded from again.json"));
      expect(await page.textContent(".snapshot-file-message")).toBe("");

      await page.setInputFiles(".snapshot-file input[type=file]", {name: "cut.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(built).slice(0, 500))});
      await page.waitForFunction(() => document.querySelector(".snapshot-file-message")!.textContent!.includes("cut.json"));
      expect(await page.textContent(".snapshot-file-message")).toMatch(/cut\.json is not valid JSON \(.*[^.]\)\. The network shown is unchanged\.$/);
      expect(await page.textContent(".train-view-note")).toBe("Loaded from again.json: Small ReLU network, 250 epochs.");
      expect(problems(log)).toEqual([]);
    } finally {
      await close();
    }
  });

  it("reads the spec and seeds from the URL, writes them back on Train, and ignores a malformed one with a notice", async () => {
    const query = "?dataset=polynom&hidden=5,3&activation=tanh&lr=0.01&epochs=30&batch=50&dataSeed=3&initSeed=7";
    const {page, log, close} = await openTrain(query);
    try {
      const values = async () => ({
        dataset: await page.inputValue("select[name=dataset]"),
        hidden: await page.inputValue("input[name=hidden]"),
        activation: await page.inputValue("select[name=activation]"),
        lr: await page.inputValue("input[name=learningRate]"),
        epochs: await page.inputValue("input[name=epochs]"),
        batch: await page.inputValue("input[name=batchSize]"),
        dataSeed: await page.inputValue("input[name=dataSeed]"),
        initSeed: await page.inputValue("input[name=initSeed]")
      });
      expect(await values()).toEqual({dataset: "polynom", hidden: "5, 3", activation: "tanh", lr: "0.01", epochs: "30", batch: "50", dataSeed: "3", initSeed: "7"});
      expect(await page.locator(".train-notice").count()).toBe(0);
      await page.click("button.train-button");
      expect(await waitForState(page, ["done", "diverged", "failed"])).toBe("done");
      expect(new URL(page.url()).search).toBe(query);
      const first = await downloaded(page);
      expect(first.spec).toMatchObject({dataset: "polynom", hidden: [5, 3], activation: "tanh", learningRate: 0.01, epochs: 30, batchSize: 50, dataSeed: 3, initSeed: 7});

      // The shared link, opened afresh, reproduces the run.
      const again = await openTrain(query);
      try {
        await again.page.click("button.train-button");
        expect(await waitForState(again.page, ["done", "diverged", "failed"])).toBe("done");
        expectSameRun(await downloaded(again.page), first);
      } finally {
        await again.close();
      }
      expect(problems(log)).toEqual([]);
    } finally {
      await close();
    }

    const bad = await openTrain("?lr=fast&hidden=3");
    try {
      expect(await bad.page.textContent(".train-notice")).toBe('The link\'s lr="fast" is ignored: learning rate must be a positive finite number, got "fast".');
      expect(await bad.page.inputValue("input[name=learningRate]")).toBe("0.005");
      expect(await bad.page.inputValue("input[name=hidden]")).toBe("3");
      // The address drops the ignored value and keeps the rest.
      const query = new URLSearchParams(await bad.page.evaluate(() => location.search));
      expect([query.get("lr"), query.get("hidden")]).toEqual(["0.005", "3"]);
      expect(problems(bad.log)).toEqual([]);
    } finally {
      await bad.close();
    }
  });

  it("is accessible (axe: no serious or critical violation) and fits 375 px, before and after a run", async () => {
    const opened = await openPage(browser, site.origin, {width: 375});
    const {page, log, close} = opened;
    try {
      await page.goto(site.url("/train") + "?epochs=20");
      await page.waitForSelector(`${ROOT} form.train-controls`);
      const check = async (when: string) => {
        if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({path: AXE_PATH});
        const violations = (await page.evaluate(async () => {
          const run = (window as unknown as {axe: {run(d: Document, o: object): Promise<{violations: {id: string; impact: string | null; nodes: {html: string}[]}[]}>}}).axe.run;
          return (await run(document, {resultTypes: ["violations"]})).violations.map((v) => ({id: v.id, impact: v.impact, html: v.nodes.map((n) => n.html).slice(0, 2)}));
        })).filter((v) => v.impact === "serious" || v.impact === "critical");
        expect(violations, when).toEqual([]);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${when}: horizontal overflow (px)`).toBeLessThanOrEqual(1);
      };
      await check("before Train");
      await page.focus("input[name=initSeed]");
      // Keyboard only: from the last control, Tab to Train and press Enter.
      await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      expect(await waitForState(page, ["done", "diverged", "failed"])).toBe("done");
      await page.waitForSelector(".trained-network-view .flow-diagram svg.flow-svg .neuron");
      await check("after a run");
      // A snapshot file loaded at 375 px: its note wraps, nothing scrolls sideways.
      await page.setInputFiles(".snapshot-file input[type=file]", {name: "small-relu.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(builtSnapshot()))});
      await page.waitForFunction(() => document.querySelector(".train-view-note")?.textContent?.startsWith("Loaded from"));
      await page.waitForSelector(".trained-network-view .flow-diagram svg.flow-svg .neuron");
      expect(await state(page)).toBe("loaded");
      await check("after loading a snapshot");
      expect(problems(log)).toEqual([]);
    } finally {
      await close();
    }
  });

  it.each(["/", "/small-relu", "/large-relu", "/small-sigmoid", "/regression"])("%s requests no tfjs", async (path) => {
    const {page, log, close} = await openPage(browser, site.origin);
    try {
      await page.goto(site.url(path));
      await waitForFigures(page, path);
      expect(log.requests.length).toBeGreaterThan(3);
      expect(log.requests.filter((r) => r.url.toLowerCase().includes("tfjs")).map((r) => r.url)).toEqual([]);
    } finally {
      await close();
    }
  });
});
