// jsdom has no canvas. Plot draws continuous colour legends (ramps) on a canvas and embeds the result
// as an image; here the canvas records nothing and yields a fixed data URL, so the legend's markup
// (axis, ticks, label) is still rendered and compared, and golden files stay machine-independent.
if (typeof HTMLCanvasElement !== "undefined") {
  const context = new Proxy({} as Record<string | symbol, unknown>, {
    get: (target, key) => (key in target ? target[key] : () => undefined),
    set: (target, key, value) => ((target[key] = value), true)
  });
  // defineProperty, not assignment: getContext's overloads each promise a different context type.
  Object.defineProperty(HTMLCanvasElement.prototype, "getContext", {value: () => context, configurable: true, writable: true});
  HTMLCanvasElement.prototype.toDataURL = () => "data:image/png;base64,stub";
}
