// The structure facts the seed scan and the pages use, on the article's own network (which shows the
// diamond, with units 1 and 3 on at the origin) and on variations of it that break each part.
import {describe, expect, it} from "vitest";
import {ARTICLE_NETWORK} from "../../src/lib/article-network.js";
import {diamondStructure, showsArticleDiamond} from "../../src/lib/structure.js";
import type {Network} from "../../src/lib/network.js";

/** The article's network with first-layer biases replaced. */
function withBiases(biases: number[]): Network {
  const [first, ...rest] = ARTICLE_NETWORK.layers;
  return {...ARTICLE_NETWORK, layers: [{weights: first.weights, biases}, ...rest]};
}

describe("diamondStructure", () => {
  it("finds the article's diamond: closed, four sides, units 1 and 3 on, two opposite pairs", () => {
    const s = diamondStructure(ARTICLE_NETWORK);
    expect(s).toMatchObject({closed: true, sides: 4, active: [1, 3], opposite: true});
    expect(s.pairs).toHaveLength(2);
    expect(showsArticleDiamond(s)).toBe(true);
  });

  it("rejects a run with no unit on at the origin (all biases negative)", () => {
    const s = diamondStructure(withBiases([-0.4, -0.7, -0.35, -0.75]));
    expect(s.active).toEqual([]);
    expect(showsArticleDiamond(s)).toBe(false);
  });

  it("rejects a zone that reaches the edge of the plane", () => {
    const s = diamondStructure(ARTICLE_NETWORK, 0.1);
    expect(s.closed).toBe(false);
    expect(showsArticleDiamond(s)).toBe(false);
  });

  it("rejects units that are not in opposite pairs", () => {
    // Turn unit 1's weight vector by 90°: it is no longer opposite any unit.
    const [first, ...rest] = ARTICLE_NETWORK.layers;
    const [w1x, w1y] = [first.weights[0][0], first.weights[1][0]];
    const weights = [first.weights[0].map((w, j) => (j === 0 ? -w1y : w)), first.weights[1].map((w, j) => (j === 0 ? w1x : w))];
    const s = diamondStructure({...ARTICLE_NETWORK, layers: [{weights, biases: first.biases}, ...rest]});
    expect(s.opposite).toBe(false);
    expect(showsArticleDiamond(s)).toBe(false);
  });
});
