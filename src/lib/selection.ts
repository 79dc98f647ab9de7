// The selection one network page shares between its views: the point in view, the epoch whose
// parameters are shown, the selected unit and the unit under the pointer. Every view (explorer,
// estimate panels, flow diagram, lines, zone map, loss chart, URL) reads it and writes to it; none
// talks to another directly. A change notifies the subscribers once, with the set of fields that
// changed, so each view updates only what depends on them (select()-style, never a full redraw
// unless its own inputs changed).
import type {Point} from "./datasets.js";
import type {NeuronRef} from "./flow-model.js";

export interface SelectionState {
  /** The exact input point in view. */
  point: Point;
  /** The sample's index in the dataset when the point is a sample's, else null (a free point). */
  sample: number | null;
  /** The epoch whose checkpoint is in view (the spec's epochs: the trained network). */
  epoch: number;
  /** The unit selected by a click (its arithmetic is written out), or null. */
  unit: NeuronRef | null;
  /** The hidden unit under the pointer or keyboard focus (a transient linked highlight), or null. */
  hover: NeuronRef | null;
}

export type SelectionField = keyof SelectionState;

export type SelectionListener = (state: SelectionState, changed: ReadonlySet<SelectionField>) => void;

export interface Selection {
  get(): SelectionState;
  /** Applies a patch; listeners hear of it only when some field really changed. */
  set(patch: Partial<SelectionState>): void;
  /** Calls `listener` on every change; returns the unsubscribe function. */
  subscribe(listener: SelectionListener): () => void;
}

function sameUnit(a: NeuronRef | null, b: NeuronRef | null): boolean {
  return a === b || (a !== null && b !== null && a.layer === b.layer && a.unit === b.unit);
}

function sameField<K extends SelectionField>(key: K, a: SelectionState[K], b: SelectionState[K]): boolean {
  switch (key) {
    case "point": {
      const [p, q] = [a as Point, b as Point];
      return p[0] === q[0] && p[1] === q[1];
    }
    case "unit":
    case "hover":
      return sameUnit(a as NeuronRef | null, b as NeuronRef | null);
    default:
      return a === b;
  }
}

export function createSelection(initial: SelectionState): Selection {
  let state: SelectionState = {...initial, point: [initial.point[0], initial.point[1]]};
  const listeners = new Set<SelectionListener>();
  return {
    get: () => state,
    set(patch) {
      const changed = new Set<SelectionField>();
      for (const key of Object.keys(patch) as SelectionField[]) {
        const value = patch[key];
        if (value !== undefined && !sameField(key, state[key], value)) changed.add(key);
      }
      if (changed.size === 0) return;
      state = {...state, ...patch};
      for (const listener of [...listeners]) listener(state, changed);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }
  };
}
