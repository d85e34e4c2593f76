import { afterEach, describe, expect, it } from "vitest";
import { readEnv } from "@/lib/env";
import { runTiming, submittedBody } from "./http-test-hooks";
import type { Simulator } from "./simulator";
import { BASE_INPUT, call, ORIGIN, submit, testSimulator } from "./test-support";

let simulator: Simulator;
afterEach(() => simulator.dispose());

const bodyPath = (id: string) => `/test/requests/${id}/body`;

describe("the submitted-body test hook", () => {
  it("is off unless PLAYGROUND_TEST_HOOKS=1", async () => {
    expect(readEnv({ NODE_ENV: "production" }).PLAYGROUND_TEST_HOOKS).toBe(false);
    expect(readEnv({ NODE_ENV: "production", PLAYGROUND_TEST_HOOKS: "0" }).PLAYGROUND_TEST_HOOKS).toBe(false);
    expect(readEnv({ NODE_ENV: "test", PLAYGROUND_TEST_HOOKS: "1" }).PLAYGROUND_TEST_HOOKS).toBe(true);

    simulator = testSimulator();
    const { request_id } = await submit(simulator, BASE_INPUT);
    const response = await call(simulator, "GET", bodyPath(request_id));
    expect(response.status).toBe(404);
  });

  it("answers the body a run was submitted with when on", async () => {
    simulator = testSimulator();
    const input = { ...BASE_INPUT, loras: [{ path: "a/b", scale: 0.5 }] };
    const { request_id } = await submit(simulator, input);
    const context = {
      request: new Request(ORIGIN),
      url: new URL(ORIGIN),
      params: [request_id],
      simulator,
      origin: ORIGIN,
    };

    const response = submittedBody(context, true);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(input);
    expect(submittedBody({ ...context, params: ["unknown-run"] }, true).status).toBe(404);
  });
});

describe("the run-timing test hook", () => {
  it("is off unless PLAYGROUND_TEST_HOOKS=1", async () => {
    simulator = testSimulator();
    const { request_id } = await submit(simulator, BASE_INPUT);
    expect((await call(simulator, "GET", `/test/requests/${request_id}/timing`)).status).toBe(404);
  });

  it("answers when a run was submitted, started and completed", async () => {
    simulator = testSimulator();
    const before = Date.now();
    const { request_id } = await submit(simulator, BASE_INPUT);
    const context = {
      request: new Request(ORIGIN),
      url: new URL(ORIGIN),
      params: [request_id],
      simulator,
      origin: ORIGIN,
    };
    await expect.poll(() => simulator.queue.find(request_id)?.state, { timeout: 10_000 }).toBe("COMPLETED");

    const timing = (await runTiming(context, true).json()) as {
      submittedAt: number;
      startedAt: number;
      finishedAt: number;
    };
    expect(timing.submittedAt).toBeGreaterThanOrEqual(before);
    expect(timing.startedAt).toBeGreaterThanOrEqual(timing.submittedAt);
    expect(timing.finishedAt).toBeGreaterThanOrEqual(timing.startedAt);
    expect(runTiming({ ...context, params: ["unknown-run"] }, true).status).toBe(404);
  });
});
