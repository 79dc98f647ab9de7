// Every page of the built site loads cleanly in Chromium: its figures are drawn, and it logs no
// console error or warning, throws nothing, has no failed request and asks no other origin.
import {describe, expect, it} from "vitest";
import type {Browser} from "playwright-core";
import {PAGES, SUMMARY, dataFilesOf, figuresOf, openPage, problems, servedSnapshot, servedSummary, waitForFigures, type SiteServer} from "../../scripts/harness.js";
import {useSite} from "./use-site.js";

let site: SiteServer;
let browser: Browser;
useSite((s, b) => {
  site = s;
  browser = b;
});

describe.each(PAGES)("page %s", (path) => {
  it("draws its figures with no error, warning, failed or foreign request", async () => {
    const {page, log, close} = await openPage(browser, site.origin);
    try {
      const response = await page.goto(site.url(path));
      expect(response?.status()).toBe(200);
      await waitForFigures(page, path);
      await page.waitForLoadState("networkidle");
      expect(await page.locator(".snapshot-error, .observablehq--error").count(), "error boxes on the page").toBe(0);
      expect(await page.locator("observablehq-loading").count(), "cells still loading").toBe(0);
      for (const [selector, n] of figuresOf(path)) expect(await page.locator(selector).count(), selector).toBeGreaterThanOrEqual(n);
      await expect(page.locator("h1").first().textContent()).resolves.toBeTruthy();
      // Readers can pinch-zoom, and the icon is inline (no /favicon.ico request).
      expect(await page.locator("meta[name=viewport]").getAttribute("content")).not.toMatch(/maximum-scale|user-scalable/);
      expect(await page.locator("link[rel=icon]").getAttribute("href")).toMatch(/^data:image\/svg\+xml;base64,/);
      // Every inline expression of the prose was evaluated: none is left as source text.
      expect(await page.locator("main").innerText()).not.toMatch(/\$\{|undefined|NaN/);
      // The data files the page fetched are the ones it should read, and they are valid.
      for (const id of dataFilesOf(path)) {
        if (id === SUMMARY) expect((await servedSummary(page)).summaries.length).toBeGreaterThan(0);
        else expect((await servedSnapshot(page, id)).snapshot.spec.id).toBe(id);
      }
      const fetched = log.requests.filter((r) => /\/_file\/data\//.test(r.url)).map((r) => new URL(r.url).pathname.split("/").pop()!.split(".")[0]);
      expect(fetched.sort(), "data files fetched").toEqual([...dataFilesOf(path)].sort());
      expect(problems(log)).toEqual([]);
      expect(log.requests.length).toBeGreaterThan(0);
      expect(log.requests.every((r) => r.url.startsWith(site.origin + "/"))).toBe(true);
    } finally {
      await close();
    }
  });
});
