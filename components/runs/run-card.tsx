"use client";

import { isActive, type Run } from "@/lib/runs/run-state";
import { ElapsedTime } from "./elapsed-time";
import { RunLogs } from "./run-logs";
import { RunStatusBadge } from "./run-status-badge";

type RunCardProps = {
  run: Run;
  onCancel: (id: string) => void;
  onRetry: (id: string) => void;
};

const buttonClass =
  "rounded-md border border-zinc-300 px-2 py-1 text-xs font-medium hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800";

export function RunCard({ run, onCancel, onRetry }: RunCardProps) {
  const active = isActive(run);
  const name = run.requestId ?? run.id;

  return (
    <article
      id={`run-${run.id}`}
      aria-label={`Run ${name}`}
      data-status={run.status}
      className="flex flex-col gap-2 rounded-lg border border-zinc-200 bg-white p-3 text-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <header className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <RunStatusBadge status={run.status} />
        {run.status === "queued" && run.queuePosition !== undefined && (
          <span data-testid="queue-position">Position {run.queuePosition + 1} in queue</span>
        )}
        {run.inferenceTime !== undefined && run.status === "completed" && (
          <span>{run.inferenceTime.toFixed(2)} s inference</span>
        )}
        <span className="text-zinc-500">
          <ElapsedTime from={run.startedAt} to={run.endedAt} /> elapsed
        </span>
        {active && (
          <button type="button" className={`${buttonClass} ml-auto`} disabled={run.cancelRequested} onClick={() => onCancel(run.id)}>
            {run.cancelRequested ? "Cancelling…" : "Cancel"}
            <span className="sr-only"> run {name}</span>
          </button>
        )}
      </header>
      <p className="truncate text-xs text-zinc-600 dark:text-zinc-400" title={run.input.prompt}>
        {run.input.prompt}
        {run.requestId && <code className="ml-2 text-zinc-500">{run.requestId}</code>}
      </p>
      {run.error && (
        <div role="alert" className="flex flex-wrap items-start gap-2 text-red-700 dark:text-red-400">
          <p className="min-w-0 flex-1 whitespace-pre-line">{run.error.message}</p>
          {run.error.retryable && (
            <button type="button" className={buttonClass} onClick={() => onRetry(run.id)}>
              Retry
            </button>
          )}
        </div>
      )}
      {run.logs.length > 0 && <RunLogs logs={run.logs} />}
    </article>
  );
}
