// Number formatting shared by prose, tables and figures, so the same value reads the same everywhere.

/** A number with `digits` digits after the point, with a true minus sign and no "-0". */
export function fixed(v: number, digits = 3): string {
  const s = v.toFixed(digits);
  return (/^-0\.?0*$/.test(s) ? s.slice(1) : s).replace("-", "−");
}

/** A number to `digits` significant digits (exponent form for very small or large magnitudes). */
export function sig(v: number, digits = 4): string {
  if (v === 0) return "0";
  const abs = Math.abs(v);
  const s = abs < 1e-4 || abs >= 1e6 ? v.toExponential(digits - 1) : v.toPrecision(digits);
  // Every minus, the number's and the exponent's: "−1.23e−5" as "1.23e−5".
  return s.replaceAll("-", "−");
}

/**
 * "0.0162·x₁ − 0.0137·x₂ − 0.0033" for y ≈ a·x1 + b·x2 + c. Each term's sign is the sign of the value
 * as printed, not of v: a v in (−0.5·10^−digits, 0], −0 included, prints as 0.000… and is written
 * "+ 0.0000" (or "0.0000" first), never "− 0.0000".
 */
export function linearFormula(a: number, b: number, c: number, digits = 4): string {
  const term = (v: number, name: string, first: boolean) => {
    // fixed() already writes a value that rounds to zero without its minus.
    const shown = fixed(v, digits);
    const negative = shown.startsWith("−");
    const mag = (negative ? shown.slice(1) : shown) + name;
    return first ? (negative ? "−" : "") + mag : (negative ? " − " : " + ") + mag;
  };
  return term(a, "·x₁", true) + term(b, "·x₂", false) + term(c, "", false);
}

const SUBSCRIPT_DIGITS = "₀₁₂₃₄₅₆₇₈₉";

/** A whole number in subscript digits: 12 -> "₁₂". */
function subscript(n: number): string {
  return [...String(n)].map((d) => SUBSCRIPT_DIGITS[Number(d)]).join("");
}

/** The name of input i (0-based), with a subscript: "x₁", "x₂", … "x₁₀". */
export function inputName(i: number): string {
  return `x${subscript(i + 1)}`;
}

/** "(0.37, −0.21)" */
export function pointLabel(p: readonly number[], digits = 2): string {
  return `(${p.map((v) => fixed(v, digits)).join(", ")})`;
}

/** "units 2 and 4", "unit 1", "units 1, 2 and 5", "no unit" */
export function unitList(units: readonly number[]): string {
  if (units.length === 0) return "no unit";
  if (units.length === 1) return `unit ${units[0]}`;
  return `units ${units.slice(0, -1).join(", ")} and ${units[units.length - 1]}`;
}

/** "units 1 and 3 are active", "unit 1 is active", "no unit is active" */
export function activePhrase(units: readonly number[]): string {
  return `${unitList(units)} ${units.length > 1 ? "are" : "is"} active`;
}
