"use client";

import { useState } from "react";
import type { RunManager } from "@/lib/runs/run-manager";
import { isActive, type Run } from "@/lib/runs/run-state";
import { RunStatusBadge } from "./run-status-badge";
import type { ResultActions } from "./use-result-actions";

type HistoryListProps = {
  runs: readonly Run[];
  loaded: boolean;
  /** Why runs are not being kept in this browser, when they are not. */
  storageProblem?: string;
  manager: RunManager;
  actions: ResultActions;
};

const buttonClass =
  "rounded-md border border-zinc-300 px-2 py-0.5 text-xs hover:bg-zinc-100 disabled:opacity-40 dark:border-zinc-700 dark:hover:bg-zinc-800";

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "short", timeStyle: "short" });

function Thumbnail({ run }: { run: Run }) {
  const source = run.output?.images[0]?.url ?? run.input.image_url;
  if (!source) return <div aria-hidden className="size-12 shrink-0 rounded bg-zinc-200 dark:bg-zinc-800" />;
  // eslint-disable-next-line @next/next/no-img-element -- result URLs come from fal's CDN or the simulator
  return <img src={source} alt="" loading="lazy" className="size-12 shrink-0 rounded object-cover" />;
}

/** Every stored run with a thumbnail: restore its settings, delete it, or clear them all. */
export function HistoryList({ runs, loaded, storageProblem, manager, actions }: HistoryListProps) {
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState("");
  const finished = runs.filter((run) => !isActive(run)).length;

  return (
    <section aria-labelledby="history-heading" className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="history-heading" className="text-lg font-semibold">
          History
        </h2>
        {confirming ? (
          <div className="flex items-center gap-2 text-sm">
            <span>Delete {finished} finished runs?</span>
            <button
              type="button"
              className={`${buttonClass} border-red-400 text-red-700`}
              onClick={() => {
                setConfirming(false);
                void manager.clearFinished();
              }}
            >
              Delete all
            </button>
            <button type="button" className={buttonClass} onClick={() => setConfirming(false)}>
              Keep
            </button>
          </div>
        ) : (
          <button type="button" className={buttonClass} disabled={finished === 0} onClick={() => setConfirming(true)}>
            Clear history
          </button>
        )}
      </div>
      {storageProblem && (
        <p role="alert" className="text-sm text-amber-700 dark:text-amber-400">
          {storageProblem}
        </p>
      )}
      {notice && <p role="status" className="text-sm text-zinc-600">{notice}</p>}
      {runs.length === 0 ? (
        <p className="text-sm text-zinc-500">
          {!loaded ? "Loading history…" : storageProblem ? "No runs yet." : "Runs are kept here, in this browser."}
        </p>
      ) : (
        <ul aria-label="History" className="flex max-h-96 flex-col gap-1 overflow-y-auto">
          {runs.map((run) => (
            <li key={run.id} className="flex flex-wrap items-center gap-2 rounded-md border border-zinc-200 p-1.5 text-sm dark:border-zinc-800">
              <Thumbnail run={run} />
              <div className="flex min-w-40 flex-1 flex-col gap-0.5">
                <p id={`history-${run.id}`} className="truncate" title={run.input.prompt}>
                  {run.input.prompt}
                </p>
                <p className="flex items-center gap-2 text-xs text-zinc-500">
                  <RunStatusBadge status={run.status} />
                  <time dateTime={new Date(run.startedAt).toISOString()}>{dateFormat.format(run.startedAt)}</time>
                </p>
              </div>
              <div className="ml-auto flex gap-2">
                <button
                  type="button"
                  className={buttonClass}
                  aria-describedby={`history-${run.id}`}
                  onClick={() => setNotice(actions.reuseSettings(run.input) ?? "")}
                >
                  Reuse settings
                </button>
                <button
                  type="button"
                  className={buttonClass}
                  disabled={isActive(run)}
                  aria-describedby={`history-${run.id}`}
                  onClick={() => void manager.remove(run.id)}
                >
                  Delete
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

