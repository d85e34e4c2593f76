"use client";

import { useMemo, useState } from "react";
import type { ResultActions } from "@/components/runs/use-result-actions";
import { galleryItems } from "@/lib/gallery/gallery-items";
import type { Run } from "@/lib/runs/run-state";
import { ImageMeta } from "./image-meta";
import { Lightbox } from "./lightbox";

type GalleryProps = { runs: readonly Run[]; actions: ResultActions };

/** Every result, newest first; a click opens it in the lightbox. */
export function Gallery({ runs, actions }: GalleryProps) {
  const items = useMemo(() => galleryItems(runs), [runs]);
  const [openKey, setOpenKey] = useState<string>();
  const openIndex = items.findIndex((item) => item.key === openKey);

  return (
    <section aria-labelledby="gallery-heading" className="flex flex-col gap-2">
      <h2 id="gallery-heading" className="text-lg font-semibold">
        Results
      </h2>
      {items.length === 0 ? (
        <p className="text-sm text-zinc-500">Results appear here.</p>
      ) : (
        <ul aria-label="Results" className="grid grid-cols-2 gap-3 lg:grid-cols-3">
          {items.map((item) => (
            <li key={item.key} className="overflow-hidden rounded-lg border border-zinc-200 dark:border-zinc-800">
              <button
                type="button"
                className="block w-full bg-zinc-100 dark:bg-zinc-800"
                onClick={() => setOpenKey(item.key)}
                aria-label={`Open result ${item.index + 1} of run ${item.run.requestId ?? item.run.id}`}
              >
                {/* eslint-disable-next-line @next/next/no-img-element -- result URLs come from fal's CDN or the simulator */}
                <img
                  src={item.image.url}
                  alt={`Result ${item.index + 1} of run ${item.run.requestId ?? item.run.id}`}
                  width={item.image.width}
                  height={item.image.height}
                  loading="lazy"
                  className="aspect-square h-auto w-full object-contain"
                />
              </button>
              <div className="px-2 py-1">
                <ImageMeta item={item} />
              </div>
            </li>
          ))}
        </ul>
      )}
      {openIndex >= 0 && (
        <Lightbox
          items={items}
          index={openIndex}
          onIndexChange={(index) => setOpenKey(items[index]?.key)}
          onClose={() => setOpenKey(undefined)}
          actions={actions}
        />
      )}
    </section>
  );
}
