import type { ImageSize } from "./image-size";

/** A binary mask: 1 where painted (white in the exported PNG), 0 elsewhere, row by row. */
export type Mask = ImageSize & { data: Uint8Array };

export type Point = { x: number; y: number };

/** What the painter did, in mask pixels; the mask is these replayed over the starting mask. */
export type MaskOp =
  { kind: "stroke"; erase: boolean; radius: number; points: Point[] } | { kind: "invert" } | { kind: "clear" };

/** The pixels a change touched, to redraw only those. */
export type DirtyRect = { x: number; y: number; width: number; height: number };

export function newMask(size: ImageSize, data?: Uint8Array): Mask {
  return { ...size, data: data ? Uint8Array.from(data) : new Uint8Array(size.width * size.height) };
}

const whole = ({ width, height }: ImageSize): DirtyRect => ({ x: 0, y: 0, width, height });

/**
 * Paints (or erases) the capsule around the segment from `from` to `to`: every pixel whose centre
 * lies within `radius` of the segment. A tap is a segment of length zero, a disc.
 */
export function paintSegment(mask: Mask, from: Point, to: Point, radius: number, value: 0 | 1): DirtyRect | undefined {
  const left = Math.max(0, Math.floor(Math.min(from.x, to.x) - radius));
  const top = Math.max(0, Math.floor(Math.min(from.y, to.y) - radius));
  const right = Math.min(mask.width - 1, Math.ceil(Math.max(from.x, to.x) + radius));
  const bottom = Math.min(mask.height - 1, Math.ceil(Math.max(from.y, to.y) + radius));
  if (left > right || top > bottom) return undefined;
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const lengthSquared = dx * dx + dy * dy;
  const radiusSquared = radius * radius;
  for (let y = top; y <= bottom; y += 1) {
    const py = y + 0.5;
    for (let x = left; x <= right; x += 1) {
      const px = x + 0.5;
      const along =
        lengthSquared === 0 ? 0 : Math.min(1, Math.max(0, ((px - from.x) * dx + (py - from.y) * dy) / lengthSquared));
      const nearX = from.x + along * dx - px;
      const nearY = from.y + along * dy - py;
      if (nearX * nearX + nearY * nearY <= radiusSquared) mask.data[y * mask.width + x] = value;
    }
  }
  return { x: left, y: top, width: right - left + 1, height: bottom - top + 1 };
}

/** Applies one operation in place and says what it touched. */
export function applyOp(mask: Mask, op: MaskOp): DirtyRect | undefined {
  if (op.kind === "clear") {
    mask.data.fill(0);
    return whole(mask);
  }
  if (op.kind === "invert") {
    for (let index = 0; index < mask.data.length; index += 1) mask.data[index] = mask.data[index] ? 0 : 1;
    return whole(mask);
  }
  const value = op.erase ? 0 : 1;
  const [first, ...rest] = op.points;
  if (!first) return undefined;
  let dirty = paintSegment(mask, first, first, op.radius, value);
  let previous = first;
  for (const point of rest) {
    dirty = unite(dirty, paintSegment(mask, previous, point, op.radius, value));
    previous = point;
  }
  return dirty;
}

export function unite(a: DirtyRect | undefined, b: DirtyRect | undefined): DirtyRect | undefined {
  if (!a) return b;
  if (!b) return a;
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return {
    x,
    y,
    width: Math.max(a.x + a.width, b.x + b.width) - x,
    height: Math.max(a.y + a.height, b.y + b.height) - y,
  };
}

/** The mask after `ops`, starting from `start` (an existing mask) or an empty one. */
export function replay(size: ImageSize, ops: readonly MaskOp[], start?: Uint8Array): Mask {
  const mask = newMask(size, start);
  for (const op of ops) applyOp(mask, op);
  return mask;
}

/** Undo and redo over the operations; a new operation drops what was undone. */
export type MaskHistory = { done: readonly MaskOp[]; undone: readonly MaskOp[] };

export const emptyHistory: MaskHistory = { done: [], undone: [] };

export function record(history: MaskHistory, op: MaskOp): MaskHistory {
  return { done: [...history.done, op], undone: [] };
}

export function undo(history: MaskHistory): MaskHistory {
  const last = history.done.at(-1);
  return last ? { done: history.done.slice(0, -1), undone: [...history.undone, last] } : history;
}

export function redo(history: MaskHistory): MaskHistory {
  const next = history.undone.at(-1);
  return next ? { done: [...history.done, next], undone: history.undone.slice(0, -1) } : history;
}

/** The share of pixels painted, 0–1. */
export function paintedShare(mask: Mask): number {
  let painted = 0;
  for (const value of mask.data) painted += value;
  return mask.data.length === 0 ? 0 : painted / mask.data.length;
}

/** Opaque white where painted and black elsewhere: the PNG fal reads (white = where the mask applies). */
export function maskToRgba(mask: Mask): Uint8ClampedArray<ArrayBuffer> {
  const rgba = new Uint8ClampedArray(mask.data.length * 4);
  for (let pixel = 0; pixel < mask.data.length; pixel += 1) {
    const level = mask.data[pixel] ? 255 : 0;
    rgba.set([level, level, level, 255], pixel * 4);
  }
  return rgba;
}

/** Reads an existing mask image: light, opaque pixels are painted (a transparent pixel is not). */
export function maskFromRgba(rgba: ArrayLike<number>, size: ImageSize): Mask {
  const mask = newMask(size);
  for (let pixel = 0, at = 0; pixel < mask.data.length; pixel += 1, at += 4) {
    const luma = 0.299 * (rgba[at] ?? 0) + 0.587 * (rgba[at + 1] ?? 0) + 0.114 * (rgba[at + 2] ?? 0);
    mask.data[pixel] = luma >= 128 && (rgba[at + 3] ?? 255) >= 128 ? 1 : 0;
  }
  return mask;
}

/** The overlay shown over the image while painting: a translucent colour where painted, clear elsewhere. */
export function overlayRgba(
  mask: Mask,
  rect: DirtyRect,
  colour: readonly [number, number, number, number],
): Uint8ClampedArray<ArrayBuffer> {
  const rgba = new Uint8ClampedArray(rect.width * rect.height * 4);
  for (let y = 0; y < rect.height; y += 1) {
    for (let x = 0; x < rect.width; x += 1) {
      if (mask.data[(rect.y + y) * mask.width + rect.x + x]) rgba.set(colour, (y * rect.width + x) * 4);
    }
  }
  return rgba;
}
