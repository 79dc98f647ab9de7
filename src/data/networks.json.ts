// Framework data loader for FileAttachment("data/networks.json"): the introduction's summary of
// every declared network (a few numbers each, not the weights), after bringing snapshots up to date.
import {runSummaryLoader} from "./run-loader.js";

await runSummaryLoader();
