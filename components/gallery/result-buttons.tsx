"use client";

import type { ResultActions } from "@/components/runs/use-result-actions";
import { buttonClass } from "@/components/ui/button";
import { downloadImage } from "@/lib/gallery/download";
import type { GalleryItem } from "@/lib/gallery/gallery-items";

type ResultButtonsProps = {
  item: GalleryItem;
  actions: ResultActions;
  /** What happened, for a status line ("" clears it). */
  onNotice: (text: string) => void;
  /** Called once the result went into the form (the viewer closes then). */
  onApplied?: () => void;
};

async function copyUrl(url: string): Promise<string> {
  try {
    await navigator.clipboard.writeText(url);
    return "URL copied.";
  } catch {
    return `Copying was refused by the browser; the URL is ${url}`;
  }
}

async function download({ image, run, seed }: GalleryItem): Promise<string> {
  try {
    await downloadImage(image, run.input, seed);
    return "";
  } catch (error) {
    return error instanceof Error ? error.message : "The download failed.";
  }
}

/** Download, copy, and put the result's image, seed or settings back into the form. */
export function ResultButtons({ item, actions, onNotice, onApplied }: ResultButtonsProps) {
  const apply = (action: () => void) => () => {
    action();
    onApplied?.();
  };
  return (
    <>
      <button type="button" className={buttonClass} onClick={() => void download(item).then(onNotice)}>
        Download
      </button>
      <button type="button" className={buttonClass} onClick={() => void copyUrl(item.image.url).then(onNotice)}>
        Copy URL
      </button>
      <button type="button" className={buttonClass} onClick={apply(() => actions.useAsInitImage(item.image.url))}>
        Use as init image
      </button>
      <button type="button" className={buttonClass} onClick={apply(() => actions.useSeed(item.seed))}>
        Use this seed
      </button>
      <button
        type="button"
        className={buttonClass}
        onClick={() => {
          if (actions.reuseSettings(item.run.input)) onApplied?.();
          else onNotice("These settings no longer fit the form, so they were not restored.");
        }}
      >
        Reuse all settings
      </button>
    </>
  );
}
