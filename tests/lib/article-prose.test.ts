// The sentences about the article's network say what its data shows.
import {describe, expect, it} from "vitest";
import {ARTICLE_NETWORK, ARTICLE_ZONE_STEPS, compareWithPrinted} from "../../src/lib/article-network.js";
import {localLinear} from "../../src/lib/regions.js";
import {FIT_TOLERANCE, fitIntervals} from "../../src/lib/segments.js";
import {
  articleSampleSentence,
  outputCompositionSentence,
  printedAgreementSentence,
  segmentFitSentence,
  shownNetworkPhrase,
  swappedWeightsSentence
} from "../../src/lib/article-prose.js";

describe("article prose", () => {
  it("names the network a figure shows", () => {
    expect(shownNetworkPhrase("build")).toBe("this build's run");
    expect(shownNetworkPhrase("article", true)).toBe("The article's network");
  });

  it("shows the swapped weights of the article's hand sum with the network's own numbers", () => {
    const text = swappedWeightsSentence(ARTICLE_NETWORK);
    expect(text).toMatch(/multiplies x₁ by 0\.800 and x₂ by −0\.453, where the unit's weights are −0\.454 for x₁ and 0\.800 for x₂/);
    expect(text).toMatch(/writes −0\.366 where the sum is −1\.093/);
  });

  it("sets the article's read-off sample values beside what its weights give", () => {
    expect(articleSampleSentence(ARTICLE_NETWORK)).toMatch(/^At \(0\.37, −0\.21\) the printed weights give units 1 and 3 the activations 0\.398 and 0\.351 and the output 0\.0056/);
  });

  it("reports the largest difference from the printed arrays only for the article's network", () => {
    expect(printedAgreementSentence("article", compareWithPrinted(ARTICLE_NETWORK))).toMatch(/the largest difference is 1\.2e−8, below the 1e−7/);
    expect(printedAgreementSentence("build", [])).toMatch(/^The article prints these arrays/);
  });

  it("says where a zone's function fits the truth along the article's segment", () => {
    const ne = ARTICLE_ZONE_STEPS["north-east"];
    const lin = localLinear(ARTICLE_NETWORK, ne.point);
    const intervals = fitIntervals(lin, "prod", ne.segment!);
    expect(intervals.length).toBeGreaterThan(0);
    // The fit holds at the far end of the segment and not at its start, as the article describes.
    expect(intervals.at(-1)![1]).toBe(ne.segment!.x1To);
    expect(intervals[0][0]).toBeGreaterThan(ne.segment!.x1From);
    expect(segmentFitSentence(intervals, FIT_TOLERANCE, ne.segment!, 1.25)).toMatch(/^Along x₂ = x₁\/2 the zone's linear function stays within 0\.05 of the truth for x₁ from \d\.\d\d to 2\.00; the article reads a good fit for x₁ > 1\.25\.$/);
    expect(segmentFitSentence([], FIT_TOLERANCE, {slope: -0.5}, -1.25)).toBe("Along x₂ = −x₁/2 the zone's linear function is never within 0.05 of the truth; the article reads a good fit for x₁ < −1.25.");
  });

  it("explains the output from the units that are on", () => {
    expect(outputCompositionSentence([1], [0.8258, -0.47, 0.9474, -0.4772], -0.6557)).toBe(
      "unit 1 is on, so the output is its activation times its output weight (0.826), plus the output bias −0.656."
    );
    expect(outputCompositionSentence([1, 3], [0.8258, -0.47, 0.9474, -0.4772], -0.6557)).toMatch(/^units 1 and 3 are on, so the output is the sum of their activations/);
    expect(outputCompositionSentence([], [0.8], -0.6557)).toBe("No unit is on, so the output is the output bias alone, −0.656.");
  });
});
