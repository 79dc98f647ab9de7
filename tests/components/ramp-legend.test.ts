// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import * as d3 from "d3";
import {rampColor, rampLegend} from "../../src/components/ramp-legend.js";

const ticksOf = (svg: Element) =>
  [...svg.querySelectorAll(".ramp-ticks > g")].map((g) => [g.getAttribute("transform"), g.querySelector("text")!.textContent]);

describe("ramp legend", () => {
  it("colours values as the linear ramp over the domain, clamped, and a constant domain in the middle", () => {
    const color = rampColor({interpolator: d3.interpolateViridis, domain: [2, 6]});
    expect(color(2)).toBe(d3.interpolateViridis(0));
    expect(color(5)).toBe(d3.interpolateViridis(0.75));
    expect(color(9)).toBe(d3.interpolateViridis(1));
    expect(rampColor({interpolator: d3.interpolateViridis, domain: [3, 3]})(3)).toBe(d3.interpolateViridis(0.5));
  });

  it("labels d3's round ticks of the domain, and shows another domain and interpolator in place", () => {
    const legend = rampLegend({interpolator: d3.interpolateViridis, domain: [0, 2], label: "slope"}, {width: 200, document});
    const x = d3.scaleLinear([0, 2], [0.5, 199.5]);
    expect(ticksOf(legend)).toEqual(x.ticks(5).map((v) => [`translate(${x(v).toFixed(1)},0)`, x.tickFormat(5)(v)]));
    expect(legend.querySelector("text")!.textContent).toBe("slope");
    const stops = [...legend.querySelectorAll("stop")];
    expect(stops[0].getAttribute("stop-color")).toBe(d3.interpolateViridis(0));

    const tickNodes = [...legend.querySelectorAll("line")];
    legend.show({interpolator: d3.interpolateViridis, domain: [-0.3, 0.3], label: "output"});
    const y = d3.scaleLinear([-0.3, 0.3], [0.5, 199.5]);
    expect(ticksOf(legend).map(([, label]) => label)).toEqual(y.ticks(5).map(y.tickFormat(5)));
    expect(ticksOf(legend).map(([, label]) => label)).toContain("−0.2");
    expect(legend.querySelector("text")!.textContent).toBe("output");
    // The ticks that were there are reused (only their positions and labels changed).
    for (const line of tickNodes.slice(0, ticksOf(legend).length)) expect(legend.contains(line)).toBe(true);

    legend.show({interpolator: d3.interpolateRdBu, domain: [-0.3, 0.3], label: "output"});
    expect([...legend.querySelectorAll("stop")]).toEqual(stops);
    expect(stops[0].getAttribute("stop-color")).toBe(d3.interpolateRdBu(0));
    expect(stops.at(-1)!.getAttribute("stop-color")).toBe(d3.interpolateRdBu(1));
  });
});
