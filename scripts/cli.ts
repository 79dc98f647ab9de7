// What the scripts share for their command lines: `--name value` options, `--name` flags, the
// positional arguments between them, and the order statistics their reports print.

/**
 * The value after `--name` in args, or `fallback` when the option is absent. The fallback's type is
 * the option's type: a number option must be given a number ("--runs 5").
 */
export function option(args: readonly string[], name: string, fallback: number): number;
export function option(args: readonly string[], name: string, fallback: string): string;
export function option(args: readonly string[], name: string, fallback: number | string): number | string {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = args[i + 1];
  if (value === undefined || value.startsWith("--")) throw new Error(`--${name} needs a value`);
  if (typeof fallback === "string") return value;
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n)) throw new Error(`--${name} must be a number, got ${JSON.stringify(value)}`);
  return n;
}

/** Whether the flag `--name` is given. */
export function flag(args: readonly string[], name: string): boolean {
  return args.includes(`--${name}`);
}

/** The arguments that are neither an option or flag (`--x`) nor the value of one of the options `valued`. */
export function positionals(args: readonly string[], valued: readonly string[] = []): string[] {
  return args.filter((a, i) => !a.startsWith("--") && !(i > 0 && valued.some((name) => args[i - 1] === `--${name}`)));
}

/**
 * The q-quantile of the values (0 ≤ q ≤ 1) by the nearest rank: the value at index round(q·(n − 1))
 * of the sorted values, always one of the values themselves (NaN for none). The median is q = ½,
 * which for an even count is the upper of the two middle values. Nearest rank rather than
 * interpolation because the seed scans recorded in the specs' seedNotes quote medians taken this
 * way (scan-seeds.ts), so rerunning a scan prints the figures its note quotes.
 */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.round(q * (sorted.length - 1))];
}

/** The median: quantile(values, 0.5). */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** Times (ms) of `runs` calls of step(i), i = 0 … runs − 1, after `warmup` unmeasured calls (JIT and caches). */
export function timeSteps(runs: number, warmup: number, step: (i: number) => void): number[] {
  for (let i = 0; i < warmup; ++i) step(i);
  const times: number[] = [];
  for (let i = 0; i < runs; ++i) {
    const t0 = performance.now();
    step(i);
    times.push(performance.now() - t0);
  }
  return times;
}

/**
 * A plain-text table: the head, a rule, the rows; the first `leftColumns` columns (the labels)
 * aligned left, the others (figures) right.
 */
export function table(head: readonly string[], rows: readonly string[][], leftColumns = 1): string {
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: readonly string[]) => cells.map((cell, c) => (c < leftColumns ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ");
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** Runs a script's async main: an error is printed and the process exits with status 1. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
