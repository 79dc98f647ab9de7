// The estimate, the truth and the error side by side. A click on any panel hands the exact point
// under the pointer to onPoint (the caller decides whether it snaps to the nearest sample); without
// onPoint, a click picks the nearest sample through onSelect. The panels are drawn once;
// selectPoint(point) moves their rings and updates their text alternatives.
//
// Keyboard: the group of panels is one focusable point cursor. The arrow keys move the point by
// STEP (Shift: BIG_STEP) and hand it to onPoint, Enter hands the point to onSnap (the nearest
// sample), so everything a click does can be done without a pointer.
import type {Point} from "../lib/datasets.js";
import type {GridEstimate} from "../lib/estimate.js";
import type {ContourPaths} from "../lib/contour-paths.js";
import {pointLabel} from "../lib/format.js";
import {nearestSample} from "../lib/sampling.js";
import {modelEstimate} from "./model-estimate.js";
import {chartSvg, onPlotClick} from "./plot-click.js";
import {ringMarker} from "./plot-ring.js";
import {h} from "./dom.js";
import type {CheckpointContours, PanelFrames} from "../lib/contour-protocol.js";

/** The arrow keys' step in the plane, and with Shift. */
export const STEP = 0.05;
export const BIG_STEP = 0.5;

/**
 * Estimates whose contours are kept for coming back: every checkpoint of a page (they are 51 at
 * most today, one per 5 of 250 epochs); a key's contours weigh about 150 kB of path data.
 */
export const KEPT_KEYS = 64;

export interface EstimatePanelsOptions {
  width: number;
  samples: readonly Point[];
  /** Called with the index of the sample nearest a click (when onPoint is not given). */
  onSelect?: (index: number) => void;
  /** Called with the exact point of a click or of an arrow key. */
  onPoint?: (point: Point) => void;
  /** Called by Enter with the cursor's point, to snap it to the nearest sample. */
  onSnap?: (point: Point) => void;
  /** How far the cursor may go from the origin in each coordinate (the grid's reach). */
  range?: number;
  /** The key of the estimate drawn first, for setEstimate (default "first"). */
  estimateKey?: string | number;
  document?: Document;
}

export interface EstimatePanels extends HTMLElement {
  /**
   * Shows another grid estimate on the same grid (another epoch's), in place: the estimate and error
   * panels get that estimate's contours in their path elements, every panel its fills on the new
   * colour domains, its subtitle, label and legend ticks; the truth's contours stay (the truth does
   * not depend on the network). The samples' dots, the axes and the rings stay. The contours of each
   * `key` are computed once and kept (for the last KEPT_KEYS keys), so coming back costs the swap.
   */
  setEstimate(est: GridEstimate, key: string | number): void;
  /**
   * Computes ahead, off the page, the contours of the estimate `key` (for setEstimate later), one
   * panel's per call, so that the work can be spread over idle moments; returns true once all are.
   */
  prepareEstimate(est: GridEstimate, key: string | number): boolean;
  /** Where the estimate and error panels draw their contours (for contours computed elsewhere: checkpointPanels). */
  frames(): PanelFrames;
  /** Keeps contours computed elsewhere (the contour worker) for setEstimate(…, key) later. */
  provideContours(key: string | number, contours: CheckpointContours): void;
  /** Whether setEstimate(…, key) would cost only the swap: that key is shown, or its contours are computed. */
  ready(key: string | number): boolean;
  /**
   * Says the panels are behind the page (their estimate is being computed): aria-busy on the group,
   * which the stylesheet shows by fading the contours, after a short delay, until setEstimate.
   */
  setWaiting(waiting: boolean): void;
  /** Marks sample i on every panel. */
  select(i: number): void;
  /** Marks a point on every panel, named in the text alternatives by `name`. */
  selectPoint(point: Point, name: string): void;
}

const ARROWS: Record<string, Point> = {ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1]};

export function estimatePanels(est: GridEstimate, {width, samples, onSelect, onPoint, onSnap, range = 3, estimateKey = "first", document = globalThis.document}: EstimatePanelsOptions): EstimatePanels {
  // Three across when there is room for legible panels (about 200 px each), else one per row.
  const gap = 12;
  const panelWidth = width >= 3 * 200 + 2 * gap ? Math.floor((width - 2 * gap) / 3) : width;
  const kinds = ["estimate", "truth", "error"] as const;
  const charts = kinds.map((kind) => {
    const chart = modelEstimate(est, {width: panelWidth, kind, samples, document});
    if (onPoint) onPlotClick(chart, onPoint);
    else if (onSelect) onPlotClick(chart, (p) => onSelect(nearestSample(samples, p)));
    const svg = chartSvg(chart)!;
    return {kind, chart, svg, label: svg.getAttribute("aria-label") ?? "", ring: ringMarker(chart)};
  });
  const [estimateChart, , errorChart] = charts;
  /** The contours of the panels that follow the network (the truth's never change), per estimate key. */
  type Paths = CheckpointContours;
  const cache = new Map<string | number, Paths>();
  const keep = (key: string | number, paths: Paths) => {
    cache.delete(key);
    cache.set(key, paths);
    // The oldest key goes first (a Map iterates in insertion order; a key used is re-inserted).
    while (cache.size > KEPT_KEYS) cache.delete(cache.keys().next().value!);
  };
  /** The estimate panel's contours of a key whose error panel's are not computed yet (prepareEstimate). */
  const partial = new Map<string | number, ContourPaths>();
  const pathsFor = (next: GridEstimate, key: string | number): Paths => {
    let paths = cache.get(key);
    if (!paths) {
      paths = {estimate: partial.get(key) ?? estimateChart.chart.pathsOf(next), error: errorChart.chart.pathsOf(next)};
      partial.delete(key);
    }
    keep(key, paths);
    return paths;
  };
  let shownKey: string | number = estimateKey;
  let shown: Paths = {estimate: estimateChart.chart.shownPaths(), error: errorChart.chart.shownPaths()};
  const interactive = onPoint !== undefined;
  const root = h(
    document,
    "div",
    {
      class: "estimate-panels",
      style: `display: grid; gap: ${gap}px; grid-template-columns: repeat(auto-fill, minmax(${panelWidth}px, 1fr));`,
      ...(interactive
        ? {tabindex: 0, role: "group", "aria-label": `Point cursor over the estimate, truth and error panels: arrow keys move the point by ${STEP} (with Shift ${BIG_STEP}), Enter goes to the nearest sample`}
        : {})
    },
    charts.map((c) => h(document, "div", {}, c.chart))
  );
  // The key shown, for the page's tests and benchmarks (String(key) reads back as the epoch).
  root.setAttribute("data-estimate-key", String(estimateKey));
  const setWaiting = (waiting: boolean) => {
    if (waiting) root.setAttribute("aria-busy", "true");
    else root.removeAttribute("aria-busy");
  };
  let current: Point = samples[0] ?? [0, 0];
  const clamp = (v: number) => Math.min(range, Math.max(-range, v));
  if (interactive)
    root.addEventListener("keydown", (event) => {
      const dir = ARROWS[event.key];
      if (dir) {
        event.preventDefault(); // the arrows would scroll the page
        const step = event.shiftKey ? BIG_STEP : STEP;
        // The moved coordinate is rounded to 1e-9, so repeated steps do not gather float noise
        // (0.1 + 0.05 + …); the other is kept exactly.
        const move = (v: number, d: number) => (d === 0 ? v : clamp(Math.round((v + d * step) * 1e9) / 1e9));
        onPoint!([move(current[0], dir[0]), move(current[1], dir[1])]);
      } else if (event.key === "Enter" && onSnap) {
        event.preventDefault();
        onSnap(current);
      }
    });
  const mark = (point: Point, name: string) => {
    current = point;
    for (const c of charts) {
      c.ring.move(point);
      c.svg.setAttribute("aria-label", `${c.label}; ${name} ringed`);
    }
  };
  let shownName = "";
  const markNamed = (point: Point, name: string) => {
    shownName = name;
    mark(point, name);
  };
  return Object.assign(root, {
    select: (i: number) => markNamed(samples[i], `selected sample ${i}`),
    selectPoint: markNamed,
    frames: () => ({estimate: estimateChart.chart.frame, error: errorChart.chart.frame}),
    provideContours(key: string | number, contours: CheckpointContours) {
      if (key === shownKey || cache.has(key)) return;
      partial.delete(key);
      keep(key, contours);
    },
    ready: (key: string | number) => key === shownKey || cache.has(key),
    setWaiting,
    prepareEstimate(next: GridEstimate, key: string | number): boolean {
      if (key === shownKey || cache.has(key)) return true;
      const ahead = partial.get(key);
      if (!ahead) {
        partial.set(key, estimateChart.chart.pathsOf(next));
        return false;
      }
      partial.delete(key);
      keep(key, {estimate: ahead, error: errorChart.chart.pathsOf(next)});
      return true;
    },
    setEstimate(next: GridEstimate, key: string | number) {
      if (key === shownKey) return setWaiting(false);
      if (!cache.has(shownKey)) keep(shownKey, shown);
      const paths = pathsFor(next, key);
      estimateChart.chart.update(next, paths.estimate);
      charts[1].chart.update(next);
      errorChart.chart.update(next, paths.error);
      for (const c of charts) c.label = c.svg.getAttribute("aria-label") ?? "";
      shown = paths;
      shownKey = key;
      root.setAttribute("data-estimate-key", String(key));
      setWaiting(false);
      if (shownName) mark(current, shownName);
    }
  });
}
