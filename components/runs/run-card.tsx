"use client";

import { useEffect, useRef } from "react";
import type { Run } from "@/lib/runs/run-state";

const STATUS_TEXT: Record<Run["status"], string> = {
  submitting: "Submitting…",
  queued: "In queue",
  running: "Running",
  completed: "Completed",
  failed: "Failed",
  cancelled: "Cancelled",
};

const STATUS_STYLE: Record<Run["status"], string> = {
  submitting: "bg-zinc-200 text-zinc-800",
  queued: "bg-sky-100 text-sky-900",
  running: "bg-violet-100 text-violet-900",
  completed: "bg-emerald-100 text-emerald-900",
  failed: "bg-red-100 text-red-900",
  cancelled: "bg-zinc-200 text-zinc-700",
};

export function RunCard({ run }: { run: Run }) {
  const logRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    logRef.current?.scrollTo({ top: logRef.current.scrollHeight });
  }, [run.logs.length]);

  return (
    <article
      aria-label={`Run ${run.requestId ?? run.id}`}
      data-status={run.status}
      className="flex flex-col gap-2 rounded-lg border border-zinc-200 bg-white p-3 text-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <header className="flex flex-wrap items-center gap-2">
        <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[run.status]}`}>
          {STATUS_TEXT[run.status]}
        </span>
        {run.status === "queued" && run.queuePosition !== undefined && (
          <span data-testid="queue-position">Position {run.queuePosition + 1} in queue</span>
        )}
        {run.inferenceTime !== undefined && <span>{run.inferenceTime.toFixed(2)} s inference</span>}
        {run.requestId && <code className="ml-auto truncate text-xs text-zinc-500">{run.requestId}</code>}
      </header>
      {run.error && (
        <p role="alert" className="whitespace-pre-line text-red-700 dark:text-red-400">
          {run.error}
        </p>
      )}
      {run.logs.length > 0 && (
        <ol
          ref={logRef}
          aria-label="Run logs"
          className="max-h-32 overflow-y-auto rounded bg-zinc-950 p-2 font-mono text-xs text-zinc-100"
        >
          {run.logs.map((log, index) => (
            <li key={`${log.timestamp}-${index}`}>{log.message}</li>
          ))}
        </ol>
      )}
    </article>
  );
}
