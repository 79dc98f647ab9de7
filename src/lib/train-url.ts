// The spec and seeds of a "Train your own" run in the page's URL (its query), so a shared link opens
// the same controls and pressing Train reproduces the run. A parameter that is malformed, or that the
// spec validator refuses, is ignored (its choice keeps the reference's value) with a notice naming it.
import {ValidationError, type NetworkSpec} from "./spec.js";
import {browserSpec, choicesOf, choiceOfField, readerMessageInSentence, hiddenOfText, numberOfText, type ChoiceField, type TrainChoices} from "./train-spec.js";

/** The query parameter of each choice. */
export const URL_PARAMS: Record<ChoiceField, string> = {
  dataset: "dataset",
  hidden: "hidden",
  activation: "activation",
  learningRate: "lr",
  epochs: "epochs",
  batchSize: "batch",
  dataSeed: "dataSeed",
  initSeed: "initSeed"
};

/** The query of a set of choices, e.g. "dataset=prod&hidden=5,5&activation=relu&lr=0.005&…". */
export function choicesToQuery(c: TrainChoices): string {
  const values: Record<ChoiceField, string> = {
    dataset: c.dataset,
    hidden: c.hidden.join(","),
    activation: c.activation,
    // String(x) of a JS number reads back as the same number, bit for bit.
    learningRate: String(c.learningRate),
    epochs: String(c.epochs),
    batchSize: String(c.batchSize),
    dataSeed: String(c.dataSeed),
    initSeed: String(c.initSeed)
  };
  return (Object.keys(URL_PARAMS) as ChoiceField[]).map((f) => `${URL_PARAMS[f]}=${encodeURIComponent(values[f]).replace(/%2C/g, ",")}`).join("&");
}

function valueOfParam(field: ChoiceField, text: string): unknown {
  switch (field) {
    case "dataset":
    case "activation":
      return text;
    case "hidden":
      return hiddenOfText(text);
    default:
      return numberOfText(text);
  }
}

export interface UrlChoices {
  choices: TrainChoices;
  /** One sentence per ignored parameter, naming it and why. */
  notices: string[];
  /** Whether the URL named any choice. */
  fromUrl: boolean;
}

/**
 * The choices a query (location.search, with or without "?") names, over `defaults`. The link's
 * values are checked together first: a valid set is taken whole (each value is judged with the
 * link's other values, not the defaults'). Only when the set fails are parameters dropped, one at a
 * time, each time the one the validator names (a combined limit, the run time, is named on
 * "epochs"), with a notice naming it and why, until the rest passes with the defaults in the
 * dropped parameters' places.
 */
export function choicesFromQuery(search: string, defaults: TrainChoices, reference: NetworkSpec): UrlChoices {
  const params = new URLSearchParams(search.replace(/^\?/, ""));
  const fromLink = new Map<ChoiceField, {text: string; value: unknown}>();
  for (const field of Object.keys(URL_PARAMS) as ChoiceField[]) {
    const text = params.get(URL_PARAMS[field]);
    if (text !== null) fromLink.set(field, {text, value: valueOfParam(field, text)});
  }
  const typed: Partial<Record<ChoiceField, string>> = {};
  for (const [field, {text}] of fromLink) typed[field] = text;
  const notices: string[] = [];
  const fromUrl = fromLink.size > 0;
  const withLink = (): Record<ChoiceField, unknown> => {
    const choices: Record<ChoiceField, unknown> = {...defaults, hidden: defaults.hidden.slice()};
    for (const [field, {value}] of fromLink) choices[field] = value;
    return choices;
  };
  // Each pass drops one parameter, so this ends after at most one pass per parameter.
  for (;;) {
    const choices = withLink();
    try {
      // The link's values, now checked, as the spec holds them.
      return {choices: choicesOf(browserSpec(choices, reference)), notices, fromUrl};
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const named = choiceOfField(error.field);
      // The field the validator names, if the link set it; else the link's last parameter (the
      // defaults pass on their own, so one of the link's values breaks the set).
      const culprit = named && fromLink.has(named) ? named : [...fromLink.keys()].pop();
      if (culprit === undefined) throw error;
      notices.push(`The link's ${URL_PARAMS[culprit]}=${JSON.stringify(fromLink.get(culprit)!.text)} is ignored: ${readerMessageInSentence(error, typed)}.`);
      fromLink.delete(culprit);
    }
  }
}
