import type { LoraRequest } from "@/lib/fal/input-schema";
import type { LoraOutput } from "@/lib/fal/output-schema";
import type { FieldError } from "@/lib/form/server-errors";

export type RunLog = { message: string; level: string; timestamp: string };

export type RunStatus = "submitting" | "queued" | "running" | "completed" | "failed" | "cancelled";

/** Why a run failed, in words a person can act on; `retryable` offers Retry with the same input. */
export type RunError = {
  kind: "validation" | "api" | "network";
  message: string;
  fieldErrors: FieldError[];
  retryable: boolean;
};

/** One run as the page shows it; every field is plain data so history can store it as it is. */
export type Run = {
  id: string;
  requestId?: string;
  input: LoraRequest;
  status: RunStatus;
  queuePosition?: number;
  logs: RunLog[];
  output?: LoraOutput;
  error?: RunError;
  inferenceTime?: number;
  cancelRequested?: boolean;
  startedAt: number;
  endedAt?: number;
};

export type RunUpdate = Partial<Omit<Run, "id" | "input" | "startedAt">>;

export function isActive(run: Run): boolean {
  return run.status === "submitting" || run.status === "queued" || run.status === "running";
}
