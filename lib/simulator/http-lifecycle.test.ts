import { afterEach, describe, expect, it, vi } from "vitest";
import type { Simulator } from "./simulator";
import type { QueueStatus } from "./run-status";
import { BASE_INPUT, call, submit, testSimulator, waitForState } from "./test-support";

const SLOW = { ...BASE_INPUT, num_inference_steps: 150 };
let simulator: Simulator;

afterEach(() => simulator.dispose());

const cancel = async (id: string) => {
  const response = await call(simulator, "PUT", `/queue/fal-ai/lora/requests/${id}/cancel`);
  return { code: response.status, body: await response.json() };
};

describe("cancel", () => {
  it("removes a queued run: 200 OK, then it reads as cancelled", async () => {
    simulator = testSimulator({ concurrency: 1 });
    await submit(simulator, SLOW);
    const queued = await submit(simulator, SLOW);
    expect(await cancel(queued.request_id)).toEqual({ code: 200, body: { status: "OK" } });
    const after = await waitForState(simulator, queued.request_id, "COMPLETED");
    expect(after).toMatchObject({
      error: "Request was cancelled",
      error_type: "client_cancelled",
      metrics: { inference_time: null },
    });
    expect(after.logs).toEqual([]);
    const result = await call(simulator, "GET", `/queue/fal-ai/lora/requests/${queued.request_id}`);
    expect(result.status).toBe(499);
    expect(await result.json()).toEqual({ detail: "Request was cancelled", error_type: "client_cancelled" });
  });

  it("stops a running run at its next step: 202 CANCELLATION_REQUESTED", async () => {
    simulator = testSimulator({ stepMs: 20 });
    const { request_id } = await submit(simulator, SLOW);
    await waitForState(simulator, request_id, "IN_PROGRESS");
    expect(await cancel(request_id)).toEqual({ code: 202, body: { status: "CANCELLATION_REQUESTED" } });
    const done = await waitForState(simulator, request_id, "COMPLETED");
    expect(done.error_type).toBe("client_cancelled");
    expect(done.logs?.some((log) => log.message === "Step 150/150")).toBe(false);
    expect((await call(simulator, "GET", `/queue/fal-ai/lora/requests/${request_id}`)).status).toBe(499);
  });

  it("is 400 ALREADY_COMPLETED for a finished run and 404 NOT_FOUND for an unknown one", async () => {
    simulator = testSimulator();
    const { request_id } = await submit(simulator, { ...BASE_INPUT, num_inference_steps: 1 });
    await waitForState(simulator, request_id, "COMPLETED");
    expect(await cancel(request_id)).toEqual({ code: 400, body: { status: "ALREADY_COMPLETED" } });
    expect(await cancel("0000-unknown")).toEqual({ code: 404, body: { status: "NOT_FOUND" } });
  });
});

async function readEvents(response: Response): Promise<QueueStatus[]> {
  const text = await response.text();
  return text
    .split("\n\n")
    .filter((chunk) => chunk.startsWith("data: "))
    .map((chunk) => JSON.parse(chunk.slice("data: ".length)) as QueueStatus);
}

describe("status stream", () => {
  it("sends IN_QUEUE, IN_PROGRESS and COMPLETED, each log line once, then closes", async () => {
    simulator = testSimulator({ concurrency: 1, stepMs: 2 });
    await submit(simulator, { ...BASE_INPUT, num_inference_steps: 3 });
    const { request_id } = await submit(simulator, { ...BASE_INPUT, num_inference_steps: 5 });
    const response = await call(simulator, "GET", `/queue/fal-ai/lora/requests/${request_id}/status/stream?logs=1`, {
      headers: { accept: "application/json" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const events = await readEvents(response);
    const states = events.map((event) => event.status);
    expect(states[0]).toBe("IN_QUEUE");
    expect(events[0]?.queue_position).toBe(0);
    expect(states).toContain("IN_PROGRESS");
    expect(states.at(-1)).toBe("COMPLETED");
    expect(states.filter((state) => state === "COMPLETED")).toHaveLength(1);
    const messages = events.flatMap((event) => event.logs ?? []).map((log) => log.message);
    expect(messages.filter((message) => message.startsWith("Step "))).toEqual(
      [1, 2, 3, 4, 5].map((step) => `Step ${step}/5`),
    );
    expect(events.at(-1)?.metrics?.inference_time).toEqual(expect.any(Number));
  });

  it("leaves logs out unless asked and answers a finished run with one event", async () => {
    simulator = testSimulator();
    const { request_id } = await submit(simulator, { ...BASE_INPUT, num_inference_steps: 2 });
    await waitForState(simulator, request_id, "COMPLETED");
    const events = await readEvents(
      await call(simulator, "GET", `/queue/fal-ai/lora/requests/${request_id}/status/stream`),
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ status: "COMPLETED", request_id });
    expect(events[0]).not.toHaveProperty("logs");
  });

  it("pings while waiting and stops cleanly when the client goes away", async () => {
    simulator = testSimulator({ stepMs: 50, pingMs: 10 });
    const { request_id } = await submit(simulator, SLOW);
    const client = new AbortController();
    const response = await call(simulator, "GET", `/queue/fal-ai/lora/requests/${request_id}/status/stream`, {
      signal: client.signal,
    });
    const reader = response.body?.getReader();
    const decoder = new TextDecoder();
    let seen = "";
    while (!seen.includes(": ping")) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
      seen += decoder.decode(chunk.value);
    }
    expect(seen).toContain('"status":"IN_PROGRESS"');
    expect(seen).toContain(": ping\n\n");
    client.abort();
    await vi.waitFor(async () => expect((await reader?.read())?.done).toBe(true));
    expect(simulator.queue.subscriberCount(request_id)).toBe(0);
  });
});

describe("webhook", () => {
  it("POSTs fal's body when the run ends, retrying a failed delivery", async () => {
    const deliveries: { url: string; body: unknown }[] = [];
    const fakeFetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
      deliveries.push({ url: String(url), body: JSON.parse(String(init?.body)) });
      return new Response(null, { status: deliveries.length === 1 ? 503 : 200 });
    });
    simulator = testSimulator({ fetch: fakeFetch });
    const hook = "https://hooks.test/fal?run=1";
    const { request_id } = await submit(
      simulator,
      { ...BASE_INPUT, seed: 7, num_inference_steps: 1 },
      `?fal_webhook=${encodeURIComponent(hook)}`,
    );
    await vi.waitFor(() => expect(deliveries).toHaveLength(2));
    expect(fakeFetch.mock.calls[0]?.[1]?.method).toBe("POST");
    expect(deliveries[1]).toEqual({
      url: hook,
      body: {
        request_id,
        gateway_request_id: request_id,
        status: "OK",
        payload: expect.objectContaining({ seed: 7, images: [expect.objectContaining({ content_type: "image/png" })] }),
        error: null,
      },
    });
  });

  it("reports a failed run as ERROR with the error body as payload", async () => {
    const bodies: unknown[] = [];
    simulator = testSimulator({
      fetch: async (_url, init) => {
        bodies.push(JSON.parse(String(init?.body)));
        return new Response("ok");
      },
    });
    const input = { ...BASE_INPUT, image_url: "http://127.0.0.1:9/api/simulator/files/gone/x.png" };
    await submit(simulator, input, "?fal_webhook=https://hooks.test/fal");
    await vi.waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toMatchObject({
      status: "ERROR",
      error: "Invalid status code: 422",
      payload: { detail: `Could not load image from url: ${input.image_url}` },
    });
  });

  it("refuses a webhook that is not an http(s) URL", async () => {
    simulator = testSimulator();
    const response = await call(
      simulator,
      "POST",
      "/queue/fal-ai/lora/image-to-image?fal_webhook=javascript:alert(1)",
      {
        json: BASE_INPUT,
      },
    );
    expect(response.status).toBe(422);
    expect((await response.json()).detail[0].loc).toEqual(["query", "fal_webhook"]);
  });
});
