// The site's stylesheet parses as written: its braces balance (outside comments and strings), so no
// rule is left open and silently swallows the rules after it, and the "Train your own" rules sit at
// the top level.
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";

/** The depth of braces after each top-level rule's selector text, comments and strings removed. */
function braceDepths(css: string): {final: number; min: number; depthAt: (selector: string) => number} {
  const bare = css.replace(/\/\*[\s\S]*?\*\//g, "").replace(/"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'/g, '""');
  let depth = 0;
  let min = 0;
  for (const ch of bare) {
    if (ch === "{") ++depth;
    else if (ch === "}") min = Math.min(min, --depth);
  }
  const depthAt = (selector: string) => {
    const i = bare.indexOf(`${selector} {`);
    if (i < 0) throw new Error(`no rule ${selector}`);
    let d = 0;
    for (const ch of bare.slice(0, i)) d += ch === "{" ? 1 : ch === "}" ? -1 : 0;
    return d;
  };
  return {final: depth, min, depthAt};
}

describe("src/style.css", () => {
  const css = readFileSync("src/style.css", "utf8");
  it("balances its braces: every rule is closed and none closes twice", () => {
    const {final, min} = braceDepths(css);
    expect(min).toBe(0);
    expect(final).toBe(0);
  });
  it("keeps the Train your own rules at the top level", () => {
    const {depthAt} = braceDepths(css);
    for (const selector of [".train-fields", ".train-progress", ".live-estimate-panel", ".snapshot-drop"]) expect(depthAt(selector), selector).toBe(0);
  });
});
