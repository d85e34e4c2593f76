"use client";

import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { inputClass } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { saveFile } from "@/lib/gallery/download";
import type { RunManager } from "@/lib/runs/run-manager";
import { isActive, type Run } from "@/lib/runs/run-state";
import { sweepFileName } from "@/lib/sweeps/grid-png";
import type { SubmitLimit } from "@/lib/sweeps/pacer";
import { type Sweep, type SweepRunner, sweepRunner } from "@/lib/sweeps/sweep-runner";
import { messageOf } from "@/lib/errors/message-of";
import { SweepGrid } from "./sweep-grid";

type SweepViewProps = {
  manager: RunManager;
  runs: readonly Run[];
  submitLimit: SubmitLimit;
  onShowRun: (runId: string) => void;
};

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: "short" });

/** The time, once a second while something on screen counts down. */
function useNow(ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [ticking]);
  return now;
}

/** The prompt, model and seed every cell shares. */
function sharedText({ base, plan }: Sweep): string {
  const seed = plan.sharedSeed ?? base.seed;
  return [base.prompt, base.model_name, seed !== undefined && !plan.seedSwept ? `seed ${seed} in every cell` : ""]
    .filter(Boolean)
    .join(" · ");
}

function sweepName(sweep: Sweep): string {
  const { columns, rows } = sweep.plan;
  return `${rows ? `${columns.title} × ${rows.title}` : columns.title}, ${timeFormat.format(sweep.startedAt)}`;
}

/** "3 of 4 finished, 1 running." and what the rest wait for. */
function progressText(sweep: Sweep, cellRuns: readonly (Run | undefined)[], now: number): string {
  const count = sweep.cells.length;
  const active = cellRuns.filter((run) => run && isActive(run)).length;
  const failed = cellRuns.filter((run) => run?.status === "failed").length;
  const notStarted = sweep.cells.filter((cell) => cell.state === "not-started").length;
  const waiting = sweep.cells.filter((cell) => cell.state === "waiting");
  const next = waiting.find((cell) => cell.state === "waiting" && cell.until !== undefined);
  const finished = cellRuns.filter((run) => run && !isActive(run)).length;
  const parts = [`${finished} of ${count} finished`];
  if (active > 0) parts.push(`${active} in the queue or running`);
  if (failed > 0) parts.push(`${failed} failed`);
  if (notStarted > 0) parts.push(`${notStarted} not started`);
  if (next?.state === "waiting" && next.until !== undefined) {
    const seconds = Math.max(0, Math.ceil((next.until - now) / 1000));
    parts.push(`${waiting.length} waiting for the server's per-minute limit (the next starts in ${seconds} s)`);
  } else if (waiting.length > 0) {
    parts.push(`${waiting.length} to be sent`);
  }
  const sentence = `${parts.join(", ")}.`;
  return sweep.cancelled
    ? `Cancelled: ${sentence}`
    : finished === count
      ? `All ${count} finished${failed > 0 ? `, ${failed} failed` : ""}.`
      : sentence;
}

function SweepBoard({
  runner,
  sweeps,
  runs,
  onShowRun,
}: {
  runner: SweepRunner;
  sweeps: readonly Sweep[];
  runs: readonly Run[];
  onShowRun: (runId: string) => void;
}) {
  const [pickedId, setPickedId] = useState<string>();
  const [drawing, setDrawing] = useState(false);
  const [notice, setNotice] = useState("");
  const sweep = sweeps.find((candidate) => candidate.id === pickedId) ?? sweeps[0];
  const runById = useMemo(() => new Map(runs.map((run) => [run.id, run])), [runs]);
  const cellRuns = useMemo(
    () => sweep?.cells.map((cell) => (cell.state === "started" ? runById.get(cell.runId) : undefined)) ?? [],
    [sweep, runById],
  );
  const now = useNow(sweep?.cells.some((cell) => cell.state === "waiting" && cell.until !== undefined) ?? false);
  if (!sweep) return null;

  const inFlight = sweep.sending || cellRuns.some((run) => run && isActive(run));
  const hasImage = cellRuns.some((run) => (run?.output?.images.length ?? 0) > 0);

  async function download(shown: Sweep) {
    setDrawing(true);
    setNotice("Drawing the grid…");
    try {
      const { sweepGridPng } = await import("./grid-image");
      saveFile(await sweepGridPng(shown, runById), sweepFileName(shown.base, shown.plan));
      setNotice("");
    } catch (error) {
      setNotice(messageOf(error, "The grid image could not be made."));
    } finally {
      setDrawing(false);
    }
  }

  return (
    <section aria-labelledby="sweep-heading" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="sweep-heading" className="text-lg font-semibold">
          Sweep
        </h2>
        {sweeps.length > 1 && (
          <select
            aria-label="Which sweep"
            className={`${inputClass} w-auto max-w-full`}
            value={sweep.id}
            onChange={(event) => setPickedId(event.target.value)}
          >
            {sweeps.map((candidate, index) => (
              <option key={candidate.id} value={candidate.id}>
                {`${sweeps.length - index}. ${sweepName(candidate)}`}
              </option>
            ))}
          </select>
        )}
      </div>
      <p className="-mt-2 truncate text-sm text-zinc-600 dark:text-zinc-400" title={sharedText(sweep)}>
        {sharedText(sweep)}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <p role="status" aria-live="polite" className="mr-auto text-sm text-zinc-700 dark:text-zinc-300">
          {progressText(sweep, cellRuns, now)}
        </p>
        <div role="group" aria-label="Sweep actions" className="flex flex-wrap gap-2">
          {inFlight && !sweep.cancelled && <Button onClick={() => void runner.cancel(sweep.id)}>Cancel sweep</Button>}
          <Button disabled={inFlight || !hasImage || drawing} onClick={() => void download(sweep)}>
            Download grid
          </Button>
        </div>
      </div>
      <SweepGrid sweep={sweep} cellRuns={cellRuns} now={now} onShowRun={onShowRun} />
      <p role="status" className="min-h-5 text-sm text-zinc-600 dark:text-zinc-400">
        {notice}
      </p>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        Click a cell to show its run. The grid downloads as one PNG once every run has ended: its labels and settings
        are drawn on it, and it carries the sweep in its text, so dropping it on this page offers to restore the
        settings the sweep started from (its seed included).
      </p>
    </section>
  );
}

/** The output pane's Sweep view: the newest sweep (or a picked one) as a labelled grid, filling in as runs land. */
export function SweepView({ manager, runs, submitLimit, onShowRun }: SweepViewProps) {
  const runner = sweepRunner(manager, submitLimit);
  const sweeps = useSyncExternalStore(runner.subscribe, runner.snapshot, runner.snapshot);
  // A new sweep comes into view: the board starts over on it.
  return <SweepBoard key={sweeps[0]?.id} runner={runner} sweeps={sweeps} runs={runs} onShowRun={onShowRun} />;
}
