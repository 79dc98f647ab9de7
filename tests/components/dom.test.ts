// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {h, numberTable, patchInPlace, setText} from "../../src/components/dom.js";

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

describe("patchInPlace", () => {
  const table = (a: string, b: string, cls = "t") => h(document, "div", {class: cls}, h(document, "p", {}, a), h(document, "details", {}, h(document, "summary", {}, "more"), h(document, "span", {"data-v": b}, b)));

  it("writes the new texts and attributes into the same nodes", () => {
    const shown = table("1.00", "2.00");
    const nodes = [...shown.querySelectorAll("*")];
    const texts = nodes.map((n) => n.firstChild);
    expect(patchInPlace(shown, table("−3.50", "4.25", "u"))).toBe(true);
    expect(shown.outerHTML).toBe(table("−3.50", "4.25", "u").outerHTML);
    expect([...shown.querySelectorAll("*")]).toEqual(nodes);
    expect(nodes.map((n) => n.firstChild)).toEqual(texts);
    // An attribute the new drawing does not have goes.
    const plain = h(document, "p", {title: "old"}, "x");
    expect(patchInPlace(plain, h(document, "p", {}, "y"))).toBe(true);
    expect(plain.outerHTML).toBe("<p>y</p>");
  });

  it("keeps a <details> the reader opened open", () => {
    const shown = table("1", "2");
    shown.querySelector("details")!.open = true;
    patchInPlace(shown, table("3", "4"));
    expect(shown.querySelector("details")!.open).toBe(true);
    expect(shown.querySelector("span")!.textContent).toBe("4");
  });

  it("changes nothing and says so when the shapes differ", () => {
    const shown = table("1", "2");
    const before = shown.outerHTML;
    const longer = table("1", "2");
    longer.append(h(document, "p", {}, "extra"));
    expect(patchInPlace(shown, longer)).toBe(false);
    const otherTag = h(document, "div", {class: "t"}, h(document, "h3", {}, "9"), h(document, "details", {}, h(document, "summary", {}, "more"), h(document, "span", {"data-v": "9"}, "9")));
    expect(patchInPlace(shown, otherTag)).toBe(false);
    expect(shown.outerHTML).toBe(before);
  });
});

describe("numberTable", () => {
  it("heads its columns and rows with th and leaves the empty corner a td", () => {
    const table = numberTable([[1, 2], [3, 4]], {format: String, rows: ["x₁", "x₂"], columns: ["unit 1", "unit 2"], document});
    expect([...table.querySelectorAll("thead tr > *")].map((c) => `${c.tagName} ${c.textContent}`)).toEqual(["TD ", "TH unit 1", "TH unit 2"]);
    expect([...table.querySelectorAll("tbody th[scope=row]")].map((c) => c.textContent)).toEqual(["x₁", "x₂"]);
    // No header cell without a name (axe's empty-table-header).
    for (const th of table.querySelectorAll("th")) expect(th.textContent).not.toBe("");
  });

  it("has no corner without row headers", () => {
    const table = numberTable([[1, 2]], {format: String, columns: ["a", "b"], document});
    expect([...table.querySelectorAll("thead tr > *")].map((c) => c.tagName)).toEqual(["TH", "TH"]);
  });
});
