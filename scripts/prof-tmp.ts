import {launchBrowser, openPage, serveSite, figuresOf} from "./harness.js";
const site = await serveSite();
const browser = await launchBrowser();
const {page, close} = await openPage(browser, site.origin);
await page.goto(site.url("/large-relu"));
await page.waitForFunction((f) => document.querySelector("observablehq-loading") === null && f.every(([s, n]: [string, number]) => document.querySelectorAll(s).length >= n), figuresOf("/large-relu"));
await page.waitForTimeout(500);
const run = `(async () => {
  const slider = document.querySelector("form.epoch-slider input[type=range]");
  const n = Number(slider.max) + 1;
  const times = [];
  for (let k = 0; k < n; ++k) {
    const t0 = performance.now();
    slider.value = String(k); slider.dispatchEvent(new Event("input", {bubbles: true}));
    document.body.getBoundingClientRect();
    times.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 30));
  }
  return times.sort((a, b) => a - b)[Math.floor(n / 2)];
})()`;
console.log("cold median", await page.evaluate(run));
const cdp = await page.context().newCDPSession(page);
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", {interval: 100});
await cdp.send("Profiler.start");
console.log("warm median", await page.evaluate(run));
const {profile} = (await cdp.send("Profiler.stop")) as any;
const self = new Map<string, number>();
const byId = new Map<number, any>(profile.nodes.map((n: any) => [n.id, n]));
const dt = profile.timeDeltas as number[];
profile.samples.forEach((id: number, i: number) => {
  const n = byId.get(id);
  const key = `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").pop()}:${n.callFrame.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
});
console.log([...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 16).map(([k, v]) => `${v.toFixed(1)}ms ${k}`).join("\n"));
await close(); await browser.close(); await site.close();
