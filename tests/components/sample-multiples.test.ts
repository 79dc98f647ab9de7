// @vitest-environment jsdom
// The side-by-side samples: goldens from the committed fixtures, and the properties a reader relies
// on (one figure per sample, each captioned with its sentence and naming its sample, one or two
// columns by width, nothing drawn outside a diagram, edge labels only where they have room).
import {beforeAll, describe, expect, it} from "vitest";
import {expectGolden, loadFixture} from "./golden.js";
import {
  COLUMN_GAP,
  edgeLabelsClear,
  LABEL_CLEARANCE,
  MAX_LABEL_COVERAGE,
  MIN_TEXT_SCALE,
  multiplesLayout,
  sampleMultiples,
  TWO_COLUMNS_MIN,
  type MultipleSample
} from "../../src/components/sample-multiples.js";
import {EDGE_FONT} from "../../src/components/flow/text.js";
import {columnExtents} from "../../src/lib/extents.js";
import {estimateTextWidth} from "../../src/lib/flow-layout.js";
import {layerSizes, type Network} from "../../src/lib/network.js";
import {nearestSample} from "../../src/lib/sampling.js";
import {sampleSentence} from "../../src/lib/sample-prose.js";
import {snapshotNetwork, type Snapshot} from "../../src/lib/snapshot.js";
import type {Point} from "../../src/lib/datasets.js";

type Fixture = {snapshot: Snapshot; net: Network; samples: (MultipleSample & {target: number})[]};
let large: Fixture;
let sigmoid: Fixture;

/** The article's points for each network (the fixtures carry no presets). */
const LARGE_POINTS: [string, Point][] = [
  ["north-east", [1, 1]],
  ["north", [0.5, 2]],
  ["north-west", [-1, 1]],
  ["south-west", [-1, -1]]
];
const SIGMOID_POINTS = LARGE_POINTS.filter(([label]) => label === "north-east" || label === "south-west");

beforeAll(async () => {
  const load = async (id: "large-relu" | "small-sigmoid", points: [string, Point][]): Promise<Fixture> => {
    const snapshot = await loadFixture(id);
    const samples = points.map(([label, point]) => {
      const index = nearestSample(snapshot.data.x, point);
      return {label, index, input: snapshot.data.x[index], target: snapshot.data.y[index]};
    });
    return {snapshot, net: snapshotNetwork(snapshot), samples};
  };
  large = await load("large-relu", LARGE_POINTS);
  sigmoid = await load("small-sigmoid", SIGMOID_POINTS);
});

function render(f: Fixture, width: number, extra: {dataset?: boolean} = {}) {
  return sampleMultiples(f.net, {
    samples: f.samples,
    width,
    palette: "rainbow",
    colorMode: extra.dataset ? "dataset" : "comp",
    extents: extra.dataset ? columnExtents(f.net, f.snapshot.data.x) : undefined,
    caption: (s) => sampleSentence(f.net, s),
    document
  });
}

/** The right edge of a circle in its SVG's coordinates: its cx and r plus its groups' translations. */
function rightEdge(circle: Element): number {
  let x = Number(circle.getAttribute("cx") ?? 0) + Number(circle.getAttribute("r"));
  for (let g = circle.parentElement; g && g.tagName.toLowerCase() !== "svg"; g = g.parentElement) {
    const m = /translate\(\s*([-\d.e]+)/.exec(g.getAttribute("transform") ?? "");
    if (m) x += Number(m[1]);
  }
  return x;
}

const figures = (el: HTMLElement) => [...el.querySelectorAll<HTMLElement>(":scope > figure.sample-multiple")];

describe("sampleMultiples goldens", () => {
  it("large relu, four samples, two columns, dataset colours", () => {
    expectGolden(render(large, 960, {dataset: true}), "multiples-large-relu-wide");
  });
  it("small sigmoid, two samples, one column on a phone", () => {
    expectGolden(render(sigmoid, 343), "multiples-small-sigmoid-narrow");
  });
});

describe("sampleMultiples properties", () => {
  it("draws one figure per sample, captioned with its sentence, naming the sample", () => {
    for (const f of [large, sigmoid]) {
      for (const width of [320, 375, 430, 700, 960, 1400]) {
        const el = render(f, width);
        const figs = figures(el);
        expect(figs).toHaveLength(f.samples.length);
        figs.forEach((fig, k) => {
          const s = f.samples[k];
          expect(fig.dataset.sample).toBe(String(s.index));
          expect(fig.querySelectorAll("svg.flow-svg")).toHaveLength(1);
          const caption = fig.querySelector(":scope > figcaption")!.textContent!;
          expect(caption).toBe(sampleSentence(f.net, s));
          expect(caption).toContain(`Sample ${s.index} (${s.label})`);
          // The diagram's own heading names it too.
          expect(fig.querySelector(".flow-diagram figcaption")!.textContent).toContain(`sample ${s.index}`);
        });
      }
    }
  });

  it("uses the default caption without one: the sample's name and input", () => {
    const el = sampleMultiples(large.net, {samples: large.samples.slice(0, 1), width: 500, document});
    expect(el.querySelector("figure.sample-multiple > figcaption")!.textContent).toMatch(new RegExp(`^Sample ${large.samples[0].index} \\(north-east\\) at \\(`));
  });

  it("has two columns from TWO_COLUMNS_MIN px, one below, and one for a single sample", () => {
    expect(render(large, TWO_COLUMNS_MIN).dataset.columns).toBe("2");
    expect(render(large, TWO_COLUMNS_MIN - 1).dataset.columns).toBe("1");
    expect(render(large, 375).dataset.columns).toBe("1");
    const one = sampleMultiples(large.net, {samples: large.samples.slice(0, 1), width: 1200, document});
    expect(one.dataset.columns).toBe("1");
    expect(one.style.getPropertyValue("--multiples-columns")).toBe("1");
  });

  it("draws every diagram inside its own width, at widths from a phone's to a desktop's", () => {
    for (const f of [large, sigmoid]) {
      for (const width of [288, 320, 343, 375, 430, 640, 960, 1200]) {
        const layout = multiplesLayout(layerSizes(f.net), width, f.samples.length);
        expect(layout.cellWidth * layout.columns + COLUMN_GAP * (layout.columns - 1)).toBeLessThanOrEqual(width);
        for (const svg of render(f, width).querySelectorAll<SVGSVGElement>("svg.flow-svg")) {
          const w = Number(svg.getAttribute("width"));
          expect(w).toBe(layout.drawWidth);
          const circles = [...svg.querySelectorAll("circle.value-circle")];
          expect(circles.length).toBeGreaterThan(0);
          for (const c of circles) expect(rightEdge(c), `circle at width ${width}`).toBeLessThanOrEqual(w);
        }
      }
    }
  });

  it("shows edge labels all or none: only unscaled, and only when every label is drawn clear of the others", () => {
    for (const f of [large, sigmoid]) {
      const sizes = layerSizes(f.net);
      for (const width of [300, 320, 375, 430, 700, 960, 1200, 1800]) {
        const layout = multiplesLayout(sizes, width, f.samples.length);
        const el = render(f, width);
        const diagrams = [...el.querySelectorAll(".flow-diagram")];
        const labels = el.querySelectorAll("svg.flow-svg .edge-label").length;
        if (el.dataset.edgeLabels === "true") {
          expect(layout.drawWidth, `unscaled at ${width}`).toBe(layout.cellWidth);
          for (const d of diagrams) expect(edgeLabelsClear(d, "contribution"), `clear at ${width}`).toBe(true);
        } else {
          expect(el.dataset.edgeLabels).toBe("false");
          expect(labels, `no edge labels at ${width}`).toBe(0);
        }
        expect(layout.numbers).toBe(layout.cellWidth / layout.drawWidth >= MIN_TEXT_SCALE);
        expect(el.querySelectorAll("svg.flow-svg .neuron-values").length > 0).toBe(layout.numbers);
      }
    }
    // Scaled down on a small phone: no edge labels. The sigmoid's fit in two columns.
    expect(multiplesLayout(layerSizes(large.net), 320, 4).drawWidth).toBeGreaterThan(320);
    expect(render(large, 320).querySelectorAll(".edge-label")).toHaveLength(0);
    const wide = render(sigmoid, 1200);
    expect(wide.dataset.edgeLabels).toBe("true");
    expect(wide.querySelectorAll(".edge-label").length).toBeGreaterThan(0);
    // On a phone the numbers stay on the neurons.
    expect(render(large, 375).querySelectorAll(".neuron-values text").length).toBeGreaterThan(0);
  });

  it("edgeLabelsClear: false when a label is missing, two labels overlap, or a label touches a bias box", () => {
    const diagram = render(sigmoid, 1200).querySelector(".flow-diagram")!;
    expect(edgeLabelsClear(diagram, "contribution")).toBe(true);
    const second = diagram.querySelectorAll("text.edge-label")[1];
    const moved = diagram.cloneNode(true) as Element;
    const [a, b] = [...moved.querySelectorAll("text.edge-label")];
    b.setAttribute("x", a.getAttribute("x")!);
    b.setAttribute("y", String(Number(a.getAttribute("y")) + 3));
    expect(edgeLabelsClear(moved, "contribution")).toBe(false);
    // A label moved next to a bias box, within LABEL_CLEARANCE of it.
    const near = diagram.cloneNode(true) as Element;
    const label = near.querySelector("text.edge-label")!;
    const bias = near.querySelector(".bias")!;
    const [bx, by] = /translate\(([-\d.]+),([-\d.]+)\)/.exec(bias.getAttribute("transform")!)!.slice(1).map(Number);
    const rect = bias.querySelector("rect")!;
    const half = estimateTextWidth(label.textContent!, EDGE_FONT) / 2;
    label.setAttribute("x", String(bx + Number(rect.getAttribute("x")) - half - LABEL_CLEARANCE / 2));
    label.setAttribute("y", String(by));
    expect(edgeLabelsClear(near, "contribution")).toBe(false);
    second.remove();
    expect(edgeLabelsClear(diagram, "contribution")).toBe(false);
  });

  it("edgeLabelsClear: false when the labels, though all clear, cover more than the given share of a band", () => {
    const diagram = render(sigmoid, 1200).querySelector(".flow-diagram")!;
    expect(diagram.querySelectorAll("text.edge-label").length).toBeGreaterThan(0);
    expect(edgeLabelsClear(diagram, "contribution", 1)).toBe(true);
    expect(edgeLabelsClear(diagram, "contribution", 0.01)).toBe(false);
    expect(MAX_LABEL_COVERAGE).toBeGreaterThan(0.01);
    expect(MAX_LABEL_COVERAGE).toBeLessThan(1);
  });

  it("draws contributions w·a by default, on one shared palette and colour mode", () => {
    const el = render(large, 960, {dataset: true});
    for (const fig of el.querySelectorAll<HTMLElement>(".flow-diagram")) {
      expect(fig.dataset.edgeMode).toBe("contribution");
      expect(fig.dataset.palette).toBe("rainbow");
      expect(fig.dataset.colorMode).toBe("dataset");
    }
  });
});
