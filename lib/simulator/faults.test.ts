import { afterEach, describe, expect, it } from "vitest";
import { FAULTS_HEADER } from "./fault-header";
import { FaultInjector, parseFaults, routeKind } from "./faults";
import { FAILED_MESSAGE, STUCK_MESSAGE } from "./run-fault";
import type { Simulator } from "./simulator";
import { BASE_INPUT, call, status, submit, testSimulator, waitForState } from "./test-support";

let simulator: Simulator | undefined;
afterEach(() => simulator?.dispose());

const SUBMIT = "/queue/fal-ai/lora/image-to-image";
const withFaults = (spec: string) => ({ headers: { [FAULTS_HEADER]: spec } });

describe("parseFaults", () => {
  it("reads rates, counts, latency and routes", () => {
    expect(parseFaults("latency=200, error=10%, drop=2, stuck=1, fail=50%, on=submit+result")).toEqual({
      latencyMs: 200,
      error: { rate: 0.1 },
      drop: { first: 2 },
      stuck: { first: 1 },
      fail: { rate: 0.5 },
      on: new Set(["submit", "result"]),
    });
  });

  it.each(["error=150%", "explode=1", "on=nowhere", "latency=soon", "error"])("refuses %s", (spec) => {
    expect(parseFaults(spec)).toBeUndefined();
  });

  it("names the route a path belongs to", () => {
    expect(routeKind(`/api/simulator${SUBMIT}`)).toBe("submit");
    expect(routeKind("/api/simulator/queue/fal-ai/lora/requests/abc/status")).toBe("status");
    expect(routeKind("/api/simulator/queue/fal-ai/lora/requests/abc/status/stream")).toBe("stream");
    expect(routeKind("/api/simulator/queue/fal-ai/lora/requests/abc")).toBe("result");
    expect(routeKind("/api/simulator/queue/fal-ai/lora/requests/abc/cancel")).toBe("cancel");
    expect(routeKind("/api/simulator/rest/storage/upload/initiate")).toBe("storage");
    expect(routeKind("/api/simulator/files/abc/x.png")).toBe("files");
  });
});

describe("faults in the simulator", () => {
  it("are off by default: the header is ignored unless test hooks allow it", async () => {
    simulator = testSimulator();
    const response = await call(simulator, "POST", SUBMIT, { json: BASE_INPUT, ...withFaults("error=100%") });
    expect(response.status).toBe(200);
  });

  it("answer 503 for the first N matching requests, then recover", async () => {
    simulator = testSimulator({ faults: new FaultInjector({ allowHeader: true }) });
    const spec = withFaults("error=2,on=submit");
    const codes = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      codes.push((await call(simulator, "POST", SUBMIT, { json: BASE_INPUT, ...spec })).status);
    }
    expect(codes).toEqual([503, 503, 200]);
  });

  it("apply an env plan by rate, with latency", async () => {
    const draws = [0.05, 0.9];
    const faults = new FaultInjector({ plan: parseFaults("latency=30,error=10%"), allowHeader: false, random: () => draws.shift() ?? 1 });
    simulator = testSimulator({ faults });
    const started = performance.now();
    expect((await call(simulator, "POST", SUBMIT, { json: BASE_INPUT })).status).toBe(503);
    expect((await call(simulator, "POST", SUBMIT, { json: BASE_INPUT })).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });

  it("drop the connection mid-answer", async () => {
    simulator = testSimulator({ faults: new FaultInjector({ allowHeader: true }) });
    const response = await call(simulator, "POST", SUBMIT, { json: BASE_INPUT, ...withFaults("drop=1") });
    await expect(response.text()).rejects.toThrow(/dropped/);
  });

  it("leave a stuck run in progress until it is cancelled", async () => {
    simulator = testSimulator({ faults: new FaultInjector({ allowHeader: true }) });
    const { request_id: id } = await submit(simulator, { ...BASE_INPUT, num_inference_steps: 2 }, "");
    const stuck = await call(simulator, "POST", SUBMIT, { json: { ...BASE_INPUT, num_inference_steps: 2 }, ...withFaults("stuck=1") });
    const stuckId = ((await stuck.json()) as { request_id: string }).request_id;
    await waitForState(simulator, id, "COMPLETED");
    await new Promise((resolve) => setTimeout(resolve, 50));
    const current = await status(simulator, stuckId, true);
    expect(current.body.status).toBe("IN_PROGRESS");
    expect(JSON.stringify(current.body)).toContain(STUCK_MESSAGE);
    await call(simulator, "PUT", `/queue/fal-ai/lora/requests/${stuckId}/cancel`);
    await waitForState(simulator, stuckId, "COMPLETED");
  });

  it("fail a run as a crashed runner: 500 runner_server_error", async () => {
    simulator = testSimulator({ faults: new FaultInjector({ allowHeader: true }) });
    const failed = await call(simulator, "POST", SUBMIT, { json: BASE_INPUT, ...withFaults("fail=1") });
    const id = ((await failed.json()) as { request_id: string }).request_id;
    const done = await waitForState(simulator, id, "COMPLETED");
    expect(JSON.stringify(done)).toContain(FAILED_MESSAGE);
    const result = await call(simulator, "GET", `/queue/fal-ai/lora/requests/${id}`);
    expect(result.status).toBe(500);
    expect(result.headers.get("x-fal-error-type")).toBe("runner_server_error");
  });
});
