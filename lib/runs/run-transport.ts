import type { QueueStatus } from "@fal-ai/client";
import type { LoraRequest } from "@/lib/fal/input-schema";

/**
 * What fal said to a cancel (docs/fal.md#cancel): the queued request was removed (200 OK), the
 * running one was signalled and may still finish (202), it had already finished (400), or fal
 * does not know it (404).
 */
export type CancelAnswer = "cancelled" | "requested" | "already-completed" | "not-found";

/** A result answer: its JSON, and its `X-Fal-Billable-Units` when it had one (docs/fal.md#pricing). */
export type RunResult = { data: unknown; billableUnits?: string };

/** The queue operations a run needs; the browser's is `falTransport`, tests pass their own. */
export type RunTransport = {
  submit(input: LoraRequest, signal: AbortSignal): Promise<{ requestId: string; queuePosition?: number }>;
  status(requestId: string, signal: AbortSignal): Promise<QueueStatus>;
  /** Follows the run until COMPLETED, reporting each status (with every log so far); resolves with the last. */
  follow(
    requestId: string,
    options: { signal: AbortSignal; onStatus: (status: QueueStatus) => void },
  ): Promise<QueueStatus>;
  /** The result as fal sent it, big integers kept exact (the caller reads it, `readLoraOutput`), and what fal billed for it. */
  result(requestId: string, signal: AbortSignal): Promise<RunResult>;
  cancel(requestId: string): Promise<CancelAnswer>;
};
