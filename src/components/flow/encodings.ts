// Edge encodings: what an edge of the flow diagram stands for, one case per EdgeMode. Everything that
// differs between modes (the value drawn, which edges are labelled, the words of the controls and of
// the legend) is here and nowhere else, so adding a mode to EdgeMode makes the compiler ask for its
// case below (the `never` check), instead of the new mode silently borrowing another's behaviour.
import {EDGE_MODES, type EdgeMode} from "../../lib/flow-model.js";

export interface EdgeEncoding {
  mode: EdgeMode;
  /** The option's text in the diagram's controls. */
  control: string;
  /** What an edge shows, in the edge legend's title. */
  legend: string;
  /** A further sentence of the legend ("" for none). */
  note: string;
  /**
   * The value drawn on edge i -> j into layer k: from its weight w = W^(k)[i][j] and the value
   * a = a^(k-1)_i entering it (x_i for the first layer).
   */
  value(w: number, a: number): number;
  /**
   * Whether an edge whose value is exactly 0 keeps its label. Such an edge is always drawn dashed and
   * grey; where 0 means "this input adds nothing" (an inactive unit) the label is left off too, so the
   * terms that matter stand out.
   */
  labelZero: boolean;
}

function unknownMode(mode: never): never {
  throw new Error(`flowDiagram: unknown edge mode ${JSON.stringify(mode)}`);
}

/** The encoding of an edge mode (throws for a string that is not one, e.g. from an untyped page). */
export function edgeEncoding(mode: EdgeMode): EdgeEncoding {
  switch (mode) {
    case "weight":
      return {mode, control: "weight w", legend: "weight w", note: "", value: (w) => w, labelZero: true};
    case "contribution":
      // The term a·w that the edge adds to z^(k)_j = Σ_i a^(k-1)_i W^(k)[i][j] + b^(k)_j.
      return {
        mode,
        control: "contribution w·a",
        legend: "contribution w·a, the term the edge adds to z",
        note: "Dashed grey: an inactive input, which adds exactly 0.",
        value: (w, a) => a * w,
        labelZero: false
      };
    default:
      return unknownMode(mode);
  }
}

/** Every encoding, in the order of EDGE_MODES (the controls' order). */
export const EDGE_ENCODINGS: readonly EdgeEncoding[] = EDGE_MODES.map(edgeEncoding);

/** Whether an edge carrying `v` under `encoding` gets a value label. */
export function hasLabel(v: number, encoding: EdgeEncoding): boolean {
  return encoding.labelZero || v !== 0;
}
