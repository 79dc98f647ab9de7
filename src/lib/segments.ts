// Where a zone's linear function fits the truth along a segment of the plane: the article charts its
// north-east and north-west zones' functions along x2 = ±x1/2 and says for which x1 the fit is good;
// this finds, for any network, the x1 over which |a·x1 + b·x2 + c − f(x1, x2)| stays within a
// tolerance, so the page can say it of the run it shows.
import {linspace, TARGETS, type DatasetName} from "./datasets.js";
import type {LocalLinear} from "./regions.js";

/** The segment x2 = slope·x1 for x1 from x1From to x1To. */
export interface Segment {
  slope: number;
  x1From: number;
  x1To: number;
}

/** How close to the truth counts as a good fit, in units of y (the targets span about ±1 on the data). */
export const FIT_TOLERANCE = 0.05;

/** Samples along the segment: its x1 extent is at most a few units, so steps of under 0.01. */
const SAMPLES = 601;

/**
 * The x1 intervals of the segment where the linear function is within `tolerance` of the target,
 * from SAMPLES evenly spaced points (each interval's ends are sample points).
 */
export function fitIntervals(lin: LocalLinear, dataset: DatasetName, segment: Segment, tolerance = FIT_TOLERANCE): [number, number][] {
  const f = TARGETS[dataset];
  const xs = linspace(segment.x1From, segment.x1To, SAMPLES);
  const intervals: [number, number][] = [];
  let start: number | null = null;
  xs.forEach((x1, i) => {
    const x2 = segment.slope * x1;
    const fits = Math.abs(lin.a * x1 + lin.b * x2 + lin.c - f(x1, x2)) <= tolerance;
    if (fits && start === null) start = x1;
    if ((!fits || i === xs.length - 1) && start !== null) {
      intervals.push([start, fits ? x1 : xs[i - 1]]);
      start = null;
    }
  });
  return intervals;
}
