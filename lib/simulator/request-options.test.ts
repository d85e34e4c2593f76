import { afterEach, describe, expect, it, vi } from "vitest";
import type { LoraOutput } from "@/lib/fal/output-schema";
import type { Simulator } from "./simulator";
import { BASE_INPUT, call, ORIGIN, status, testSimulator, waitForState } from "./test-support";

let simulator: Simulator | undefined;
afterEach(() => {
  simulator?.dispose();
  vi.useRealTimers();
});

const SLOW = { ...BASE_INPUT, num_inference_steps: 150 };
const lifetime = (seconds: number) => JSON.stringify({ expiration_duration_seconds: seconds });

async function submitWith(headers: Record<string, string>, input: unknown = BASE_INPUT): Promise<string> {
  const response = await call(simulator as Simulator, "POST", "/queue/fal-ai/lora/image-to-image", {
    json: input,
    headers,
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { request_id: string }).request_id;
}

const result = (id: string) => call(simulator as Simulator, "GET", `/queue/fal-ai/lora/requests/${id}`);
const fileAt = (url: string) => call(simulator as Simulator, "GET", url.replace(`${ORIGIN}/api/simulator`, ""));

describe("the simulator honours fal's request options", () => {
  it("ends a run no runner started within its start timeout in fal's 504, marked as the user's timeout", async () => {
    simulator = testSimulator({ concurrency: 1, stepMs: 20 });
    const busy = await submitWith({}, SLOW);
    const waiting = await submitWith({ "x-fal-request-timeout": "1.2" });
    const done = await waitForState(simulator, waiting, "COMPLETED");
    expect(done).toMatchObject({ error_type: "request_timeout" });
    const answer = await result(waiting);
    expect(answer.status).toBe(504);
    expect(answer.headers.get("x-fal-request-timeout-type")).toBe("user");
    expect(answer.headers.get("x-fal-error-type")).toBe("request_timeout");
    expect((await status(simulator, busy)).body.status).toBe("IN_PROGRESS");
  });

  it("lets a run that started in time finish, whatever its start timeout", async () => {
    simulator = testSimulator();
    const id = await submitWith({ "x-fal-request-timeout": "1.5" });
    await waitForState(simulator, id, "COMPLETED");
    expect((await result(id)).status).toBe(200);
  });

  it("queues low priority behind every normal run", async () => {
    simulator = testSimulator({ concurrency: 1, stepMs: 20 });
    const busy = await submitWith({}, SLOW);
    const low = await submitWith({ "x-fal-queue-priority": "low" });
    const normal = await submitWith({ "x-fal-queue-priority": "normal" });
    expect((await status(simulator, normal)).body).toMatchObject({ status: "IN_QUEUE", queue_position: 0 });
    expect((await status(simulator, low)).body).toMatchObject({ status: "IN_QUEUE", queue_position: 1 });
    await call(simulator, "PUT", `/queue/fal-ai/lora/requests/${busy}/cancel`);
    await waitForState(simulator, normal, "IN_PROGRESS");
    expect((await status(simulator, low)).body).toMatchObject({ status: "IN_QUEUE", queue_position: 0 });
  });

  it("keeps no stored input of a run sent with X-Fal-Store-IO: 0 once its result was read", async () => {
    simulator = testSimulator();
    const private_ = await submitWith({ "x-fal-store-io": "0" });
    const kept = await submitWith({});
    await waitForState(simulator, private_, "COMPLETED");
    await waitForState(simulator, kept, "COMPLETED");
    expect(simulator.queue.submittedBody(private_)).toEqual(BASE_INPUT);
    expect((await result(private_)).status).toBe(200);
    expect((await result(kept)).status).toBe(200);
    expect(simulator.queue.submittedBody(private_)).toBeUndefined();
    expect(simulator.queue.submittedBody(kept)).toEqual(BASE_INPUT);
  });

  it("lets result files and uploads expire when the run or the upload asked", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    simulator = testSimulator();
    const short = await submitWith({ "x-fal-object-lifecycle-preference": lifetime(60) });
    const plain = await submitWith({});
    await waitForState(simulator, short, "COMPLETED");
    await waitForState(simulator, plain, "COMPLETED");
    const urlOf = async (id: string) => ((await (await result(id)).json()) as LoraOutput).images[0]?.url ?? "";
    const [shortUrl, plainUrl] = [await urlOf(short), await urlOf(plain)];

    const initiate = await call(simulator, "POST", "/rest/storage/upload/initiate?storage_type=fal-cdn-v3", {
      json: { content_type: "image/png", file_name: "a.png" },
      headers: { "x-fal-object-lifecycle": lifetime(60) },
    });
    const { upload_url: uploadUrl, file_url: uploadedUrl } = (await initiate.json()) as {
      upload_url: string;
      file_url: string;
    };
    await call(simulator, "PUT", uploadUrl.replace(`${ORIGIN}/api/simulator`, ""), { body: "png-bytes" });

    expect((await fileAt(shortUrl)).status).toBe(200);
    expect((await fileAt(uploadedUrl)).status).toBe(200);
    vi.setSystemTime(Date.now() + 61_000);
    expect((await fileAt(shortUrl)).status).toBe(404);
    expect((await fileAt(uploadedUrl)).status).toBe(404);
    expect((await fileAt(plainUrl)).status).toBe(200);
  });

  it("answers a request option it cannot read with fal's 400 bad_request, naming it", async () => {
    simulator = testSimulator();
    const response = await call(simulator, "POST", "/queue/fal-ai/lora/image-to-image", {
      json: BASE_INPUT,
      headers: { "x-fal-request-timeout": "0.5" },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("x-fal-error-type")).toBe("bad_request");
    expect(await response.json()).toEqual({
      detail: "X-Fal-Request-Timeout must be a number of seconds above 1 and at most 86400.",
      error_type: "bad_request",
    });
  });
});
