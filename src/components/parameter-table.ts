// Parameter magnitudes of several networks side by side, to compare how large their weights and
// biases grew. Takes the introduction's summaries (or anything with a title and parameter stats).
import type {ParameterStats} from "../lib/extents.js";
import {fixed} from "../lib/format.js";
import {dataTable} from "./dom.js";

export interface ParameterRow {
  title: string;
  parameters: ParameterStats;
}

export interface ParameterTableOptions {
  document?: Document;
}

const COLUMNS = ["network", "largest |weight|", "mean |weight|", "largest |bias|", "mean |bias|"];

export function parameterTable(rows: readonly ParameterRow[], {document}: ParameterTableOptions = {}): HTMLElement {
  return dataTable(
    rows.map(({title, parameters: p}) => ({header: title, cells: [p.maxAbsWeight, p.meanAbsWeight, p.maxAbsBias, p.meanAbsBias].map((v) => fixed(v, 3))})),
    {className: "parameter-table", caption: "Size of the trained parameters", columns: COLUMNS, scroll: true, document}
  );
}
