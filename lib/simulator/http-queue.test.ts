import { afterEach, describe, expect, it } from "vitest";
import { parseExactJson } from "@/lib/fal/exact-json";
import type { LoraOutput } from "@/lib/fal/output-schema";
import type { Simulator } from "./simulator";
import { BASE_INPUT, call, FAKE_IMAGE, ORIGIN, status, submit, testSimulator, waitForState } from "./test-support";
import { SimulatorInputError } from "./types";

const QUEUE = "https://queue.fal.run/fal-ai/lora/requests";
const SLOW = { ...BASE_INPUT, num_inference_steps: 150 };
let simulator: Simulator;

afterEach(() => simulator.dispose());

describe("submit", () => {
  it("answers IN_QUEUE with fal's URLs and a queue position", async () => {
    simulator = testSimulator();
    const response = await call(simulator, "POST", "/queue/fal-ai/lora/image-to-image", { json: BASE_INPUT });
    const body = await response.json();
    expect(response.status).toBe(200);
    expect(body).toEqual({
      status: "IN_QUEUE",
      request_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      response_url: `${QUEUE}/${body.request_id}`,
      status_url: `${QUEUE}/${body.request_id}/status`,
      cancel_url: `${QUEUE}/${body.request_id}/cancel`,
      queue_position: 0,
    });
    expect(response.headers.get("x-fal-request-id")).toBe(body.request_id);
  });

  it("counts the runs ahead with one worker", async () => {
    simulator = testSimulator({ concurrency: 1 });
    const [a, b, c] = [await submit(simulator, SLOW), await submit(simulator, SLOW), await submit(simulator, SLOW)];
    expect([a.queue_position, b.queue_position, c.queue_position]).toEqual([0, 0, 1]);
    expect((await status(simulator, a.request_id)).body.status).toBe("IN_PROGRESS");
    expect((await status(simulator, b.request_id)).body).toMatchObject({ status: "IN_QUEUE", queue_position: 0 });
    expect((await status(simulator, c.request_id)).body).toMatchObject({ status: "IN_QUEUE", queue_position: 1 });

    await call(simulator, "PUT", `/queue/fal-ai/lora/requests/${a.request_id}/cancel`);
    await waitForState(simulator, b.request_id, "IN_PROGRESS");
    expect((await status(simulator, c.request_id)).body).toMatchObject({ status: "IN_QUEUE", queue_position: 0 });
  });

  it("answers 422 for a body that is not JSON", async () => {
    simulator = testSimulator();
    const response = await call(simulator, "POST", "/queue/fal-ai/lora/image-to-image", { body: "{prompt:" });
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.detail).toEqual([
      { loc: ["body"], msg: expect.stringContaining("JSON decode error"), type: "json_invalid" },
    ]);
  });

  it("queues any JSON body, as fal does: the app refuses it when the run starts, ignoring unknown fields", async () => {
    simulator = testSimulator();
    const response = await call(simulator, "POST", "/queue/fal-ai/lora/image-to-image", {
      json: { model_name: "m", bogus_field: 1 },
    });
    expect(response.status).toBe(200);
    const { request_id } = (await response.json()) as { request_id: string };
    const done = await waitForState(simulator, request_id, "COMPLETED");
    expect(done).toMatchObject({ error_type: "validation_error", error: "Prompt is required." });
    const result = await call(simulator, "GET", `/queue/fal-ai/lora/requests/${request_id}`);
    expect(result.status).toBe(422);
    expect((await result.json()).detail).toEqual([
      { loc: ["body", "prompt"], msg: "Prompt is required.", type: "missing" },
    ]);
  });

  it.each([
    [
      { controlnets: [{ path: "c", image_url: "https://x.test/c.png", start_percentage: 0.5, end_percentage: 0.5 }] },
      {
        loc: ["body", "controlnet", 0, "start_percentage"],
        msg: "ControlNet start must be below its end.",
        type: "value_error",
      },
    ],
    [
      { image_encoder_subfolder: "sub" },
      {
        loc: ["body", "image_encoder_subfolder"],
        msg: "An image encoder subfolder needs an image encoder path.",
        type: "value_error",
      },
    ],
  ])(
    "refuses the app's cross-field rules at run time (the ControlNet one under `controlnet`, as the app does): %j",
    async (fields, refusal) => {
      simulator = testSimulator();
      const { request_id } = await submit(simulator, { ...BASE_INPUT, ...fields });
      await waitForState(simulator, request_id, "COMPLETED");
      expect(await (await call(simulator, "GET", `/queue/fal-ai/lora/requests/${request_id}`)).json()).toEqual({
        detail: [refusal],
      });
    },
  );

  it("keeps the submitted body exactly as sent", async () => {
    simulator = testSimulator();
    const input = { ...BASE_INPUT, loras: [{ path: "https://example.com/a.safetensors" }] };
    const { request_id } = await submit(simulator, input);
    expect(simulator.queue.submittedBody(request_id)).toEqual(input);
  });
});

describe("status", () => {
  it("is 202 with logs only on request while running, 200 with metrics when done", async () => {
    simulator = testSimulator();
    const { request_id } = await submit(simulator, { ...BASE_INPUT, num_inference_steps: 40 });
    await waitForState(simulator, request_id, "IN_PROGRESS");
    const withoutLogs = await status(simulator, request_id);
    expect(withoutLogs.code).toBe(202);
    expect(withoutLogs.body).not.toHaveProperty("logs");
    expect(withoutLogs.body.response_url).toBe(`${QUEUE}/${request_id}`);
    const withLogs = await status(simulator, request_id, true);
    expect(withLogs.code).toBe(202);
    expect(withLogs.body.logs?.[0]).toEqual({
      message: `Loading model ${BASE_INPUT.model_name}`,
      level: "INFO",
      source: "USER",
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
    });

    await waitForState(simulator, request_id, "COMPLETED");
    const done = await status(simulator, request_id, true);
    expect(done.code).toBe(200);
    expect(done.body.response_url).toBe(`${QUEUE}/${request_id}`);
    expect(done.body.metrics?.inference_time).toBeGreaterThan(0);
    const steps = done.body.logs?.filter((log) => log.message.startsWith("Step ")).map((log) => log.message);
    expect(steps).toHaveLength(40);
    expect(steps?.at(-1)).toBe("Step 40/40");
    expect(done.body).not.toHaveProperty("error");
    expect((await status(simulator, request_id)).body).not.toHaveProperty("logs");
  });

  it("counts steps from a custom timestep schedule", async () => {
    simulator = testSimulator();
    const { request_id } = await submit(simulator, {
      ...BASE_INPUT,
      timesteps: { method: "array", array: [999, 500, 1] },
    });
    const done = await waitForState(simulator, request_id, "COMPLETED");
    expect(done.logs?.filter((log) => log.message.startsWith("Step ")).at(-1)?.message).toBe("Step 3/3");
  });

  it("is 404 for an unknown request everywhere", async () => {
    simulator = testSimulator();
    for (const path of ["/status", "/status/stream", ""]) {
      const response = await call(simulator, "GET", `/queue/fal-ai/lora/requests/nope${path}`);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ detail: "Request not found" });
    }
  });
});

describe("result", () => {
  it("answers the output with x-fal-request-id and its billable units, images served from the store", async () => {
    simulator = testSimulator();
    const input = { ...BASE_INPUT, num_images: 2, seed: 42, enable_safety_checker: true, num_inference_steps: 2 };
    const { request_id } = await submit(simulator, input);
    const done = await waitForState(simulator, request_id, "COMPLETED");
    const response = await call(simulator, "GET", `/queue/fal-ai/lora/requests/${request_id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-fal-request-id")).toBe(request_id);
    // Billed per compute second: the run's inference time, as its status reported it.
    expect(response.headers.get("x-fal-billable-units")).toBe(String(done.metrics?.inference_time));
    const output = (await response.json()) as LoraOutput;
    expect(output).toMatchObject({
      seed: 42,
      has_nsfw_concepts: [false, false],
      debug_latents: null,
      debug_per_pass_latents: null,
    });
    expect(output.images).toHaveLength(2);
    const [image] = output.images;
    expect(image).toEqual({
      url: expect.stringMatching(new RegExp(`^${ORIGIN}/api/simulator/files/[\\w-]+/${request_id}_0\\.png$`)),
      content_type: "image/png",
      file_name: `${request_id}_0.png`,
      file_size: FAKE_IMAGE.byteLength,
      width: 64,
      height: 48,
    });
    const file = await call(simulator, "GET", new URL(image?.url ?? "").pathname.replace("/api/simulator", ""));
    expect(Buffer.from(await file.arrayBuffer())).toEqual(FAKE_IMAGE);
  });

  it.each([
    ["no seed", {}],
    ["seed 0", { seed: 0 }],
  ])("picks a fresh 64-bit seed for %s and writes it as an exact integer", async (_case, seed) => {
    simulator = testSimulator();
    const { request_id } = await submit(simulator, { ...BASE_INPUT, num_inference_steps: 1, ...seed });
    await waitForState(simulator, request_id, "COMPLETED");
    const text = await (await call(simulator, "GET", `/queue/fal-ai/lora/requests/${request_id}`)).text();
    const literal = /"seed":(\d+)/.exec(text)?.[1] ?? "";
    expect(BigInt(literal) < 2n ** 64n).toBe(true);
    expect(parseExactJson(text)).toMatchObject({ seed: BigInt(literal) });
  });

  it("is 400 while the run is still in progress", async () => {
    simulator = testSimulator();
    const { request_id } = await submit(simulator, SLOW);
    const response = await call(simulator, "GET", `/queue/fal-ai/lora/requests/${request_id}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ detail: "Request is still in progress" });
  });

  it("answers an image it cannot load as fal's app does: a 422 sentence naming the URL, the reason in the log", async () => {
    simulator = testSimulator();
    const missing = "https://elsewhere.test/api/simulator/files/doesNotExist/x.png";
    const { request_id } = await submit(simulator, { ...BASE_INPUT, image_url: missing });
    const done = await waitForState(simulator, request_id, "COMPLETED");
    expect(done).toMatchObject({ error: `Could not load image from url: ${missing}`, error_type: "validation_error" });
    expect(done.logs?.at(-1)).toMatchObject({
      level: "ERROR",
      message: expect.stringMatching(/^Init image could not be downloaded: /),
    });
    const response = await call(simulator, "GET", `/queue/fal-ai/lora/requests/${request_id}`);
    expect(response.status).toBe(422);
    expect(response.headers.get("x-fal-request-id")).toBe(request_id);
    expect(response.headers.has("x-fal-billable-units")).toBe(false);
    expect(await response.json()).toEqual({ detail: `Could not load image from url: ${missing}` });
  });

  it("answers 500 without internals when rendering fails unexpectedly", async () => {
    simulator = testSimulator({ renderer: () => Promise.reject(new Error("secret stack detail")) });
    const { request_id } = await submit(simulator, BASE_INPUT);
    const done = await waitForState(simulator, request_id, "COMPLETED");
    expect(done.error_type).toBe("runner_server_error");
    const response = await call(simulator, "GET", `/queue/fal-ai/lora/requests/${request_id}`);
    expect(response.status).toBe(500);
    expect(response.headers.get("x-fal-error-type")).toBe("runner_server_error");
    expect(response.headers.has("x-fal-billable-units")).toBe(false);
    expect(await response.text()).not.toContain("secret");
  });

  it("passes a renderer's SimulatorInputError through with its type", async () => {
    const error = new SimulatorInputError(
      ["body", "controlnets", 0, "image_url"],
      "Control image could not be decoded",
      "image_decode_error",
    );
    simulator = testSimulator({ renderer: () => Promise.reject(error) });
    const { request_id } = await submit(simulator, BASE_INPUT);
    await waitForState(simulator, request_id, "COMPLETED");
    const body = await (await call(simulator, "GET", `/queue/fal-ai/lora/requests/${request_id}`)).json();
    expect(body).toEqual({
      detail: [{ loc: ["body", "controlnets", 0, "image_url"], msg: error.message, type: "image_decode_error" }],
    });
  });
});
