"use client";

import type { RunManager } from "@/lib/runs/run-manager";
import type { Run } from "@/lib/runs/run-state";
import { RunCard } from "./run-card";

type RunPanelProps = { runs: readonly Run[]; liveIds: ReadonlySet<string>; manager: RunManager };

/** The runs started or resumed on this page, newest first. */
export function RunPanel({ runs, liveIds, manager }: RunPanelProps) {
  const live = runs.filter((run) => liveIds.has(run.id));
  return (
    <section aria-labelledby="runs-heading" className="flex flex-col gap-2">
      <div className="flex items-baseline justify-between gap-2">
        <h2 id="runs-heading" className="text-lg font-semibold">
          Runs
        </h2>
        {live.length > 0 && <p className="text-xs text-zinc-500">Esc cancels the newest running run.</p>}
      </div>
      {live.length === 0 ? (
        <p className="text-sm text-zinc-500">Press Run to start one; several can run at once.</p>
      ) : (
        live.map((run) => (
          <RunCard
            key={run.id}
            run={run}
            onCancel={(id) => void manager.cancel(id)}
            onRetry={(id) => manager.retry(id)}
            onCheckAgain={(id) => manager.checkAgain(id)}
          />
        ))
      )}
    </section>
  );
}
