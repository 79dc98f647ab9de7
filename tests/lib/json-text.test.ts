import {describe, expect, it} from "vitest";
import {duplicateKey, hasByteOrderMark} from "../../src/lib/json-text.js";

describe("JSON text checks", () => {
  it("finds a byte-order mark", () => {
    expect(hasByteOrderMark("\uFEFF{}")).toBe(true);
    expect(hasByteOrderMark("{}")).toBe(false);
  });

  it("names the path of the first duplicate key, at any depth, and ignores keys inside strings", () => {
    expect(duplicateKey('{"a": 1, "b": 2}')).toBeNull();
    expect(duplicateKey('{"a": 1, "a": 2}')).toBe("a");
    expect(duplicateKey('{"p": [{"label": "x", "point": [0, 0]}, {"label": "y", "label": "z"}]}')).toBe("p[1].label");
    expect(duplicateKey('{"o": {"k": 1, "m": {"k": 2}}, "s": "\\"a\\": 1, \\"a\\": 2"}')).toBeNull();
    expect(duplicateKey('{"article": {"section": 3, "section": 4}}')).toBe("article.section");
  });
});
