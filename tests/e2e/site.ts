// Reading and driving the site's widgets from a browser test: what the pages show (read from the
// DOM as text, the way a reader sees it) and how a reader uses them (keyboard, pointer, forms).
import type {Locator, Page} from "playwright-core";
import type {Point} from "../../src/lib/datasets.js";

export const SLIDER = "form.sample-picker input[type=range]";
export const FLOW = ".flow-diagram";

/** A number as the site prints it ("−0.37" with a true minus sign) back to a number. */
export function parseShown(text: string | null | undefined): number {
  const s = (text ?? "").trim().replace(/−/g, "-");
  const v = s === "" ? NaN : Number(s);
  if (!Number.isFinite(v)) throw new Error(`not a number as shown: ${JSON.stringify(text)}`);
  return v;
}

/** Half a unit in the last shown decimal: the largest error of a correctly rounded number. */
export function halfUnit(digits: number): number {
  return 0.5 * 10 ** -digits;
}

/** Slack for float64 noise when comparing a rounded number with its exact value. */
export const FLOAT_SLACK = 1e-9;

export async function selectedSample(page: Page): Promise<number> {
  return Number(await page.inputValue(SLIDER));
}

/**
 * Waits until every view of the page agrees that sample `i` is selected: the slider, the picker's
 * status line, the flow diagram's caption, the dataset scatter and the estimate panels (those present).
 */
export async function waitForSample(page: Page, i: number, timeout = 15_000): Promise<void> {
  try {
    await waitForSampleOrThrow(page, i, timeout);
  } catch (error) {
    const state = await page
      .evaluate(() => ({
        slider: document.querySelector<HTMLInputElement>("form.sample-picker input[type=range]")?.value,
        status: document.querySelector("form.sample-picker output")?.textContent,
        caption: document.querySelector(".flow-diagram figcaption")?.textContent,
        scatter: document.querySelector("svg[aria-label^='Scatter']")?.getAttribute("aria-label"),
        panels: [...document.querySelectorAll(".estimate-panels figure > svg[aria-label]")].map((s) => s.getAttribute("aria-label"))
      }))
      .catch(() => null);
    throw new Error(`sample ${i} was not selected within ${timeout} ms; the page shows ${JSON.stringify(state)}`, {cause: error});
  }
}

async function waitForSampleOrThrow(page: Page, i: number, timeout: number): Promise<void> {
  await page.waitForFunction(
    (i) => {
      const slider = document.querySelector<HTMLInputElement>("form.sample-picker input[type=range]");
      if (!slider || slider.value !== String(i)) return false;
      const status = document.querySelector("form.sample-picker output")?.textContent ?? "";
      if (!status.startsWith(`Sample ${i} of`)) return false;
      const caption = document.querySelector(".flow-diagram figcaption");
      if (caption && !caption.textContent!.startsWith(`Sample ${i} through`)) return false;
      const scatter = document.querySelector("svg[aria-label^='Scatter']");
      if (scatter && !scatter.getAttribute("aria-label")!.includes(`Sample ${i} at`)) return false;
      const panels = [...document.querySelectorAll(".estimate-panels figure > svg[aria-label]")];
      return panels.every((s) => s.getAttribute("aria-label")!.includes(`selected sample ${i} ringed`));
    },
    i,
    {timeout, polling: 20}
  );
}

export interface ShownNeuron {
  layer: number;
  unit: number;
  z: string;
  a: string;
  label: string;
  fillZ: string;
  fillA: string;
  pressed: boolean;
}

/** The flow diagram as a reader sees it: every number as drawn, colours, legend, text alternative. */
export interface ShownFlow {
  caption: string;
  role: string | null;
  title: string;
  desc: string;
  palette: string;
  colorMode: string;
  edgeMode: string;
  digits: number;
  inputs: {unit: number; text: string}[];
  neurons: ShownNeuron[];
  biases: {layer: number; unit: number; text: string}[];
  edges: {layer: number; from: number; to: number; text: string}[];
  legend: {mode: string; title: string; ramps: {label: string; min: string; max: string | null}[]};
}

/** Waits until the explorer's diagram shows the selection: off screen, it updates in an idle moment (aria-busy until then). */
export async function diagramCaughtUp(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector(".explorer-diagram[aria-busy]"));
}

export async function readFlow(page: Page): Promise<ShownFlow> {
  await diagramCaughtUp(page);
  return page.evaluate(() => {
    const fig = document.querySelector<HTMLElement>(".flow-diagram")!;
    const svg = fig.querySelector("svg.flow-svg")!;
    const num = (el: Element, name: string) => Number(el.getAttribute(name));
    const text = (el: Element | null | undefined) => el?.textContent ?? "";
    const valueText = (layer: number, unit: number, kind: string) => text(svg.querySelector(`.neuron-values .${kind}-label[data-layer="${layer}"][data-unit="${unit}"]`));
    const legend = fig.querySelector(".flow-color-legend")!;
    return {
      caption: text(fig.querySelector("figcaption")),
      role: svg.getAttribute("role"),
      title: text(svg.querySelector(":scope > title")),
      desc: text(svg.querySelector(":scope > desc")),
      palette: fig.dataset.palette!,
      colorMode: fig.dataset.colorMode!,
      edgeMode: fig.dataset.edgeMode!,
      digits: Number(fig.dataset.digits),
      inputs: [...svg.querySelectorAll(".input-unit")].map((g) => ({unit: num(g, "data-unit"), text: valueText(0, num(g, "data-unit"), "x")})),
      neurons: [...svg.querySelectorAll(".neuron")].map((g) => {
        const layer = num(g, "data-layer");
        const unit = num(g, "data-unit");
        return {
          layer,
          unit,
          z: valueText(layer, unit, "z"),
          a: valueText(layer, unit, "a"),
          label: g.getAttribute("aria-label") ?? "",
          fillZ: g.querySelector(".value-circle.z")!.getAttribute("fill")!,
          fillA: g.querySelector(".value-circle.a")!.getAttribute("fill")!,
          pressed: g.getAttribute("aria-pressed") === "true"
        };
      }),
      biases: [...svg.querySelectorAll(".bias")].map((g) => ({layer: num(g, "data-layer"), unit: num(g, "data-unit"), text: text(g.querySelector(".bias-label"))})),
      edges: [...svg.querySelectorAll(".edge-label")].map((t) => ({layer: num(t, "data-layer"), from: num(t, "data-from"), to: num(t, "data-to"), text: text(t)})),
      legend: {
        mode: legend.getAttribute("data-mode") ?? "",
        title: text(legend.querySelector(".legend-title")),
        ramps: [...legend.querySelectorAll(".legend-ramp")].map((r) => ({
          label: r.getAttribute("data-label") ?? "",
          min: text(r.querySelector(".legend-min")),
          max: r.querySelector(".legend-max") ? text(r.querySelector(".legend-max")) : null
        }))
      }
    };
  });
}

/** One number of the arithmetic panel: its role (input, weight, product, bias, z, a, minus-z) and text. */
export interface ShownTerm {
  role: string;
  index: number | null;
  text: string;
}

/** The arithmetic panel of the flow diagram (the selected neuron), as shown. Each number is read once, from the table and the activation line. */
export async function readArithmetic(page: Page, scope = ".flow-diagram .flow-panel"): Promise<{layer: number; unit: number; digits: number; heading: string; table: ShownTerm[]; sumLine: ShownTerm[]; activationLine: ShownTerm[]; sumText: string; activationText: string}> {
  await diagramCaughtUp(page);
  return page.evaluate((scope) => {
    const root = document.querySelector(`${scope} .neuron-arithmetic`)!;
    const terms = (el: Element) =>
      [...el.querySelectorAll(".na-num")].map((n) => ({role: n.getAttribute("data-role")!, index: n.hasAttribute("data-index") ? Number(n.getAttribute("data-index")) : null, text: n.textContent ?? ""}));
    return {
      layer: Number(root.getAttribute("data-layer")),
      unit: Number(root.getAttribute("data-unit")),
      digits: Number(root.getAttribute("data-digits")),
      heading: root.querySelector(".na-heading")?.textContent ?? "",
      table: terms(root.querySelector("table.na-terms")!),
      sumLine: terms(root.querySelector(".na-z")!),
      activationLine: terms(root.querySelector(".na-a")!),
      sumText: root.querySelector(".na-z")?.textContent ?? "",
      activationText: root.querySelector(".na-a")?.textContent ?? ""
    };
  }, scope);
}

/** The chart <figure> (a Plot figure) whose svg has an aria-label starting with `label`. */
export function chart(page: Page, label: string): Locator {
  return page.locator(`figure:has(> svg[aria-label^="${label}"])`).first();
}

/**
 * Where a chart draws its ringed (selected) sample, and where its own scales put `point`: both in
 * the chart svg's coordinates. The ring is the largest circle of the chart.
 */
export async function ringAndPixel(figure: Locator, point: Point): Promise<{ring: [number, number]; pixel: [number, number]}> {
  return figure.evaluate((fig, point) => {
    const svg = [...fig.children].filter((c) => c.tagName.toLowerCase() === "svg").at(-1)!;
    const circles = [...svg.querySelectorAll("circle")];
    const ring = circles.reduce((a, b) => (Number(b.getAttribute("r")) > Number(a.getAttribute("r")) ? b : a));
    type Scale = {apply(v: number): number};
    const plot = fig as typeof fig & {scale(name: string): Scale};
    return {
      ring: [Number(ring.getAttribute("cx")), Number(ring.getAttribute("cy"))] as [number, number],
      pixel: [plot.scale("x").apply(point[0]), plot.scale("y").apply(point[1])] as [number, number]
    };
  }, point as [number, number]);
}

/**
 * The viewport pixel (whole numbers, as a mouse click lands) nearest to the data point `point` of a
 * Plot chart, found through the chart's scales and the svg's screen transform; and the data
 * coordinates of that pixel going back the same way, plus the data size of one pixel on each axis.
 */
export async function pixelOf(figure: Locator, point: Point): Promise<{client: [number, number]; data: [number, number]; pixelSize: [number, number]}> {
  await figure.scrollIntoViewIfNeeded();
  return figure.evaluate((fig, point) => {
    const svg = [...fig.children].filter((c) => c.tagName.toLowerCase() === "svg").at(-1) as SVGSVGElement;
    type Scale = {apply(v: number): number; invert(v: number): number};
    const plot = fig as typeof fig & {scale(name: string): Scale};
    const x = plot.scale("x");
    const y = plot.scale("y");
    const ctm = svg.getScreenCTM()!;
    const p = new DOMPoint(x.apply(point[0]), y.apply(point[1])).matrixTransform(ctm);
    const client: [number, number] = [Math.round(p.x), Math.round(p.y)];
    const back = new DOMPoint(client[0], client[1]).matrixTransform(ctm.inverse());
    const data: [number, number] = [x.invert(back.x), y.invert(back.y)];
    const one = new DOMPoint(client[0] + 1, client[1] + 1).matrixTransform(ctm.inverse());
    const pixelSize: [number, number] = [Math.abs(x.invert(one.x) - data[0]), Math.abs(y.invert(one.y) - data[1])];
    return {client, data, pixelSize};
  }, point as [number, number]);
}

/** Indices of the nearest and second nearest samples to `p`, and their distances. */
export function twoNearest(samples: readonly Point[], p: readonly number[]): {first: number; second: number; d1: number; d2: number} {
  let first = -1;
  let second = -1;
  let d1 = Infinity;
  let d2 = Infinity;
  samples.forEach((s, i) => {
    const d = Math.hypot(s[0] - p[0], s[1] - p[1]);
    if (d < d1) {
      [second, d2] = [first, d1];
      [first, d1] = [i, d];
    } else if (d < d2) {
      [second, d2] = [i, d];
    }
  });
  return {first, second, d1, d2};
}
