"use client";

import { useCallback, useMemo, useState } from "react";
import type { Run } from "@/lib/runs/run-state";

export type OutputView = "results" | "history" | "sweep";

/**
 * What the output pane shows: this session's runs (started, resumed, or opened from history), the
 * one on the stage (the newest unless another was picked) and which of its images is picked.
 */
export function useOutput(runs: readonly Run[], liveIds: ReadonlySet<string>) {
  const [view, setView] = useState<OutputView>("results");
  const [picked, setPicked] = useState<{ runId: string; imageIndex: number }>();
  const [openedIds, setOpenedIds] = useState<ReadonlySet<string>>(() => new Set());
  const [hasSweeps, setHasSweeps] = useState(false);

  const sessionRuns = useMemo(
    () => runs.filter((run) => liveIds.has(run.id) || openedIds.has(run.id)),
    [runs, liveIds, openedIds],
  );
  const run = runs.find((candidate) => candidate.id === picked?.runId) ?? sessionRuns[0];
  const imageCount = run?.output?.images.length ?? 0;
  const imageIndex = run && picked?.runId === run.id ? Math.min(picked.imageIndex, Math.max(0, imageCount - 1)) : 0;

  // Stable, so what takes them (the settings, history's rows) is not re-rendered by every run update.
  const show = useCallback((runId: string, index = 0) => {
    setPicked({ runId, imageIndex: index });
    setView("results");
  }, []);
  const showFromHistory = useCallback(
    (runId: string) => {
      setOpenedIds((opened) => new Set(opened).add(runId));
      show(runId);
    },
    [show],
  );
  const showSweeps = useCallback(() => {
    setHasSweeps(true);
    setView("sweep");
  }, []);

  return {
    view,
    setView,
    sessionRuns,
    run,
    imageIndex,
    show,
    showFromHistory,
    /** Once a sweep was started, the pane has a Sweep view. */
    hasSweeps,
    showSweeps,
  };
}

export type Output = ReturnType<typeof useOutput>;
