// The spec and seeds of a "Train your own" run in the page's URL (its query), so a shared link opens
// the same controls and pressing Train reproduces the run. A parameter that is malformed, or that the
// spec validator refuses, is ignored (its choice keeps the reference's value) with a notice naming it.
import {ValidationError, type NetworkSpec} from "./spec.js";
import {browserSpec, fieldMessage, hiddenOfText, numberOfText, type ChoiceField, type TrainChoices} from "./train-spec.js";

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
 * The choices a query (location.search, with or without "?") names, over `defaults`: each parameter
 * is checked on its own against the defaults (a bad one is ignored with a notice); if the kept ones
 * together still fail (a run too long), all are ignored with a notice.
 */
export function choicesFromQuery(search: string, defaults: TrainChoices, reference: NetworkSpec): UrlChoices {
  const params = new URLSearchParams(search.replace(/^\?/, ""));
  const choices: Record<ChoiceField, unknown> = {...defaults};
  const notices: string[] = [];
  let fromUrl = false;
  for (const field of Object.keys(URL_PARAMS) as ChoiceField[]) {
    const text = params.get(URL_PARAMS[field]);
    if (text === null) continue;
    fromUrl = true;
    const value = valueOfParam(field, text);
    const trial = {...defaults, [field]: value};
    try {
      browserSpec(trial, reference);
      choices[field] = value;
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      // A combined limit (the run time, named on "epochs") that this parameter breaks also ignores it.
      notices.push(`The link's ${URL_PARAMS[field]}=${JSON.stringify(text)} is ignored: ${fieldMessage(error)}.`);
    }
  }
  try {
    browserSpec(choices, reference);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    notices.push(`The link's choices are ignored together: ${fieldMessage(error)}.`);
    return {choices: {...defaults, hidden: defaults.hidden.slice()}, notices, fromUrl};
  }
  return {choices: choices as unknown as TrainChoices, notices, fromUrl};
}
