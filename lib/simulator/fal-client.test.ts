import { createFalClient, type QueueStatus, ValidationError } from "@fal-ai/client";
import { afterEach, describe, expect, it } from "vitest";
import { handleSimulatorRequest } from "./http";
import type { Simulator } from "./simulator";
import { BASE_INPUT, FAKE_IMAGE, ORIGIN, testSimulator } from "./test-support";

let simulator: Simulator;
afterEach(() => simulator.dispose());

/** The real client, its fal URLs mapped onto the simulator the way the proxy maps them. */
function falClient() {
  const route = (input: string | URL | Request, init?: RequestInit) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const service = { "queue.fal.run": "/api/simulator/queue", "rest.fal.ai": "/api/simulator/rest" }[url.hostname];
    const target = service ? `${ORIGIN}${service}${url.pathname}${url.search}` : request.url;
    return handleSimulatorRequest(new Request(target, request), simulator);
  };
  // The proxy's hop secret is the key: the simulator's queue answers nothing else.
  return createFalClient({ credentials: simulator.hopSecret, fetch: route as typeof fetch });
}

describe("the published @fal-ai/client against the simulator", () => {
  it("uploads, then subscribes in streaming mode with each log line once", async () => {
    simulator = testSimulator({ stepMs: 2 });
    const fal = falClient();
    const url = await fal.storage.upload(new Blob([new Uint8Array(FAKE_IMAGE)], { type: "image/png" }));
    expect(url.startsWith(`${ORIGIN}/api/simulator/files/`)).toBe(true);

    const updates: QueueStatus[] = [];
    const result = await fal.subscribe("fal-ai/lora/image-to-image", {
      input: { ...BASE_INPUT, image_url: url, num_inference_steps: 6, seed: 3 },
      logs: true,
      mode: "streaming",
      onQueueUpdate: (update) => updates.push(update),
    });
    expect(result.data).toMatchObject({ seed: 3, has_nsfw_concepts: [false] });
    expect(result.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const last = updates.at(-1);
    expect(last?.status).toBe("COMPLETED");
    const steps = last && "logs" in last ? last.logs.filter((log) => log.message.startsWith("Step ")) : [];
    expect(steps.map((log) => log.message)).toEqual([1, 2, 3, 4, 5, 6].map((step) => `Step ${step}/6`));
  });

  it("subscribes by polling and surfaces a failed run as a ValidationError", async () => {
    simulator = testSimulator();
    const fal = falClient();
    const missing = `${ORIGIN}/api/simulator/files/expired/x.png`;
    const failure = fal.subscribe("fal-ai/lora/image-to-image", {
      input: { ...BASE_INPUT, image_url: missing, num_inference_steps: 2 },
      pollInterval: 5,
    });
    await expect(failure).rejects.toBeInstanceOf(ValidationError);
    const error = (await failure.catch((caught: unknown) => caught)) as ValidationError;
    expect(error.getFieldErrors("image_url")[0]?.msg).toMatch(/could not be downloaded/);
  });
});
