// Subscribes a view to the page's selection for as long as the view is in the page: a view that a
// page cell replaces (its cell ran again) is left out of the document and unsubscribes at the next
// change, so the selection never keeps updating charts nobody sees. And a view off screen need not
// be redrawn in an input's frame: whileAway leaves its redraw for an idle moment or its return into
// view, and followWhenVisible follows the selection that way.
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

/** How near the viewport (px) a view counts as in view. */
const NEAR_VIEW_PX = 200;
/** What an off-screen view's deferred redraw may take (ms): it waits for an idle period this long. */
const OFF_SCREEN_BUDGET_MS = 8;

/** A view's redraw that waits while the view is off screen (whileAway). */
export interface AwayWork {
  /** Asks for the redraw: it runs at once while the view is near the viewport, else later (see whileAway). */
  request(): void;
  /** Runs the redraw now if one is asked for and not done yet: for whatever reads the view's DOM (an export). */
  flush(): void;
  /** Whether a redraw is asked for and not done yet. */
  readonly due: boolean;
  /** Stops watching the view (a redraw still due is dropped). */
  disconnect(): void;
}

/**
 * Runs `redraw` when asked, at once while `element` is within NEAR_VIEW_PX of the viewport. While it
 * is not, requests are only noted (`onDue(true)` at the first) and one redraw runs for all of them:
 * in the first idle period with OFF_SCREEN_BUDGET_MS to spare (whenIdle: not between the frames of a
 * drag that leave less, and with no timeout, since nobody waits for it), or at once when the view
 * comes near, whichever is first (`onDue(false)` just before it). So an input's frame pays only
 * for the views a reader can see. Without IntersectionObserver (jsdom) every request runs at once.
 */
export function whileAway(element: Element, redraw: () => void, onDue: (due: boolean) => void = () => {}): AwayWork {
  const view = element.ownerDocument.defaultView;
  let due = false;
  // Until the observer first reports, the view counts as in view: nothing waits on a guess.
  let near = true;
  const flush = () => {
    if (!due) return;
    due = false;
    onDue(false);
    redraw();
  };
  const observer =
    view && typeof view.IntersectionObserver === "function"
      ? new view.IntersectionObserver(
          (entries) => {
            near = entries[entries.length - 1].isIntersecting;
            if (near) flush();
          },
          {rootMargin: `${NEAR_VIEW_PX}px`}
        )
      : null;
  observer?.observe(element);
  return {
    request() {
      // (Never due while near: the observer's report of near runs a redraw that was due.)
      if (near) return redraw();
      if (due) return;
      due = true;
      onDue(true);
      whenIdle(view, flush, {budgetMs: OFF_SCREEN_BUDGET_MS});
    },
    flush,
    get due() {
      return due;
    },
    disconnect() {
      due = false;
      observer?.disconnect();
    }
  };
}

/**
 * follow() for a costly view that is often off screen (the zone map, far below the epoch slider),
 * through whileAway: in view, every change is applied at once; off screen, the changes gather (the
 * latest state, the union of the fields that changed) into one call of `listener`.
 */
export function followWhenVisible(element: Element, selection: Selection, listener: SelectionListener): () => void {
  let pending: {state: SelectionState; changed: Set<keyof SelectionState>} | null = null;
  const work = whileAway(element, () => {
    if (!pending) return;
    const {state, changed} = pending;
    pending = null;
    listener(state, changed);
  });
  const unsubscribe = follow(element, selection, (state, changed) => {
    pending = {state, changed: new Set([...(pending?.changed ?? []), ...changed])};
    work.request();
  });
  return () => {
    work.disconnect();
    unsubscribe();
  };
}
