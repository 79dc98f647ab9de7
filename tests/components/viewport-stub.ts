// A stand-in viewport for jsdom, which has neither IntersectionObserver nor requestIdleCallback: the
// test says when the observed views come near or leave, and runs the idle callbacks by hand.
import {vi} from "vitest";

export interface ViewportStub {
  /** Reports every observed view as near the viewport (true) or away (false). */
  report(isIntersecting: boolean): void;
  /** Runs the idle callbacks asked for so far in an idle period with `left` ms to spare. */
  runIdle(left?: number): void;
}

/** Stubs IntersectionObserver and requestIdleCallback on the global window (undo with vi.unstubAllGlobals). */
export function stubViewport(): ViewportStub {
  const observers: ((entries: {isIntersecting: boolean}[]) => void)[] = [];
  vi.stubGlobal(
    "IntersectionObserver",
    class {
      constructor(callback: (entries: {isIntersecting: boolean}[]) => void) {
        observers.push(callback);
      }
      observe() {}
      disconnect() {}
    }
  );
  const idle: ((deadline: IdleDeadline) => void)[] = [];
  vi.stubGlobal("requestIdleCallback", (f: (deadline: IdleDeadline) => void) => idle.push(f));
  return {
    report: (isIntersecting) => observers.forEach((o) => o([{isIntersecting}])),
    runIdle: (left = 50) => idle.splice(0).forEach((f) => f({didTimeout: false, timeRemaining: () => left}))
  };
}
