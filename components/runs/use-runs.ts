"use client";

import { useCallback, useState } from "react";
import { followRun } from "@/lib/runs/follow-run";
import type { Run } from "@/lib/runs/run-state";

/** The runs of this page, newest first, each followed until it ends. */
export function useRuns() {
  const [runs, setRuns] = useState<Run[]>([]);

  const startRun = useCallback((input: Record<string, unknown>) => {
    const id = crypto.randomUUID();
    const run: Run = { id, input, status: "submitting", logs: [], startedAt: Date.now() };
    setRuns((current) => [run, ...current]);
    void followRun(input, (update) =>
      setRuns((current) => current.map((item) => (item.id === id ? { ...item, ...update } : item))),
    );
  }, []);

  return { runs, startRun };
}
