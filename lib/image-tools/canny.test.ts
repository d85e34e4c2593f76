import { describe, expect, it } from "vitest";
import {
  cannyEdges,
  EDGE,
  gaussianBlur,
  type GrayImage,
  grayscaleOf,
  hysteresis,
  nonMaximumSuppression,
  sobel,
} from "./canny";

function image(width: number, height: number, level: (x: number, y: number) => number): GrayImage {
  const data = new Float32Array(width * height);
  for (let y = 0; y < height; y += 1) for (let x = 0; x < width; x += 1) data[y * width + x] = level(x, y);
  return { width, height, data };
}

function edgePixels(edges: Uint8Array, width: number): { x: number; y: number }[] {
  const found: { x: number; y: number }[] = [];
  edges.forEach((value, index) => {
    if (value === EDGE) found.push({ x: index % width, y: Math.floor(index / width) });
  });
  return found;
}

const defaults = { low: 100, high: 200 };

describe("cannyEdges", () => {
  it("finds nothing in a flat image, of any level", () => {
    for (const level of [0, 128, 255]) {
      const flat = image(24, 16, () => level);
      expect(edgePixels(cannyEdges(flat, defaults), 24)).toEqual([]);
    }
  });

  it("turns a vertical step into one straight line, one pixel wide, on the step", () => {
    const step = image(20, 12, (x) => (x < 10 ? 0 : 255));
    const found = edgePixels(cannyEdges(step, defaults), 20);
    expect(found).toHaveLength(12);
    const columns = new Set(found.map(({ x }) => x));
    expect(columns.size).toBe(1);
    expect([9, 10]).toContain([...columns][0]);
    expect(found.map(({ y }) => y)).toEqual([...Array(12).keys()]);
  });

  it("turns a horizontal step into one row", () => {
    const step = image(12, 20, (_x, y) => (y < 8 ? 200 : 20));
    const found = edgePixels(cannyEdges(step, defaults), 12);
    expect(new Set(found.map(({ y }) => y)).size).toBe(1);
    expect(found).toHaveLength(12);
  });

  it("outlines a square with a closed contour hugging its sides", () => {
    const size = 24;
    const inside = (x: number, y: number) => x >= 8 && x < 16 && y >= 8 && y < 16;
    const square = image(size, size, (x, y) => (inside(x, y) ? 255 : 0));
    const found = edgePixels(cannyEdges(square, defaults), size);
    // Every edge pixel is within a pixel of the square's border …
    for (const { x, y } of found) {
      const nearBorder = x >= 7 && x <= 16 && y >= 7 && y <= 16 && !(x >= 9 && x <= 14 && y >= 9 && y <= 14);
      expect(nearBorder, `edge at ${x},${y}`).toBe(true);
    }
    // … and each side is covered along its length.
    for (let along = 9; along <= 14; along += 1) {
      expect(
        found.some(({ x, y }) => y === along && x <= 8),
        `left side at y=${along}`,
      ).toBe(true);
      expect(
        found.some(({ x, y }) => y === along && x >= 15),
        `right side at y=${along}`,
      ).toBe(true);
      expect(
        found.some(({ x, y }) => x === along && y <= 8),
        `top side at x=${along}`,
      ).toBe(true);
      expect(
        found.some(({ x, y }) => x === along && y >= 15),
        `bottom side at x=${along}`,
      ).toBe(true);
    }
    expect(found.length).toBeGreaterThanOrEqual(24);
    expect(found.length).toBeLessThanOrEqual(40);
  });

  it("drops a faint step under the thresholds and finds it under lower ones", () => {
    const faint = image(16, 8, (x) => (x < 8 ? 100 : 120));
    expect(edgePixels(cannyEdges(faint, defaults), 16)).toEqual([]);
    expect(edgePixels(cannyEdges(faint, { low: 20, high: 40 }), 16)).toHaveLength(8);
  });

  it("keeps a weak edge joined to a strong one and drops a weak edge on its own (hysteresis)", () => {
    // Two vertical steps: the left one strong at the top and fading to faint below, the right one faint all along.
    const width = 30;
    const height = 40;
    const steps = image(width, height, (x, y) => {
      const left = x < 10 ? 0 : 255 - y * 5;
      return x < 20 ? left : left + 40;
    });
    const found = edgePixels(cannyEdges(steps, { low: 60, high: 400 }), width);
    const leftEdge = found.filter(({ x }) => x >= 8 && x <= 11);
    const rightEdge = found.filter(({ x }) => x >= 18 && x <= 21);
    expect(new Set(leftEdge.map(({ y }) => y)).size).toBe(height);
    expect(rightEdge).toEqual([]);
    // With the high threshold within reach of the faint steps, the right one appears too.
    const relaxed = edgePixels(cannyEdges(steps, { low: 60, high: 100 }), width);
    expect(relaxed.some(({ x }) => x >= 18 && x <= 21)).toBe(true);
  });

  it("finds fewer edges as the thresholds rise, and takes them in either order", () => {
    const ramp = image(32, 32, (x, y) => ((x * 7 + y * 3) % 64) * 4);
    const counts = [20, 100, 300, 900].map((high) => edgePixels(cannyEdges(ramp, { low: high / 2, high }), 32).length);
    for (let at = 1; at < counts.length; at += 1) expect(counts[at]).toBeLessThanOrEqual(counts[at - 1] ?? 0);
    expect(cannyEdges(ramp, { low: 200, high: 100 })).toEqual(cannyEdges(ramp, { low: 100, high: 200 }));
  });
});

describe("the stages", () => {
  it("blur keeps a flat image flat and the total level of any image", () => {
    const flat = gaussianBlur(
      image(9, 9, () => 77),
      1.4,
    );
    expect([...flat.data].every((value) => Math.abs(value - 77) < 1e-3)).toBe(true);
    const dot = image(15, 15, (x, y) => (x === 7 && y === 7 ? 255 : 0));
    const blurred = gaussianBlur(dot, 1);
    expect([...blurred.data].reduce((sum, value) => sum + value, 0)).toBeCloseTo(255, 2);
    expect(blurred.data[7 * 15 + 7]).toBeLessThan(255);
  });

  it("sobel points across a step, with no gradient on the image's own border", () => {
    const step = image(6, 4, (x) => (x < 3 ? 0 : 255));
    const { magnitude, direction } = sobel(step);
    expect(magnitude[1 * 6 + 2]).toBe(1020);
    expect(direction[1 * 6 + 2]).toBe(0);
    expect(magnitude[1 * 6 + 0]).toBe(0);
    const thin = nonMaximumSuppression(sobel(step), 6, 4);
    // Two equal peaks across the step: exactly one of them survives per row.
    for (let y = 0; y < 4; y += 1)
      expect([thin[y * 6 + 2], thin[y * 6 + 3]].filter((value) => (value ?? 0) > 0)).toHaveLength(1);
  });

  it("hysteresis follows weak chains from strong pixels only", () => {
    const thin = Float32Array.from([250, 80, 80, 0, 80, 0, 0, 0, 0, 80, 0, 0, 0, 0, 0]);
    expect([...hysteresis(thin, 5, 3, 50, 200)]).toEqual([255, 255, 255, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it("grayscale weighs green most and shows transparent pixels as white", () => {
    const rgba = [255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 0, 0];
    const { data } = grayscaleOf(rgba, 3, 1);
    expect(data[1]).toBeGreaterThan(data[0] ?? 0);
    expect(data[2]).toBe(255);
  });
});
