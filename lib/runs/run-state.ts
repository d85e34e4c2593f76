import type { LoraRequest } from "@/lib/fal/input-schema";
import type { LoraOutput } from "@/lib/fal/output-schema";
import type { RunCards } from "@/lib/lora-info/card";
import type { FieldError } from "@/lib/form/server-errors";
import type { RunPrice } from "@/lib/pricing/quote";

export type RunLog = { message: string; level: string; timestamp: string };

export type RunStatus = "submitting" | "queued" | "running" | "completed" | "failed" | "cancelled";

/**
 * Why a run failed, in words a person can act on. `retryable` offers Retry, which submits the
 * same input as a new run; `raw` is a result fal completed that the page could not read.
 */
export type RunError = {
  kind: "validation" | "api" | "network" | "result";
  message: string;
  fieldErrors: FieldError[];
  retryable: boolean;
  raw?: string;
  /** fal's type for the error (`error_type`, or a model error's `type`; docs/fal.md#errors). */
  errorType?: string;
  /** What fal charges for it, for a run fal failed. */
  billing?: string;
};

/**
 * How following a submitted run is going when fal cannot be reached: "reconnecting" backs off
 * and tries again on its own; "lost" has stopped trying and waits for "Check again". Neither
 * ever submits the run again.
 */
export type RunConnection =
  { state: "reconnecting"; attempt: number; reason: string } | { state: "lost"; reason: string };

/** One run as the page shows it; every field is plain data so history can store it as it is. */
export type Run = {
  id: string;
  requestId?: string;
  /** The body as sent, seed included. */
  input: LoraRequest;
  status: RunStatus;
  queuePosition?: number;
  logs: RunLog[];
  output?: LoraOutput;
  error?: RunError;
  inferenceTime?: number;
  /** `X-Fal-Billable-Units` of the result answer, as fal wrote it (a decimal). */
  billableUnits?: string;
  /** The price that applied when the run finished, or why it was not known then. */
  price?: RunPrice;
  /** Cancel was pressed; fal may still finish the run (a running request only gets a signal). */
  cancelRequested?: boolean;
  connection?: RunConnection;
  /** Times fal put the run back in its queue after it had started (runner retries). */
  requeues?: number;
  /** A passing remark for the card, e.g. a cancel that did not get through. */
  notice?: string;
  /** What the page knew of the model and LoRAs when the run started (their cards). */
  cards?: RunCards;
  startedAt: number;
  endedAt?: number;
};

export type RunUpdate = Partial<Omit<Run, "id" | "input" | "startedAt">>;

export function isActive(run: Run): boolean {
  return run.status === "submitting" || run.status === "queued" || run.status === "running";
}
