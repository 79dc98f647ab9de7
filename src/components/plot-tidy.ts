// What every Plot chart of the site goes through once drawn: its marks' meaningless aria-labels
// removed (plot-aria.ts) and its style elements moved to the page's head (plot-styles.ts).
import {withoutMarkLabels} from "./plot-aria.js";
import {hoistPlotStyles} from "./plot-styles.js";

export function tidyPlot<T extends Element>(chart: T): T {
  return hoistPlotStyles(withoutMarkLabels(chart));
}
