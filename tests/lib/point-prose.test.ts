// The words about the point in view: a sample or a free point, the trained network or a replayed epoch.
import {describe, expect, it} from "vitest";
import {entrySentence, epochPhrase, pointName, replayLead, targetAt, thisPoint, throughCaption} from "../../src/lib/point-prose.js";
import {sampleName} from "../../src/lib/sample-prose.js";

describe("point prose", () => {
  const sample = {point: [0.5, -1] as const, sample: 12};
  const free = {point: [0.25, -1.5] as const, sample: null};

  it("names a sample by index and a free point by coordinates", () => {
    expect(pointName(sample)).toBe("Sample 12");
    expect(pointName(free)).toBe("The point (0.250, −1.500)");
    expect(sampleName({index: null})).toBe("The chosen point");
    expect(sampleName({index: null}, true)).toBe("the chosen point");
  });

  it("takes a sample's stored target and computes a free point's from the formula", () => {
    expect(targetAt("prod", [9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 7], sample)).toBe(7);
    expect(targetAt("prod", [], free)).toBeCloseTo((0.25 * -1.5) / 4, 15);
  });

  it("names a replayed epoch and says nothing of the trained one", () => {
    expect(epochPhrase(250, 250)).toBe("");
    expect(epochPhrase(40, 250)).toBe("after 40 of 250 epochs");
    expect(throughCaption(sample, "small ReLU network", 250, 250)).toBe("Sample 12 through the small ReLU network");
    expect(throughCaption(free, "small ReLU network", 0, 250)).toBe("The point (0.250, −1.500) through the small ReLU network (after 0 of 250 epochs)");
  });

  it("opens the account of a sample and of a free point", () => {
    expect(entrySentence(sample, 0.125, 0.1, 250, 250)).toBe("Sample 12 enters at (0.500, −1.000). Its target is 0.1250 and the network outputs 0.1000.");
    expect(entrySentence(free, -0.09375, 0.2, 40, 250)).toBe(
      "The point (0.250, −1.500) is no sample of the dataset; the formula gives it the target −0.0938 and the network, after 40 of 250 epochs, outputs 0.2000."
    );
  });
  it("refers back to a sample or a point, and leads a replayed epoch's account", () => {
    expect(thisPoint({point: [0.1, 0.2], sample: 3})).toBe("this sample");
    expect(thisPoint({point: [0.1, 0.2], sample: null})).toBe("this point");
    expect(replayLead(40, 250)).toBe("These numbers use the parameters after 40 of 250 epochs. ");
    expect(replayLead(250, 250)).toBe("");
  });
});
