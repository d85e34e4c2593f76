"use client";

import { RunStatusBadge } from "@/components/runs/run-status-badge";
import { isActive, type Run } from "@/lib/runs/run-state";
import { ResultImage } from "./result-image";

type SessionStripProps = {
  runs: readonly Run[];
  pickedId: string;
  onPick: (runId: string) => void;
  className?: string;
};

function StripMark({ run }: { run: Run }) {
  if (isActive(run)) {
    return (
      <span
        aria-hidden
        className="size-6 rounded-full motion-safe:animate-spin border-[3px] border-accent-300 border-t-accent-600"
      />
    );
  }
  return (
    <span aria-hidden className="text-xl font-semibold text-zinc-600 dark:text-zinc-300">
      {run.status === "failed" ? "!" : "–"}
    </span>
  );
}

/** This session's runs, newest first, as thumbnails: the one on the stage is pressed. */
export function SessionStrip({ runs, pickedId, onPick, className = "" }: SessionStripProps) {
  if (runs.length < 2) return null;
  return (
    <ul aria-label="This session's runs" className={`flex shrink-0 gap-2 overflow-x-auto p-1 ${className}`}>
      {runs.map((run) => {
        const count = run.output?.images.length ?? 0;
        return (
          <li key={run.id} className="shrink-0">
            <button
              type="button"
              aria-pressed={run.id === pickedId}
              data-status={run.status}
              title={run.input.prompt}
              onClick={() => onPick(run.id)}
              className="relative flex size-14 items-center justify-center overflow-hidden rounded-lg border-2 border-transparent bg-zinc-200 aria-pressed:border-accent-600 dark:bg-zinc-800 dark:aria-pressed:border-accent-400"
            >
              {count > 0 ? (
                <ResultImage run={run} index={0} alt="" loading="lazy" className="h-full w-full object-cover" />
              ) : (
                <StripMark run={run} />
              )}
              {count > 1 && (
                <span aria-hidden className="absolute right-0.5 bottom-0.5 rounded bg-black/75 px-1 text-xs text-white">
                  ×{count}
                </span>
              )}
              <span className="sr-only">
                Show run: {run.input.prompt} <RunStatusBadge status={run.status} />
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
