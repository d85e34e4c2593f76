"use client";

import { useState } from "react";
import { CompareButton } from "@/components/compare/compare-entry";
import type { Compare } from "@/components/compare/use-compare";
import { ImageMeta } from "@/components/gallery/image-meta";
import { ResultButtons } from "@/components/gallery/result-buttons";
import type { ResultActions } from "@/components/runs/use-result-actions";
import { Button } from "@/components/ui/button";
import type { GalleryItem } from "@/lib/gallery/gallery-items";

type ResultActionsBarProps = {
  item: GalleryItem;
  imageCount: number;
  actions: ResultActions;
  compare: Compare;
  onOpenViewer: () => void;
  className?: string;
};

/** What can be done with the picked image, right under it, with its seed, size and format. */
export function ResultActionsBar({
  item,
  imageCount,
  actions,
  compare,
  onOpenViewer,
  className = "",
}: ResultActionsBarProps) {
  const [notice, setNotice] = useState<{ key: string; text: string }>();
  const say = (text: string) => setNotice({ key: item.key, text });
  return (
    <div className={`flex flex-wrap items-center gap-2 ${className}`}>
      <div role="group" aria-label="Result actions" className="flex flex-wrap gap-2">
        <Button onClick={onOpenViewer}>Open viewer</Button>
        <CompareButton compare={compare} pick={{ runId: item.run.id, imageIndex: item.index }} />
        <ResultButtons item={item} actions={actions} onNotice={say} />
      </div>
      {/* Empty, this live region takes no room; a notice wraps onto its own line if it must. */}
      <p role="status" aria-live="polite" className="text-sm break-all text-zinc-600 dark:text-zinc-400">
        {notice?.key === item.key ? notice.text : ""}
      </p>
      <div className="ml-auto flex flex-wrap items-center gap-x-3 gap-y-1">
        {imageCount > 1 && (
          <p className="text-sm font-medium">
            Result {item.index + 1} of {imageCount}
          </p>
        )}
        <ImageMeta item={item} />
      </div>
    </div>
  );
}
