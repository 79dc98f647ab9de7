// Checks on a JSON text that JSON.parse does not make: a byte-order mark (which JSON.parse reports
// as an invisible "Unexpected token") and duplicate keys (where JSON.parse silently keeps the last).
// Pure; used on spec files before they are parsed.

/** U+FEFF, which an editor may write at the start of a UTF-8 file. */
const BYTE_ORDER_MARK = 0xfeff;

export function hasByteOrderMark(text: string): boolean {
  return text.charCodeAt(0) === BYTE_ORDER_MARK;
}

/**
 * The path of the first key that appears twice in one object ("presets[1].label"), or null. The text
 * must be valid JSON (call after JSON.parse succeeds). A single pass: strings are read with their
 * escapes, and a stack holds, for each open object or array, its keys seen so far or its index.
 */
export function duplicateKey(text: string): string | null {
  type Frame = {kind: "object"; keys: Set<string>; key: string | null} | {kind: "array"; index: number};
  const stack: Frame[] = [];
  const path = () =>
    stack
      .map((f, i) => (f.kind === "array" ? `[${f.index}]` : f.key === null ? "" : `${i > 0 ? "." : ""}${f.key}`))
      .join("");
  let expectKey = false;
  for (let i = 0; i < text.length; ++i) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      const top = stack[stack.length - 1];
      if (expectKey && top?.kind === "object") {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (top.keys.has(key)) {
          top.key = key;
          return path();
        }
        top.keys.add(key);
        top.key = key;
        expectKey = false;
      }
      i = j;
    } else if (c === "{") {
      stack.push({kind: "object", keys: new Set(), key: null});
      expectKey = true;
    } else if (c === "[") {
      stack.push({kind: "array", index: 0});
    } else if (c === "}" || c === "]") {
      stack.pop();
    } else if (c === ",") {
      const top = stack[stack.length - 1];
      if (top?.kind === "object") expectKey = true;
      else if (top?.kind === "array") top.index += 1;
    }
  }
  return null;
}
