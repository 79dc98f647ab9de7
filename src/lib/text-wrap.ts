// Breaking a line of text into lines no wider than a width, for text drawn in an SVG (which does
// not wrap by itself), with the same width estimate the flow diagram places its labels with.
import {estimateTextWidth} from "./flow-layout.js";

/**
 * `text`'s words in lines whose estimated width at `fontSize` is at most `maxWidth` (px), greedily:
 * each line takes words while the next still fits. A word wider than `maxWidth` alone makes a line
 * of its own (it is not cut).
 */
export function wrapWords(text: string, maxWidth: number, fontSize: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    const candidate = line === "" ? word : `${line} ${word}`;
    if (line !== "" && estimateTextWidth(candidate, fontSize) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line !== "") lines.push(line);
  return lines;
}
