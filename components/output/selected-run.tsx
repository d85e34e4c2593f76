"use client";

import { lazyComponent } from "@/components/ui/lazy-component";
import { useMemo, useState } from "react";
import type { Compare } from "@/components/compare/use-compare";
import { KeptCards } from "@/components/lora-info/kept-cards";
import { RunCard } from "@/components/runs/run-card";
import type { ResultActions } from "@/components/runs/use-result-actions";
import { galleryItems } from "@/lib/gallery/gallery-items";
import type { RunManager } from "@/lib/runs/run-manager";
import { isActive, type Run } from "@/lib/runs/run-state";
import { ResultActionsBar } from "./result-actions-bar";
import { RunStage } from "./run-stage";
import { SessionStrip } from "./session-strip";

const Lightbox = lazyComponent(() => import("@/components/gallery/lightbox").then((module) => module.Lightbox));

type SelectedRunProps = {
  run: Run;
  imageIndex: number;
  sessionRuns: readonly Run[];
  onShow: (runId: string, imageIndex?: number) => void;
  manager: RunManager;
  actions: ResultActions;
  compare: Compare;
};

/**
 * The run on the stage: its images, then (on phones, before them) its status card, the picked
 * image's actions, and the session's other runs to pick from.
 */
export function SelectedRun({ run, imageIndex, sessionRuns, onShow, manager, actions, compare }: SelectedRunProps) {
  const [viewerKey, setViewerKey] = useState<string>();
  const items = useMemo(
    () => galleryItems(sessionRuns.some((other) => other.id === run.id) ? sessionRuns : [run, ...sessionRuns]),
    [run, sessionRuns],
  );
  const item = items.find((candidate) => candidate.run.id === run.id && candidate.index === imageIndex);
  const viewerIndex = items.findIndex((candidate) => candidate.key === viewerKey);
  const imageCount = run.output?.images.length ?? 0;

  function closeViewer() {
    const last = items[viewerIndex];
    if (last) onShow(last.run.id, last.index);
    setViewerKey(undefined);
  }

  return (
    <div id="selected-run" className="flex min-h-0 flex-1 flex-col gap-3">
      <div className="flex flex-col gap-1 lg:order-2">
        <RunCard
          run={run}
          onCancel={(id) => void manager.cancel(id)}
          onRetry={(id) => manager.retry(id)}
          onCheckAgain={(id) => manager.checkAgain(id)}
        />
        {isActive(run) && (
          <p className="text-xs text-zinc-500 pointer-coarse:hidden">Esc cancels the newest running run.</p>
        )}
        {run.cards && (
          <KeptCards
            cards={run.cards}
            prompt={run.input.prompt}
            heading="Model and LoRAs, as read before the run"
            owner="this run"
          />
        )}
      </div>
      <RunStage
        run={run}
        imageIndex={imageIndex}
        onPick={(index) => onShow(run.id, index)}
        onOpen={(index) => setViewerKey(`${run.id}-${index}`)}
        className="lg:order-1 lg:min-h-80 lg:flex-1"
      />
      {item && (
        <ResultActionsBar
          item={item}
          imageCount={imageCount}
          actions={actions}
          compare={compare}
          onOpenViewer={() => setViewerKey(item.key)}
          className="lg:order-3"
        />
      )}
      <SessionStrip runs={sessionRuns} pickedId={run.id} onPick={(runId) => onShow(runId)} className="lg:order-4" />
      {viewerIndex >= 0 && (
        <Lightbox
          items={items}
          index={viewerIndex}
          onIndexChange={(index) => setViewerKey(items[index]?.key)}
          onClose={closeViewer}
          actions={actions}
        />
      )}
    </div>
  );
}
