import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { VISITOR_KEY_HEADER } from "@/lib/access/visitor-key";
import { FAULTS_HEADER } from "@/lib/simulator/fault-header";
import { NO_KEY_MESSAGE } from "./upstream-choice";
import { simulatorHopSecret } from "@/lib/simulator/hop-secret";
import { CANARY_FAL_KEY, ORIGIN, proxyRequest, startListener, testEnv, testProxy, VALID_INPUT } from "./test-support";

const SUBMIT = "https://queue.fal.run/fal-ai/lora/image-to-image";
const INITIATE = "https://rest.fal.ai/storage/upload/initiate?storage_type=fal-cdn-v3";
const VISITOR_KEY = "visitor-id:visitor-secret-0123456789";
let listener: Awaited<ReturnType<typeof startListener>>;

beforeAll(async () => {
  listener = await startListener();
});
afterAll(() => listener.close());
afterEach(() => {
  listener.seen.length = 0;
});

const falEnv = (extra: Record<string, string> = {}) =>
  testEnv({ FAL_MODE: "fal", PLAYGROUND_TEST_HOOKS: "1", FAL_UPSTREAM_ORIGIN: listener.origin, ...extra });
const submit = (body: string, headers?: Record<string, string>) =>
  proxyRequest({ method: "POST", target: SUBMIT, body, headers });

describe("validate before spending", () => {
  it("answers an invalid submit with fal's 422 shape and forwards nothing", async () => {
    const proxy = testProxy(falEnv({ FAL_KEY: CANARY_FAL_KEY }));
    const response = await proxy(submit(JSON.stringify({ ...VALID_INPUT, noise_strength: 3 })));
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      detail: [expect.objectContaining({ loc: ["body", "noise_strength"], msg: "Noise strength must be at most 1." })],
    });
    expect(listener.seen).toEqual([]);
  });

  it("answers a body that is not JSON with a 422 naming the body", async () => {
    const response = await testProxy(falEnv({ FAL_KEY: CANARY_FAL_KEY }))(submit("{nope"));
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ detail: [{ loc: ["body"], type: "json_invalid" }] });
  });
});

describe("limits", () => {
  it("refuses a body over the limit with 413 and says to upload images instead", async () => {
    const proxy = testProxy(falEnv({ FAL_KEY: CANARY_FAL_KEY, PROXY_MAX_BODY_BYTES: "2048" }));
    const inline = `data:image/png;base64,${"A".repeat(4096)}`;
    const response = await proxy(submit(JSON.stringify({ ...VALID_INPUT, image_url: inline })));
    expect(response.status).toBe(413);
    expect((await response.json()).detail).toMatch(/upload images.*instead of pasting them inline as data URIs/i);
    expect(listener.seen).toEqual([]);
  });

  it("limits submits per client with 429 and Retry-After, and lets other routes through", async () => {
    const proxy = testProxy(falEnv({ FAL_KEY: CANARY_FAL_KEY }), 2);
    const body = JSON.stringify(VALID_INPUT);
    expect((await proxy(submit(body))).status).toBe(200);
    expect((await proxy(submit(body))).status).toBe(200);
    const limited = await proxy(submit(body));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect((await limited.json()).detail).toMatch(/Too many runs started; try again in \d+ s/);
    expect(listener.seen).toHaveLength(2);
    const status = await proxy(
      proxyRequest({ method: "GET", target: "https://queue.fal.run/fal-ai/lora/requests/abc/status" }),
    );
    expect(status.status).toBe(200);
  });
});

describe("keys", () => {
  it("refuses fal mode without FAL_KEY or a visitor key, saying what to do", async () => {
    const response = await testProxy(falEnv())(submit(JSON.stringify(VALID_INPUT)));
    expect(response.status).toBe(401);
    expect((await response.json()).detail).toBe(NO_KEY_MESSAGE);
    expect(listener.seen).toEqual([]);
  });

  it("uses a visitor's key as the upstream Authorization and never forwards the header", async () => {
    const proxy = testProxy(falEnv({ FAL_KEY: CANARY_FAL_KEY }));
    const response = await proxy(submit(JSON.stringify(VALID_INPUT), { [VISITOR_KEY_HEADER]: VISITOR_KEY }));
    expect(response.status).toBe(200);
    const [seen] = listener.seen;
    expect(seen?.headers.authorization).toBe(`Key ${VISITOR_KEY}`);
    expect(JSON.stringify(seen?.headers)).not.toContain(CANARY_FAL_KEY);
    expect(seen?.headers[VISITOR_KEY_HEADER]).toBeUndefined();
    expect(seen?.url).toBe("/queue/fal-ai/lora/image-to-image");
  });

  it("refuses a visitor key that cannot be a fal key", async () => {
    const response = await testProxy(falEnv())(submit(JSON.stringify(VALID_INPUT), { [VISITOR_KEY_HEADER]: "hello" }));
    expect(response.status).toBe(400);
    expect(listener.seen).toEqual([]);
  });

  it("needs no key in simulator mode, and passes the fault header only there", async () => {
    const simulator = testProxy(testEnv({ FAL_MODE: "simulator", SIMULATOR_ORIGIN: listener.origin }));
    expect((await simulator(submit(JSON.stringify(VALID_INPUT), { [FAULTS_HEADER]: "latency=1" }))).status).toBe(200);
    expect(listener.seen[0]?.headers[FAULTS_HEADER]).toBe("latency=1");
    const fal = testProxy(falEnv({ FAL_KEY: CANARY_FAL_KEY }));
    await fal(submit(JSON.stringify(VALID_INPUT), { [FAULTS_HEADER]: "latency=1" }));
    expect(listener.seen[1]?.headers[FAULTS_HEADER]).toBeUndefined();
  });

  it("calls the simulator with this process's hop secret, and says who the client is only behind a trusted proxy", async () => {
    const initiate = (headers: Record<string, string>) =>
      proxyRequest({ method: "POST", target: INITIATE, body: JSON.stringify({ content_type: "image/png" }), headers });
    const forged = {
      "x-forwarded-for": "6.6.6.6, 203.0.113.9",
      "x-forwarded-host": "evil.example",
      "x-fal-simulator-client": "victim",
      "x-fal-simulator-origin": "https://evil.example",
    };
    await testProxy(testEnv({ FAL_MODE: "simulator", SIMULATOR_ORIGIN: listener.origin }))(initiate(forged));
    await testProxy(testEnv({ FAL_MODE: "simulator", SIMULATOR_ORIGIN: listener.origin, TRUST_PROXY: "1" }))(
      initiate(forged),
    );
    const [open, trusted] = listener.seen;
    expect(open?.headers.authorization).toBe(`Key ${simulatorHopSecret()}`);
    expect(open?.headers["x-fal-simulator-client"]).toBeUndefined();
    expect(open?.headers["x-fal-simulator-origin"]).toBe(ORIGIN);
    expect(trusted?.headers["x-fal-simulator-client"]).toBe("203.0.113.9");
    expect(trusted?.headers["x-fal-simulator-origin"]).toBe("http://evil.example");
  });

  it("limits upload initiates per client like submits", async () => {
    const proxy = testProxy(
      testEnv({ FAL_MODE: "simulator", SIMULATOR_ORIGIN: listener.origin, RATE_LIMIT_UPLOADS_PER_MINUTE: "2" }),
    );
    const initiate = () => proxy(proxyRequest({ method: "POST", target: INITIATE, body: "{}" }));
    expect((await initiate()).status).toBe(200);
    expect((await initiate()).status).toBe(200);
    const limited = await initiate();
    expect(limited.status).toBe(429);
    expect((await limited.json()).detail).toMatch(/Too many uploads started; try again in \d+ s/);
    expect(listener.seen).toHaveLength(2);
  });

  it("ignores FAL_UPSTREAM_ORIGIN unless test hooks are on", () => {
    const env = testEnv({ FAL_MODE: "fal", FAL_KEY: CANARY_FAL_KEY, FAL_UPSTREAM_ORIGIN: listener.origin });
    expect(env.FAL_UPSTREAM_ORIGIN).toBeUndefined();
  });
});

describe("the canary FAL_KEY", () => {
  it("never appears in a response or in anything logged, whatever the request", async () => {
    const logged: string[] = [];
    const capture = (...args: unknown[]) => void logged.push(args.map(String).join(" "));
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation(capture),
    );
    try {
      const proxy = testProxy(falEnv({ FAL_KEY: CANARY_FAL_KEY, PROXY_MAX_BODY_BYTES: "4096" }), 3);
      const requests = [
        submit(JSON.stringify(VALID_INPUT)),
        submit(JSON.stringify({ ...VALID_INPUT, num_images: 99 })),
        submit("x".repeat(10_000)),
        submit(JSON.stringify(VALID_INPUT), { [VISITOR_KEY_HEADER]: "bad" }),
        submit(JSON.stringify(VALID_INPUT)),
        submit(JSON.stringify(VALID_INPUT)),
        proxyRequest({ method: "GET", target: "https://evil.example/" }),
        proxyRequest({ method: "GET", target: "https://queue.fal.run/fal-ai/lora/requests/abc" }),
      ];
      for (const request of requests) {
        const response = await testProxyResponse(proxy, request);
        expect(response).not.toContain(CANARY_FAL_KEY);
        expect(response).not.toContain("canary-secret");
      }
      expect(listener.seen.every((seen) => seen.headers.authorization === `Key ${CANARY_FAL_KEY}`)).toBe(true);
      expect(logged.join("\n")).not.toContain("canary-secret");
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});

async function testProxyResponse(
  proxy: ReturnType<typeof testProxy>,
  request: Parameters<ReturnType<typeof testProxy>>[0],
) {
  const response = await proxy(request);
  const headers = [...response.headers.entries()].map(([key, value]) => `${key}: ${value}`).join("\n");
  return `${response.status}\n${headers}\n${await response.text()}`;
}
