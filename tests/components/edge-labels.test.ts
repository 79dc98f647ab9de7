// @vitest-environment jsdom
// The flow diagram's edge labels never overlap each other, nor cover a circle or a bias box: for the
// three fixture networks at two page widths (every label drawn), and for the large network on a
// phone (375 px), where the labels that find no free spot on their edge are left off while every
// unit's values stay drawn at a readable size. Boxes are the ones the layout reasons with:
// estimateTextWidth(text) + 2 wide, EDGE_FONT + 1 tall, centred on the label's (x, y).
import {describe, expect, it} from "vitest";
import {loadFixture} from "./golden.js";
import {flowDiagram} from "../../src/components/flow-diagram.js";
import {EDGE_FONT} from "../../src/components/flow/text.js";
import {estimateTextWidth, overlapArea, type Rect} from "../../src/lib/flow-layout.js";
import {EDGE_MODES} from "../../src/lib/flow-model.js";
import {snapshotNetwork} from "../../src/lib/snapshot.js";

type FixtureId = "small-relu" | "large-relu" | "small-sigmoid";
const FIXTURES: FixtureId[] = ["small-relu", "large-relu", "small-sigmoid"];
/** Samples tried per network and width: every 20th of the fixture's 120, so both signs of each unit occur. */
const SAMPLES = Array.from({length: 6}, (_, n) => 20 * n);
/** Smallest font size (px) a unit's value may be drawn at on the narrow page: still readable. */
const MIN_VALUE_FONT = 7;

/** The estimated box of each edge label of a diagram, named for the failure message. */
function labelBoxes(fig: Element): {name: string; box: Rect}[] {
  return [...fig.querySelectorAll("svg.flow-svg text.edge-label")].map((t) => {
    const text = t.textContent ?? "";
    const width = estimateTextWidth(text, EDGE_FONT) + 2;
    const height = EDGE_FONT + 1;
    const x = Number(t.getAttribute("x"));
    const y = Number(t.getAttribute("y"));
    return {
      name: `layer ${t.getAttribute("data-layer")} ${t.getAttribute("data-from")}→${t.getAttribute("data-to")} "${text}"`,
      box: {x: x - width / 2, y: y - height / 2, width, height}
    };
  });
}

/** The circles (as bounding squares) and bias boxes of a diagram, in the svg's coordinates. */
function unitBoxes(fig: Element): Rect[] {
  // Units and bias boxes are groups translated to their place; circles and rects are local to them.
  const offset = (el: Element): [number, number] => {
    const m = /translate\(([-\d.e]+),([-\d.e]+)\)/.exec(el.closest("g[transform]")?.getAttribute("transform") ?? "");
    return m ? [Number(m[1]), Number(m[2])] : [0, 0];
  };
  const num = (el: Element, name: string) => Number(el.getAttribute(name) ?? 0);
  const circles = [...fig.querySelectorAll("svg.flow-svg circle.value-circle")].map((c): Rect => {
    const [dx, dy] = offset(c);
    const r = num(c, "r");
    return {x: dx + num(c, "cx") - r, y: dy + num(c, "cy") - r, width: 2 * r, height: 2 * r};
  });
  const biases = [...fig.querySelectorAll("svg.flow-svg .bias rect")].map((b): Rect => {
    const [dx, dy] = offset(b);
    return {x: dx + num(b, "x"), y: dy + num(b, "y"), width: num(b, "width"), height: num(b, "height")};
  });
  return [...circles, ...biases];
}

/** Every pair of labels whose boxes share some area, and every label over a circle or a bias box. */
function overlaps(fig: Element): string[] {
  const boxes = labelBoxes(fig);
  const units = unitBoxes(fig);
  const found: string[] = [];
  for (let a = 0; a < boxes.length; ++a) {
    for (let b = a + 1; b < boxes.length; ++b) if (overlapArea(boxes[a].box, boxes[b].box) > 0) found.push(`${boxes[a].name} / ${boxes[b].name}`);
    if (units.some((u) => overlapArea(boxes[a].box, u) > 0)) found.push(`${boxes[a].name} over a unit`);
  }
  return found;
}

describe("edge labels of the flow diagram", async () => {
  const fixtures = Object.fromEntries(
    await Promise.all(
      FIXTURES.map(async (id) => {
        const snapshot = await loadFixture(id);
        return [id, {snapshot, net: snapshotNetwork(snapshot)}] as const;
      })
    )
  );

  for (const id of FIXTURES)
    for (const width of [640, 1000])
      it(`${id} at ${width} px: every label drawn, no two overlapping`, () => {
        const {snapshot, net} = fixtures[id];
        const weights = net.layers.reduce((n, l) => n + l.weights.length * l.biases.length, 0);
        for (const sample of SAMPLES)
          for (const edgeMode of EDGE_MODES) {
            const fig = flowDiagram(net, {input: snapshot.data.x[sample], width, edgeMode, document});
            expect(overlaps(fig), `sample ${sample}, ${edgeMode}`).toEqual([]);
            // At these widths there is room for every label the encoding asks for.
            const edges = [...fig.querySelectorAll(".edge")];
            const expected = edgeMode === "weight" ? weights : edges.filter((e) => Number(e.getAttribute("data-contribution")) !== 0).length;
            expect(fig.querySelectorAll(".edge-label"), `sample ${sample}, ${edgeMode}`).toHaveLength(expected);
          }
      });

  it("large-relu at 375 px: labels thinned where there is no room, none overlapping, unit values readable", () => {
    const {snapshot, net} = fixtures["large-relu"];
    const units = net.layers.reduce((n, l) => n + l.biases.length, 0);
    for (const sample of SAMPLES)
      for (const edgeMode of EDGE_MODES) {
        const fig = flowDiagram(net, {input: snapshot.data.x[sample], width: 375, edgeMode, document});
        expect(overlaps(fig), `sample ${sample}, ${edgeMode}`).toEqual([]);
        // The check saw every unit: 2 input circles, z and a circles and a bias box for each neuron.
        expect(unitBoxes(fig)).toHaveLength(2 + 3 * units);
        // Thinned, not emptied: the two wide bands keep some of their labels. (The output band's
        // labels need more room than its 30 px leave once they keep clear of the circles.)
        for (const layer of [1, 2]) expect(fig.querySelectorAll(`.edge-label[data-layer="${layer}"]`).length, `layer ${layer}`).toBeGreaterThan(0);
        // Every unit keeps its z and a, at a readable size.
        const values = [...fig.querySelectorAll(".neuron-values .z-label, .neuron-values .a-label")];
        expect(values).toHaveLength(2 * units);
        for (const v of values) expect(Number(v.getAttribute("font-size"))).toBeGreaterThanOrEqual(MIN_VALUE_FONT);
      }
  });

  it("thins the smallest values first on a narrow page", () => {
    const {snapshot, net} = fixtures["large-relu"];
    for (const sample of SAMPLES) {
      const fig = flowDiagram(net, {input: snapshot.data.x[sample], width: 375, edgeMode: "weight", document});
      const key = (el: Element) => `${el.getAttribute("data-layer")}:${el.getAttribute("data-from")}:${el.getAttribute("data-to")}`;
      const shown = new Set([...fig.querySelectorAll(".edge-label")].map(key));
      const magnitudes = [...fig.querySelectorAll(".edge")].map((e) => ({shown: shown.has(key(e)), v: Math.abs(Number(e.getAttribute("data-weight")))}));
      const mean = (list: {v: number}[]) => list.reduce((s, e) => s + e.v, 0) / list.length;
      const kept = magnitudes.filter((e) => e.shown);
      const left = magnitudes.filter((e) => !e.shown);
      expect(left.length, `sample ${sample}`).toBeGreaterThan(0);
      // Labels choose their spots largest first, so the ones kept are the larger values on the whole.
      expect(mean(kept), `sample ${sample}`).toBeGreaterThan(mean(left));
    }
  });
});
