import type { QueueStatus, RequestLog } from "@fal-ai/client";
import { endpointId, falClient } from "@/lib/fal/browser-client";
import { loraOutputSchema } from "@/lib/fal/output-schema";
import type { RunTransport } from "./run-transport";

const POLL_INTERVAL_MS = 500;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * The status stream sends only the log lines that are new since its last event, so they are
 * gathered here; the stream may end before COMPLETED (a proxy hiccup), which the caller treats
 * as a cue to poll.
 */
async function streamStatus(
  requestId: string,
  signal: AbortSignal,
  onStatus: (status: QueueStatus) => void,
): Promise<QueueStatus | undefined> {
  const stream = await falClient.queue.streamStatus(endpointId, { requestId, logs: true });
  const abort = () => stream.abort();
  signal.addEventListener("abort", abort);
  const logs: RequestLog[] = [];
  let last: QueueStatus | undefined;
  stream.on("data", (status: QueueStatus) => {
    if ("logs" in status && Array.isArray(status.logs)) logs.push(...status.logs);
    last = "logs" in status ? { ...status, logs: [...logs] } : status;
    onStatus(last);
  });
  try {
    await stream.done();
  } finally {
    signal.removeEventListener("abort", abort);
  }
  return last;
}

async function pollStatus(
  requestId: string,
  signal: AbortSignal,
  onStatus: (status: QueueStatus) => void,
): Promise<QueueStatus> {
  for (;;) {
    const status = await falClient.queue.status(endpointId, { requestId, logs: true, abortSignal: signal });
    onStatus(status);
    if (status.status === "COMPLETED") return status;
    await sleep(POLL_INTERVAL_MS, signal);
    signal.throwIfAborted();
  }
}

/** The queue through the app's proxy: the status stream first, polling when it breaks. */
export const falTransport: RunTransport = {
  async submit(input, signal) {
    const queued = await falClient.queue.submit(endpointId, { input, abortSignal: signal });
    return { requestId: queued.request_id, queuePosition: queued.queue_position };
  },
  status(requestId, signal) {
    return falClient.queue.status(endpointId, { requestId, logs: true, abortSignal: signal });
  },
  async follow(requestId, { signal, onStatus }) {
    try {
      const last = await streamStatus(requestId, signal, onStatus);
      if (last?.status === "COMPLETED") return last;
    } catch (error) {
      if (signal.aborted) throw error;
    }
    signal.throwIfAborted();
    return pollStatus(requestId, signal, onStatus);
  },
  async result(requestId, signal) {
    const result = await falClient.queue.result(endpointId, { requestId, abortSignal: signal });
    return loraOutputSchema.parse(result.data);
  },
  async cancel(requestId) {
    await falClient.queue.cancel(endpointId, { requestId });
  },
};
