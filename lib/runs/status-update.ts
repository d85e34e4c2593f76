import type { QueueStatus } from "@fal-ai/client";
import type { Run, RunLog, RunUpdate } from "./run-state";

/** fal's `error_type` for a request the client cancelled (docs/fal.md#cancel). */
export const CANCELLED_ERROR_TYPE = "client_cancelled";

function toLogs(status: QueueStatus): RunLog[] | undefined {
  if (!("logs" in status) || !Array.isArray(status.logs)) return undefined;
  return status.logs.map((log) => ({ message: log.message, level: log.level, timestamp: log.timestamp }));
}

function stringField(status: QueueStatus, name: "error" | "error_type"): string | undefined {
  const value = (status as { error?: unknown; error_type?: unknown })[name];
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** The `error_type` a COMPLETED status carries for a run that did not produce images. */
export function statusErrorType(status: QueueStatus): string | undefined {
  return stringField(status, "error_type");
}

/** fal's message on a COMPLETED status for a run that failed; undefined for one that produced a result. */
export function statusError(status: QueueStatus): string | undefined {
  return status.status === "COMPLETED" ? stringField(status, "error") : undefined;
}

export function isCancelledStatus(status: QueueStatus): boolean {
  return status.status === "COMPLETED" && statusErrorType(status) === CANCELLED_ERROR_TYPE;
}

/**
 * What a queue status changes on the run's card. A run that was running and is queued again was
 * put back by fal to retry on another runner (docs/fal.md#runner-retries): that is counted, not an error.
 */
export function statusUpdate(status: QueueStatus, run: Pick<Run, "status" | "requeues">): RunUpdate {
  const logs = toLogs(status);
  switch (status.status) {
    case "IN_QUEUE":
      return {
        status: "queued",
        queuePosition: status.queue_position,
        ...(run.status === "running" && { requeues: (run.requeues ?? 0) + 1 }),
      };
    case "IN_PROGRESS":
      return { status: "running", queuePosition: undefined, ...(logs && { logs }) };
    default:
      return {
        queuePosition: undefined,
        ...(logs && { logs }),
        ...(status.metrics?.inference_time != null && { inferenceTime: status.metrics.inference_time }),
      };
  }
}
