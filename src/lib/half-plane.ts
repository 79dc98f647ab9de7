// Where one first-layer unit is active: the half-plane w1·x1 + w2·x2 + b > 0, clipped to the square
// [-r, r]² (Sutherland–Hodgman against one edge: keep the square's corners on the active side and
// add the points where the line crosses the square's sides). Empty when the unit is silent on the
// whole square; the whole square when it is active everywhere.
import type {Point} from "./datasets.js";
import type {UnitLine} from "./regions.js";

export function activeHalfPlane(line: Pick<UnitLine, "w1" | "w2" | "b">, r: number): Point[] {
  const f = (q: Point) => line.w1 * q[0] + line.w2 * q[1] + line.b;
  const square: Point[] = [
    [-r, -r],
    [r, -r],
    [r, r],
    [-r, r]
  ];
  const out: Point[] = [];
  square.forEach((cur, i) => {
    const prev = square[(i + 3) % 4];
    const cross = (): Point => {
      const t = f(prev) / (f(prev) - f(cur));
      return [prev[0] + t * (cur[0] - prev[0]), prev[1] + t * (cur[1] - prev[1])];
    };
    if (f(cur) > 0) {
      if (f(prev) <= 0 && f(prev) !== f(cur)) out.push(cross());
      out.push(cur);
    } else if (f(prev) > 0) out.push(cross());
  });
  return out;
}
