// What a reader downloads of a network: its parameters as JSON, the same parameters and the dataset
// as named NumPy arrays, and a Python snippet that rebuilds the article's `fcnn` dictionary from them.
//
// Orientation is the article's: W_k has shape [dIn, dOut] and is applied as a @ W_k, b_k has shape
// [dOut]; layer k computes z_k = a_(k-1) @ W_k + b_k with a_(-1) = X, then a_k = g(z_k) for a hidden
// layer and a_k = z_k for the (linear) output layer. The article's dictionary lists
//   activations = [X, a_0, a_1, …, a_(L-1)],  linNeurons = [z_0, …, z_(L-1)],
//   weights = [W_0, …, W_(L-1)],              biases = [b_0, …, b_(L-1)].
// Pure: no DOM. File bytes are made by npy.ts and zip.ts.
import type {ActivationName} from "./activations.js";
import {layerSizes, type Network} from "./network.js";
import {encodeNpy, matrixArray, type NpyArray} from "./npy.js";
import type {Snapshot} from "./snapshot.js";
import {zipStore} from "./zip.js";

/** The JSON a reader downloads: enough to rebuild the network anywhere. */
export interface WeightsJson {
  /** The spec id of the network (data/<id>.json). */
  id: string;
  /** Hidden-layer activation; the output layer is linear. */
  activation: ActivationName;
  /** Units per layer, inputs and output included, e.g. [2, 4, 1]. */
  layerSizes: number[];
  /** Epochs of training behind these parameters. */
  epoch: number;
  /** weights[k][i][j]: layer k's weight from input i to unit j (shape [dIn, dOut]). */
  weights: number[][][];
  /** biases[k][j]: layer k's bias of unit j. */
  biases: number[][];
}

/** What is exported: a snapshot's network, the final one unless a checkpoint is given. */
export interface ExportSource {
  snapshot: Snapshot;
  network: Network;
  /** Epochs behind `network`. */
  epoch: number;
}

/** The final network's epoch count: the spec's epochs. */
export function isFinalEpoch(source: Pick<ExportSource, "snapshot" | "epoch">): boolean {
  return source.epoch === source.snapshot.spec.epochs;
}

export function weightsJson({snapshot, network, epoch}: ExportSource): WeightsJson {
  return {
    id: snapshot.spec.id,
    activation: network.activation,
    layerSizes: layerSizes(network),
    epoch,
    weights: network.layers.map((l) => l.weights.map((row) => row.slice())),
    biases: network.layers.map((l) => l.biases.slice())
  };
}

/** The JSON file's text: two-space indentation, every number as JavaScript prints it (round-trips exactly). */
export function weightsJsonText(source: ExportSource): string {
  return JSON.stringify(weightsJson(source), null, 2) + "\n";
}

export interface NamedArray extends NpyArray {
  /** The array's name, which is also its file's name without ".npy": W0, b0, …, X, y. */
  name: string;
  /** One line saying what it holds, for the README. */
  about: string;
}

/** W0, b0, W1, b1, …, then X [N, 2] and y [N]: every array a reader needs to rebuild fcnn. */
export function namedArrays({snapshot, network}: ExportSource): NamedArray[] {
  const sizes = layerSizes(network);
  const out: NamedArray[] = [];
  network.layers.forEach((layer, k) => {
    out.push({name: `W${k}`, about: `layer ${k} weights, shape (${sizes[k]}, ${sizes[k + 1]})`, ...matrixArray(layer.weights, sizes[k + 1])});
    out.push({name: `b${k}`, about: `layer ${k} biases, shape (${sizes[k + 1]},)`, shape: [sizes[k + 1]], data: layer.biases});
  });
  const n = snapshot.data.x.length;
  out.push({name: "X", about: `the ${n} training inputs (x1, x2), shape (${n}, 2)`, ...matrixArray(snapshot.data.x, 2)});
  out.push({name: "y", about: `their targets, shape (${n},)`, shape: [n], data: snapshot.data.y});
  return out;
}

/** The hidden activation as a line of NumPy, the same function as ACTIVATIONS[name].fn. */
const PYTHON_ACTIVATION: Record<ActivationName, string> = {
  relu: "np.maximum(z, 0.0)",
  sigmoid: "1.0 / (1.0 + np.exp(-z))",
  tanh: "np.tanh(z)",
  linear: "z"
};

/**
 * A Python script that loads the .npy files from the current folder and runs the forward pass to
 * rebuild the article's dictionary. Written for this network's activation and number of layers.
 */
export function pythonSnippet(activation: ActivationName, layerCount: number, singleFilePrefix = ""): string {
  if (!Number.isInteger(layerCount) || layerCount < 1) throw new Error(`pythonSnippet: layerCount must be a positive integer, got ${layerCount}`);
  const prefixNote = singleFilePrefix
    ? `# The zip's files are named W0.npy, b0.npy, …; files saved one by one from the page carry the
# prefix "${singleFilePrefix}" (${singleFilePrefix}W0.npy, …): set PREFIX to it for those.
`
    : "";
  return `# Rebuilds the article's fcnn dictionary from the downloaded .npy files.
# Run it in the folder that holds W0.npy … W${layerCount - 1}.npy, b0.npy … b${layerCount - 1}.npy, X.npy and y.npy.
${prefixNote}import numpy as np

PREFIX = ""
L = ${layerCount}  # dense layers: ${layerCount - 1} hidden (${activation}) and a linear output
weights = [np.load(f"{PREFIX}W{k}.npy") for k in range(L)]  # W_k: shape (inputs, units), used as a @ W_k
biases = [np.load(f"{PREFIX}b{k}.npy") for k in range(L)]   # b_k: shape (units,)
X = np.load(f"{PREFIX}X.npy")  # inputs, shape (N, 2)
y = np.load(f"{PREFIX}y.npy")  # targets, shape (N,)


def g(z):
    """The hidden layers' activation (${activation})."""
    return ${PYTHON_ACTIVATION[activation]}


activations, lin_neurons = [X], []
for k in range(L):
    z = activations[-1] @ weights[k] + biases[k]
    lin_neurons.append(z)
    activations.append(g(z) if k < L - 1 else z)  # the output unit is linear

fcnn = {'activations': activations, 'linNeurons': lin_neurons,
        'weights': weights, 'biases': biases}

print("mean squared error:", np.mean((fcnn['activations'][-1][:, 0] - y) ** 2))
`;
}

/** The snippet for an export: its network's activation and depth, and the prefix of its single files. */
export function exportSnippet(source: ExportSource): string {
  return pythonSnippet(source.network.activation, source.network.layers.length, singleFilePrefix(source));
}

/** The download's base name: the network id, and the epoch when the parameters are not the final ones. */
export function exportBaseName(source: Pick<ExportSource, "snapshot" | "epoch">): string {
  const id = source.snapshot.spec.id;
  return isFinalEpoch(source) ? id : `${id}-epoch-${source.epoch}`;
}

/** What the name of a .npy file downloaded on its own starts with: "small-relu-" for small-relu-W0.npy. */
export function singleFilePrefix(source: Pick<ExportSource, "snapshot" | "epoch">): string {
  return `${exportBaseName(source)}-`;
}

/** The README inside the zip: what each file holds, then the snippet. */
export function readmeText(source: ExportSource): string {
  const {snapshot, network, epoch} = source;
  const sizes = layerSizes(network);
  const lines = [
    `Parameters of the network "${snapshot.spec.id}" (${snapshot.spec.title}), layer sizes ${sizes.join("-")},`,
    `hidden activation ${network.activation}, linear output, after ${epoch} of ${snapshot.spec.epochs} training epochs.`,
    "",
    "Every array is a NumPy .npy file (format 1.0) of float64 values, little-endian, in C order:",
    ...namedArrays(source).map((a) => `  ${a.name}.npy  ${a.about}`),
    "",
    "Layer k computes z_k = a @ W_k + b_k from the previous layer's activations a (X for the first",
    "layer); hidden layers apply the activation, the output layer keeps z. With Python and NumPy,",
    "the script below (also in fcnn.py) rebuilds the dictionary fcnn of the article:",
    "",
    exportSnippet(source)
  ];
  return lines.join("\n");
}

/** Every .npy file of the export, by file name. */
export function npyFiles(source: ExportSource): {name: string; data: Uint8Array}[] {
  return namedArrays(source).map((a) => ({name: `${a.name}.npy`, data: encodeNpy(a)}));
}

/** The zip: every .npy file, README.txt and fcnn.py, inside a folder named after the download. */
export function weightsZip(source: ExportSource): Uint8Array {
  const folder = exportBaseName(source);
  const encoder = new TextEncoder();
  return zipStore([
    ...npyFiles(source).map((f) => ({name: `${folder}/${f.name}`, data: f.data})),
    {name: `${folder}/README.txt`, data: encoder.encode(readmeText(source))},
    {name: `${folder}/fcnn.py`, data: encoder.encode(exportSnippet(source))}
  ]);
}
