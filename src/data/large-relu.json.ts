// Framework data loader for FileAttachment("data/large-relu.json"): trains the reference network that
// data/large-relu.json specifies and prints its snapshot (see run-loader.ts).
import {runLoader} from "./run-loader.js";

await runLoader("large-relu");
