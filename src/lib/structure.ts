// The structure the article's small ReLU network shows, as facts about any one-hidden-layer run: is
// the zone around the origin a closed quadrilateral (the "diamond" of four lines), how many units
// are on inside it, and do the first-layer units come in opposite pairs. The seed scan keeps the
// first run that meets the article's loss and shows this structure; the pages state what a run shows.
import type {Network} from "./network.js";
import {PLANE_RANGE} from "./reference.js";
import type {Point} from "./datasets.js";
import {activationMask, activeUnits, isClosedZone, zonePolygon} from "./regions.js";
import {OPPOSITE_COSINE, oppositePairs, type UnitPair} from "./symmetry.js";

const ORIGIN: Point = [0, 0];

export interface DiamondStructure {
  /** The origin's zone is closed inside the plane, bounded by lines only. */
  closed: boolean;
  /** Its number of sides. */
  sides: number;
  /** The units on inside it (1-based). */
  active: number[];
  /** The first layer's units paired most-opposite first. */
  pairs: UnitPair[];
  /** Every pair is nearly opposite (cosine below OPPOSITE_COSINE). */
  opposite: boolean;
}

export function diamondStructure(net: Network, range = PLANE_RANGE): DiamondStructure {
  const polygon = zonePolygon(net, ORIGIN, range);
  const pairs = oppositePairs(net.layers[0]);
  return {
    closed: isClosedZone(polygon, range),
    sides: polygon.length,
    active: activeUnits(activationMask(net, ORIGIN)[0]),
    pairs,
    opposite: pairs.length > 0 && pairs.every((p) => p.cosine < OPPOSITE_COSINE)
  };
}

/** The article's picture: a closed four-sided diamond at the origin, two units on in it, two opposite pairs. */
export function showsArticleDiamond(s: DiamondStructure): boolean {
  return s.closed && s.sides === 4 && s.active.length === 2 && s.pairs.length === 2 && s.opposite;
}
