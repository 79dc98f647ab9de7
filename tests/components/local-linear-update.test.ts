// @vitest-environment jsdom
// The segment chart's update(): another network, point or segment changes the chart in place (the
// same figure, svg, line paths and legend) and leaves exactly the markup of a fresh chart of them.
import {describe, expect, it} from "vitest";
import {loadFixture} from "./golden.js";
import {localLinearChart, type LocalLinearChartOptions} from "../../src/components/local-linear-chart.js";
import {zoneExplorer} from "../../src/components/zone-explorer.js";
import {snapshotNetwork} from "../../src/lib/snapshot.js";
import {pointLabel} from "../../src/lib/format.js";
import type {Network} from "../../src/lib/network.js";
import type {Point} from "../../src/lib/datasets.js";

const width = 640;

/** Another network of the same shape: first-layer biases shifted (the zones move) and the output scaled (the y domain changes). */
function shifted(net: Network): Network {
  return {
    ...net,
    layers: net.layers.map((layer, k) =>
      k === 0
        ? {weights: layer.weights, biases: layer.biases.map((b) => b + 0.3)}
        : k === net.layers.length - 1
          ? {weights: layer.weights.map((row) => row.map((w) => 1.5 * w)), biases: layer.biases}
          : layer
    )
  };
}

/** The elements update() must keep: the svg, every line path and the legend. */
function kept(chart: Element) {
  return {
    svg: chart.querySelector(":scope > svg"),
    paths: [...chart.querySelectorAll(":scope > svg path[stroke]")],
    legend: chart.querySelector(":scope > div"),
    title: chart.querySelector(":scope > h2")
  };
}

/** Every kept element is the very same node as before (identity, not equal markup). */
function expectSameElements(now: ReturnType<typeof kept>, before: ReturnType<typeof kept>): void {
  expect(now.svg).toBe(before.svg);
  expect(now.legend).toBe(before.legend);
  expect(now.title).toBe(before.title);
  expect(now.paths).toHaveLength(before.paths.length);
  now.paths.forEach((path, i) => expect(path, `line ${i + 1}`).toBe(before.paths[i]));
}

const through = (point: Point, tangent = false): Omit<LocalLinearChartOptions, "document"> => ({
  width,
  dataset: "prod",
  point,
  direction: [1, 0.5],
  x1Range: [point[0] - 1.6, point[0] + 1.6],
  tangent
});

/** As zone-view.ts draws the article's segments: along x2 = slope·x1, beside the zone's point. */
const beside = (zone: Point, slope: number, [from, to]: [number, number]): Omit<LocalLinearChartOptions, "document"> => ({
  width,
  dataset: "prod",
  point: [(from + to) / 2, (slope * (from + to)) / 2],
  direction: [1, slope],
  x1Range: [from, to],
  zone,
  title: "The zone's linear function against the truth"
});

describe("local linear chart: update in place", async () => {
  const small = await loadFixture("small-relu");
  const a = snapshotNetwork(small);
  const b = shifted(a);
  const fresh = (net: Network, o: Omit<LocalLinearChartOptions, "document">) => localLinearChart(net, {...o, document}).outerHTML;

  it("shows another network and point, then a segment beside a zone, as fresh charts of them, in the same elements", () => {
    const chart = localLinearChart(a, {...through([1, 1]), document});
    const before = kept(chart);
    expect(before.paths).toHaveLength(3);
    const steps: [Network, Omit<LocalLinearChartOptions, "document">][] = [
      [b, through([-1.3, 0.4])],
      // Enters the zone of (1.5, 1.2) on part of the segment.
      [a, beside([1.5, 1.2], 0.5, [0, 3])],
      // Never enters the zone of (0, −2.5): no shading, no dot.
      [b, beside([0, -2.5], 0.5, [0, 3])],
      [a, through([1, 1])]
    ];
    let previous = chart.outerHTML;
    for (const [net, o] of steps) {
      chart.update(net, {...o, document});
      // A step that changed nothing could not catch an update that forgets something.
      expect(chart.outerHTML).not.toBe(previous);
      previous = chart.outerHTML;
      expect(chart.outerHTML).toBe(fresh(net, o));
      expectSameElements(kept(chart), before);
    }
  });

  it("shades nothing and draws no dot beside a zone it never enters, and both come back through a point", () => {
    const chart = localLinearChart(a, {...through([1, 1]), document});
    chart.update(b, {...beside([0, -2.5], 0.5, [0, 3]), document});
    expect(chart.querySelector("h3")!.textContent).toContain(`never enters the zone of ${pointLabel([0, -2.5])}`);
    expect(chart.querySelectorAll(":scope > svg rect, :scope > svg circle")).toHaveLength(0);
    chart.update(b, {...through([0.5, 0.5]), document});
    expect(chart.querySelectorAll(":scope > svg rect")).toHaveLength(1);
    expect(chart.querySelectorAll(":scope > svg circle")).toHaveLength(1);
  });

  it("follows the zone explorer's options (tangent, title) and another width in place", () => {
    const explorer = (p: Point, w = width) => ({...through(p, true), width: w, title: "The network along a line through the point"});
    const chart = localLinearChart(a, {...explorer([1, 1]), document});
    const before = kept(chart);
    expect(before.paths).toHaveLength(4);
    for (const [net, o] of [[b, explorer([0.2, -1.7], 375)], [a, explorer([-2.9, 0], 1280)], [b, explorer([2.2, 2.2], 0)]] as const) {
      chart.update(net, {...o, document});
      expect(chart.outerHTML).toBe(fresh(net, o));
      expectSameElements(kept(chart), before);
    }
  });

  it("draws its lines anew in the same figure when the tangent is switched on or off", () => {
    const chart = localLinearChart(a, {...through([1, 1]), document});
    chart.update(a, {...through([1, 1], true), document});
    expect(chart.outerHTML).toBe(fresh(a, through([1, 1], true)));
    expect(chart.querySelectorAll(":scope > svg path[stroke]")).toHaveLength(4);
    chart.update(b, {...through([1, 1]), document});
    expect(chart.outerHTML).toBe(fresh(b, through([1, 1])));
  });

  it("refuses a vertical segment with a clear error and keeps showing the last one", () => {
    const chart = localLinearChart(a, {...through([1, 1]), document});
    const shown = chart.outerHTML;
    expect(() => chart.update(b, {...through([0, 0]), direction: [0, 1], document})).toThrow(/direction's x1 component must not be 0/);
    expect(chart.outerHTML).toBe(shown);
  });
});

describe("zone explorer: the segment chart follows the point and the network in place", async () => {
  const large = await loadFixture("large-relu");
  const net = snapshotNetwork(large);

  it("keeps one chart across point moves and another network", () => {
    const explorer = zoneExplorer(net, {width, dataset: "prod", document});
    explorer.select([1, 1]);
    const chart = explorer.querySelector(".zone-segment > figure")!;
    const before = kept(chart);
    for (const p of [[-1.3, 0.4], [0.2, -1.7]] as Point[]) {
      explorer.select(p);
      expect(chart.querySelector("h3")!.textContent).toContain(`the zone of ${pointLabel(p)} is shaded`);
    }
    const markup = chart.outerHTML;
    explorer.setNetwork(shifted(net));
    expect(chart.outerHTML).not.toBe(markup);
    expect(explorer.querySelectorAll(".zone-segment > figure")).toHaveLength(1);
    expect(explorer.querySelector(".zone-segment > figure")).toBe(chart);
    expectSameElements(kept(chart), before);
  });
});
