import type { QueueStatus } from "@fal-ai/client";
import type { LoraRequest } from "@/lib/fal/input-schema";
import type { LoraOutput } from "@/lib/fal/output-schema";

/** The queue operations a run needs; the browser's is `falTransport`, tests pass their own. */
export type RunTransport = {
  submit(input: LoraRequest, signal: AbortSignal): Promise<{ requestId: string; queuePosition?: number }>;
  status(requestId: string, signal: AbortSignal): Promise<QueueStatus>;
  /** Follows the run until COMPLETED, reporting each status (with every log so far); resolves with the last. */
  follow(requestId: string, options: { signal: AbortSignal; onStatus: (status: QueueStatus) => void }): Promise<QueueStatus>;
  result(requestId: string, signal: AbortSignal): Promise<LoraOutput>;
  cancel(requestId: string): Promise<void>;
};
