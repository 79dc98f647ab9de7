// The loss of a run while it trains: the last mini-batch loss and the MSE over the dataset of every epoch
// so far, on a log scale over the run's whole length of epochs. Plain SVG polylines updated in place
// (no chart library per update), so the page can redraw it on every animation frame; its
// data-updates attribute counts the redraws (the benchmark reads the rate).
// Its look follows the site's loss chart (loss-history.ts, Plot's defaults): decades written in
// decimal (decadeLabel), the axis labels "↑ loss (log scale)" and "epoch →", 10 px system-ui, and a
// left margin sized to the widest tick label, so large losses are not clipped.
import {svgElement, h} from "./dom.js";
import {decadeLabel, decades, LOSS_SERIES, tickLabelMargin, TICK_FONT, TICK_GAP} from "./loss-history.js";

export interface LiveLossChartOptions {
  width: number;
  height?: number;
  document?: Document;
}

export interface LiveLossChart extends HTMLElement {
  /** Redraws the lines for these histories (one value per epoch done). */
  update(loss: readonly number[], mse: readonly number[]): void;
}

const MARGIN = {top: 20, right: 20, bottom: 30};
const SERIES = LOSS_SERIES;

export function liveLossChart({epochs}: {epochs: number}, {width, height = 220, document: doc = document}: LiveLossChartOptions): LiveLossChart {
  const svg = svgElement(doc, "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("width", String(width));
  svg.setAttribute("height", String(height));
  svg.setAttribute("role", "img");
  const innerH = height - MARGIN.top - MARGIN.bottom;
  const axes = svgElement(doc, "g");
  axes.setAttribute("font-size", String(TICK_FONT.size));
  axes.setAttribute("font-family", TICK_FONT.family);
  axes.setAttribute("fill", "currentColor");
  svg.append(axes);
  const lines = SERIES.map((s) => {
    const line = svgElement(doc, "polyline");
    line.setAttribute("fill", "none");
    line.setAttribute("stroke", s.color);
    line.setAttribute("stroke-width", "1.5");
    svg.append(line);
    return line;
  });
  const legend = h(
    doc,
    "p",
    {class: "live-loss-legend"},
    // A coloured swatch beside text in the page's colour (the line colours are too light for text).
    SERIES.map((s) =>
      h(doc, "span", {class: "live-loss-key"}, h(doc, "span", {class: "live-loss-swatch", "aria-hidden": "true", style: `border-top-color: ${s.color}`}), s.label)
    )
  );
  const root = Object.assign(h(doc, "figure", {class: "live-loss-chart", "data-updates": 0}, svg, legend), {update});
  let updates = 0;

  function text(x: number, y: number, anchor: string, content: string) {
    const t = svgElement(doc, "text");
    t.setAttribute("x", String(x));
    t.setAttribute("y", String(y));
    t.setAttribute("text-anchor", anchor);
    t.textContent = content;
    return t;
  }

  function update(loss: readonly number[], mse: readonly number[]) {
    const values = [...loss, ...mse].filter((v) => v > 0 && Number.isFinite(v));
    // Whole decades around the values, at least one decade tall (before any epoch: 0.001 to 1).
    const ticks = values.length ? decades(Math.min(...values), Math.max(...values)) : decades(1e-3, 1);
    const labels = ticks.map(decadeLabel);
    const left = tickLabelMargin(labels);
    const innerW = width - left - MARGIN.right;
    const lo = Math.log10(ticks[0]);
    const hi = Math.log10(ticks[ticks.length - 1]);
    const x = (epoch: number) => left + (innerW * epoch) / Math.max(1, epochs);
    const y = (v: number) => MARGIN.top + innerH * (1 - (Math.log10(Math.max(v, ticks[0])) - lo) / (hi - lo));
    const marks: SVGElement[] = [];
    ticks.forEach((t, i) => {
      const grid = svgElement(doc, "line");
      grid.setAttribute("x1", String(left));
      grid.setAttribute("x2", String(width - MARGIN.right));
      grid.setAttribute("y1", y(t).toFixed(1));
      grid.setAttribute("y2", y(t).toFixed(1));
      grid.setAttribute("stroke", "currentColor");
      grid.setAttribute("stroke-opacity", "0.1");
      marks.push(grid, text(left - TICK_GAP, y(t) + 3, "end", labels[i]));
    });
    marks.push(
      text(0, MARGIN.top - 8, "start", "↑ loss (log scale)"),
      text(left, height - 14, "middle", "0"),
      text(width - MARGIN.right, height - 14, "middle", String(epochs)),
      text(width - MARGIN.right, height - 1, "end", "epoch →")
    );
    axes.replaceChildren(...marks);
    [loss, mse].forEach((series, i) => lines[i].setAttribute("points", series.map((v, e) => `${x(e + 1).toFixed(1)},${y(v).toFixed(1)}`).join(" ")));
    const last = loss.length;
    svg.setAttribute(
      "aria-label",
      last ? `Loss by epoch, log scale: after epoch ${last}, ${SERIES[0].label} ${loss[last - 1].toPrecision(3)}, ${SERIES[1].label} ${mse[last - 1].toPrecision(3)}` : "Loss by epoch: no epoch trained yet"
    );
    root.dataset.updates = String(++updates);
  }
  update([], []);
  return root;
}
