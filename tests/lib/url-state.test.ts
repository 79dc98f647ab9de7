// The address of a view: every valid state reads back as itself; every malformed or foreign value
// is ignored, named with its key, and leaves the rest of the address in force.
import {describe, expect, it} from "vitest";
import {epochList, ignoredNotice, parseUrlState, serializeUrlState, type UrlLimits, type UrlState} from "../../src/lib/url-state.js";

const limits: UrlLimits = {
  samples: 2500,
  range: 3,
  epochs: [0, 5, 10, 250],
  palettes: ["viridis", "rainbow"],
  colorModes: ["comp", "layer", "dataset"],
  edgeModes: ["weight", "contribution"],
  weights: ["build", "article"],
  units: [5, 5, 1]
};

const roundTrip = (state: UrlState) => parseUrlState(`#${serializeUrlState(state)}`, limits);

describe("url state", () => {
  it("reads back every field it writes, a point exactly", () => {
    const states: UrlState[] = [
      {point: [0.1 + 0.2, -1 / 3], epoch: 5, palette: "rainbow", colorMode: "dataset", edgeMode: "contribution", weights: "article", unit: {layer: 2, unit: 5}},
      {sample: 0, epoch: 250, palette: "viridis", colorMode: "comp", edgeMode: "weight", unit: null},
      {sample: 2499, epoch: 0, unit: {layer: 3, unit: 1}},
      {point: [-3, 3]},
      {point: [1e-7, -2.5]}
    ];
    for (const state of states) {
      const parsed = roundTrip(state);
      expect(parsed.ignored).toEqual([]);
      expect(parsed.isState).toBe(true);
      const {unit, ...rest} = state;
      expect(parsed.state).toEqual({...rest, ...(unit ? {unit} : {})});
    }
    expect(roundTrip({point: [0.1 + 0.2, -1 / 3]}).state.point).toEqual([0.30000000000000004, -0.3333333333333333]);
  });

  it("treats an empty fragment and an ordinary anchor as no state, with nothing to report", () => {
    for (const hash of ["", "#", "#training", "#one-sample-through-the-network"]) {
      expect(parseUrlState(hash, limits)).toEqual({isState: false, state: {}, ignored: []});
    }
  });

  it("ignores each malformed or foreign value, names its key, and keeps the rest", () => {
    const cases: [string, string][] = [
      ["p=1", "p"],
      ["p=1,2,3", "p"],
      ["p=a,b", "p"],
      ["p=0x10,1", "p"],
      ["p=Infinity,1", "p"],
      ["p=4,0", "p"],
      ["p=1e400,0", "p"],
      ["s=-1", "s"],
      ["s=2500", "s"],
      ["s=1.5", "s"],
      ["s=", "s"],
      ["e=7", "e"],
      ["e=abc", "e"],
      ["pal=plasma", "pal"],
      ["cm=global", "cm"],
      ["em=both", "em"],
      ["w=mine", "w"],
      ["u=4.1", "u"],
      ["u=1.6", "u"],
      ["u=0.1", "u"],
      ["u=1", "u"],
      ["zoom=2", "zoom"],
      ["e=%E0%A4%A", "e"],
      ["<script>=1", "<script>"]
    ];
    for (const [bad, key] of cases) {
      // One valid key beside the bad one, of another kind: it still applies.
      const [good, check] = key === "s" ? (["em=contribution", (st: UrlState) => st.edgeMode === "contribution"] as const) : (["s=4", (st: UrlState) => st.sample === 4] as const);
      const parsed = parseUrlState(`#${bad}&${good}`, limits);
      expect(parsed.ignored.map((i) => i.key), bad).toEqual([key]);
      expect(check(parsed.state), bad).toBe(true);
      expect(ignoredNotice(parsed.ignored), bad).toContain(`${key}=`);
    }
  });

  it("keeps the first of a repeated key and a point over a sample", () => {
    const twice = parseUrlState("#e=5&e=10", limits);
    expect(twice.state.epoch).toBe(5);
    expect(twice.ignored.map((i) => i.key)).toEqual(["e"]);
    const both = parseUrlState("#s=3&p=1,1", limits);
    expect(both.state).toEqual({point: [1, 1]});
    expect(both.ignored.map((i) => i.key)).toEqual(["s"]);
  });

  it("refuses the weights key on a page without a choice of weights", () => {
    const parsed = parseUrlState("#w=build", {...limits, weights: []});
    expect(parsed.state.weights).toBeUndefined();
    expect(parsed.ignored[0].reason).toMatch(/one set of weights/);
  });

  it("quotes a long value shortened in the notice", () => {
    const notice = ignoredNotice(parseUrlState(`#pal=${"x".repeat(500)}`, limits).ignored);
    expect(notice.length).toBeLessThan(200);
    expect(notice).toMatch(/^Ignored in the address: pal="x{24}…"/);
    expect(ignoredNotice([])).toBe("");
  });
  it("names a long key shortened too", () => {
    const notice = ignoredNotice(parseUrlState(`#${"k".repeat(300)}=1`, limits).ignored);
    expect(notice).toBe(`Ignored in the address: ${"k".repeat(24)}…="1" (not a setting of this page).`);
  });
  it("names the stored epochs when it refuses one between checkpoints", () => {
    expect(epochList([0, 5, 10, 15, 20, 250])).toBe("0, 5, 10, …, 250");
    expect(epochList([0, 1, 2])).toBe("0, 1, 2");
    const {ignored} = parseUrlState("#e=7", {...limits, epochs: [0, 5, 10, 15, 20, 250]});
    expect(ignoredNotice(ignored)).toContain("0, 5, 10, …, 250");
  });
});
