// Framework data loader for FileAttachment("data/small-sigmoid.json"): trains the reference network that
// data/small-sigmoid.json specifies and prints its snapshot (see run-loader.ts).
import {runLoader} from "./run-loader.js";

await runLoader("small-sigmoid");
