"use client";

import { useCallback, useState } from "react";
import { followRun } from "@/lib/runs/follow-run";
import type { FalFieldError } from "@/lib/fal/validation-error";
import type { Run } from "@/lib/runs/run-state";

type UseRunsOptions = { onInvalidInput?: (fieldErrors: FalFieldError[]) => void };

/** The runs of this page, newest first, each followed until it ends. */
export function useRuns({ onInvalidInput }: UseRunsOptions = {}) {
  const [runs, setRuns] = useState<Run[]>([]);

  const startRun = useCallback((input: Record<string, unknown>) => {
    const id = crypto.randomUUID();
    const run: Run = { id, input, status: "submitting", logs: [], startedAt: Date.now() };
    setRuns((current) => [run, ...current]);
    void followRun(
      input,
      (update) => setRuns((current) => current.map((item) => (item.id === id ? { ...item, ...update } : item))),
      onInvalidInput,
    );
  }, [onInvalidInput]);

  return { runs, startRun };
}
