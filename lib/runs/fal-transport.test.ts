import { ApiError, type QueueStatus } from "@fal-ai/client";
import { afterEach, describe, expect, it } from "vitest";
import { readLoraOutput } from "@/lib/fal/output-schema";
import { FaultInjector, parseFaults } from "@/lib/simulator/faults";
import type { Simulator } from "@/lib/simulator/simulator";
import { BASE_INPUT, simulatorFetch, testSimulator, waitForState } from "@/lib/simulator/test-support";
import { createFalTransport } from "./fal-transport";
import { RateLimitedError } from "./rate-limited";
import { toRunError } from "./run-error";

let simulator: Simulator;
afterEach(() => simulator.dispose());

const signal = () => new AbortController().signal;

/** The real client through the transport, against the simulator; `wrap` may tamper with the answers. */
function transport(options: { wrap?: (fetchImpl: typeof fetch) => typeof fetch; streamSilenceMs?: number } = {}) {
  const fetchImpl = simulatorFetch(simulator);
  return createFalTransport({
    fetch: options.wrap ? options.wrap(fetchImpl) : fetchImpl,
    streamSilenceMs: options.streamSilenceMs,
  });
}

async function followToEnd(falTransport: ReturnType<typeof createFalTransport>, requestId: string) {
  const seen: QueueStatus[] = [];
  const final = await falTransport.follow(requestId, { signal: signal(), onStatus: (status) => seen.push(status) });
  return { final, seen };
}

describe("falTransport", () => {
  it("follows the status stream with every log line, and keeps a 64-bit seed exactly", async () => {
    simulator = testSimulator({ stepMs: 2 });
    const falTransport = transport();
    const { requestId } = await falTransport.submit({ ...BASE_INPUT, num_inference_steps: 3, seed: 0 }, signal());
    const { final, seen } = await followToEnd(falTransport, requestId);
    expect(final.status).toBe("COMPLETED");
    const logs = "logs" in final ? final.logs.map((log) => log.message) : [];
    expect(logs.filter((message) => message.startsWith("Step "))).toEqual(["Step 1/3", "Step 2/3", "Step 3/3"]);
    expect(seen.map((status) => status.status)).toContain("IN_PROGRESS");

    const { data, billableUnits } = await falTransport.result(requestId, signal());
    const answer = await simulatorFetch(simulator)(`https://queue.fal.run/fal-ai/lora/requests/${requestId}`);
    const literal = /"seed":(\d+)/.exec(await answer.text())?.[1] ?? "";
    expect(literal.length).toBeGreaterThan(0);
    const reading = readLoraOutput(data);
    expect(reading.ok && reading.output.seed).toBe(BigInt(literal));
    // What fal billed comes from the answer's header, which the client's own result does not show.
    expect(billableUnits).toMatch(/^\d+(\.\d+)?$/);
    expect(billableUnits).toBe(answer.headers.get("x-fal-billable-units"));
  });

  it("falls back to polling when the stream drops", async () => {
    const faults = new FaultInjector({ plan: parseFaults("drop=100%,on=stream"), allowHeader: false });
    simulator = testSimulator({ stepMs: 2, faults });
    const falTransport = transport();
    const { requestId } = await falTransport.submit({ ...BASE_INPUT, num_inference_steps: 3 }, signal());
    const { final } = await followToEnd(falTransport, requestId);
    expect(final.status).toBe("COMPLETED");
  });

  it("leaves a stream that fell silent for polling", async () => {
    simulator = testSimulator({ stepMs: 2 });
    const silentStreams =
      (fetchImpl: typeof fetch): typeof fetch =>
      async (input, init) => {
        if (!String(input).includes("/status/stream")) return fetchImpl(input, init);
        return new Response(new ReadableStream(), { headers: { "content-type": "text/event-stream" } });
      };
    const falTransport = transport({ wrap: silentStreams, streamSilenceMs: 30 });
    const { requestId } = await falTransport.submit({ ...BASE_INPUT, num_inference_steps: 3 }, signal());
    const { final } = await followToEnd(falTransport, requestId);
    expect(final.status).toBe("COMPLETED");
  });

  it("answers at COMPLETED without waiting for the stream to close, and lets the stream go", async () => {
    simulator = testSimulator({ stepMs: 2 });
    let streamSignal: AbortSignal | undefined;
    const lingeringStreams =
      (fetchImpl: typeof fetch): typeof fetch =>
      async (input, init) => {
        const response = await fetchImpl(input, init);
        if (!String(input).includes("/status/stream") || !response.body) return response;
        streamSignal = init?.signal ?? undefined;
        // The simulator's events, then a connection that stays open until the client lets go.
        const reader = response.body.getReader();
        const lingering = new ReadableStream<Uint8Array>({
          async pull(controller) {
            const { value, done } = await reader.read();
            if (!done) controller.enqueue(value);
          },
        });
        return new Response(lingering, { headers: response.headers });
      };
    const falTransport = transport({ wrap: lingeringStreams });
    const { requestId } = await falTransport.submit({ ...BASE_INPUT, num_inference_steps: 3 }, signal());
    const { final } = await followToEnd(falTransport, requestId);
    expect(final.status).toBe("COMPLETED");
    expect(streamSignal?.aborted).toBe(true);
  });

  it("tells a removed request (200) from a signalled one (202), a finished one (400) and an unknown one (404)", async () => {
    simulator = testSimulator({ stepMs: 20, concurrency: 1 });
    const falTransport = transport();
    const slow = { ...BASE_INPUT, num_inference_steps: 150 };
    const running = await falTransport.submit(slow, signal());
    const queued = await falTransport.submit(slow, signal());
    await waitForState(simulator, running.requestId, "IN_PROGRESS");
    expect(await falTransport.cancel(queued.requestId)).toBe("cancelled");
    expect(await falTransport.cancel(running.requestId)).toBe("requested");
    await waitForState(simulator, running.requestId, "COMPLETED");
    expect(await falTransport.cancel(running.requestId)).toBe("already-completed");
    expect(await falTransport.cancel("0000-unknown")).toBe("not-found");
  });

  it("throws fal's error for any other answer to a cancel", async () => {
    simulator = testSimulator();
    const gatewayDown = (): typeof fetch => async () =>
      new Response("<html>502 Bad Gateway</html>", { status: 502, headers: { "content-type": "text/html" } });
    const error = await transport({ wrap: gatewayDown })
      .cancel("abc")
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError<unknown>).status).toBe(502);
  });

  it("answers a submit the proxy refused for its per-minute limit at once, with the Retry-After, and follows on as before", async () => {
    simulator = testSimulator({ stepMs: 2 });
    let submits = 0;
    const limitOne =
      (fetchImpl: typeof fetch): typeof fetch =>
      async (input, init) => {
        if (init?.method !== "POST") return fetchImpl(input, init);
        submits += 1;
        if (submits === 1) return fetchImpl(input, init);
        return Response.json(
          { detail: "Too many runs started; try again in 41 s." },
          { status: 429, headers: { "retry-after": "41" } },
        );
      };
    const falTransport = transport({ wrap: limitOne });
    const { requestId } = await falTransport.submit({ ...BASE_INPUT, num_inference_steps: 3 }, signal());
    const refused = await falTransport.submit(BASE_INPUT, signal()).catch((caught: unknown) => caught);
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect(refused).toMatchObject({ retryAfterMs: 41_000, message: "Too many runs started; try again in 41 s." });
    expect(submits).toBe(2);
    expect((await followToEnd(falTransport, requestId)).final.status).toBe("COMPLETED");
  });
});

describe("falTransport and fal's request options", () => {
  /** Records the headers of every call the client makes. */
  function recording(seen: { url: string; headers: Headers; body?: string }[]) {
    return (fetchImpl: typeof fetch): typeof fetch =>
      async (input, init) => {
        const request = new Request(input, init);
        seen.push({ url: request.url, headers: request.headers, body: await request.clone().text() });
        return fetchImpl(input, init);
      };
  }

  it("sends the start timeout, priority, Store-IO and result lifetime with the submit, as fal-js writes them", async () => {
    simulator = testSimulator({ stepMs: 1 });
    const seen: { url: string; headers: Headers }[] = [];
    const falTransport = createFalTransport({
      fetch: recording(seen)(simulatorFetch(simulator)),
      requestOptions: () => ({ startTimeoutSeconds: 45, priority: "low", storeIo: false, fileLifetime: "1d" }),
    });
    await falTransport.submit(BASE_INPUT, signal());
    const headers = seen[0]?.headers;
    expect(headers?.get("x-fal-request-timeout")).toBe("45");
    expect(headers?.get("x-fal-queue-priority")).toBe("low");
    expect(headers?.get("x-fal-store-io")).toBe("0");
    expect(headers?.get("x-fal-object-lifecycle-preference")).toBe('{"expiration_duration_seconds":86400}');
  });

  it("sends none of them by default but fal-js's normal priority", async () => {
    simulator = testSimulator({ stepMs: 1 });
    const seen: { url: string; headers: Headers }[] = [];
    const falTransport = createFalTransport({
      fetch: recording(seen)(simulatorFetch(simulator)),
      requestOptions: () => ({ priority: "normal", storeIo: true, fileLifetime: "default" }),
    });
    await falTransport.submit(BASE_INPUT, signal());
    const names = [...(seen[0]?.headers.keys() ?? [])].filter((name) => name.startsWith("x-fal-"));
    expect(names.sort()).toEqual(["x-fal-queue-priority"]);
  });

  it("writes a 64-bit seed into the submitted body as an integer literal", async () => {
    simulator = testSimulator({ stepMs: 1 });
    const seen: { url: string; headers: Headers; body?: string }[] = [];
    const falTransport = createFalTransport({ fetch: recording(seen)(simulatorFetch(simulator)) });
    const { requestId } = await falTransport.submit({ ...BASE_INPUT, seed: 196619188014358660n }, signal());
    expect(seen[0]?.body).toContain('"seed":196619188014358660');
    await waitForState(simulator, requestId, "COMPLETED");
    expect(simulator.queue.submittedBody(requestId)).toMatchObject({ seed: 196619188014358660n });
  });
});

describe("falTransport and fal's errors", () => {
  it("reads an error answer exactly and with fal's headers: a start timeout the user set is known as one", async () => {
    simulator = testSimulator();
    const answering = (async () =>
      new Response(JSON.stringify({ detail: "Request timed out", error_type: "request_timeout" }), {
        status: 504,
        headers: {
          "content-type": "application/json",
          "x-fal-request-timeout-type": "user",
          "x-fal-error-type": "request_timeout",
        },
      })) as typeof fetch;
    const error: unknown = await createFalTransport({ fetch: answering })
      .result("req-1", signal())
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 504, timeoutType: "user", body: { error_type: "request_timeout" } });
    expect(toRunError(error).message).toMatch(/^No runner started within the start timeout set for this run/);
  });
});
