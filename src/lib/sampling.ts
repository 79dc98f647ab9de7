// Finding samples by position: the reader picks a point and we show the training sample nearest it.
import type {Point} from "./datasets.js";

/** Index of the sample nearest `target` in Euclidean distance (the first one on ties). */
export function nearestSample(samples: readonly Point[], target: Point): number {
  let best = -1;
  let bestD = Infinity;
  samples.forEach((p, i) => {
    const d = (p[0] - target[0]) ** 2 + (p[1] - target[1]) ** 2;
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  });
  if (best < 0) throw new RangeError("nearestSample: no samples");
  return best;
}
