import { afterEach, describe, expect, it, vi } from "vitest";
import { FaultInjector, parseFaults } from "@/lib/simulator/faults";
import { handleSimulatorRequest } from "@/lib/simulator/http";
import { simulatorHopSecret } from "@/lib/simulator/hop-secret";
import type { Simulator } from "@/lib/simulator/simulator";
import { testSimulator } from "@/lib/simulator/test-support";
import { ORIGIN, proxyRequest, testEnv, testProxy, VALID_INPUT } from "./test-support";

const SUBMIT = "https://queue.fal.run/fal-ai/lora/image-to-image";
const requestUrl = (id: string, suffix = "") => `https://queue.fal.run/fal-ai/lora/requests/${id}${suffix}`;

let simulator: Simulator;
afterEach(() => {
  simulator.dispose();
  vi.restoreAllMocks();
});

/** Simulator mode without SIMULATOR_ORIGIN: the proxy calls this simulator as a function. */
function inProcessProxy(faults?: FaultInjector) {
  // The app's simulator takes this process's hop secret, as getSimulator() sets it up.
  simulator = testSimulator({ stepMs: 1, hopSecret: simulatorHopSecret(), faults });
  return testProxy(testEnv({ FAL_MODE: "simulator" }), 1_000, (request) => handleSimulatorRequest(request, simulator));
}

describe("the proxy in simulator mode without SIMULATOR_ORIGIN", () => {
  it("runs a request end to end in-process, without any network call", async () => {
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    const proxy = inProcessProxy();
    const submitted = await proxy(
      proxyRequest({
        method: "POST",
        target: SUBMIT,
        body: JSON.stringify({ ...VALID_INPUT, num_inference_steps: 2 }),
      }),
    );
    expect(submitted.status).toBe(200);
    const { request_id: id } = (await submitted.json()) as { request_id: string };

    const stream = await proxy(proxyRequest({ method: "GET", target: requestUrl(id, "/status/stream?logs=1") }));
    expect(stream.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(await stream.text()).toContain('"status":"COMPLETED"');

    const result = await proxy(proxyRequest({ method: "GET", target: requestUrl(id) }));
    expect(result.status).toBe(200);
    const { images } = (await result.json()) as { images: { url: string }[] };
    // File URLs name the origin the browser used, passed on by the proxy's hop.
    expect(images[0]?.url.startsWith(`${ORIGIN}/api/simulator/files/`)).toBe(true);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it("carries the hop secret: the same call without it is refused by the simulator", async () => {
    const proxy = inProcessProxy();
    const viaProxy = await proxy(proxyRequest({ method: "POST", target: SUBMIT, body: JSON.stringify(VALID_INPUT) }));
    expect(viaProxy.status).toBe(200);
    const direct = await handleSimulatorRequest(
      new Request(`${ORIGIN}/api/simulator/queue/fal-ai/lora/image-to-image`, {
        method: "POST",
        body: JSON.stringify(VALID_INPUT),
      }),
      simulator,
    );
    expect(direct.status).toBe(401);
  });

  it("keeps the proxy's guard in front: a submit the schema refuses never reaches the simulator", async () => {
    const reached = vi.fn();
    simulator = testSimulator();
    const proxy = testProxy(testEnv({ FAL_MODE: "simulator" }), 1_000, async (request) => {
      reached(request.url);
      return handleSimulatorRequest(request, simulator);
    });
    const refused = await proxy(
      proxyRequest({ method: "POST", target: SUBMIT, body: JSON.stringify({ ...VALID_INPUT, noise_strength: 3 }) }),
    );
    expect(refused.status).toBe(422);
    expect(reached).not.toHaveBeenCalled();
  });

  it("answers a connection dropped before the first byte with a 502, as over HTTP; a stream that breaks later breaks for the client", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const proxy = inProcessProxy(
      new FaultInjector({ plan: parseFaults("drop=100%,on=result+stream"), allowHeader: false }),
    );
    const result = await proxy(proxyRequest({ method: "GET", target: requestUrl("abc") }));
    expect(result.status).toBe(502);
    expect(logged.mock.calls.join(" ")).toMatch(
      /^Proxy: GET http:\/\/127\.0\.0\.1\/api\/simulator\/queue\/.* \(simulator\) failed: simulated dropped connection/,
    );

    const stream = await proxy(proxyRequest({ method: "GET", target: requestUrl("abc", "/status/stream") }));
    expect(stream.status).toBe(200);
    await expect(stream.text()).rejects.toThrow();
  });
});
