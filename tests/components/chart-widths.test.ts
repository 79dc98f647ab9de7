// @vitest-environment jsdom
// Every Plot chart of the site (and the flow diagram), drawn at a width below its margins (a page width of 0 while a window
// is resized or a full-page capture relays out, or a phone), draws no rect of negative size: Chromium
// logs `<rect> attribute width: A negative value is not valid` for each one.
import {describe, expect, it} from "vitest";
import {loadFixture} from "./golden.js";
import {datasetScatter} from "../../src/components/dataset-scatter.js";
import {lossHistory} from "../../src/components/loss-history.js";
import {modelEstimate} from "../../src/components/model-estimate.js";
import {weightHeatmap} from "../../src/components/weight-heatmap.js";
import {firstLayerLinesChart} from "../../src/components/first-layer-lines.js";
import {localLinearChart} from "../../src/components/local-linear-chart.js";
import {zoneMapChart} from "../../src/components/zone-map-chart.js";
import {zoneCountChart} from "../../src/components/zone-count-chart.js";
import {flowDiagram} from "../../src/components/flow-diagram.js";
import {snapshotNetwork} from "../../src/lib/snapshot.js";
import {gridEstimate} from "../../src/lib/estimate.js";
import {exactPartition} from "../../src/lib/partition.js";

/** Widths a chart may be asked for that leave no room inside Plot's default margins. */
const NARROW = [0, 1, 20, 59, 60, 100];

/** Every width and height attribute of the chart's elements that is negative, named. */
function negativeSizes(chart: Element): string[] {
  return [...chart.querySelectorAll("[width], [height]")].flatMap((el) =>
    ["width", "height"].filter((a) => Number(el.getAttribute(a)) < 0).map((a) => `<${el.tagName} ${a}="${el.getAttribute(a)}">`)
  );
}

describe("Plot charts below their margins", async () => {
  const relu = await loadFixture("small-relu");
  const large = await loadFixture("large-relu");
  const net = snapshotNetwork(relu);
  const est = gridEstimate(net, "prod", relu.data.x);
  const partition = exactPartition(snapshotNetwork(large));
  const charts: [string, (width: number) => Element][] = [
    ["dataset scatter", (width) => datasetScatter(relu.data, {width, document})],
    ["loss history", (width) => lossHistory(relu, {width, document})],
    ...(["estimate", "truth", "error"] as const).map((kind): [string, (width: number) => Element] => [`model ${kind}`, (width) => modelEstimate(est, {width, kind, samples: relu.data.x, document})]),
    ["weight heatmap", (width) => weightHeatmap(relu.layers[0], {width, document})],
    ["first-layer lines", (width) => firstLayerLinesChart(net, {width, zoneOf: [0, 0], document})],
    ["local linear chart", (width) => localLinearChart(net, {width, dataset: "prod", point: [1, 1], direction: [1, 0.5], x1Range: [-0.6, 2.6], document})],
    ["zone map", (width) => zoneMapChart(partition, {network: snapshotNetwork(large), width, document})],
    ["zone count chart", (width) => zoneCountChart(large, {width, document})],
    // Not a Plot chart, but its legends draw rects sized from the width too.
    ["flow diagram", (width) => flowDiagram(snapshotNetwork(large), {input: large.data.x[0], width, document})]
  ];
  for (const [name, draw] of charts)
    it(`${name}: no negative width or height at ${NARROW.join(", ")} px`, () => {
      for (const width of NARROW) expect(negativeSizes(draw(width)), `${name} at ${width} px`).toEqual([]);
    });
});
