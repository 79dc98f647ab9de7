// Reading a number a reader typed: decimal notation only (an optional sign, digits with an optional
// point, an optional exponent), so "0x1", "Infinity" or "1_000" are refused rather than read as
// JavaScript would; a true minus sign (−) is accepted, as the site prints one. A number too large
// for a double is reported as out of range, not as "not a number".

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export type DecimalResult = {ok: true; value: number} | {ok: false; problem: "empty" | "not decimal" | "out of range"};

export function parseDecimal(text: string): DecimalResult {
  const t = text.trim().replace(/^−/, "-");
  if (t === "") return {ok: false, problem: "empty"};
  if (!DECIMAL.test(t)) return {ok: false, problem: "not decimal"};
  const value = Number(t);
  return Number.isFinite(value) ? {ok: true, value} : {ok: false, problem: "out of range"};
}
