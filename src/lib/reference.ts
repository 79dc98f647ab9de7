// What the article's pages need beyond the network specs: the plane the small network's lines are
// drawn on, and the segment through each zone along which its local linear function is charted.
// The points themselves are the spec's presets (data/small-relu.json), looked up by label.
import type {Point} from "./datasets.js";

/** Half-width of the square the article draws the first-layer lines on: [-3, 3]^2. */
export const PLANE_RANGE = 3;

/** Direction of the segment through each zone's point, by the preset's label (default slope ½). */
const ZONE_DIRECTIONS: Readonly<Record<string, Point>> = {
  centre: [1, 0.5],
  "north-east": [1, 0.5],
  "north-west": [1, -0.5],
  north: [1, 0]
};

export function zoneDirection(label: string): Point {
  return ZONE_DIRECTIONS[label] ?? [1, 0.5];
}
