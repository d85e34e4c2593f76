import type { GalleryItem } from "@/lib/gallery/gallery-items";
import { formatSeed } from "@/lib/runs/seed";

const FORMATS: Record<string, string> = { "image/png": "PNG", "image/jpeg": "JPEG" };

/** Seed, size, format and inference time of one result, and its safety flag when raised. */
export function ImageMeta({ item }: { item: GalleryItem }) {
  const { image, seed, nsfw, run } = item;
  return (
    <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400">
      {seed !== undefined && <span>seed {formatSeed(seed)}</span>}
      {image.width && image.height && (
        <span>
          {image.width} × {image.height}
        </span>
      )}
      {image.content_type && <span>{FORMATS[image.content_type] ?? image.content_type}</span>}
      {run.inferenceTime !== undefined && <span>{run.inferenceTime.toFixed(2)} s</span>}
      {nsfw && <span className="rounded-full bg-red-100 px-2 py-0.5 font-medium text-red-900">Flagged as NSFW</span>}
    </p>
  );
}
