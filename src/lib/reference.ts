// What the article reports for its own runs, quoted so the site can set this build's figures beside
// them. These are the only numbers not computed from a snapshot, and they are labelled as the article's.

/** Final loss of each reference network in the article (its last epoch's last mini-batch loss). */
export const ARTICLE_FINAL_LOSS: Readonly<Record<string, number>> = {
  "small-relu": 0.001387043041177094,
  "large-relu": 0.0003507580258883536,
  "small-sigmoid": 0.00593841727823019
};

/** Half-width of the square the article draws the first-layer lines on: [-3, 3]^2. */
export const PLANE_RANGE = 3;

/** The points the article looks at: zone centres of the small ReLU network and the samples it visualises. */
export const ZONES = [
  {name: "Centre", point: [0, 0] as const, direction: [1, 0.5] as const},
  {name: "North-east", point: [1, 1] as const, direction: [1, 0.5] as const},
  {name: "North-west", point: [-1, 1] as const, direction: [1, -0.5] as const},
  {name: "North", point: [0, 2] as const, direction: [1, 0] as const}
];

export const LARGE_RELU_POINTS = [
  {label: "north-east", point: [1, 1] as const},
  {label: "north", point: [0.5, 2] as const},
  {label: "north-west", point: [-1, 1] as const},
  {label: "south-west", point: [-1, -1] as const}
];

export const SMALL_SIGMOID_POINTS = [
  {label: "north-east", point: [1, 1] as const},
  {label: "south-west", point: [-1, -1] as const}
];
