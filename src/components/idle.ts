// Work that can wait for the page to be idle: the views a reader cannot see, and what is computed
// ahead. requestIdleCallback alone would run such a task in any idle period, however short: an idle
// period between two frames of a slider drag may have 2 ms left, and a 5 ms task started there
// delays the next input by 3 ms. So a task says how long it needs, and runs only when an idle period
// has that long left (between frames of a drag: what the frame left over; once the page is quiet:
// up to 50 ms), or when its timeout has passed, if it has one.

/** The longest idle period a browser grants (the requestIdleCallback specification's cap), in ms. */
const MAX_IDLE_MS = 50;

export interface IdleOptions {
  /** The time (ms) the task expects to take: it runs only in an idle period with this much left. */
  budgetMs?: number;
  /** Run anyway once this long (ms) has passed since whenIdle was called (default: never). */
  timeoutMs?: number;
}

/**
 * Runs `task` once, in the first idle period of `view` with at least `budgetMs` left, or when
 * `timeoutMs` has passed since this call. Without requestIdleCallback (jsdom) it runs after a
 * timeout of 0; without a view, at once. Returns a function that cancels it if it has not run.
 */
export function whenIdle(view: Window | null | undefined, task: () => void, {budgetMs = 0, timeoutMs}: IdleOptions = {}): () => void {
  let cancelled = false;
  const run = () => {
    if (!cancelled) task();
  };
  if (!view) {
    run();
    return () => {};
  }
  if (typeof view.requestIdleCallback !== "function") {
    const id = view.setTimeout(run, 0);
    return () => {
      cancelled = true;
      view.clearTimeout(id);
    };
  }
  const start = view.performance.now();
  // An idle period lasts at most 50 ms: a larger budget would wait for ever.
  const need = Math.min(budgetMs, MAX_IDLE_MS - 1);
  const ask = () => {
    // A timeout of 0 would mean none: at least 1 ms.
    const left = timeoutMs === undefined ? undefined : Math.max(1, timeoutMs - (view.performance.now() - start));
    view.requestIdleCallback((deadline) => {
      if (cancelled) return;
      if (deadline.didTimeout || deadline.timeRemaining() >= need) task();
      else ask();
    }, left === undefined ? undefined : {timeout: left});
  };
  ask();
  return () => {
    cancelled = true;
  };
}
