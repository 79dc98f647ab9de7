// Framework data loader for FileAttachment("data/small-relu.json"): trains the reference network that
// data/small-relu.json specifies and prints its snapshot (see run-loader.ts).
import {runLoader} from "./run-loader.js";

await runLoader("small-relu");
