import { CONTROLNET_SIZE_MULTIPLE } from "@/lib/fal/limits";

export type ImageSize = { width: number; height: number };

/** Each side rounded to the nearest multiple of 32 (at least 32): the size a ControlNet mask needs. */
export function controlNetSize({ width, height }: ImageSize): ImageSize {
  const round = (side: number) => Math.max(1, Math.round(side / CONTROLNET_SIZE_MULTIPLE)) * CONTROLNET_SIZE_MULTIPLE;
  return { width: round(width), height: round(height) };
}

export function sameSize(a: ImageSize, b: ImageSize): boolean {
  return a.width === b.width && a.height === b.height;
}

export function formatSize({ width, height }: ImageSize): string {
  return `${width} × ${height}`;
}

/** The size that fits inside `longest` pixels on its longer side, keeping the aspect ratio; never larger. */
export function fitWithin({ width, height }: ImageSize, longest: number): ImageSize {
  const scale = Math.min(1, longest / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
