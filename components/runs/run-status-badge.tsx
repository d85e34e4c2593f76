import type { RunStatus } from "@/lib/runs/run-state";

const STATUS_TEXT: Record<RunStatus, string> = {
  submitting: "Submitting…",
  queued: "In queue",
  running: "Running",
  completed: "Completed",
  failed: "Failed",
  cancelled: "Cancelled",
};

const STATUS_STYLE: Record<RunStatus, string> = {
  submitting: "bg-zinc-200 text-zinc-800",
  queued: "bg-sky-100 text-sky-900",
  running: "bg-accent-100 text-accent-900",
  completed: "bg-emerald-100 text-emerald-900",
  failed: "bg-red-100 text-red-900",
  cancelled: "bg-zinc-200 text-zinc-700",
};

export function RunStatusBadge({ status }: { status: RunStatus }) {
  return (
    <span className={`shrink-0 rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[status]}`}>
      {STATUS_TEXT[status]}
    </span>
  );
}
