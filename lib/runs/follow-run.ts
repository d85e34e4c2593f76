import { ApiError, ValidationError, type QueueStatus } from "@fal-ai/client";
import { endpointId, falClient } from "@/lib/fal/browser-client";
import { loraOutputSchema } from "@/lib/fal/output-schema";
import type { FalFieldError } from "@/lib/fal/validation-error";
import type { Run, RunLog } from "./run-state";

export type RunUpdate = Partial<Omit<Run, "id" | "input" | "startedAt">>;

function toLogs(status: QueueStatus): RunLog[] | undefined {
  if (!("logs" in status) || !Array.isArray(status.logs)) return undefined;
  return status.logs.map((log) => ({ message: log.message, level: log.level, timestamp: log.timestamp }));
}

function statusUpdate(status: QueueStatus): RunUpdate {
  const logs = toLogs(status);
  switch (status.status) {
    case "IN_QUEUE":
      return { status: "queued", queuePosition: status.queue_position };
    case "IN_PROGRESS":
      return { status: "running", queuePosition: undefined, ...(logs && { logs }) };
    default:
      return {
        ...(logs && { logs }),
        ...(status.metrics?.inference_time != null && { inferenceTime: status.metrics.inference_time }),
      };
  }
}

/** A message a person can act on, from whatever the client threw. */
export function describeRunError(error: unknown): string {
  if (error instanceof ValidationError) {
    const fields = error.fieldErrors.map((field) => {
      const where = field.loc.filter((part) => part !== "body").join(".");
      return where ? `${where}: ${field.msg}` : field.msg;
    });
    return fields.length > 0 ? fields.join("\n") : error.message;
  }
  if (error instanceof ApiError) {
    const detail = (error.body as { detail?: unknown } | undefined)?.detail;
    return typeof detail === "string" ? detail : `${error.message} (HTTP ${error.status})`;
  }
  return error instanceof Error ? error.message : "The run failed for an unknown reason.";
}

/**
 * Submits one input to the queue and follows it to its end: on the status stream, falling back to
 * polling when the stream breaks, then the result. `onUpdate` receives every change.
 */
export async function followRun(
  input: Record<string, unknown>,
  onUpdate: (update: RunUpdate) => void,
  onInvalidInput?: (fieldErrors: FalFieldError[]) => void,
): Promise<void> {
  let requestId: string | undefined;
  try {
    const queued = await falClient.queue.submit(endpointId, { input });
    requestId = queued.request_id;
    onUpdate({ requestId, status: "queued", queuePosition: queued.queue_position });

    const track = { requestId, logs: true, onQueueUpdate: (status: QueueStatus) => onUpdate(statusUpdate(status)) };
    try {
      await falClient.queue.subscribeToStatus(endpointId, { ...track, mode: "streaming" });
    } catch {
      await falClient.queue.subscribeToStatus(endpointId, { ...track, mode: "polling", pollInterval: 500 });
    }

    const result = await falClient.queue.result(endpointId, { requestId });
    const output = loraOutputSchema.parse(result.data);
    onUpdate({ status: "completed", output, endedAt: Date.now() });
  } catch (error) {
    if (error instanceof ValidationError && onInvalidInput) onInvalidInput(error.fieldErrors);
    onUpdate({ status: "failed", error: describeRunError(error), endedAt: Date.now() });
  }
}
