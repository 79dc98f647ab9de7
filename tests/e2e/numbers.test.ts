// The numbers the flow diagram draws are the network's: for a few samples on each network page,
// every value shown (inputs, z and a of each neuron, biases, edge labels, aria-labels, the
// description) equals forward() computed here from the snapshot the page was served, to the
// diagram's precision (DIAGRAM_DIGITS decimals).
import {describe, expect, it} from "vitest";
import type {Browser} from "playwright-core";
import {DIAGRAM_DIGITS} from "../../src/components/flow-diagram.js";
import {snapshotNetwork} from "../../src/lib/snapshot.js";
import {NETWORK_PAGES, openPage, problems, servedSnapshot, waitForFigures, type SiteServer} from "../../scripts/harness.js";
import {useSite} from "./use-site.js";
import {readFlow, selectedSample, waitForSample} from "./site.js";
import {expectFlowMatches} from "./checks.js";

let site: SiteServer;
let browser: Browser;
useSite((s, b) => {
  site = s;
  browser = b;
});

describe.each(NETWORK_PAGES)("$path", ({path, id}) => {
  it("draws forward()'s values for the first, middle and last samples and the initial one", async () => {
    const {page, log, close} = await openPage(browser, site.origin);
    try {
      await page.goto(site.url(path));
      await waitForFigures(page, path);
      const {snapshot} = await servedSnapshot(page, id);
      const net = snapshotNetwork(snapshot);
      const n = snapshot.data.x.length;
      const initial = await selectedSample(page);
      await waitForSample(page, initial);
      const first = await readFlow(page);
      expect(first.digits).toBe(DIAGRAM_DIGITS);
      expectFlowMatches(first, net, snapshot.data.x[initial]);

      for (const i of [0, Math.floor(n / 2), n - 1].filter((i) => i !== initial)) {
        await page.fill("form.sample-picker input[type=number]", String(i));
        await page.keyboard.press("Tab");
        await waitForSample(page, i);
        expectFlowMatches(await readFlow(page), net, snapshot.data.x[i]);
      }

      // Edges by contribution w·a: the labels are the terms of each z.
      await page.selectOption("form.flow-controls select[name=edgeMode]", "contribution");
      await page.waitForFunction(() => document.querySelector<HTMLElement>(".flow-diagram")?.dataset.edgeMode === "contribution");
      const flow = await readFlow(page);
      expect(flow.edgeMode).toBe("contribution");
      expectFlowMatches(flow, net, snapshot.data.x[n - 1]);
      expect(problems(log)).toEqual([]);
    } finally {
      await close();
    }
  });
});
