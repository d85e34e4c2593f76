import { handleSimulatorRequest } from "./http";
import type { Renderer } from "./queue";
import { createSimulator, type Simulator, type SimulatorOptions } from "./simulator";
import type { QueueStatus } from "./run-status";

/** Shared by the simulator's tests: a fake renderer and shorthand for requests. */
export const ORIGIN = "http://simulator.test";
export const FAKE_IMAGE = Buffer.from("fake-png-bytes");
export const BASE_INPUT = { model_name: "stabilityai/stable-diffusion-xl-base-1.0", prompt: "a lighthouse" };

/** Loads every init image it is given (so download failures surface) and returns tiny images. */
export const fakeRenderer: Renderer = async (input, _seed, loadImage) => {
  if (input.image_url) await loadImage(input.image_url, ["body", "image_url"]);
  return Array.from({ length: input.num_images }, () => ({
    bytes: FAKE_IMAGE,
    width: 64,
    height: 48,
    contentType: input.image_format === "jpeg" ? ("image/jpeg" as const) : ("image/png" as const),
  }));
};

/** A fetch that answers fal's URLs from the simulator, the way the proxy maps them. */
export function simulatorFetch(simulator: Simulator): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const service = {
      "queue.fal.run": "/api/simulator/queue",
      "rest.fal.ai": "/api/simulator/rest",
      "api.fal.ai": "/api/simulator/api",
    }[url.hostname];
    const target = service ? `${ORIGIN}${service}${url.pathname}${url.search}` : request.url;
    const forwarded = new Request(target, request);
    // As the proxy does: the caller's key is replaced by the hop secret the simulator's queue answers to.
    if (service) forwarded.headers.set("authorization", `Key ${simulator.hopSecret}`);
    return handleSimulatorRequest(forwarded, simulator);
  };
}

export function testSimulator(options: SimulatorOptions = {}): Simulator {
  return createSimulator({
    stepMs: 1,
    concurrency: 2,
    renderer: fakeRenderer,
    webhookRetryDelaysMs: [1, 1],
    ...options,
  });
}

type CallInit = { body?: BodyInit; json?: unknown; headers?: Record<string, string>; signal?: AbortSignal };

/** Calls the simulator as the proxy does: with its hop secret (unless the test sends its own authorization). */
export function call(simulator: Simulator, method: string, path: string, init: CallInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has("authorization")) headers.set("authorization", `Key ${simulator.hopSecret}`);
  let body = init.body;
  if (init.json !== undefined) {
    body = JSON.stringify(init.json);
    headers.set("content-type", "application/json");
  }
  const request = new Request(`${ORIGIN}/api/simulator${path}`, { method, body, headers, signal: init.signal });
  return handleSimulatorRequest(request, simulator);
}

export async function submit(simulator: Simulator, input: unknown, query = ""): Promise<QueueStatus> {
  const response = await call(simulator, "POST", `/queue/fal-ai/lora/image-to-image${query}`, { json: input });
  if (response.status !== 200) throw new Error(`submit answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as QueueStatus;
}

export async function status(
  simulator: Simulator,
  id: string,
  logs = false,
): Promise<{ code: number; body: QueueStatus }> {
  const response = await call(simulator, "GET", `/queue/fal-ai/lora/requests/${id}/status?logs=${logs ? 1 : 0}`);
  return { code: response.status, body: (await response.json()) as QueueStatus };
}

export async function waitForState(
  simulator: Simulator,
  id: string,
  state: QueueStatus["status"],
): Promise<QueueStatus> {
  for (let attempt = 0; attempt < 1_000; attempt++) {
    const current = await status(simulator, id, true);
    if (current.body.status === state) return current.body;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`run ${id} never reached ${state}`);
}
