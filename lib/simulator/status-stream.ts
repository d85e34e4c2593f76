import "server-only";
import type { RunQueue } from "./queue";

export type StatusStreamOptions = { logs: boolean; signal: AbortSignal; pingMs: number };

const encoder = new TextEncoder();

/**
 * The body of `GET …/status/stream`: one `data:` event per status change, starting with the
 * current one, a comment line every `pingMs`, closed after COMPLETED or when the client leaves.
 * Each event carries only the log lines not sent before: fal's client appends them itself.
 */
export function statusEventStream(queue: RunQueue, requestId: string, options: StatusStreamOptions) {
  let stop = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      let sentLogs = 0;
      let lastKey = "";

      const push = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };

      const sendStatus = () => {
        const status = queue.status(requestId, { logs: options.logs });
        if (!status) return stop();
        const allLogs = status.logs;
        const key = JSON.stringify({ ...status, logs: allLogs?.length });
        if (key === lastKey) return;
        lastKey = key;
        const event = allLogs ? { ...status, logs: allLogs.slice(sentLogs) } : status;
        sentLogs = allLogs?.length ?? sentLogs;
        push(`data: ${JSON.stringify(event)}\n\n`);
        if (status.status === "COMPLETED") stop();
      };

      const unsubscribe = queue.subscribe(requestId, sendStatus);
      const ping = setInterval(() => push(": ping\n\n"), options.pingMs);
      ping.unref();
      stop = () => {
        if (closed) return;
        closed = true;
        unsubscribe();
        clearInterval(ping);
        options.signal.removeEventListener("abort", stop);
        try {
          controller.close();
        } catch {
          // already cancelled by the reader
        }
      };

      if (options.signal.aborted) return stop();
      options.signal.addEventListener("abort", stop);
      sendStatus();
    },
    cancel() {
      stop();
    },
  });
}
