// Framework data loader for FileAttachment("data/<id>.json"), one route for every network: trains
// the network that data/<id>.json declares and prints its snapshot. A build normally finds these
// files already in Framework's cache, written by the build step in one process (see snapshots.ts).
import {loaderParam, runSnapshotLoader} from "./run-loader.js";

await runSnapshotLoader(loaderParam("id"));
