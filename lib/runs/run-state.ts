import type { LoraOutput } from "@/lib/fal/output-schema";

export type RunLog = { message: string; level: string; timestamp: string };

export type RunStatus = "submitting" | "queued" | "running" | "completed" | "failed" | "cancelled";

/** One run as the page shows it; every field is plain data so it can be stored in history later. */
export type Run = {
  id: string;
  requestId?: string;
  input: Record<string, unknown>;
  status: RunStatus;
  queuePosition?: number;
  logs: RunLog[];
  output?: LoraOutput;
  error?: string;
  inferenceTime?: number;
  startedAt: number;
  endedAt?: number;
};

export function isActive(run: Run): boolean {
  return run.status === "submitting" || run.status === "queued" || run.status === "running";
}
