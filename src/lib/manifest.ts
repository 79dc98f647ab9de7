// The network manifest, the pure half: how a declared network (a spec file data/<id>.json) becomes
// a page of the site, and the small summary of every trained network that the introduction reads.
// The Node half (src/data/manifest.ts) lists the spec files; both the Framework config and the
// browser tests derive the site's pages from it, so a network is declared in exactly one place.
import {ValidationError, type NetworkSpec} from "./spec.js";
import {finalLoss, finalMse, type Snapshot} from "./snapshot.js";
import {ACTIVATION_NAMES, isActivation, type ActivationName} from "./activations.js";
import {DATASET_NAMES, isDatasetName, type DatasetName} from "./datasets.js";
import {parameterStats, type ParameterStats} from "./extents.js";

/** Where the generic explorer page of a network without an article page lives: /networks/<id>. */
export const EXPLORER_ROUTE = "/networks";

/** One declared network: its spec, and the page that shows it. */
export interface ManifestEntry {
  spec: NetworkSpec;
  /** The page's path, "/small-relu" (a hand-written article page) or "/networks/<id>" (the explorer). */
  path: string;
  /** Whether src/<id>.md tells the article's story of this network. */
  articlePage: boolean;
}

/** The page path of a network: its article page when it has one, the generic explorer otherwise. */
export function networkPagePath(id: string, articlePage: boolean): string {
  return articlePage ? `/${id}` : `${EXPLORER_ROUTE}/${id}`;
}

/**
 * The link from the page at `from` to the page at `to`, both page paths ("/" or "/index" for the
 * introduction, "/regression", "/small-relu", "/networks/<id>"). It is relative, so the site also
 * works under a subpath, and it names the file, "./regression.html", so it works on any static
 * server, even one that adds no extension (Framework writes its own links, the pager's, the same way:
 * the config sets preserveExtension). The introduction is its directory's index: "./" or "../".
 * Every link between the site's pages is made here: the header's navigation and the components'.
 */
export function pageHref(from: string, to: string): string {
  for (const p of [from, to]) if (!p.startsWith("/")) throw new Error(`a page path starts with "/", got ${JSON.stringify(p)}`);
  const depth = from.split("/").length - 2;
  const up = depth > 0 ? "../".repeat(depth) : "./";
  const target = to.replace(/\/index$/, "/");
  return target.endsWith("/") ? `${up}${target.slice(1)}` : `${up}${target.slice(1)}.html`;
}

/**
 * The site's order of networks: the article's sections first, in the article's order (its reference
 * networks carry article figures), then every other network by id.
 */
export function compareEntries(a: ManifestEntry, b: ManifestEntry): number {
  const rank = (e: ManifestEntry) => e.spec.article?.section ?? Infinity;
  return rank(a) - rank(b) || (a.spec.id < b.spec.id ? -1 : a.spec.id > b.spec.id ? 1 : 0);
}

/** What the introduction shows of one trained network: a few numbers, not its weights. */
export interface NetworkSummary {
  id: string;
  title: string;
  path: string;
  dataset: DatasetName;
  points: number;
  /** The dataset's seed: specDataset(summary) regenerates its samples. */
  dataSeed: number;
  hidden: number[];
  activation: ActivationName;
  learningRate: number;
  epochs: number;
  batchSize: number;
  /** The last epoch's last-batch loss (the figure the article reports). */
  finalLoss: number;
  /** The full-dataset MSE after the last epoch. */
  finalMse: number;
  /** The article's reported final loss for its own run, when it has one. */
  articleFinalLoss: number | null;
  /** What its page shows, in one sentence, or null. */
  blurb: string | null;
  /** How large its trained weights and biases are (for comparisons across networks). */
  parameters: ParameterStats;
}

export function summarize(snapshot: Snapshot, path: string): NetworkSummary {
  const s = snapshot.spec;
  return {
    id: s.id,
    title: s.title,
    path,
    dataset: s.dataset,
    points: s.points,
    dataSeed: s.dataSeed,
    hidden: s.hidden,
    activation: s.activation,
    learningRate: s.learningRate,
    epochs: s.epochs,
    batchSize: s.batchSize,
    finalLoss: finalLoss(snapshot),
    finalMse: finalMse(snapshot),
    articleFinalLoss: s.article?.finalLoss ?? null,
    blurb: s.blurb ?? null,
    parameters: parameterStats(snapshot.layers)
  };
}

/** Checks the summary file the introduction fetches; a malformed one fails with the field named. */
export function parseSummaries(value: unknown, source: string): NetworkSummary[] {
  const fail = (field: string, detail: string): never => {
    throw new ValidationError(source, field, detail);
  };
  if (!Array.isArray(value)) return fail("(root)", "must be an array of network summaries");
  return value.map((v: unknown, i) => {
    if (typeof v !== "object" || v === null || Array.isArray(v)) return fail(`[${i}]`, "must be an object");
    const o = v as Record<string, unknown>;
    const str = (k: string) => (typeof o[k] === "string" && o[k] !== "" ? (o[k] as string) : fail(`[${i}].${k}`, "must be a non-empty string"));
    const num = (k: string) => (typeof o[k] === "number" && Number.isFinite(o[k]) ? (o[k] as number) : fail(`[${i}].${k}`, "must be a finite number"));
    const hidden = o.hidden;
    if (!Array.isArray(hidden) || !hidden.every((u) => Number.isInteger(u) && u > 0)) fail(`[${i}].hidden`, "must be an array of unit counts");
    const article = o.articleFinalLoss;
    if (article !== null && !(typeof article === "number" && Number.isFinite(article))) fail(`[${i}].articleFinalLoss`, "must be a number or null");
    const params = o.parameters;
    if (typeof params !== "object" || params === null) fail(`[${i}].parameters`, "must be an object");
    const stat = (k: keyof ParameterStats) => {
      const v = (params as Record<string, unknown>)[k];
      return typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : fail(`[${i}].parameters.${k}`, "must be a non-negative finite number");
    };
    const blurb = o.blurb;
    if (blurb !== null && typeof blurb !== "string") fail(`[${i}].blurb`, "must be a string or null");
    return {
      id: str("id"),
      title: str("title"),
      path: str("path"),
      dataset: isDatasetName(o.dataset) ? o.dataset : fail(`[${i}].dataset`, `must be one of ${DATASET_NAMES.join(", ")}`),
      points: num("points"),
      dataSeed: num("dataSeed"),
      hidden: hidden as number[],
      activation: isActivation(o.activation) ? o.activation : fail(`[${i}].activation`, `must be one of ${ACTIVATION_NAMES.join(", ")}`),
      learningRate: num("learningRate"),
      epochs: num("epochs"),
      batchSize: num("batchSize"),
      finalLoss: num("finalLoss"),
      finalMse: num("finalMse"),
      articleFinalLoss: article as number | null,
      blurb: blurb as string | null,
      parameters: {maxAbsWeight: stat("maxAbsWeight"), meanAbsWeight: stat("meanAbsWeight"), maxAbsBias: stat("maxAbsBias"), meanAbsBias: stat("meanAbsBias")}
    };
  });
}
