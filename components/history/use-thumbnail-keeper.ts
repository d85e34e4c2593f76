"use client";

import { useEffect } from "react";
import { markImagesGone } from "@/lib/history/gone-images";
import type { Run } from "@/lib/runs/run-state";

const handled = new Set<string>();

/** Keeps the thumbnails of a finished run once per page; a run whose images are gone is marked so. */
export function keepThumbnailsOnce(run: Run): void {
  if (handled.has(run.id) || run.status !== "completed" || !run.output) return;
  handled.add(run.id);
  void (async () => {
    const [{ ImageGoneError, keepThumbnails }, { thumbnailStore }] = await Promise.all([
      import("@/lib/history/result-thumbnails"),
      import("@/lib/history/thumbnails"),
    ]);
    const store = thumbnailStore();
    if (await store.has(run.id).catch(() => true)) return;
    await keepThumbnails(run, store).catch((error: unknown) => {
      if (error instanceof ImageGoneError) markImagesGone(run.id);
    });
  })();
}

/**
 * Keeps a thumbnail of every result of this session's runs as they complete, and drops those of
 * runs that left history. Older runs get theirs when history shows them.
 */
export function useThumbnailKeeper(runs: readonly Run[], liveIds: ReadonlySet<string>, loaded: boolean): void {
  const completed = runs.filter((run) => liveIds.has(run.id) && run.status === "completed" && !handled.has(run.id));
  const completedIds = completed.map((run) => run.id).join(" ");
  useEffect(() => {
    if (completed.length === 0) return;
    // Once the page is idle: fetching and shrinking the images must not compete with showing them.
    const idle = window.requestIdleCallback?.bind(window) ?? ((work: () => void) => window.setTimeout(work, 500));
    const cancel = window.cancelIdleCallback?.bind(window) ?? window.clearTimeout.bind(window);
    const handle = idle(() => completed.forEach(keepThumbnailsOnce), { timeout: 5_000 });
    return () => cancel(handle);
    // runs changes with every log line; only newly completed runs matter here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [completedIds]);

  const count = runs.length;
  useEffect(() => {
    // An empty list may be a history that could not be read: never prune on it.
    if (!loaded || count === 0) return;
    const ids = new Set(runs.map((run) => run.id));
    void import("@/lib/history/thumbnails").then(({ thumbnailStore }) => thumbnailStore().keepOnly(ids).catch(() => undefined));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded, count]);
}
