import "server-only";
import { requestUrl } from "@/lib/fal/endpoint";
import type { RunFaults } from "./faults";

export type RunState = "IN_QUEUE" | "IN_PROGRESS" | "COMPLETED";

export type QueueLog = { message: string; level: "INFO" | "ERROR"; source: "USER"; timestamp: string };

type SimulatorFile = { url: string; content_type: string; file_name: string; file_size: number };

/** What the simulator answers for a finished run; the seed is 64-bit (BigInt) when it picked one. */
export type SimulatorOutput = {
  images: (SimulatorFile & { width: number; height: number })[];
  seed: number | bigint;
  has_nsfw_concepts: boolean[];
  debug_latents: SimulatorFile | null;
  debug_per_pass_latents: SimulatorFile | null;
};

export type RunOutcome =
  | { ok: true; output: SimulatorOutput }
  | {
      ok: false;
      httpStatus: number;
      body: unknown;
      /** `X-Fal-Retryable` for model errors, `X-Fal-Error-Type` for request errors (docs/fal.md#errors). */
      headers: Record<string, string>;
      /** What the status object says in `error` and `error_type`. */
      error: string;
      errorType: string;
    };

/** fal's request options a run was submitted with (docs/fal.md#request-options). */
export type RunOptions = {
  /** No runner started this long after the submit: the run ends in fal's 504 user timeout. */
  startTimeoutMs?: number;
  /** Low-priority runs wait behind every normal one. */
  priority: "normal" | "low";
  /** False: the submitted input is not kept once the result has been read. */
  storeIo: boolean;
  /** How long the run's result files are kept, when it asked. */
  resultTtlMs?: number;
};

export type Run = {
  id: string;
  /** The body exactly as it was submitted; like fal, the app reads it only when the run starts. */
  submittedBody: unknown;
  /** Where the submit came in; result files are served from there. */
  origin: string;
  webhookUrl?: string;
  state: RunState;
  logs: QueueLog[];
  submittedAt: number;
  startedAt?: number;
  finishedAt?: number;
  outcome?: RunOutcome;
  /** Aborted when a running request is cancelled. */
  cancellation: AbortController;
  /** Simulated faults this run plays (lib/simulator/faults.ts). */
  faults?: RunFaults;
  options: RunOptions;
  /** The start timeout's timer while the run waits for its first start. */
  startDeadline?: ReturnType<typeof setTimeout>;
};

export type QueueStatus = {
  status: RunState;
  request_id: string;
  response_url: string;
  status_url: string;
  cancel_url: string;
  queue_position?: number;
  logs?: QueueLog[];
  metrics?: { inference_time: number | null };
  error?: string;
  error_type?: string;
};

/** The URLs fal puts in every status; the proxy maps them back onto the simulator. */
export function queueUrls(requestId: string) {
  const responseUrl = requestUrl(requestId);
  return { response_url: responseUrl, status_url: `${responseUrl}/status`, cancel_url: `${responseUrl}/cancel` };
}

export function runStatus(run: Run, options: { logs: boolean; queuePosition?: number }): QueueStatus {
  const status: QueueStatus = { status: run.state, request_id: run.id, ...queueUrls(run.id) };
  if (run.state === "IN_QUEUE") {
    // A run back in the queue for a runner retry waits at its head.
    status.queue_position = Math.max(0, options.queuePosition ?? 0);
    return status;
  }
  if (options.logs) status.logs = [...run.logs];
  if (run.state === "COMPLETED") {
    status.metrics = { inference_time: inferenceSeconds(run) };
    if (run.outcome && !run.outcome.ok) {
      status.error = run.outcome.error;
      status.error_type = run.outcome.errorType;
    }
  }
  return status;
}

export function inferenceSeconds(run: Run): number | null {
  if (run.startedAt === undefined || run.finishedAt === undefined) return null;
  return (run.finishedAt - run.startedAt) / 1000;
}

/** The webhook body fal POSTs when a run ends (docs/fal.md#webhooks). */
export function webhookBody(run: Run) {
  const outcome = run.outcome;
  const base = { request_id: run.id, gateway_request_id: run.id };
  if (outcome?.ok) return { ...base, status: "OK" as const, payload: outcome.output, error: null };
  return {
    ...base,
    status: "ERROR" as const,
    payload: outcome?.body ?? null,
    error: `Invalid status code: ${outcome?.httpStatus ?? 500}`,
  };
}
