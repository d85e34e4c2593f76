import { ApiError, createFalClient, ValidationError, type QueueStatus } from "@fal-ai/client";
import { expect, test } from "@playwright/test";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import sharp from "sharp";
import { makePng } from "./fixtures/images";

const ENDPOINT = "fal-ai/lora/image-to-image";

function client(baseURL: string | undefined) {
  return createFalClient({ proxyUrl: { url: `${baseURL}/api/fal/proxy`, when: "always" } });
}

const baseInput = { model_name: "stabilityai/stable-diffusion-xl-base-1.0", prompt: "a lighthouse at dusk" };

test.describe("the real @fal-ai/client through the proxy into the simulator", () => {
  test("storage.upload stores a PNG that is served back with its type", async ({ baseURL }) => {
    const fal = client(baseURL);
    const png = await makePng();
    const url = await fal.storage.upload(new Blob([new Uint8Array(png)], { type: "image/png" }));
    expect(url.startsWith(`${baseURL}/api/simulator/files/`)).toBe(true);
    const served = await fetch(url);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
  });

  test("subscribe with logs (polling) returns images the size of the init image", async ({ baseURL }) => {
    const fal = client(baseURL);
    const initUrl = await fal.storage.upload(new Blob([new Uint8Array(await makePng(128, 80))], { type: "image/png" }));
    const updates: QueueStatus[] = [];
    const result = await fal.subscribe(ENDPOINT, {
      input: { ...baseInput, image_url: initUrl, num_images: 2, seed: 42 },
      logs: true,
      pollInterval: 100,
      onQueueUpdate: (update) => updates.push(update),
    });
    expect(result.requestId).toMatch(/\S+/);
    expect(result.data.seed).toBe(42);
    expect(result.data.images).toHaveLength(2);
    for (const image of result.data.images) {
      expect(image).toMatchObject({ width: 128, height: 80, content_type: "image/png" });
      const bytes = Buffer.from(await (await fetch(image.url)).arrayBuffer());
      expect(await sharp(bytes).metadata()).toMatchObject({ width: 128, height: 80, format: "png" });
    }
    const messages = updates.flatMap((update) => ("logs" in update ? update.logs.map((log) => log.message) : []));
    expect(messages).toContain("Step 30/30");
    expect(updates.at(-1)?.status).toBe("COMPLETED");
  });

  test("subscribe in streaming mode delivers queue updates with logs and the result", async ({ baseURL }) => {
    const fal = client(baseURL);
    const statuses = new Set<string>();
    let lastLogs: string[] = [];
    const result = await fal.subscribe(ENDPOINT, {
      input: { ...baseInput, num_inference_steps: 12, image_format: "jpeg" },
      logs: true,
      mode: "streaming",
      onQueueUpdate: (update) => {
        statuses.add(update.status);
        if ("logs" in update) lastLogs = update.logs.map((log) => log.message);
      },
    });
    expect(statuses.has("COMPLETED")).toBe(true);
    expect(lastLogs.filter((message) => message.startsWith("Step "))).toHaveLength(12);
    expect(result.data.images[0]?.content_type).toBe("image/jpeg");
  });

  test("queue.submit, status and result", async ({ baseURL }) => {
    const fal = client(baseURL);
    const queued = await fal.queue.submit(ENDPOINT, { input: { ...baseInput, num_inference_steps: 5 } });
    expect(queued.status).toBe("IN_QUEUE");
    expect(queued.queue_position).toBeGreaterThanOrEqual(0);
    const requestId = queued.request_id;
    await expect
      .poll(async () => (await fal.queue.status(ENDPOINT, { requestId, logs: true })).status, { timeout: 15_000 })
      .toBe("COMPLETED");
    const status = await fal.queue.status(ENDPOINT, { requestId, logs: true });
    expect(status.response_url).toContain(`/requests/${requestId}`);
    expect(status.status === "COMPLETED" && status.metrics?.inference_time).toBeGreaterThan(0);
    const result = await fal.queue.result(ENDPOINT, { requestId });
    expect(result.requestId).toBe(requestId);
    expect(result.data.images).toHaveLength(1);
  });

  test("cancel stops a running request and refuses a finished one", async ({ baseURL }) => {
    const fal = client(baseURL);
    const running = await fal.queue.submit(ENDPOINT, { input: { ...baseInput, num_inference_steps: 150 } });
    const requestId = running.request_id;
    await expect
      .poll(async () => (await fal.queue.status(ENDPOINT, { requestId })).status, { timeout: 15_000 })
      .toBe("IN_PROGRESS");
    await fal.queue.cancel(ENDPOINT, { requestId });
    await expect
      .poll(async () => (await fal.queue.status(ENDPOINT, { requestId })).status, { timeout: 15_000 })
      .toBe("COMPLETED");
    await expect(fal.queue.result(ENDPOINT, { requestId })).rejects.toBeInstanceOf(ApiError);

    const finished = await fal.subscribe(ENDPOINT, {
      input: { ...baseInput, num_inference_steps: 2 },
      pollInterval: 100,
    });
    const refusal = await fal.queue
      .cancel(ENDPOINT, { requestId: finished.requestId })
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ApiError);
    expect((refusal as ApiError<unknown>).status).toBe(400);
    expect((refusal as ApiError<unknown>).body).toEqual({ status: "ALREADY_COMPLETED" });
  });

  test("a bad input surfaces as a ValidationError naming the field", async ({ baseURL }) => {
    const fal = client(baseURL);
    const error = await fal.queue
      .submit(ENDPOINT, { input: { ...baseInput, noise_strength: 1.5 } })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    const fieldErrors = (error as ValidationError).getFieldErrors("noise_strength");
    expect(fieldErrors).toHaveLength(1);
    expect(fieldErrors[0]?.msg).toBe("Noise strength must be at most 1.");
  });

  test("an image the simulator cannot decode fails the run with fal's 422 sentence naming its URL", async ({
    baseURL,
  }) => {
    const fal = client(baseURL);
    const notAnImage = await fal.storage.upload(new Blob(["definitely not a png"], { type: "image/png" }));
    const error = await fal
      .subscribe(ENDPOINT, { input: { ...baseInput, image_url: notAnImage }, pollInterval: 100 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).body).toEqual({ detail: `Could not load image from url: ${notAnImage}` });
  });

  test("a webhook receives fal's payload when the run ends", async ({ baseURL }) => {
    const received: unknown[] = [];
    const listener = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () => {
        received.push(JSON.parse(body));
        response.end("ok");
      });
    });
    await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = listener.address() as AddressInfo;
      const fal = client(baseURL);
      const queued = await fal.queue.submit(ENDPOINT, {
        input: { ...baseInput, num_inference_steps: 3, seed: 7 },
        webhookUrl: `http://127.0.0.1:${port}/hook`,
      });
      await expect.poll(() => received.length, { timeout: 15_000 }).toBe(1);
      expect(received[0]).toMatchObject({
        request_id: queued.request_id,
        gateway_request_id: queued.request_id,
        status: "OK",
        payload: { seed: 7, images: [expect.objectContaining({ width: 512, height: 512 })] },
      });
    } finally {
      listener.close();
    }
  });

  test("another fal app is refused before anything goes upstream", async ({ baseURL }) => {
    const fal = client(baseURL);
    const error = await fal.queue
      .submit("fal-ai/flux/dev", { input: { prompt: "a cat" } })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError<unknown>).status).toBe(403);
  });
});
