import { ApiError, type FalClient, type QueueStatus, type RequestLog } from "@fal-ai/client";
import { sleep } from "@/lib/async/sleep";
import { createPlaygroundClient, endpointId, playgroundMiddleware } from "@/lib/fal/browser-client";
import { withFalErrorHeaders } from "@/lib/fal/error-headers";
import { exactJsonFetch, withExactIntegers } from "@/lib/fal/exact-json";
import { requestUrl } from "@/lib/fal/endpoint";
import { readBillableUnits } from "@/lib/pricing/billable-units";
import { FILE_LIFETIMES, REQUEST_HEADERS, type RequestOptions } from "@/lib/fal/request-options";
import { requestOptionsStore } from "@/lib/request-options/stored-options";
import { rateLimitAwareFetch } from "./rate-limited";
import type { CancelAnswer, RunTransport } from "./run-transport";

const POLL_INTERVAL_MS = 500;

/**
 * fal keeps a status stream alive with a comment every 15 s, but the client's own silence check
 * never fires (it compares a timestamp it has just set), so a stream that died quietly, as after
 * a sleeping laptop, would hang for good. A stream this long without a status is left for polling.
 */
export const STREAM_SILENCE_MS = 45_000;

type OnStatus = (status: QueueStatus) => void;

/**
 * The status stream sends only the log lines that are new since its last event, so they are
 * gathered here; it may end or break before COMPLETED (a proxy hiccup), which the caller treats
 * as a cue to poll. COMPLETED is the last event, so it answers at once (the result is asked for
 * while the stream is still closing) and the stream is let go.
 */
async function streamStatus(
  client: FalClient,
  requestId: string,
  signal: AbortSignal,
  onStatus: OnStatus,
  silenceMs: number,
) {
  const stream = await client.queue.streamStatus(endpointId, { requestId, logs: true });
  const abort = () => stream.abort();
  let silence = setTimeout(abort, silenceMs);
  signal.addEventListener("abort", abort);
  const logs: RequestLog[] = [];
  let last: QueueStatus | undefined;
  let completed: (status: QueueStatus) => void = () => undefined;
  const completion = new Promise<QueueStatus>((resolve) => (completed = resolve));
  stream.on("data", (status: QueueStatus) => {
    clearTimeout(silence);
    silence = setTimeout(abort, silenceMs);
    if ("logs" in status && Array.isArray(status.logs)) logs.push(...status.logs);
    last = "logs" in status ? { ...status, logs: [...logs] } : status;
    onStatus(last);
    if (last.status === "COMPLETED") completed(last);
  });
  try {
    return await Promise.race([stream.done().then(() => last), completion]);
  } finally {
    clearTimeout(silence);
    signal.removeEventListener("abort", abort);
    abort();
  }
}

async function pollStatus(
  client: FalClient,
  requestId: string,
  signal: AbortSignal,
  onStatus: OnStatus,
): Promise<QueueStatus> {
  for (;;) {
    const status = await client.queue.status(endpointId, { requestId, logs: true, abortSignal: signal });
    onStatus(status);
    if (status.status === "COMPLETED") return status;
    await sleep(POLL_INTERVAL_MS, signal);
    signal.throwIfAborted();
  }
}

const CANCEL_ANSWERS: Record<number, { answer: CancelAnswer; body?: string }> = {
  200: { answer: "cancelled" },
  202: { answer: "requested" },
  400: { answer: "already-completed", body: "ALREADY_COMPLETED" },
  404: { answer: "not-found", body: "NOT_FOUND" },
};

/**
 * `queue.cancel` of the client answers nothing, yet 200 (removed) and 202 (only signalled) mean
 * opposite things for the run, so this one call goes out by hand, addressed as the client would.
 */
async function cancelRequest(fetchImpl: typeof fetch, requestId: string): Promise<CancelAnswer> {
  const request = await playgroundMiddleware({ method: "PUT", url: `${requestUrl(requestId)}/cancel`, headers: {} });
  const headers = Object.fromEntries(
    Object.entries(request.headers ?? {}).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.join(", ") : value,
    ]),
  );
  const response = await fetchImpl(request.url, {
    method: request.method,
    headers: { accept: "application/json", ...headers },
  });
  const body: unknown = await response.json().catch(() => undefined);
  const known = CANCEL_ANSWERS[response.status];
  const bodyStatus = typeof body === "object" && body !== null ? (body as { status?: unknown }).status : undefined;
  if (known && (known.body === undefined || bodyStatus === known.body)) return known.answer;
  throw new ApiError({ message: response.statusText || `HTTP ${response.status}`, status: response.status, body });
}

/** `requestOptions`: fal's request options for each submit (this browser's, with the operator's fixed ones). */
export type FalTransportOptions = {
  fetch?: typeof fetch;
  streamSilenceMs?: number;
  requestOptions?: () => RequestOptions;
};

/** The submit's options for fal-js: its own for the timeout, priority and result lifetime, a header for Store-IO. */
function submitOptions(options: RequestOptions) {
  return {
    priority: options.priority,
    ...(options.startTimeoutSeconds !== undefined && { startTimeout: options.startTimeoutSeconds }),
    ...(options.fileLifetime !== "default" && {
      storageSettings: { expiresIn: FILE_LIFETIMES[options.fileLifetime] },
    }),
    ...(!options.storeIo && { headers: { [REQUEST_HEADERS.storeIo]: "0" } }),
  };
}

/**
 * The queue through the app's proxy: the status stream first, polling when it breaks or falls
 * silent. Answers are read with exact integers, so a 64-bit seed keeps its digits. A submit the
 * proxy refuses for its per-minute limit throws a RateLimitedError at once, with its Retry-After.
 */
export function createFalTransport(options: FalTransportOptions = {}): RunTransport {
  const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => fetch(input, init));
  const client = createPlaygroundClient({ fetch: withFalErrorHeaders(exactJsonFetch(fetchImpl)) });
  const submitClient = createPlaygroundClient({
    fetch: withFalErrorHeaders(exactJsonFetch(rateLimitAwareFetch(fetchImpl))),
  });
  const silenceMs = options.streamSilenceMs ?? STREAM_SILENCE_MS;
  const requestOptions = options.requestOptions ?? requestOptionsStore.effective;
  return {
    async submit(input, signal) {
      const queued = await submitClient.queue.submit(endpointId, {
        input: withExactIntegers(input),
        abortSignal: signal,
        ...submitOptions(requestOptions()),
      });
      return { requestId: queued.request_id, queuePosition: queued.queue_position };
    },
    status(requestId, signal) {
      return client.queue.status(endpointId, { requestId, logs: true, abortSignal: signal });
    },
    async follow(requestId, { signal, onStatus }) {
      try {
        const last = await streamStatus(client, requestId, signal, onStatus, silenceMs);
        if (last?.status === "COMPLETED") return last;
      } catch (error) {
        if (signal.aborted) throw error;
      }
      signal.throwIfAborted();
      return pollStatus(client, requestId, signal, onStatus);
    },
    async result(requestId, signal) {
      // The client's result hides the answer's headers, so this call gets a client of its own
      // whose fetch notes the billable units of the answer it was given (a retry's answer wins).
      let billableUnits: string | undefined;
      const noting: typeof fetch = async (input, init) => {
        const response = await fetchImpl(input, init);
        billableUnits = readBillableUnits(response.headers);
        return response;
      };
      const resultClient = createPlaygroundClient({ fetch: withFalErrorHeaders(exactJsonFetch(noting)) });
      const result = await resultClient.queue.result(endpointId, { requestId, abortSignal: signal });
      return { data: result.data, billableUnits };
    },
    cancel: (requestId) => cancelRequest(fetchImpl, requestId),
  };
}

export const falTransport = createFalTransport();
