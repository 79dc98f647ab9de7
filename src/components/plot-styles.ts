// Plot gives every chart and legend its own <style> element. Each time one enters or leaves the
// page, Chromium collects the page's style rules again and recomputes the style of every element
// they may match: every text of every Plot chart, about 80 on a network page, which cost 4–6 ms of
// a replayed epoch or a moved point whenever a chart was drawn again. The rules are
// the same for every chart of one Plot version (they are scoped by Plot's one class name), so the
// page needs each text once: hoistPlotStyles moves a chart's style elements into the document's
// head, once per distinct text, and the chart goes in and out of the page without any.
const hoisted = new WeakMap<Document, Set<string>>();

/** Moves the <style> elements out of `chart` into its document's head (each distinct text once); returns the chart. */
export function hoistPlotStyles<T extends Element>(chart: T): T {
  const doc = chart.ownerDocument;
  let seen = hoisted.get(doc);
  if (!seen) hoisted.set(doc, (seen = new Set()));
  for (const style of chart.querySelectorAll("style")) {
    const text = style.textContent ?? "";
    if (!seen.has(text) && doc.head) {
      seen.add(text);
      const shared = doc.createElement("style");
      shared.setAttribute("data-plot-styles", "");
      shared.textContent = text;
      doc.head.append(shared);
    }
    style.remove();
  }
  return chart;
}
