// What each hand-written article page assumes of its network. An article page tells the story of a
// particular shape (one layer of ReLU units, two layers, one layer of sigmoids): a spec with the
// same id but another shape would make its prose untrue, so the build refuses it, naming the field
// and why (src/data/manifest.ts), and says how to publish the network instead: under another id, a
// spec gets the generic explorer page, which handles any shape and activation.
import type {ActivationName} from "./activations.js";
import type {NetworkSpec} from "./spec.js";

export interface ArticlePageShape {
  /** The number of hidden layers the page's story is about. */
  layers: number;
  activation: ActivationName;
  /** Why, in a few words, for the error message. */
  story: string;
}

export const ARTICLE_PAGE_SHAPES: Readonly<Record<string, ArticlePageShape>> = {
  "small-relu": {layers: 1, activation: "relu", story: "its page works through the zones of one layer of ReLU units, step by step"},
  "large-relu": {layers: 2, activation: "relu", story: "its page is about two layers of ReLU units"},
  "small-sigmoid": {layers: 1, activation: "sigmoid", story: "its page is about one layer of sigmoid units beside the small ReLU network"}
};

/** The field of a spec that its article page cannot tell, and why; null when the page fits it. */
export function articlePageMismatch(spec: Pick<NetworkSpec, "id" | "hidden" | "activation">): {field: string; detail: string} | null {
  const shape = ARTICLE_PAGE_SHAPES[spec.id];
  if (!shape) return null;
  const publish = `to publish this network, give it another id (and file name): it then gets the generic explorer page`;
  if (spec.hidden.length !== shape.layers)
    return {field: "hidden", detail: `must have ${shape.layers} hidden layer${shape.layers === 1 ? "" : "s"} for the article page src/${spec.id}.md (${shape.story}), got ${spec.hidden.length}; ${publish}`};
  if (spec.activation !== shape.activation)
    return {field: "activation", detail: `must be "${shape.activation}" for the article page src/${spec.id}.md (${shape.story}), got "${spec.activation}"; ${publish}`};
  return null;
}
