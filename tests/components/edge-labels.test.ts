// @vitest-environment jsdom
// The flow diagram's edge labels never overlap each other, nor cover a circle or a bias box: for the
// three fixture networks at two page widths (every label drawn), and for the large network on a
// phone (375 px), where the labels that find no free spot on their edge are left off while every
// unit's values stay drawn at a readable size; and for the trained large network at several epochs
// shown one after another by update(), as the epoch slider shows them, at phone to desktop widths.
// Boxes are the ones the layout reasons with: estimateTextWidth(text) + 2 wide, EDGE_FONT + 1 tall,
// centred on the label's (x, y).
import {describe, expect, it} from "vitest";
import {loadFixture} from "./golden.js";
import {flowDiagram} from "../../src/components/flow-diagram.js";
import {EDGE_FONT} from "../../src/components/flow/text.js";
import {estimateTextWidth, type Rect} from "../../src/lib/flow-layout.js";
import {EDGE_MODES} from "../../src/lib/flow-model.js";
import type {Layer, Network} from "../../src/lib/network.js";
import {snapshotNetwork} from "../../src/lib/snapshot.js";

type FixtureId = "small-relu" | "large-relu" | "small-sigmoid";
const FIXTURES: FixtureId[] = ["small-relu", "large-relu", "small-sigmoid"];
/** Samples tried per network and width: every 20th of the fixture's 120, so both signs of each unit occur. */
const SAMPLES = Array.from({length: 6}, (_, n) => 20 * n);
/** Smallest font size (px) a unit's value may be drawn at on the narrow page: still readable. */
const MIN_VALUE_FONT = 7;
/**
 * Two boxes overlap when they share more than this in x and in y (px): room for the float noise of
 * places computed along slanted edges, far below anything a reader could see.
 */
const OVERLAP_TOLERANCE = 1e-6;
/** The height of an edge label's box (getBBox) at 10 px, measured in Chromium on Debian (DejaVu Sans). */
const MEASURED_LABEL_HEIGHT_10PX = 11;

/**
 * The trained large ReLU network (data/large-relu.json; snapshot fingerprint 08c1394a…) at some of
 * its checkpoints: the initial one, epochs 110–125, where the labels between the hidden layers and
 * near the output crowd closest at 1280 px ("−0.71" by "−0.37", "0.75" by "0.96"), and the last one.
 * Parameters rounded to 6 decimals, which leaves every 2-decimal label as the snapshot's. (The
 * committed fixture has one checkpoint only.)
 */
const TRAINED: [number, Layer[]][] = [
  [
    0,
    [
      {weights: [[-0.047764, 0.395406, -0.124979, 0.288055, 0.001843], [0.414541, 0.106217, 0.149435, -0.008418, -0.399209]], biases: [0, 0, 0, 0, 0]},
      {weights: [[0.001087, 0.427276, 0.353219, 0.219007, -0.160255], [-0.051346, -0.274373, -0.065696, 0.319181, -0.010496], [-0.052156, -0.313756, 0.020228, -0.006976, 0.0193], [-0.182942, -0.257399, 0.021952, -0.040439, -0.009202], [0.21653, -0.212421, 0.010782, -0.079176, 0.11266]], biases: [0, 0, 0, 0, 0]},
      {weights: [[0.181449], [0.048976], [-0.366202], [0.574532], [0.104088]], biases: [0]}
    ]
  ],
  [
    110,
    [
      {weights: [[-0.015953, 0.400764, -0.537885, 0.459579, -0.302468], [0.441552, 0.379583, 0.393742, -0.4404, -0.461189]], biases: [0.829494, 0.270884, 0.32911, 0.325426, 0.580877]},
      {weights: [[-0.258972, 0.452185, 0.495195, 0.545121, -0.149708], [-0.215535, -0.720471, -0.333005, 0.363471, 0.212205], [0.177584, 0.274822, 0.314801, -0.428589, 0.27176], [-0.372463, -0.278831, -0.319548, -0.104915, -0.525447], [0.380201, -0.712784, -0.018616, -0.13767, 0.541605]], biases: [0.53462, -0.555027, 0.279872, 0.282205, 0.538742]},
      {weights: [[0.605639], [-0.613317], [-0.662033], [0.962627], [0.739942]], biases: [-0.928634]}
    ]
  ],
  [
    115,
    [
      {weights: [[-0.012276, 0.397691, -0.532496, 0.45883, -0.302043], [0.439938, 0.381498, 0.396292, -0.441666, -0.462871]], biases: [0.83457, 0.266215, 0.326677, 0.326118, 0.582779]},
      {weights: [[-0.258081, 0.452795, 0.494665, 0.549349, -0.14322], [-0.219379, -0.716757, -0.345522, 0.352834, 0.211334], [0.17387, 0.279345, 0.316489, -0.428633, 0.269325], [-0.368902, -0.278831, -0.318593, -0.098189, -0.530406], [0.374129, -0.706155, -0.021545, -0.144928, 0.548254]], biases: [0.536953, -0.560397, 0.282293, 0.283482, 0.543944]},
      {weights: [[0.60122], [-0.61641], [-0.664847], [0.961595], [0.74471]], biases: [-0.935451]}
    ]
  ],
  [
    120,
    [
      {weights: [[-0.008675, 0.395312, -0.529628, 0.457157, -0.301157], [0.439303, 0.383134, 0.39813, -0.443327, -0.465151]], biases: [0.838927, 0.261144, 0.319889, 0.328431, 0.584971]},
      {weights: [[-0.256576, 0.452606, 0.495218, 0.552841, -0.137179], [-0.22308, -0.714202, -0.356612, 0.342558, 0.210045], [0.170927, 0.283408, 0.317996, -0.427765, 0.267132], [-0.366779, -0.278831, -0.31976, -0.092075, -0.534135], [0.368638, -0.699589, -0.024009, -0.152591, 0.554451]], biases: [0.539181, -0.566537, 0.284625, 0.284471, 0.549025]},
      {weights: [[0.597563], [-0.620257], [-0.668265], [0.960067], [0.749022]], biases: [-0.94114]}
    ]
  ],
  [
    125,
    [
      {weights: [[-0.005753, 0.394629, -0.526616, 0.45709, -0.30136], [0.438737, 0.383501, 0.400429, -0.443719, -0.466493]], biases: [0.841828, 0.25857, 0.312379, 0.331369, 0.58688]},
      {weights: [[-0.254566, 0.452526, 0.495946, 0.555668, -0.13168], [-0.226752, -0.71054, -0.368296, 0.333412, 0.208599], [0.168595, 0.287308, 0.319295, -0.426636, 0.265182], [-0.365172, -0.278831, -0.320392, -0.086143, -0.537882], [0.363544, -0.692496, -0.0256, -0.159388, 0.560081]], biases: [0.54157, -0.572402, 0.287022, 0.285267, 0.553368]},
      {weights: [[0.594483], [-0.622568], [-0.671945], [0.958391], [0.752819]], biases: [-0.946457]}
    ]
  ],
  [
    250,
    [
      {weights: [[0.030431, 0.399446, -0.460366, 0.424864, -0.260904], [0.412894, 0.432911, 0.428663, -0.468381, -0.494798]], biases: [0.879673, 0.157406, 0.150568, 0.455065, 0.653598]},
      {weights: [[-0.177366, 0.433627, 0.545921, 0.57597, -0.021474], [-0.346736, -0.506917, -0.514374, 0.221051, 0.154454], [0.059505, 0.348771, 0.346225, -0.397798, 0.226377], [-0.35031, -0.278831, -0.364959, -0.00505, -0.613919], [0.264191, -0.565461, -0.060158, -0.29089, 0.639353]], biases: [0.604169, -0.711937, 0.33845, 0.282169, 0.632014]},
      {weights: [[0.544746], [-0.568023], [-0.756142], [0.923275], [0.818185]], biases: [-0.962624]}
    ]
  ]
];

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

/** Whether two boxes share more than OVERLAP_TOLERANCE in both directions. */
function intersect(a: Rect, b: Rect): boolean {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > OVERLAP_TOLERANCE && h > OVERLAP_TOLERANCE;
}

/** Every pair of labels whose boxes overlap, and every label over a circle or a bias box. */
function overlaps(fig: Element): string[] {
  const boxes = labelBoxes(fig);
  const units = unitBoxes(fig);
  const found: string[] = [];
  for (let a = 0; a < boxes.length; ++a) {
    for (let b = a + 1; b < boxes.length; ++b) if (intersect(boxes[a].box, boxes[b].box)) found.push(`${boxes[a].name} / ${boxes[b].name}`);
    if (units.some((u) => intersect(boxes[a].box, u))) found.push(`${boxes[a].name} over a unit`);
  }
  return found;
}

/** Each edge label of a diagram as drawn: which edge, where, what text. */
function drawnLabels(fig: Element): string[] {
  return [...fig.querySelectorAll("svg.flow-svg text.edge-label")].map(
    (t) => `${t.getAttribute("data-layer")}:${t.getAttribute("data-from")}→${t.getAttribute("data-to")} ${t.getAttribute("x")},${t.getAttribute("y")} ${t.textContent}`
  );
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

  // Page widths: a phone (375, and 355, its content width, where no label has room), a tablet's
  // content (704, 768), a desktop's content at a 1280 px window (1008), and the diagram beside its
  // panel (1280: a layout 960 wide).
  it("large-relu across training, each epoch shown by an update in place: labels clear, placed for that epoch's network", () => {
    const {snapshot} = fixtures["large-relu"];
    const nets = TRAINED.map(([epoch, layers]): [number, Network] => [epoch, {layers, activation: "relu"}]);
    // Back and forth, as a reader drags the slider, with a point move in between.
    const order = [5, 0, 3, 1, 5, 4, 2, 3];
    for (const width of [355, 375, 704, 768, 1008, 1280]) {
      const [, last] = nets[nets.length - 1];
      const diagram = flowDiagram(last, {input: snapshot.data.x[0], width, document});
      for (const [step, n] of order.entries()) {
        const [epoch, net] = nets[n];
        const options = {input: snapshot.data.x[SAMPLES[step % SAMPLES.length]], width, document};
        expect(diagram.update(net, options), `epoch ${epoch} at ${width} px`).toBe(true);
        expect(overlaps(diagram), `epoch ${epoch} at ${width} px`).toEqual([]);
        // The places are this network's: those of a network of the same parameters that nothing has
        // placed labels for yet (another object, so no cached placement can stand in for it).
        const copy: Network = {activation: net.activation, layers: net.layers.map((l) => ({weights: l.weights.map((r) => [...r]), biases: [...l.biases]}))};
        expect(drawnLabels(diagram), `epoch ${epoch} at ${width} px`).toEqual(drawnLabels(flowDiagram(copy, options)));
      }
      // A desktop page has room for every label of every epoch.
      if (width >= 704) expect(diagram.querySelectorAll(".edge-label"), `at ${width} px`).toHaveLength(40);
    }
  });

  it("reasons with label boxes no smaller than the text drawn", () => {
    // Widths: estimateTextWidth is checked against measured text in tests/lib/flow-layout.test.ts.
    // The placement's boxes are EDGE_FONT + 1 tall (flow/data.ts), as the boxes above; text height
    // grows linearly with the size.
    expect(EDGE_FONT + 1).toBeGreaterThanOrEqual((MEASURED_LABEL_HEIGHT_10PX * EDGE_FONT) / 10);
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

  it("says, in the panel's hint, that some edges have no number and where to read their weights", () => {
    const {snapshot, net} = fixtures["large-relu"];
    const input = snapshot.data.x[0];
    const narrow = flowDiagram(net, {input, width: 375, edgeMode: "weight", document});
    expect(narrow.querySelectorAll(".edge").length - narrow.querySelectorAll(".edge-label").length).toBeGreaterThan(0);
    const hint = () => narrow.querySelector(".flow-panel .flow-hint");
    const SAYS = "At this width some edges have no number on the diagram: a selected neuron's arithmetic lists every weight into it.";
    expect(hint()?.textContent).toContain(SAYS);
    // Selected and cleared again, the hint comes back.
    narrow.value = {layer: 2, unit: 1};
    expect(hint()).toBeNull();
    narrow.value = null;
    expect(hint()?.textContent).toContain(SAYS);
    // An update that leaves numbers out again keeps the hint's node (the panel is a live region: a
    // new node is announced again); one whose numbers all fit says nothing of them.
    const shown = hint();
    expect(narrow.update(net, {input: snapshot.data.x[1], width: 375, edgeMode: "weight", document})).toBe(true);
    expect(hint()).toBe(shown);
    // Under contributions a zero term has no label: with every weight zero, nothing is left out.
    const terms = flowDiagram(net, {input, width: 375, edgeMode: "contribution", document});
    expect(terms.querySelector(".flow-panel .flow-hint")?.textContent).toContain(SAYS);
    const silent: Network = {...net, layers: net.layers.map((l) => ({weights: l.weights.map((row) => row.map(() => 0)), biases: l.biases}))};
    expect(terms.update(silent, {input, width: 375, edgeMode: "contribution", document})).toBe(true);
    expect(terms.querySelectorAll(".edge-label").length).toBe(0);
    expect(terms.querySelector(".flow-panel .flow-hint")?.textContent).not.toContain("At this width");
    // Wide enough for every label, the hint says nothing of it.
    const wide = flowDiagram(net, {input, width: 1280, edgeMode: "weight", document});
    expect(wide.querySelectorAll(".edge-label").length).toBe(wide.querySelectorAll(".edge").length);
    expect(wide.querySelector(".flow-panel .flow-hint")?.textContent).not.toContain("At this width");
  });
});
