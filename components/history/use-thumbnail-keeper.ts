"use client";

import { useEffect } from "react";
import { pageIdle } from "@/lib/async/page-idle";
import { markImagesGone } from "@/lib/history/gone-images";
import type { Run } from "@/lib/runs/run-state";

const handled = new Set<string>();
const waiting: Run[] = [];
let draining = false;

async function keep(run: Run): Promise<void> {
  const [{ ImageGoneError, keepThumbnails }, { thumbnailStore }] = await Promise.all([
    import("@/lib/history/result-thumbnails"),
    import("@/lib/history/thumbnails"),
  ]);
  const store = thumbnailStore();
  if (await store.has(run.id).catch(() => true)) return;
  await keepThumbnails(run, store).catch((error: unknown) => {
    if (error instanceof ImageGoneError) markImagesGone(run.id);
  });
}

/** One run at a time, each when the page is idle: fetching and shrinking images never competes with a result or a keystroke. */
async function drain(): Promise<void> {
  if (draining) return;
  draining = true;
  try {
    for (let run = waiting.shift(); run; run = waiting.shift()) {
      await pageIdle();
      await keep(run).catch(() => undefined);
    }
  } finally {
    draining = false;
  }
}

/** Keeps the thumbnails of a finished run once per page; a run whose images are gone is marked so. */
export function keepThumbnailsOnce(run: Run): void {
  if (handled.has(run.id) || run.status !== "completed" || !run.output) return;
  handled.add(run.id);
  waiting.push(run);
  void drain();
}

/**
 * Keeps a thumbnail of every result of this session's runs as they complete, and drops those of
 * runs that left history. Older runs get theirs when history shows them.
 */
export function useThumbnailKeeper(runs: readonly Run[], liveIds: ReadonlySet<string>, loaded: boolean): void {
  const completed = runs.filter((run) => liveIds.has(run.id) && run.status === "completed" && !handled.has(run.id));
  const completedIds = completed.map((run) => run.id).join(" ");
  useEffect(() => {
    completed.forEach(keepThumbnailsOnce);
    // runs changes with every log line; only newly completed runs matter here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [completedIds]);

  const count = runs.length;
  useEffect(() => {
    // An empty list may be a history that could not be read: never prune on it.
    if (!loaded || count === 0) return;
    const ids = new Set(runs.map((run) => run.id));
    void import("@/lib/history/thumbnails").then(({ thumbnailStore }) =>
      thumbnailStore()
        .keepOnly(ids)
        .catch(() => undefined),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded, count]);
}
