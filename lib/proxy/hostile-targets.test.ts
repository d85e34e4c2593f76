import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  CANARY_FAL_KEY,
  proxyRequest,
  recordingSimulator,
  startListener,
  testEnv,
  testProxy,
  VALID_INPUT,
} from "./test-support";

const ID = "764cabcf-b745-4b3e-ae38-1200304cf45b";
const SUBMIT = "https://queue.fal.run/fal-ai/lora/image-to-image";
const METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"];

const HOSTILE_TARGETS: [string, string | null][] = [
  ["no target header", null],
  ["an empty target", ""],
  ["not a URL", "queue.fal.run/fal-ai/lora/image-to-image"],
  ["another host", "https://evil.example/fal-ai/lora/image-to-image"],
  ["a look-alike suffix", "https://queue.fal.run.evil.example/fal-ai/lora/image-to-image"],
  ["a look-alike hyphen", "https://queue-fal.run/fal-ai/lora/image-to-image"],
  ["a punycode look-alike", "https://xn--queue-fl-run-9ib.example/fal-ai/lora/image-to-image"],
  ["a trailing-dot host", "https://queue.fal.run./fal-ai/lora/image-to-image"],
  ["an upper-case host", "https://QUEUE.FAL.RUN/fal-ai/lora/image-to-image"],
  ["userinfo before fal's host", "https://evil.example@queue.fal.run/fal-ai/lora/image-to-image"],
  ["fal's host as userinfo", "https://queue.fal.run@evil.example/fal-ai/lora/image-to-image"],
  ["a fragment hiding the host", "https://evil.example#@queue.fal.run/fal-ai/lora/image-to-image"],
  ["a backslash host trick", "https://evil.example\\@queue.fal.run/fal-ai/lora/image-to-image"],
  ["loopback IPv4", "https://127.0.0.1/fal-ai/lora/image-to-image"],
  ["loopback IPv6", "https://[::1]/fal-ai/lora/image-to-image"],
  ["a decimal IP", "https://2130706433/fal-ai/lora/image-to-image"],
  ["a hex IP", "https://0x7f.0.0.1/fal-ai/lora/image-to-image"],
  ["cloud metadata (AWS)", "http://169.254.169.254/latest/meta-data/iam/security-credentials/"],
  ["cloud metadata over https", "https://169.254.169.254/fal-ai/lora/image-to-image"],
  ["cloud metadata (GCP)", "http://metadata.google.internal/computeMetadata/v1/"],
  ["cloud metadata (AWS IPv6)", "https://[fd00:ec2::254]/latest/meta-data/"],
  ["this app's simulator", "http://127.0.0.1:3000/api/simulator/queue/fal-ai/lora/image-to-image"],
  ["another fal app", "https://queue.fal.run/fal-ai/flux/dev"],
  ["another fal app's requests", `https://queue.fal.run/fal-ai/flux/requests/${ID}/status`],
  ["fal's synchronous host", "https://fal.run/fal-ai/lora/image-to-image"],
  ["fal's REST API elsewhere", "https://rest.fal.ai/keys"],
  ["multipart storage", "https://rest.fal.ai/storage/upload/initiate-multipart?storage_type=fal-cdn-v3"],
  ["another storage type", "https://rest.fal.ai/storage/upload/initiate?storage_type=gcs"],
  ["dot-segment traversal", `https://queue.fal.run/fal-ai/lora/requests/${ID}/../../flux/dev`],
  ["encoded dot segments", "https://queue.fal.run/fal-ai/lora/requests/%2e%2e/%2e%2e/flux/dev"],
  ["an encoded slash", "https://queue.fal.run/fal-ai/lora%2fimage-to-image"],
  ["an encoded NUL", "https://queue.fal.run/fal-ai/lora/image-to-image%00"],
  ["a double slash", "https://queue.fal.run//fal-ai/lora/image-to-image"],
  ["an extra query parameter", `https://queue.fal.run/fal-ai/lora/requests/${ID}/status?logs=1&x=2`],
  ["a webhook with credentials", `${SUBMIT}?fal_webhook=https%3A%2F%2Fu%3Ap%40hook.example%2F`],
  ["plain http", "http://queue.fal.run/fal-ai/lora/image-to-image"],
  ["ftp", "ftp://queue.fal.run/fal-ai/lora/image-to-image"],
  ["file", "file:///etc/passwd"],
  ["javascript", "javascript:alert(1)"],
  ["data", "data:text/plain,hello"],
  ["a non-default port", "https://queue.fal.run:8443/fal-ai/lora/image-to-image"],
  ["an explicit default port", "https://queue.fal.run:443/fal-ai/lora/image-to-image"],
  ["two URLs in one header", `${SUBMIT}, https://evil.example/`],
];

/** This endpoint's own URLs with a method it does not use. */
const WRONG_METHODS: [string, string][] = [
  ["GET", SUBMIT],
  ["DELETE", `https://queue.fal.run/fal-ai/lora/requests/${ID}`],
  ["POST", `https://queue.fal.run/fal-ai/lora/requests/${ID}/cancel`],
  ["PATCH", `https://queue.fal.run/fal-ai/lora/requests/${ID}/status`],
  ["GET", "https://rest.fal.ai/storage/upload/initiate?storage_type=fal-cdn-v3"],
];

let listener: Awaited<ReturnType<typeof startListener>>;
const fetchSpy = vi.spyOn(globalThis, "fetch");

beforeAll(async () => {
  listener = await startListener();
});
afterAll(async () => {
  await listener.close();
  fetchSpy.mockRestore();
});
afterEach(() => fetchSpy.mockClear());

// The in-process simulator records into the listener's list too, so every mode is watched the same way.
describe.each([
  [
    "fal mode",
    () => ({
      FAL_MODE: "fal",
      FAL_KEY: CANARY_FAL_KEY,
      PLAYGROUND_TEST_HOOKS: "1",
      FAL_UPSTREAM_ORIGIN: listener.origin,
    }),
  ],
  ["simulator mode over HTTP", () => ({ FAL_MODE: "simulator", SIMULATOR_ORIGIN: listener.origin })],
  ["simulator mode in-process", () => ({ FAL_MODE: "simulator" })],
])("in %s the proxy sends nothing anywhere for a hostile target", (_mode, values) => {
  const modeProxy = () => testProxy(testEnv(values()), 1_000, recordingSimulator(listener.seen));

  it("forwards a valid submit to the listener (so the listener would notice a leak)", async () => {
    const proxy = modeProxy();
    const response = await proxy(proxyRequest({ method: "POST", target: SUBMIT, body: JSON.stringify(VALID_INPUT) }));
    expect(response.status).toBe(200);
    expect(listener.seen).toHaveLength(1);
    listener.seen.length = 0;
  });

  it.each(HOSTILE_TARGETS)("%s is refused for every method", async (_name, target) => {
    const proxy = modeProxy();
    for (const method of METHODS) {
      const response = await proxy(proxyRequest({ method, target, body: JSON.stringify(VALID_INPUT) }));
      expect(response.status, `${method} ${target}`).toBeGreaterThanOrEqual(400);
      expect(response.status, `${method} ${target}`).toBeLessThan(500);
    }
    expect(listener.seen).toEqual([]);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it.each(WRONG_METHODS)("%s %s is refused with 405", async (method, target) => {
    const proxy = modeProxy();
    const response = await proxy(proxyRequest({ method, target, body: JSON.stringify(VALID_INPUT) }));
    expect(response.status).toBe(405);
    expect(listener.seen).toEqual([]);
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});

it("lists at least 30 hostile targets", () => {
  expect(HOSTILE_TARGETS.length).toBeGreaterThanOrEqual(30);
});
