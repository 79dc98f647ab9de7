// Subscribes a view to the page's selection for as long as the view is in the page: a view that a
// page cell replaces (its cell ran again) is left out of the document and unsubscribes at the next
// change, so the selection never keeps updating charts nobody sees.
import type {Selection, SelectionListener} from "../lib/selection.js";

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
