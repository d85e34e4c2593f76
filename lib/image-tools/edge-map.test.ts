import { describe, expect, it } from "vitest";
import { defaultEdgeMapSettings, edgeMapRgba, edgeShare, withThreshold } from "./edge-map";
import { controlNetSize, fitWithin } from "./image-size";

/** An RGBA image: black on the left half, white on the right. */
function halves(width: number, height: number): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let pixel = 0; pixel < width * height; pixel += 1) {
    const level = pixel % width < width / 2 ? 0 : 255;
    rgba.set([level, level, level, 255], pixel * 4);
  }
  return rgba;
}

describe("edgeMapRgba", () => {
  const size = { width: 16, height: 8 };

  it("draws edges white on black, or black on white when inverted", () => {
    const edges = edgeMapRgba(halves(16, 8), size, defaultEdgeMapSettings);
    expect(edgeShare(edges, false)).toBeCloseTo(1 / 16);
    expect(edges[3]).toBe(255);
    const inverted = edgeMapRgba(halves(16, 8), size, { ...defaultEdgeMapSettings, invert: true });
    expect(edgeShare(inverted, true)).toBeCloseTo(1 / 16);
    expect(inverted[0]).toBe(255);
  });

  it("in grayscale keeps the image's levels", () => {
    const gray = edgeMapRgba(halves(16, 8), size, { ...defaultEdgeMapSettings, output: "grayscale" });
    expect([gray[0], gray[15 * 4]]).toEqual([0, 255]);
    const inverted = edgeMapRgba(halves(16, 8), size, { ...defaultEdgeMapSettings, output: "grayscale", invert: true });
    expect([inverted[0], inverted[15 * 4]]).toEqual([255, 0]);
  });
});

describe("withThreshold", () => {
  it("keeps low ≤ high by taking the other along, and stays in range", () => {
    expect(withThreshold(defaultEdgeMapSettings, "low", 230)).toMatchObject({ low: 230, high: 230 });
    expect(withThreshold(defaultEdgeMapSettings, "high", 40)).toMatchObject({ low: 40, high: 40 });
    expect(withThreshold(defaultEdgeMapSettings, "high", 999)).toMatchObject({ low: 100, high: 255 });
    expect(withThreshold(defaultEdgeMapSettings, "low", -3)).toMatchObject({ low: 1, high: 200 });
  });
});

describe("sizes", () => {
  it("rounds each side to the nearest multiple of 32, at least 32", () => {
    expect(controlNetSize({ width: 500, height: 380 })).toEqual({ width: 512, height: 384 });
    expect(controlNetSize({ width: 1024, height: 768 })).toEqual({ width: 1024, height: 768 });
    expect(controlNetSize({ width: 10, height: 1000 })).toEqual({ width: 32, height: 992 });
  });

  it("fits within a longest side without enlarging", () => {
    expect(fitWithin({ width: 2000, height: 1000 }, 500)).toEqual({ width: 500, height: 250 });
    expect(fitWithin({ width: 200, height: 100 }, 500)).toEqual({ width: 200, height: 100 });
  });
});
