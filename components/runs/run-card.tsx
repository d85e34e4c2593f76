"use client";

import { costLabel } from "@/components/pricing/run-cost-text";
import { Button } from "@/components/ui/button";
import { isActive, type Run } from "@/lib/runs/run-state";
import { formatSeed } from "@/lib/runs/seed";
import { ElapsedTime } from "./elapsed-time";
import { RunLogs } from "./run-logs";
import { RunStatusBadge } from "./run-status-badge";

type RunCardProps = {
  run: Run;
  onCancel: (id: string) => void;
  onRetry: (id: string) => void;
  onCheckAgain: (id: string) => void;
};

const noteClass = "text-xs text-zinc-600 dark:text-zinc-400";

/** The seed the run was sent with, and fal's own when it picked one (seed 0, or none from older runs). */
function seedText(run: Run): string | undefined {
  const sent = run.input.seed;
  const used = run.output?.seed;
  const picked = used !== undefined && String(used) !== String(sent) ? formatSeed(used) : undefined;
  if (sent === undefined) return picked && `Seed ${picked} (picked by fal)`;
  const text = sent === 0 ? "Seed 0 (random on fal)" : `Seed ${sent}`;
  return picked ? `${text}: fal picked ${picked}` : text;
}

/** How following the run is going, what became of a cancel, and fal's runner retries. */
function RunNotes({ run, onCheckAgain }: { run: Run; onCheckAgain: (id: string) => void }) {
  const active = isActive(run);
  const { connection } = run;
  return (
    <>
      {active && run.cancelRequested && (
        <p role="status" className={noteClass}>
          Cancel requested: fal has told the app to stop, but it may finish the run anyway (and bill it). This card
          shows how it ends.
        </p>
      )}
      {run.status === "completed" && run.cancelRequested && (
        <p role="status" className="text-xs text-amber-800 dark:text-amber-300">
          Finished despite the cancel: fal completed this run, so its images are here (and it is billed).
        </p>
      )}
      {run.requeues !== undefined && run.requeues > 0 && (
        <p className={noteClass}>
          fal restarted this run on another runner{run.requeues > 1 ? ` (${run.requeues} times)` : ""}.
        </p>
      )}
      {active && connection?.state === "reconnecting" && (
        <p role="status" className="text-xs text-amber-800 dark:text-amber-300">
          Reconnecting… try {connection.attempt}: {connection.reason}. The run goes on at fal; nothing is sent again.
        </p>
      )}
      {active && connection?.state === "lost" && (
        <div role="status" className="flex flex-wrap items-start gap-2 text-xs text-amber-800 dark:text-amber-300">
          <p className="min-w-0 flex-1">
            Lost touch with fal: {connection.reason}. The run may still be going there; nothing was sent again.
          </p>
          <Button size="sm" className="font-medium" onClick={() => onCheckAgain(run.id)}>
            Check again
            <span className="sr-only"> on run {run.requestId}</span>
          </Button>
        </div>
      )}
      {run.notice && <p className={noteClass}>{run.notice}</p>}
    </>
  );
}

export function RunCard({ run, onCancel, onRetry, onCheckAgain }: RunCardProps) {
  const active = isActive(run);
  const name = run.requestId ?? run.id;
  const cost = costLabel(run);

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
        {cost && (
          <span data-testid="run-cost" title={cost.detail} className="font-medium">
            {cost.text}
          </span>
        )}
        <span className="text-zinc-500">
          <ElapsedTime from={run.startedAt} to={run.endedAt} /> elapsed
        </span>
        {active && (
          <Button
            size="sm"
            className="ml-auto font-medium"
            disabled={run.cancelRequested}
            onClick={() => onCancel(run.id)}
          >
            {run.cancelRequested ? "Cancel requested" : "Cancel"}
            <span className="sr-only"> run {name}</span>
          </Button>
        )}
      </header>
      <p className="truncate text-xs text-zinc-600 dark:text-zinc-400" title={run.input.prompt}>
        {run.input.prompt}
        {run.requestId && <code className="ml-2 text-zinc-500">{run.requestId}</code>}
      </p>
      {seedText(run) && (
        <p className={noteClass} data-testid="run-seed">
          {seedText(run)}
        </p>
      )}
      {cost?.unusual && (
        <p className={noteClass} data-testid="run-cost-detail">
          {cost.detail}
        </p>
      )}
      <RunNotes run={run} onCheckAgain={onCheckAgain} />
      {run.error && (
        <div role="alert" className="flex flex-col gap-2 text-red-700 dark:text-red-400">
          <div className="flex flex-wrap items-start gap-2">
            <p className="min-w-0 flex-1 whitespace-pre-line">{run.error.message}</p>
            {run.error.retryable && (
              <Button size="sm" className="font-medium" onClick={() => onRetry(run.id)}>
                Retry as a new run
              </Button>
            )}
          </div>
          {run.error.raw !== undefined && (
            <pre
              aria-label="Raw result from fal"
              className="max-h-48 overflow-auto rounded bg-zinc-100 p-2 font-mono text-xs text-zinc-800 dark:bg-zinc-950 dark:text-zinc-200"
            >
              {run.error.raw}
            </pre>
          )}
        </div>
      )}
      {run.error?.billing && <p className={noteClass}>{run.error.billing}</p>}
      {run.logs.length > 0 && <RunLogs logs={run.logs} />}
    </article>
  );
}
