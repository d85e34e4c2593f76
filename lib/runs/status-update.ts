import type { QueueStatus } from "@fal-ai/client";
import type { RunLog, RunUpdate } from "./run-state";

/** fal's `error_type` for a request the client cancelled (fal-reference §3). */
export const CANCELLED_ERROR_TYPE = "client_cancelled";

function toLogs(status: QueueStatus): RunLog[] | undefined {
  if (!("logs" in status) || !Array.isArray(status.logs)) return undefined;
  return status.logs.map((log) => ({ message: log.message, level: log.level, timestamp: log.timestamp }));
}

/** The `error_type` a COMPLETED status carries for a run that did not produce images. */
export function statusErrorType(status: QueueStatus): string | undefined {
  const errorType = (status as { error_type?: unknown }).error_type;
  return typeof errorType === "string" ? errorType : undefined;
}

export function isCancelledStatus(status: QueueStatus): boolean {
  return status.status === "COMPLETED" && statusErrorType(status) === CANCELLED_ERROR_TYPE;
}

/** What a queue status changes on the run's card. */
export function statusUpdate(status: QueueStatus): RunUpdate {
  const logs = toLogs(status);
  switch (status.status) {
    case "IN_QUEUE":
      return { status: "queued", queuePosition: status.queue_position };
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
