import { cannyEdges, DEFAULT_CANNY, grayscaleOf } from "./canny";
import type { ImageSize } from "./image-size";

/**
 * What the edge-map tool makes of an image: Canny edges (white lines on black, what Canny
 * ControlNets are trained on) or the plain grayscale image; either can be inverted.
 */
export type EdgeMapSettings = {
  output: "edges" | "grayscale";
  low: number;
  high: number;
  invert: boolean;
};

export const defaultEdgeMapSettings: EdgeMapSettings = {
  output: "edges",
  low: DEFAULT_CANNY.low,
  high: DEFAULT_CANNY.high,
  invert: false,
};

/** The range of both threshold sliders, as in A1111's Canny preprocessor. */
export const THRESHOLD_RANGE = { min: 1, max: 255 } as const;

/**
 * The thresholds a user asked for, kept in order: moving one past the other takes the other
 * along, so the pair always reads low ≤ high.
 */
export function withThreshold(settings: EdgeMapSettings, which: "low" | "high", value: number): EdgeMapSettings {
  const clamped = Math.min(THRESHOLD_RANGE.max, Math.max(THRESHOLD_RANGE.min, Math.round(value)));
  if (which === "low") return { ...settings, low: clamped, high: Math.max(settings.high, clamped) };
  return { ...settings, high: clamped, low: Math.min(settings.low, clamped) };
}

/** The edge map of an RGBA image of the given size, as opaque RGBA of the same size. */
export function edgeMapRgba(
  rgba: ArrayLike<number>,
  { width, height }: ImageSize,
  settings: EdgeMapSettings,
): Uint8ClampedArray<ArrayBuffer> {
  const gray = grayscaleOf(rgba, width, height);
  const levels = settings.output === "edges" ? cannyEdges(gray, settings) : gray.data;
  const out = new Uint8ClampedArray(width * height * 4);
  for (let pixel = 0; pixel < levels.length; pixel += 1) {
    const level = levels[pixel] ?? 0;
    const shown = settings.invert ? 255 - level : level;
    out.set([shown, shown, shown, 255], pixel * 4);
  }
  return out;
}

/** The share of pixels that are edges (0–1), for the preview's caption. */
export function edgeShare(edgeRgba: ArrayLike<number>, invert: boolean): number {
  let edges = 0;
  const pixels = Math.floor(edgeRgba.length / 4);
  for (let pixel = 0; pixel < pixels; pixel += 1) {
    const level = edgeRgba[pixel * 4] ?? 0;
    if (invert ? level < 128 : level >= 128) edges += 1;
  }
  return pixels === 0 ? 0 : edges / pixels;
}
