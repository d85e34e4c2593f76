"use client";

import type { ResultActions } from "@/components/runs/use-result-actions";
import { ShareRunButton } from "@/components/share/share-run-button";
import { Button } from "@/components/ui/button";
import { downloadImage } from "@/lib/gallery/download";
import type { GalleryItem } from "@/lib/gallery/gallery-items";
import { messageOf } from "@/lib/errors/message-of";

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
    return messageOf(error, "The download failed.");
  }
}

/** Download, copy, share, and put the result's image, seed or settings back into the form. */
export function ResultButtons({ item, actions, onNotice, onApplied }: ResultButtonsProps) {
  const { seed } = item;
  const apply = (action: () => void) => () => {
    action();
    onApplied?.();
  };
  /** An action answers what went wrong, or nothing when it went into the form. */
  const applyOrSay = (problem: string | undefined) => {
    if (problem) onNotice(problem);
    else onApplied?.();
  };
  return (
    <>
      <Button onClick={() => void download(item).then(onNotice)}>Download</Button>
      <Button onClick={() => void copyUrl(item.image.url).then(onNotice)}>Copy URL</Button>
      <ShareRunButton run={item.run} imageIndex={item.index} onNotice={onNotice} />
      <Button onClick={apply(() => actions.useAsInitImage(item.image.url))}>Use as init image</Button>
      {seed !== undefined && <Button onClick={() => applyOrSay(actions.useSeed(seed))}>Use this seed</Button>}
      <Button onClick={() => void actions.reuseSettings(item.run.input).then(applyOrSay)}>Reuse all settings</Button>
    </>
  );
}
