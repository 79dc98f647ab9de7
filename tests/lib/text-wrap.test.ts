import {describe, expect, it} from "vitest";
import {wrapWords} from "../../src/lib/text-wrap.js";
import {estimateTextWidth} from "../../src/lib/flow-layout.js";

describe("wrapWords", () => {
  const text = "Sample 17 through the large ReLU network, after 120 of 250 epochs";

  it("keeps every word, in order, in lines no wider than the width", () => {
    for (const width of [120, 200, 355, 1000]) {
      const lines = wrapWords(text, width, 13);
      expect(lines.join(" ")).toBe(text);
      for (const line of lines) if (line.includes(" ")) expect(estimateTextWidth(line, 13)).toBeLessThanOrEqual(width);
    }
  });

  it("makes one line when the text fits, and fills each line before starting the next", () => {
    expect(wrapWords(text, 10_000, 13)).toEqual([text]);
    const lines = wrapWords(text, 200, 13);
    for (let i = 0; i + 1 < lines.length; ++i) {
      const next = lines[i + 1].split(" ")[0];
      expect(estimateTextWidth(`${lines[i]} ${next}`, 13)).toBeGreaterThan(200);
    }
  });

  it("gives a word wider than the width a line of its own, and nothing for blank text", () => {
    expect(wrapWords("a extraordinarily b", 30, 13)).toEqual(["a", "extraordinarily", "b"]);
    expect(wrapWords("  ", 100, 13)).toEqual([]);
  });
});
