import { afterEach, describe, expect, it } from "vitest";
import { FAULTS_HEADER } from "./fault-header";
import { FaultInjector, parseFaults, routeKind } from "./faults";
import { CANCEL_IGNORED_MESSAGE, FAILED_MESSAGE, REQUEUED_MESSAGE, STUCK_MESSAGE } from "./run-fault";
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
      code: 503,
      error: { rate: 0.1 },
      drop: { first: 2 },
      stuck: { first: 1 },
      fail: { rate: 0.5 },
      on: new Set(["submit", "result"]),
    });
  });

  it("reads the error code and the run faults that mimic fal's runner", () => {
    expect(parseFaults("error=2,code=502,requeue=1,ignorecancel=100%")).toEqual({
      latencyMs: 0,
      code: 502,
      error: { first: 2 },
      requeue: { first: 1 },
      ignorecancel: { rate: 1 },
    });
  });

  it.each(["error=150%", "explode=1", "on=nowhere", "latency=soon", "error", "code=418", "requeue=often"])(
    "refuses %s",
    (spec) => {
      expect(parseFaults(spec)).toBeUndefined();
    },
  );

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
    const faults = new FaultInjector({
      plan: parseFaults("latency=30,error=10%"),
      allowHeader: false,
      random: () => draws.shift() ?? 1,
    });
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
    const stuck = await call(simulator, "POST", SUBMIT, {
      json: { ...BASE_INPUT, num_inference_steps: 2 },
      ...withFaults("stuck=1"),
    });
    const stuckId = ((await stuck.json()) as { request_id: string }).request_id;
    await waitForState(simulator, id, "COMPLETED");
    await new Promise((resolve) => setTimeout(resolve, 50));
    const current = await status(simulator, stuckId, true);
    expect(current.body.status).toBe("IN_PROGRESS");
    expect(JSON.stringify(current.body)).toContain(STUCK_MESSAGE);
    await call(simulator, "PUT", `/queue/fal-ai/lora/requests/${stuckId}/cancel`);
    await waitForState(simulator, stuckId, "COMPLETED");
  });

  it("end a stuck run cancelled before it got stuck, and give its slot to the next run", async () => {
    simulator = testSimulator({ concurrency: 1, stepMs: 20, faults: new FaultInjector({ allowHeader: true }) });
    const stuck = await call(simulator, "POST", SUBMIT, {
      json: { ...BASE_INPUT, num_inference_steps: 50 },
      ...withFaults("stuck=1"),
    });
    const stuckId = ((await stuck.json()) as { request_id: string }).request_id;
    await waitForState(simulator, stuckId, "IN_PROGRESS");
    // Cancelled while still sampling: the abort comes before the run reaches its stuck phase.
    await call(simulator, "PUT", `/queue/fal-ai/lora/requests/${stuckId}/cancel`);
    const ended = await waitForState(simulator, stuckId, "COMPLETED");
    expect(ended.error_type).toBe("client_cancelled");
    expect(JSON.stringify(ended)).not.toContain(STUCK_MESSAGE);
    const { request_id: next } = await submit(simulator, { ...BASE_INPUT, num_inference_steps: 2 });
    await waitForState(simulator, next, "COMPLETED");
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

  it.each([
    [429, "application/json", /too many requests/],
    [500, "application/json", /internal server error/],
    [502, "text/html", /<h1>502 Bad Gateway<\/h1>/],
    [504, "text/html", /<h1>504 Gateway Time-out<\/h1>/],
  ])("answer status with %d as the thing in the way would (%s)", async (code, contentType, body) => {
    simulator = testSimulator({ faults: new FaultInjector({ allowHeader: true }) });
    const { request_id: id } = await submit(simulator, { ...BASE_INPUT, num_inference_steps: 2 });
    const spec = withFaults(`error=1,code=${code},on=status`);
    const faulty = await call(simulator, "GET", `/queue/fal-ai/lora/requests/${id}/status`, spec);
    expect(faulty.status).toBe(code);
    expect(faulty.headers.get("content-type")).toContain(contentType);
    expect(await faulty.text()).toMatch(body);
    expect((await call(simulator, "GET", `/queue/fal-ai/lora/requests/${id}/status`, spec)).status).toBeLessThan(300);
  });

  it("drop a status stream after its first bytes", async () => {
    simulator = testSimulator({ faults: new FaultInjector({ allowHeader: true }) });
    const { request_id: id } = await submit(simulator, BASE_INPUT);
    const response = await call(
      simulator,
      "GET",
      `/queue/fal-ai/lora/requests/${id}/status/stream`,
      withFaults("drop=1,on=stream"),
    );
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    const reader = response.body?.getReader();
    expect(new TextDecoder().decode((await reader?.read())?.value)).toBe(": ping\n\n");
    await expect(reader?.read()).rejects.toThrow(/dropped/);
  });

  it("put a running run back in the queue once, as fal's runner retries do, and then finish it", async () => {
    simulator = testSimulator({ faults: new FaultInjector({ allowHeader: true }), stepMs: 2 });
    const submitted = await call(simulator, "POST", SUBMIT, {
      json: { ...BASE_INPUT, num_inference_steps: 4 },
      ...withFaults("requeue=1"),
    });
    const id = ((await submitted.json()) as { request_id: string }).request_id;
    const states: string[] = [];
    const unsubscribe = simulator.queue.subscribe(id, (run) => {
      if (states.at(-1) !== run.state) states.push(run.state);
    });
    const done = await waitForState(simulator, id, "COMPLETED");
    unsubscribe();
    expect(states).toEqual(["IN_PROGRESS", "IN_QUEUE", "IN_PROGRESS", "COMPLETED"]);
    expect(done.error).toBeUndefined();
    const steps = done.logs?.filter((log) => log.message.startsWith("Step ")).map((log) => log.message);
    expect(steps).toEqual(["Step 1/4", "Step 2/4", "Step 1/4", "Step 2/4", "Step 3/4", "Step 4/4"]);
    expect(JSON.stringify(done.logs)).toContain(REQUEUED_MESSAGE);
  });

  it("report a run back in the queue at its head, and remove it there on cancel with 200", async () => {
    simulator = testSimulator({ faults: new FaultInjector({ allowHeader: true }), stepMs: 20 });
    const submitted = await call(simulator, "POST", SUBMIT, {
      json: { ...BASE_INPUT, num_inference_steps: 2 },
      ...withFaults("requeue=1"),
    });
    const id = ((await submitted.json()) as { request_id: string }).request_id;
    await waitForState(simulator, id, "IN_PROGRESS");
    const queued = await waitForState(simulator, id, "IN_QUEUE");
    expect(queued.queue_position).toBe(0);
    const cancel = await call(simulator, "PUT", `/queue/fal-ai/lora/requests/${id}/cancel`);
    expect(cancel.status).toBe(200);
    expect((await waitForState(simulator, id, "COMPLETED")).error_type).toBe("client_cancelled");
  });

  it("let a running run ignore a cancel: 202, then it completes with its images", async () => {
    simulator = testSimulator({ faults: new FaultInjector({ allowHeader: true }), stepMs: 5 });
    const submitted = await call(simulator, "POST", SUBMIT, {
      json: { ...BASE_INPUT, num_inference_steps: 10 },
      ...withFaults("ignorecancel=1"),
    });
    const id = ((await submitted.json()) as { request_id: string }).request_id;
    await waitForState(simulator, id, "IN_PROGRESS");
    const cancel = await call(simulator, "PUT", `/queue/fal-ai/lora/requests/${id}/cancel`);
    expect({ code: cancel.status, body: await cancel.json() }).toEqual({
      code: 202,
      body: { status: "CANCELLATION_REQUESTED" },
    });
    const done = await waitForState(simulator, id, "COMPLETED");
    expect(done.error).toBeUndefined();
    expect(JSON.stringify(done.logs)).toContain(CANCEL_IGNORED_MESSAGE);
    expect((await call(simulator, "GET", `/queue/fal-ai/lora/requests/${id}`)).status).toBe(200);
  });
});
