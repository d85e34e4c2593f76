"use client";

import type { CSSProperties } from "react";
import { ResultImage } from "@/components/output/result-image";
import { RunStatusBadge } from "@/components/runs/run-status-badge";
import { isActive, type Run } from "@/lib/runs/run-state";
import type { SweepCell } from "@/lib/sweeps/plan";
import type { CellProgress, Sweep } from "@/lib/sweeps/sweep-runner";

type SweepGridProps = {
  sweep: Sweep;
  /** Each cell's run, in the plan's order (undefined before it started, or once deleted). */
  cellRuns: readonly (Run | undefined)[];
  now: number;
  onShowRun: (runId: string) => void;
};

const cellClass = "flex w-full items-center justify-center overflow-hidden rounded-md bg-zinc-200 dark:bg-zinc-900";

function waitText(progress: CellProgress, now: number): string {
  if (progress.state !== "waiting") return "";
  if (progress.until === undefined) return "Waiting";
  const seconds = Math.max(0, Math.ceil((progress.until - now) / 1000));
  return progress.reason === "retry-after" ? `Limit reached: retries in ${seconds} s` : `Starts in ${seconds} s`;
}

/** What a cell shows before it has an image: its run's state, or why it has no run. */
function CellState({ progress, run, now }: { progress: CellProgress; run: Run | undefined; now: number }) {
  if (progress.state === "waiting")
    return <span className="px-1 text-center text-xs text-zinc-700 dark:text-zinc-300">{waitText(progress, now)}</span>;
  if (progress.state === "not-started")
    return <span className="px-1 text-center text-xs text-zinc-700 dark:text-zinc-300">Not started</span>;
  if (!run) return <span className="px-1 text-center text-xs text-zinc-700 dark:text-zinc-300">Deleted</span>;
  return (
    <span className="flex flex-col items-center gap-1 p-1">
      {isActive(run) && (
        <span
          aria-hidden
          className="size-5 rounded-full border-[3px] border-accent-300 border-t-accent-600 motion-safe:animate-spin"
        />
      )}
      <RunStatusBadge status={run.status} />
    </span>
  );
}

/** A cell's shape: its image's, or (before it has one) that of the first image of the sweep. */
function ratio(run: Run | undefined, fallback: string): CSSProperties {
  const image = run?.output?.images[0];
  return { aspectRatio: image?.width && image.height ? `${image.width} / ${image.height}` : fallback };
}

function firstRatio(cellRuns: readonly (Run | undefined)[]): string {
  const image = cellRuns.map((run) => run?.output?.images[0]).find((candidate) => candidate?.width && candidate.height);
  return image?.width && image.height ? `${image.width} / ${image.height}` : "1";
}

type GridCellProps = {
  cell: SweepCell;
  progress: CellProgress;
  run: Run | undefined;
  shape: string;
  now: number;
  onShowRun: (runId: string) => void;
};

function GridCell({ cell, progress, run, shape, now, onShowRun }: GridCellProps) {
  const why = progress.state === "not-started" ? progress.why : run?.error?.message;
  if (!run) {
    return (
      <div className={cellClass} style={ratio(run, shape)} title={why} data-cell-state={progress.state}>
        <CellState progress={progress} run={run} now={now} />
        <span className="sr-only">{cell.label}</span>
      </div>
    );
  }
  const hasImage = (run.output?.images.length ?? 0) > 0;
  return (
    <button
      type="button"
      aria-label={`Show run: ${cell.label}`}
      onClick={() => onShowRun(run.id)}
      title={why ?? cell.label}
      data-cell-state={run.status}
      className={`${cellClass} ring-offset-2 ring-offset-zinc-100 hover:ring-2 hover:ring-accent-400 dark:ring-offset-zinc-950`}
      style={ratio(run, shape)}
    >
      {hasImage ? (
        <ResultImage run={run} index={0} alt="" loading="lazy" className="h-full w-full object-contain" />
      ) : (
        <CellState progress={progress} run={run} now={now} />
      )}
    </button>
  );
}

/** The sweep's results as a table: the first setting's values across, the second's down. */
export function SweepGrid({ sweep, cellRuns, now, onShowRun }: SweepGridProps) {
  const { columns, rows, cells } = sweep.plan;
  const rowLabels = rows?.labels ?? [undefined];
  const shape = firstRatio(cellRuns);
  return (
    <div className="overflow-x-auto">
      {/* Cells keep a usable size: a grid wider than the pane scrolls sideways. */}
      <table
        className="w-full table-fixed border-separate border-spacing-1 text-sm sm:border-spacing-1.5"
        style={{ minWidth: `${columns.labels.length * 4.5 + (rows ? 4.5 : 0)}rem` }}
      >
        <caption className="sr-only">
          Results of the sweep: {columns.title} across{rows ? `, ${rows.title} down` : ""}. Each cell shows its run.
        </caption>
        <thead>
          <tr>
            {rows && (
              <th
                scope="col"
                rowSpan={2}
                className="w-16 px-1 text-left align-bottom text-xs font-semibold break-words sm:w-24 sm:text-sm"
              >
                {rows.title} ↓
              </th>
            )}
            <th scope="colgroup" colSpan={columns.labels.length} className="px-1 text-center font-semibold">
              {columns.title} →
            </th>
          </tr>
          <tr>
            {columns.labels.map((label) => (
              <th key={label} scope="col" className="px-1 text-center font-normal tabular-nums break-words">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rowLabels.map((rowLabel, row) => (
            <tr key={rowLabel ?? "only"}>
              {rowLabel !== undefined && (
                <th scope="row" className="px-1 text-left font-normal tabular-nums break-words">
                  {rowLabel}
                </th>
              )}
              {columns.labels.map((label, column) => {
                const index = row * columns.labels.length + column;
                const cell = cells[index];
                const progress = sweep.cells[index];
                if (!cell || !progress) return <td key={label} />;
                return (
                  <td key={label} className="p-0 align-middle">
                    <GridCell
                      cell={cell}
                      progress={progress}
                      run={cellRuns[index]}
                      shape={shape}
                      now={now}
                      onShowRun={onShowRun}
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
