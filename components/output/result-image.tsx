"use client";

import { type ImgHTMLAttributes, useEffect, useState } from "react";
import { markImagesGone } from "@/lib/history/gone-images";
import type { Run } from "@/lib/runs/run-state";

type ResultImageProps = { run: Run; index: number; alt: string } & Omit<
  ImgHTMLAttributes<HTMLImageElement>,
  "src" | "alt"
>;

/** One result image; when the server no longer has it, the thumbnail kept in this browser instead. */
export function ResultImage({ run, index, alt, ...rest }: ResultImageProps) {
  const image = run.output?.images[index];
  const [fallback, setFallback] = useState<{ of: string; url: string }>();
  useEffect(() => () => (fallback ? URL.revokeObjectURL(fallback.url) : undefined), [fallback]);
  if (!image) return null;
  const usingFallback = fallback?.of === image.url;

  async function onError() {
    if (!image || usingFallback) return;
    // Only a failed image needs these, so they load then.
    const [{ isImageGone, thumbnailUrl }, { thumbnailStore }] = await Promise.all([
      import("@/lib/history/result-thumbnails"),
      import("@/lib/history/thumbnails"),
    ]);
    const [gone, thumbnail] = await Promise.all([
      isImageGone(image.url),
      thumbnailStore()
        .get(run.id, index)
        .catch(() => undefined),
    ]);
    if (gone) markImagesGone(run.id);
    if (thumbnail) setFallback({ of: image.url, url: thumbnailUrl(thumbnail) });
  }

  return (
    // eslint-disable-next-line @next/next/no-img-element -- result URLs come from fal's CDN or the simulator
    <img
      src={usingFallback ? fallback.url : image.url}
      alt={alt}
      width={image.width}
      height={image.height}
      data-fallback={usingFallback ? "thumbnail" : undefined}
      onError={() => void onError()}
      {...rest}
    />
  );
}
