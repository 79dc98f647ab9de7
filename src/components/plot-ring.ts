// A ring that marks the selected sample on a Plot chart and moves without redrawing the chart.
// Redrawing a contour chart with thousands of dots for every slider step costs tens of
// milliseconds; moving two circles costs nothing, so the charts are drawn once and the ring follows.
import type {Point} from "../lib/datasets.js";
import {svgElement} from "./dom.js";
import {chartSvg, type PlotChart} from "./plot-click.js";

export interface RingMarker {
  /** Moves the ring to a point given in data coordinates. */
  move(point: Point): void;
}

export function ringMarker(plot: PlotChart, {r = 7}: {r?: number} = {}): RingMarker {
  const svg = chartSvg(plot);
  const x = plot.scale("x");
  const y = plot.scale("y");
  if (!svg || !x || !y) throw new TypeError("ringMarker: expected a Plot chart with x and y scales");
  const doc = svg.ownerDocument;
  const g = svgElement(doc, "g");
  g.setAttribute("class", "selected-ring");
  g.setAttribute("pointer-events", "none");
  // A dark ring inside a white one stays visible on light and dark fills alike.
  const halo = svgElement(doc, "circle");
  halo.setAttribute("r", String(r - 2));
  halo.setAttribute("fill", "none");
  halo.setAttribute("stroke", "white");
  halo.setAttribute("stroke-width", "1.5");
  const ring = svgElement(doc, "circle");
  ring.setAttribute("r", String(r));
  ring.setAttribute("fill", "none");
  ring.setAttribute("stroke", "currentColor");
  ring.setAttribute("stroke-width", "2.5");
  g.append(halo, ring);
  svg.append(g);
  return {
    move([px, py]) {
      const cx = String(x.apply(px));
      const cy = String(y.apply(py));
      for (const c of [halo, ring]) {
        c.setAttribute("cx", cx);
        c.setAttribute("cy", cy);
      }
    }
  };
}
