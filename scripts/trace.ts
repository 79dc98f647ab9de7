// Chromium traces for the browser benchmarks: recording one around some work of a page, and
// reading the renderer's main thread from it.
import type {Page} from "playwright-core";

/** A trace event, with the fields the benchmarks read (times in µs; tdur is thread, i.e. CPU, time). */
export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: {name?: string; data?: {type?: string}};
}

/** The categories of the main thread's tasks, rendering phases and input events; of its tasks alone (RunTask, lighter to record); of performance.mark(). */
export const TIMELINE = "devtools.timeline,disabled-by-default-devtools.timeline";
export const TASKS = "disabled-by-default-devtools.timeline";
export const USER_TIMING = "blink.user_timing";

/** Runs `run` while `page` is traced with `categories`; resolves to its result and the trace's events. */
export async function recordTrace<T>(page: Page, categories: string, run: () => Promise<T>): Promise<{result: T; events: TraceEvent[]}> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const events: TraceEvent[] = [];
    // Trace events as Chromium writes them: the fields read here are those of TraceEvent.
    const collect = ({value}: {value: object[]}) => events.push(...(value as TraceEvent[]));
    cdp.on("Tracing.dataCollected", collect);
    const complete = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
    await cdp.send("Tracing.start", {categories, transferMode: "ReportEvents"});
    let result: T;
    try {
      result = await run();
    } finally {
      await cdp.send("Tracing.end");
      await complete;
      cdp.off("Tracing.dataCollected", collect);
    }
    return {result, events};
  } finally {
    await cdp.detach();
  }
}

/** The complete events ("X") of the renderer's main thread, by start time. */
export function mainThread(events: readonly TraceEvent[]): TraceEvent[] {
  const main = new Set(events.filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain").map((e) => `${e.pid}:${e.tid}`));
  return events.filter((e) => e.ph === "X" && e.dur !== undefined && main.has(`${e.pid}:${e.tid}`)).sort((a, b) => a.ts - b.ts);
}

/**
 * How long (ms) the main thread was off the CPU while running its tasks between `start` and `end`
 * (trace µs): for each top-level task (RunTask) overlapping that span, its wall time less its
 * thread time, in proportion to the overlap. That is time the operating system gave the CPU to
 * something else (another process, another machine's load), not work of the page.
 */
export function offCpuMs(tasks: readonly TraceEvent[], start: number, end: number): number {
  let off = 0;
  for (const t of tasks) {
    if (t.name !== "RunTask" || t.tdur === undefined || !t.dur) continue;
    const overlap = Math.min(end, t.ts + t.dur) - Math.max(start, t.ts);
    if (overlap > 0) off += ((t.dur - t.tdur) * overlap) / t.dur;
  }
  return off / 1000;
}

/** The time (trace µs) of each performance.mark() in the trace, by name. */
export function marks(events: readonly TraceEvent[]): Map<string, number> {
  return new Map(events.filter((e) => e.cat?.includes(USER_TIMING) && e.ph !== "M").map((e) => [e.name, e.ts]));
}
