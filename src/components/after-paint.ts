// Work that must not hold up the frame an input is shown in, but should follow it closely: the
// task runs in the first task after the next frame has been rendered. requestAnimationFrame runs
// its callback inside that frame, before style, layout and paint; a timeout set from there is a
// later task, so the frame is painted first. Without requestAnimationFrame (a document with no
// rendering, such as jsdom's by default) the task runs after a timeout of 0.

/** Runs `task` once, just after the next frame of `view` is painted. Returns a function that cancels it if it has not run. */
export function afterPaint(view: Window | null | undefined, task: () => void): () => void {
  let cancelled = false;
  const run = () => {
    if (!cancelled) task();
  };
  if (!view) {
    const id = setTimeout(run, 0);
    return () => {
      cancelled = true;
      clearTimeout(id);
    };
  }
  if (typeof view.requestAnimationFrame !== "function") view.setTimeout(run, 0);
  else view.requestAnimationFrame(() => view.setTimeout(run, 0));
  return () => {
    cancelled = true;
  };
}
