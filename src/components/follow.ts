// Subscribes a view to the page's selection for as long as the view is in the page: a view that a
// page cell replaces (its cell ran again) is left out of the document and unsubscribes at the next
// change, so the selection never keeps updating charts nobody sees.
import type {Selection, SelectionListener, SelectionState} from "../lib/selection.js";
import {whenIdle} from "./idle.js";

export function follow(element: Element, selection: Selection, listener: SelectionListener): () => void {
  let seen = element.isConnected;
  const unsubscribe = selection.subscribe((state, changed) => {
    if (element.isConnected) seen = true;
    else if (seen) {
      unsubscribe();
      return;
    }
    listener(state, changed);
  });
  return unsubscribe;
}

/** How near the viewport (px) a view counts as in view, and the longest an off-screen view waits (ms). */
const NEAR_VIEW_PX = 200;
/** What an off-screen view's gathered update may take (ms): it waits for an idle period this long. */
const OFF_SCREEN_BUDGET_MS = 8;

/**
 * follow() for a costly view that is often off screen (the zone map, far below the epoch slider):
 * while the view is not within NEAR_VIEW_PX of the viewport, the changes gather (the latest state,
 * the union of the fields that changed) and are applied in the first idle period with
 * OFF_SCREEN_BUDGET_MS to spare (whenIdle: not between the frames of a drag that leave less, and
 * with no timeout, since nobody waits for it), or at once when the view comes near; in view,
 * every change is applied at once. So an input's frame pays only for the views a reader can see.
 * Without IntersectionObserver (jsdom) this is follow().
 */
export function followWhenVisible(element: Element, selection: Selection, listener: SelectionListener): () => void {
  const view = element.ownerDocument.defaultView;
  if (!view || typeof view.IntersectionObserver !== "function") return follow(element, selection, listener);
  // Until the observer first reports, the view counts as in view: nothing waits on a guess.
  let near = true;
  let pending: {state: SelectionState; changed: Set<keyof SelectionState>} | null = null;
  const flush = () => {
    if (!pending) return;
    const {state, changed} = pending;
    pending = null;
    listener(state, changed);
  };
  const observer = new view.IntersectionObserver(
    (entries) => {
      near = entries[entries.length - 1].isIntersecting;
      if (near) flush();
    },
    {rootMargin: `${NEAR_VIEW_PX}px`}
  );
  observer.observe(element);
  const unsubscribe = follow(element, selection, (state, changed) => {
    if (near && !pending) return listener(state, changed);
    const first = !pending;
    pending = {state, changed: new Set([...(pending?.changed ?? []), ...changed])};
    if (near) return flush();
    if (first) whenIdle(view, flush, {budgetMs: OFF_SCREEN_BUDGET_MS});
  });
  return () => {
    observer.disconnect();
    unsubscribe();
  };
}
