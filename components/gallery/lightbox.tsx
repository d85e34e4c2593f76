"use client";

import { useEffect, useRef, useState } from "react";
import type { ResultActions } from "@/components/runs/use-result-actions";
import { Button } from "@/components/ui/button";
import type { GalleryItem } from "@/lib/gallery/gallery-items";
import { CompareSlider, fittedBox } from "./compare-slider";
import { ImageMeta } from "./image-meta";
import { ResultButtons } from "./result-buttons";

type LightboxProps = {
  items: readonly GalleryItem[];
  index: number;
  onIndexChange: (index: number) => void;
  onClose: () => void;
  actions: ResultActions;
};

/** One result at a time in a modal dialog; ← and → step through the gallery, Esc closes. */
export function Lightbox({ items, index, onIndexChange, onClose, actions }: LightboxProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [noticeOf, setNoticeOf] = useState<{ key: string; text: string }>();
  const item = items[index];

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  if (!item) return null;
  const notice = noticeOf?.key === item.key ? noticeOf.text : "";
  const setNotice = (text: string) => setNoticeOf({ key: item.key, text });
  const { image, run } = item;
  const initImage = run.input.image_url;
  const alt = `Result ${item.index + 1} of run ${run.requestId ?? run.id}`;
  const step = (delta: number) => onIndexChange(Math.min(items.length - 1, Math.max(0, index + delta)));

  return (
    <dialog
      ref={dialogRef}
      aria-label="Result viewer"
      onClose={onClose}
      onKeyDown={(event) => {
        if (event.target instanceof HTMLInputElement) return;
        if (event.key === "ArrowRight") step(1);
        if (event.key === "ArrowLeft") step(-1);
      }}
      className="m-auto w-[min(64rem,calc(100vw-1rem))] rounded-xl bg-white p-4 text-zinc-900 backdrop:bg-black/70 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <div className="flex flex-col gap-3">
        <header className="flex items-center gap-2">
          <p className="text-sm font-medium">
            {index + 1} of {items.length}
          </p>
          <p className="min-w-0 flex-1 truncate text-sm text-zinc-500" title={run.input.prompt}>
            {run.input.prompt}
          </p>
          <Button onClick={onClose}>Close</Button>
        </header>
        {initImage && image.width && image.height ? (
          <CompareSlider before={initImage} after={image.url} alt={alt} width={image.width} height={image.height} />
        ) : (
          // eslint-disable-next-line @next/next/no-img-element -- result URLs come from fal's CDN or the simulator
          <img
            src={image.url}
            alt={alt}
            width={image.width}
            height={image.height}
            className="mx-auto rounded"
            style={image.width && image.height ? fittedBox(image.width, image.height) : undefined}
          />
        )}
        <ImageMeta item={item} />
        <div className="flex flex-wrap gap-2">
          <Button disabled={index === 0} onClick={() => step(-1)}>
            ← Previous
          </Button>
          <Button disabled={index === items.length - 1} onClick={() => step(1)}>
            Next →
          </Button>
          <ResultButtons item={item} actions={actions} onNotice={setNotice} onApplied={onClose} />
        </div>
        <p role="status" aria-live="polite" className="min-h-5 break-all text-sm text-zinc-600 dark:text-zinc-400">
          {notice}
        </p>
      </div>
    </dialog>
  );
}
