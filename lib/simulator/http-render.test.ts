import sharp from "sharp";
import { afterEach, describe, expect, it } from "vitest";
import type { LoraOutput } from "@/lib/fal/output-schema";
import { createSimulator, type Simulator } from "./simulator";
import { BASE_INPUT, call, submit, waitForState } from "./test-support";

let simulator: Simulator;
afterEach(() => simulator.dispose());

const local = (url: string) => new URL(url).pathname.replace("/api/simulator", "");

describe("with the real renderer", () => {
  it("renders an uploaded init image at its own size and serves the result", async () => {
    simulator = createSimulator({ stepMs: 0 });
    const png = await sharp({ create: { width: 96, height: 64, channels: 3, background: "#3366cc" } })
      .png()
      .toBuffer();
    const initiate = await call(simulator, "POST", "/rest/storage/upload/initiate?storage_type=fal-cdn-v3", {
      json: { content_type: "image/png", file_name: "init.png" },
    });
    const { upload_url, file_url } = await initiate.json();
    await call(simulator, "PUT", local(upload_url), {
      body: new Uint8Array(png),
      headers: { "content-type": "image/png" },
    });

    const { request_id } = await submit(simulator, {
      ...BASE_INPUT,
      image_url: file_url,
      image_format: "jpeg",
      num_inference_steps: 2,
    });
    const done = await waitForState(simulator, request_id, "COMPLETED");
    expect(done.error).toBeUndefined();
    const output = (await (
      await call(simulator, "GET", `/queue/fal-ai/lora/requests/${request_id}`)
    ).json()) as LoraOutput;
    const [image] = output.images;
    expect(image).toMatchObject({ width: 96, height: 64, content_type: "image/jpeg" });
    const served = Buffer.from(await (await call(simulator, "GET", local(image?.url ?? ""))).arrayBuffer());
    expect(served.byteLength).toBe(image?.file_size);
    expect(await sharp(served).metadata()).toMatchObject({ format: "jpeg", width: 96, height: 64 });
  });
});
