// The activation functions, one descriptor each: everything the site knows about an activation
// lives in its entry of ACTIVATIONS (adding an activation is adding one entry). Pure: no DOM, no
// tfjs; the trainer reads the tfjs names from here and maps them to its kernel calls.
//
// A hidden unit computes a = g(z). Each descriptor holds g (float64), its derivative g', the
// formula shown to readers, and how tfjs computes it. The derivative is written once, as an
// expression in the unit's output a = g(z) (`slope`), which is how backpropagation uses it:
//   relu     g(z) = max(0, z)            g'(z) = 1[z > 0] = step(a)
//   sigmoid  g(z) = 1 / (1 + e^-z)       g'(z) = g(z) (1 - g(z)) = a (1 - a)
//   tanh     g(z) = tanh(z)              g'(z) = 1 - tanh(z)^2 = 1 - a^2
//   linear   g(z) = z                    g'(z) = 1
// lib code evaluates `slope` in float64 (`derivative`); the trainer evaluates the same expression
// with tfjs kernels, in the order written, as tfjs's own gradients do.

/**
 * g'(z) as an expression in a = g(z): a number is a constant, "a" the unit's output;
 * step(x) = 1 where x > 0 else 0 (tf.step), square(x) = x^2, mul and sub as written.
 */
export type SlopeExpr = number | "a" | readonly ["step" | "square", SlopeExpr] | readonly ["mul" | "sub", SlopeExpr, SlopeExpr];

/** A piece of the worked step "a = g(z) = … = value" in the arithmetic panel. */
export type FormulaPart =
  | string
  /** The neuron's number: its z, its a, or −z. */
  | {readonly value: "z" | "a" | "-z"}
  | {readonly sup: readonly FormulaPart[]};

export interface ActivationDescriptor {
  /** Its name in prose: "ReLU", "sigmoid". */
  readonly label: string;
  /** g(z), float64. */
  readonly fn: (z: number) => number;
  /** g'(z) as an expression in a = g(z): the one definition of the derivative. */
  readonly slope: SlopeExpr;
  /** g'(z), float64: `slope` evaluated at a = g(z). */
  readonly derivative: (z: number) => number;
  /** The formula shown to readers, plain text. */
  readonly formula: string;
  /** The worked step for one neuron, "a = relu(z) = max(0, z) = a", with slots for its numbers. */
  readonly worked: readonly FormulaPart[];
  /** g is linear on z ≤ 0 and on z > 0: a network of such units is affine on each zone of constant mask (zone analyses apply). */
  readonly piecewiseLinear: boolean;
  /** The unit is off (a = 0) for z ≤ 0 and on for z > 0: its state reads as "active (a > 0)" or "inactive". */
  readonly onOff: boolean;
  /** For smooth activations whose slope g' falls to 0 in both tails: the |z| beyond which g'(z) < slope (0 < slope < max g'). */
  readonly saturation: {readonly threshold: (slope: number) => number} | null;
  /** tfjs: `layer` is the tf.layers activation identifier (what model.fit uses); `kernel` the registered kernel of g, null for the identity. */
  readonly tfjs: {readonly layer: string; readonly kernel: string | null};
}

/** step(x) as tf.step with alpha 0 (NaN stays NaN). */
const step = (x: number) => (x > 0 ? 1 : x <= 0 ? 0 : x);

/** The value of a slope expression at a, in float64. */
export function evaluateSlope(e: SlopeExpr, a: number): number {
  if (typeof e === "number") return e;
  if (e === "a") return a;
  switch (e[0]) {
    case "step":
      return step(evaluateSlope(e[1], a));
    case "square": {
      const v = evaluateSlope(e[1], a);
      return v * v;
    }
    case "mul":
      return evaluateSlope(e[1], a) * evaluateSlope(e[2], a);
    case "sub":
      return evaluateSlope(e[1], a) - evaluateSlope(e[2], a);
  }
}

/** A descriptor from its entry: g' is `slope` evaluated at a = g(z). */
function describe(entry: Omit<ActivationDescriptor, "derivative">): ActivationDescriptor {
  const {fn, slope} = entry;
  return {...entry, derivative: (z) => evaluateSlope(slope, fn(z))};
}

/** Every activation's descriptor, by name: the one table to extend. */
export const ACTIVATIONS = {
  relu: describe({
    label: "ReLU",
    fn: (z) => (z > 0 ? z : 0),
    slope: ["step", "a"],
    formula: "a = max(0, z)",
    worked: ["a = relu(z) = max(0, ", {value: "z"}, ") = ", {value: "a"}],
    piecewiseLinear: true,
    onOff: true,
    saturation: null,
    tfjs: {layer: "relu", kernel: "Relu"}
  }),
  sigmoid: describe({
    label: "sigmoid",
    fn: (z) => 1 / (1 + Math.exp(-z)),
    slope: ["mul", "a", ["sub", 1, "a"]],
    formula: "a = σ(z) = 1 / (1 + e^−z)",
    worked: ["a = σ(z) = 1 / (1 + e", {sup: ["−z"]}, ") = 1 / (1 + e", {sup: [{value: "-z"}]}, ") = ", {value: "a"}],
    piecewiseLinear: false,
    onOff: false,
    // a (1 - a) = m at a = (1 + sqrt(1 - 4m)) / 2, i.e. z = ln(a / (1 - a)).
    saturation: {
      threshold: (m) => {
        const a = (1 + Math.sqrt(1 - 4 * m)) / 2;
        return Math.log(a / (1 - a));
      }
    },
    tfjs: {layer: "sigmoid", kernel: "Sigmoid"}
  }),
  tanh: describe({
    label: "tanh",
    fn: (z) => Math.tanh(z),
    slope: ["sub", 1, ["square", "a"]],
    formula: "a = tanh(z) = (e^z − e^−z) / (e^z + e^−z)",
    worked: ["a = tanh(z) = tanh(", {value: "z"}, ") = ", {value: "a"}],
    piecewiseLinear: false,
    onOff: false,
    // 1 - a^2 = m at a = sqrt(1 - m), i.e. z = atanh(sqrt(1 - m)).
    saturation: {threshold: (m) => Math.atanh(Math.sqrt(1 - m))},
    tfjs: {layer: "tanh", kernel: "Tanh"}
  }),
  linear: describe({
    label: "linear",
    fn: (z) => z,
    slope: 1,
    formula: "a = z",
    worked: ["a = z = ", {value: "a"}],
    piecewiseLinear: true,
    onOff: false,
    saturation: null,
    tfjs: {layer: "linear", kernel: null}
  })
} satisfies Record<string, ActivationDescriptor>;

/** The name of an activation: a key of ACTIVATIONS. */
export type ActivationName = keyof typeof ACTIVATIONS;

function isName(name: string): name is ActivationName {
  return Object.hasOwn(ACTIVATIONS, name);
}

/** The names, in table order: relu, sigmoid, tanh, linear. */
export const ACTIVATION_NAMES: readonly ActivationName[] = Object.keys(ACTIVATIONS).filter(isName);

export function isActivation(name: unknown): name is ActivationName {
  return typeof name === "string" && isName(name);
}

/** The activation of layer k (0-based) of a network of `depth` layers with hidden activation g: the output layer is linear. */
export function activationOfLayer(g: ActivationName, k: number, depth: number): ActivationName {
  return k === depth - 1 ? "linear" : g;
}
