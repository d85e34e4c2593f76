import { afterEach, describe, expect, it } from "vitest";
import { MODEL_ERROR_TYPES, REQUEST_ERROR_TYPES } from "@/lib/fal/fal-errors";
import { FaultInjector, parseFaults } from "./faults";
import type { Simulator } from "./simulator";
import { BASE_INPUT, call, submit, testSimulator, waitForState } from "./test-support";

let simulator: Simulator | undefined;
afterEach(() => simulator?.dispose());

/** A 1×1 PNG the simulator can load, so runs reach their fault. */
const INIT =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==";

const faulty = (spec: string) =>
  testSimulator({ faults: new FaultInjector({ plan: parseFaults(spec), allowHeader: false }) });

async function failedRun(spec: string, input: Record<string, unknown> = BASE_INPUT) {
  simulator = faulty(spec);
  const { request_id } = await submit(simulator, input);
  const done = await waitForState(simulator, request_id, "COMPLETED");
  const result = await call(simulator, "GET", `/queue/fal-ai/lora/requests/${request_id}`);
  return { done, result, body: (await result.json()) as { detail: unknown; error_type?: string } };
}

describe("fal's two error shapes, played by the fail fault with type=", () => {
  it("reads type= only for fal's documented types", () => {
    expect(parseFaults("fail=1,type=startup_timeout")).toMatchObject({ errorType: "startup_timeout" });
    expect(parseFaults("fail=1,type=content_policy_violation")).toMatchObject({
      errorType: "content_policy_violation",
    });
    expect(parseFaults("fail=1,type=not_a_type")).toBeUndefined();
  });

  it.each(Object.entries(REQUEST_ERROR_TYPES))(
    "ends a run in the request error %s: {detail, error_type}, X-Fal-Error-Type, its status, on the status too",
    async (type, { status }) => {
      const { done, result, body } = await failedRun(`fail=1,type=${type}`);
      expect(result.status).toBe(status);
      expect(result.headers.get("x-fal-error-type")).toBe(type);
      expect(body).toEqual({ detail: expect.any(String), error_type: type });
      expect(done).toMatchObject({ error: body.detail, error_type: type });
    },
  );

  it.each(Object.entries(MODEL_ERROR_TYPES))(
    "ends a run in the model error %s: {detail: [{loc, msg, type, url, ctx, input}]}, X-Fal-Retryable, its status",
    async (type, { status }) => {
      const input = { ...BASE_INPUT, image_url: INIT };
      const { done, result, body } = await failedRun(`fail=1,type=${type}`, input);
      expect(result.status).toBe(status);
      expect(result.headers.get("x-fal-retryable")).toMatch(/^(true|false)$/);
      expect(body.detail).toEqual([
        expect.objectContaining({
          loc: expect.any(Array),
          msg: expect.any(String),
          type,
          url: expect.stringContaining(type),
        }),
      ]);
      expect(done).toMatchObject({ error_type: type });
    },
  );

  it("points image errors at the image the input holds, with its address", async () => {
    const input = { ...BASE_INPUT, image_url: INIT };
    const { body } = await failedRun("fail=1,type=file_download_error", input);
    expect(body.detail).toEqual([expect.objectContaining({ loc: ["body", "image_url"], input: INIT })]);
    const flagged = await failedRun("fail=1,type=content_policy_violation");
    expect(flagged.result.headers.get("x-fal-retryable")).toBe("false");
    expect(flagged.body.detail).toEqual([expect.objectContaining({ loc: ["body", "prompt"] })]);
  });

  it("answers a refused input as a model error that is not retryable, and a crash as runner_server_error", async () => {
    simulator = testSimulator();
    const { request_id } = await submit(simulator, { model_name: "m" });
    await waitForState(simulator, request_id, "COMPLETED");
    const refused = await call(simulator, "GET", `/queue/fal-ai/lora/requests/${request_id}`);
    expect(refused.status).toBe(422);
    expect(refused.headers.get("x-fal-retryable")).toBe("false");
    simulator.dispose();
    const crash = await failedRun("fail=1");
    expect(crash.result.status).toBe(500);
    expect(crash.result.headers.get("x-fal-error-type")).toBe("runner_server_error");
  });

  it("answers a route in the type's shape with the error fault", async () => {
    simulator = faulty("error=1,type=runner_scheduling_failure,on=submit");
    const response = await call(simulator, "POST", "/queue/fal-ai/lora/image-to-image", { json: BASE_INPUT });
    expect(response.status).toBe(503);
    expect(response.headers.get("x-fal-error-type")).toBe("runner_scheduling_failure");
    expect(await response.json()).toEqual({ detail: expect.any(String), error_type: "runner_scheduling_failure" });
  });
});
