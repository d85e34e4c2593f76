import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { BILLABLE_UNITS_HEADER } from "@/lib/pricing/billable-units";
import { handleSimulatorRequest } from "@/lib/simulator/http";
import { simulatorHopSecret } from "@/lib/simulator/hop-secret";
import type { Simulator } from "@/lib/simulator/simulator";
import { testSimulator } from "@/lib/simulator/test-support";
import { CANARY_FAL_KEY, proxyRequest, testEnv, testProxy, VALID_INPUT } from "./test-support";

const SUBMIT = "https://queue.fal.run/fal-ai/lora/image-to-image";
const result = (id: string) => `https://queue.fal.run/fal-ai/lora/requests/${id}`;
const cleanups: (() => unknown)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/*
 * What a run cost is the result answer's X-Fal-Billable-Units × the unit price (docs/fal.md#pricing),
 * so the proxy hands that response header on to the browser on every path it takes.
 */
describe("the proxy passes a result's billable units to the browser", () => {
  it("in-process, from the simulator", async () => {
    const simulator: Simulator = testSimulator({ stepMs: 1, hopSecret: simulatorHopSecret() });
    cleanups.push(() => simulator.dispose());
    const proxy = testProxy(testEnv({ FAL_MODE: "simulator" }), 1_000, (request) =>
      handleSimulatorRequest(request, simulator),
    );
    const body = JSON.stringify({ ...VALID_INPUT, num_inference_steps: 2 });
    const submitted = await proxy(proxyRequest({ method: "POST", target: SUBMIT, body }));
    const { request_id: id } = (await submitted.json()) as { request_id: string };
    await proxy(proxyRequest({ method: "GET", target: `${result(id)}/status/stream` })).then((stream) => stream.text());
    const answer = await proxy(proxyRequest({ method: "GET", target: result(id) }));
    expect(answer.status).toBe(200);
    expect(answer.headers.get(BILLABLE_UNITS_HEADER)).toMatch(/^\d+(\.\d+)?$/);
  });

  it("over HTTP, from fal (a stand-in answering as fal does)", async () => {
    const server = createServer((_request, response) => {
      response.setHeader("content-type", "application/json");
      response.setHeader(BILLABLE_UNITS_HEADER, "4.25");
      response.end(JSON.stringify({ images: [{ url: "https://v3.fal.media/a.png" }] }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => new Promise((resolve) => server.close(resolve)));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const env = testEnv({
      FAL_MODE: "fal",
      FAL_KEY: CANARY_FAL_KEY,
      PLAYGROUND_TEST_HOOKS: "1",
      FAL_UPSTREAM_ORIGIN: origin,
    });
    const answer = await testProxy(env)(proxyRequest({ method: "GET", target: result("req-1") }));
    expect(answer.status).toBe(200);
    expect(answer.headers.get(BILLABLE_UNITS_HEADER)).toBe("4.25");
  });
});
