// The training worker's run control (src/workers/train-worker.ts), apart from the worker so it can be
// tested: which run is current, and whether the reader asked it to pause. Each start takes a new
// token; a cancel, or a newer start, makes older tokens stale. The worker awaits the trainer's
// creation (tfjs's backend) before its first epoch: a cancel that arrives during that await leaves
// the token stale (the new trainer is disposed, never run), and a pause that arrives then holds
// (the run pauses before its first epoch) instead of being reset when the await returns.

export interface RunControl {
  /** A new run: its token. A pause asked before this start belongs to the old run and is dropped. */
  begin(): number;
  /** Whether `token`'s run is still the current one (neither cancelled nor replaced). */
  current(token: number): boolean;
  pause(): void;
  resume(): void;
  /** Ends the current run: its token is stale from now on. */
  cancel(): void;
  /** Whether the current run should pause before its next epoch. */
  readonly paused: boolean;
}

export function createRunControl(): RunControl {
  let run = 0;
  let paused = false;
  return {
    begin() {
      paused = false;
      return ++run;
    },
    current: (token) => token === run,
    pause() {
      paused = true;
    },
    resume() {
      paused = false;
    },
    cancel() {
      ++run;
      paused = false;
    },
    get paused() {
      return paused;
    }
  };
}
