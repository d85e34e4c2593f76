import type { Run } from "@/lib/runs/run-state";
import type { Thumbnail, ThumbnailStore } from "./thumbnails";

/** Long side of a kept thumbnail, in pixels: enough for history's list and a fallback preview. */
export const THUMBNAIL_SIDE = 192;

/** The server no longer has the file: fal and the simulator answer 403, 404 or 410 once it expired. */
export class ImageGoneError extends Error {}

const GONE_STATUSES = new Set([403, 404, 410]);

async function fetchImage(url: string): Promise<Blob> {
  const response = await fetch(url);
  if (GONE_STATUSES.has(response.status))
    throw new ImageGoneError(`The image at ${url} is gone (HTTP ${response.status}).`);
  if (!response.ok) throw new Error(`The image at ${url} could not be loaded (HTTP ${response.status}).`);
  return response.blob();
}

/** True when the server says the file is gone; false when it is there or could not be reached. */
export async function isImageGone(url: string): Promise<boolean> {
  try {
    await fetchImage(url);
    return false;
  } catch (error) {
    return error instanceof ImageGoneError;
  }
}

async function shrink(blob: Blob): Promise<Pick<Thumbnail, "bytes" | "type">> {
  const bitmap = await createImageBitmap(blob);
  const scale = Math.min(1, THUMBNAIL_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement("canvas");
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  canvas.getContext("2d")?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const small = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/webp", 0.8));
  if (!small) throw new Error("The browser could not encode a thumbnail.");
  return { bytes: await small.arrayBuffer(), type: small.type };
}

/** Stores a thumbnail of every result image of the run; throws ImageGoneError when they expired. */
export async function keepThumbnails(run: Run, store: ThumbnailStore): Promise<void> {
  const images = run.output?.images ?? [];
  const thumbnails = await Promise.all(
    images.map(async (image, index) => ({ runId: run.id, index, ...(await shrink(await fetchImage(image.url))) })),
  );
  if (thumbnails.length > 0) await store.put(thumbnails);
}

/** An object URL for a stored thumbnail; the caller revokes it. */
export function thumbnailUrl(thumbnail: Thumbnail): string {
  return URL.createObjectURL(new Blob([thumbnail.bytes], { type: thumbnail.type }));
}
