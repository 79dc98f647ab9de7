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
import {pointLabel} from "../lib/format.js";
import {nearestSample} from "../lib/sampling.js";
import {modelEstimate} from "./model-estimate.js";
import {chartSvg, onPlotClick} from "./plot-click.js";
import {ringMarker} from "./plot-ring.js";
import {h} from "./dom.js";

/** The arrow keys' step in the plane, and with Shift. */
export const STEP = 0.05;
export const BIG_STEP = 0.5;

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
   * Shows another grid estimate on the same grid (another epoch's): only the contours, the titles
   * and the legends change, swapped in place; the samples' dots, the axes and the rings stay. The
   * pieces of each `key` are built once and kept, so coming back to an epoch costs a swap.
   */
  setEstimate(est: GridEstimate, key: string | number): void;
  /**
   * Builds ahead, off the page, one more panel's pieces of the estimate `key` (for setEstimate later),
   * so that the work can be spread over idle moments; returns true once every panel's are built.
   */
  prepareEstimate(est: GridEstimate, key: string | number): boolean;
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
  /** What differs between two estimates in one chart: its contours, its head (title, subtitle, legend), its label. */
  interface Pieces {
    contour: Element;
    head: Element[];
    label: string;
  }
  const piecesOf = (chart: Element, svg: SVGSVGElement): Pieces => ({
    contour: svg.querySelector(".estimate-contour")!,
    head: [...chart.children].filter((c) => c !== svg),
    label: svg.getAttribute("aria-label") ?? ""
  });
  const cache = new Map<string | number, Pieces[]>();
  /** Pieces built ahead by prepareEstimate, panel by panel, until all three are there. */
  const partial = new Map<string | number, Pieces[]>();
  const piecesFor = (next: GridEstimate, n: number): Pieces => {
    // Drawn without the samples' dots (the live charts keep theirs), then taken apart.
    const fresh = modelEstimate(next, {width: panelWidth, kind: kinds[n], samples: [], document});
    return piecesOf(fresh, chartSvg(fresh)!);
  };
  let shownKey: string | number = estimateKey;
  let firstKept = false;
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
    prepareEstimate(next: GridEstimate, key: string | number): boolean {
      // The first estimate's pieces are the ones drawn first (kept by setEstimate when it leaves).
      if (key === shownKey || key === estimateKey || cache.has(key)) return true;
      let ahead = partial.get(key);
      if (!ahead) partial.set(key, (ahead = []));
      if (ahead.length < kinds.length) ahead.push(piecesFor(next, ahead.length));
      return ahead.length === kinds.length;
    },
    setEstimate(next: GridEstimate, key: string | number) {
      if (key === shownKey) return;
      if (!firstKept) {
        // The pieces drawn first belong to the first estimate; keep them for coming back.
        firstKept = true;
        cache.set(estimateKey, charts.map((c) => piecesOf(c.chart, c.svg)));
      }
      let pieces = cache.get(key);
      if (!pieces) {
        const ahead = partial.get(key) ?? [];
        partial.delete(key);
        pieces = kinds.map((_, n) => ahead[n] ?? piecesFor(next, n));
        cache.set(key, pieces);
      }
      charts.forEach((c, k) => {
        const now = piecesOf(c.chart, c.svg);
        now.contour.replaceWith(pieces![k].contour);
        const head = pieces![k].head;
        if (head.length === now.head.length) {
          // Only what differs is swapped (the title stays; the subtitle and the legend change).
          now.head.forEach((el, n) => {
            if (el !== head[n] && !el.isEqualNode(head[n])) el.replaceWith(head[n]);
          });
          // The kept pieces must hold the nodes in the page, so that coming back swaps them out.
          pieces![k].head = [...c.chart.children].filter((el) => el !== c.svg);
        } else {
          for (const el of now.head) el.remove();
          c.chart.prepend(...head);
        }
        c.label = pieces![k].label;
      });
      shownKey = key;
      if (shownName) mark(current, shownName);
    }
  });
}
