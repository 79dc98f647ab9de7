// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import * as Plot from "@observablehq/plot";
import {hoistPlotStyles} from "../../src/components/plot-styles.js";

describe("hoistPlotStyles", () => {
  it("moves a chart's style elements into the head, each distinct text once, so charts come and go without any", () => {
    const before = document.head.querySelectorAll("style[data-plot-styles]").length;
    const draw = () => Plot.plot({document, width: 200, height: 100, marks: [Plot.dot([[1, 2]])]});
    const plain = draw();
    const texts = [...plain.querySelectorAll("style")].map((s) => s.textContent);
    expect(texts.length).toBeGreaterThan(0);
    const charts = [hoistPlotStyles(draw()), hoistPlotStyles(draw())];
    for (const chart of charts) expect(chart.querySelectorAll("style")).toHaveLength(0);
    const shared = [...document.head.querySelectorAll("style[data-plot-styles]")].slice(before).map((s) => s.textContent);
    expect(shared).toEqual([...new Set(texts)]);
    // The rules still reach the charts: they are scoped by the class every chart carries.
    for (const text of shared) expect(text).toMatch(/\.plot-[0-9a-f]+/);
    for (const chart of charts) expect(chart.getAttribute("class")).toMatch(/plot-[0-9a-f]+/);
  });
});
