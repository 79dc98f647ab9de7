// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {h, setText} from "../../src/components/dom.js";

describe("setText", () => {
  it("changes the data of an element's one text node, keeping the node", () => {
    const p = h(document, "p", {}, "before");
    const node = p.firstChild;
    setText(p, "after");
    expect(p.textContent).toBe("after");
    expect(p.firstChild).toBe(node);
    expect(p.childNodes).toHaveLength(1);
  });

  it("replaces mixed or missing content with one text node", () => {
    const p = h(document, "p", {}, "a ", h(document, "b", {}, "bold"), " c");
    setText(p, "plain");
    expect(p.innerHTML).toBe("plain");
    const empty = h(document, "p", {});
    setText(empty, "");
    expect(empty.childNodes).toHaveLength(0);
    setText(empty, "now");
    expect(empty.textContent).toBe("now");
  });
});
