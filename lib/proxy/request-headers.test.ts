import { afterEach, describe, expect, it } from "vitest";
import { PROXY_USER_AGENT } from "./upstream";
import { proxyRequest, startListener, testEnv, testProxy, VALID_INPUT } from "./test-support";

const SUBMIT = "https://queue.fal.run/fal-ai/lora/image-to-image";
const INITIATE = "https://rest.fal.ai/storage/upload/initiate?storage_type=fal-cdn-v3";
const STATUS = "https://queue.fal.run/fal-ai/lora/requests/req-1/status";
const VISITOR_KEY = { "x-playground-fal-key": "visitor-1234:abcdefgh12345678" };
const LIFETIME_1H = '{"expiration_duration_seconds":3600}';

const OPTIONS = {
  "x-fal-request-timeout": "30",
  "x-fal-queue-priority": "low",
  "x-fal-store-io": "0",
  "x-fal-object-lifecycle-preference": LIFETIME_1H,
};
const OTHERS = { "x-fal-runner-hint": "runner-7", "x-fal-no-retry": "1", "x-fal-made-up": "anything" };

let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.map((close) => close()));
  closers = [];
});

async function falMode(extraEnv: Record<string, string> = {}, answerHeaders: Record<string, string | string[]> = {}) {
  const fal = await startListener(answerHeaders);
  closers.push(fal.close);
  const env = testEnv({
    FAL_MODE: "fal",
    PLAYGROUND_TEST_HOOKS: "1",
    FAL_UPSTREAM_ORIGIN: fal.origin,
    ...extraEnv,
  });
  return { fal, proxy: testProxy(env) };
}

const falHeadersOf = (headers: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(headers).filter(
      ([name]) => name.startsWith("x-fal-") && name !== "x-fal-target-url" && name !== "x-fal-client-proxy",
    ),
  );

describe("fal's request option headers through the proxy", () => {
  it("forwards exactly the submit's options and drops every other x-fal-* header", async () => {
    const { fal, proxy } = await falMode();
    const response = await proxy(
      proxyRequest({
        method: "POST",
        target: SUBMIT,
        body: JSON.stringify(VALID_INPUT),
        headers: { ...VISITOR_KEY, ...OPTIONS, ...OTHERS },
      }),
    );
    expect(response.status).toBe(200);
    expect(falHeadersOf(fal.seen[0]?.headers ?? {})).toEqual(OPTIONS);
  });

  it("forwards the upload's file lifetime on the storage initiate, and none of the submit's", async () => {
    const { fal, proxy } = await falMode();
    await proxy(
      proxyRequest({
        method: "POST",
        target: INITIATE,
        body: JSON.stringify({ content_type: "image/png", file_name: "a.png" }),
        headers: { ...VISITOR_KEY, ...OPTIONS, "x-fal-object-lifecycle": LIFETIME_1H },
      }),
    );
    expect(falHeadersOf(fal.seen[0]?.headers ?? {})).toEqual({ "x-fal-object-lifecycle": LIFETIME_1H });
  });

  it("forwards none of them with a status call", async () => {
    const { fal, proxy } = await falMode();
    await proxy(proxyRequest({ method: "GET", target: STATUS, headers: { ...VISITOR_KEY, ...OPTIONS } }));
    expect(falHeadersOf(fal.seen[0]?.headers ?? {})).toEqual({});
  });

  it.each([
    ["x-fal-request-timeout", "1", "X-Fal-Request-Timeout must be a number of seconds above 1 and at most 86400."],
    ["x-fal-request-timeout", "soon", "X-Fal-Request-Timeout must be a number of seconds above 1 and at most 86400."],
    ["x-fal-queue-priority", "urgent", 'X-Fal-Queue-Priority must be "normal" or "low".'],
    ["x-fal-store-io", "no", "X-Fal-Store-IO must be 0 or 1."],
    [
      "x-fal-object-lifecycle-preference",
      '{"expiration_duration_seconds":0}',
      'X-Fal-Object-Lifecycle-Preference must be {"expiration_duration_seconds": N}, N whole seconds from 1 to 31536000.',
    ],
    [
      "x-fal-object-lifecycle-preference",
      '{"expiration_duration_seconds":60,"initial_acl":"public"}',
      'X-Fal-Object-Lifecycle-Preference must be {"expiration_duration_seconds": N}, N whole seconds from 1 to 31536000.',
    ],
  ])("refuses %s: %s with a 400 naming it, and sends nothing", async (header, value, detail) => {
    const { fal, proxy } = await falMode();
    const response = await proxy(
      proxyRequest({
        method: "POST",
        target: SUBMIT,
        body: JSON.stringify(VALID_INPUT),
        headers: { ...VISITOR_KEY, [header]: value },
      }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ detail });
    expect(fal.seen).toEqual([]);
  });

  it("sends the operator's fixed options whatever the visitor asked, and the page's choice where none is fixed", async () => {
    const { fal, proxy } = await falMode({
      FAL_FILE_LIFETIME: "1d",
      FAL_STORE_IO: "0",
      FAL_START_TIMEOUT_SECONDS: "120",
    });
    await proxy(
      proxyRequest({
        method: "POST",
        target: SUBMIT,
        body: JSON.stringify(VALID_INPUT),
        headers: {
          ...VISITOR_KEY,
          "x-fal-store-io": "1",
          "x-fal-request-timeout": "not even a number",
          "x-fal-object-lifecycle-preference": LIFETIME_1H,
          "x-fal-queue-priority": "low",
        },
      }),
    );
    expect(falHeadersOf(fal.seen[0]?.headers ?? {})).toEqual({
      "x-fal-request-timeout": "120",
      "x-fal-queue-priority": "low",
      "x-fal-store-io": "0",
      "x-fal-object-lifecycle-preference": '{"expiration_duration_seconds":86400}',
    });
    await proxy(
      proxyRequest({
        method: "POST",
        target: INITIATE,
        body: JSON.stringify({ content_type: "image/png", file_name: "a.png" }),
        headers: VISITOR_KEY,
      }),
    );
    expect(falHeadersOf(fal.seen[1]?.headers ?? {})).toEqual({
      "x-fal-object-lifecycle": '{"expiration_duration_seconds":86400}',
    });
  });

  it("sends no lifetime at all where the operator fixed the account's default", async () => {
    const { fal, proxy } = await falMode({ FAL_FILE_LIFETIME: "default" });
    await proxy(
      proxyRequest({
        method: "POST",
        target: SUBMIT,
        body: JSON.stringify(VALID_INPUT),
        headers: { ...VISITOR_KEY, "x-fal-object-lifecycle-preference": LIFETIME_1H },
      }),
    );
    expect(falHeadersOf(fal.seen[0]?.headers ?? {})).toEqual({});
  });
});

describe("what else the proxy sends and answers", () => {
  it("drops fal's Set-Cookie before answering the browser, and keeps fal's other headers", async () => {
    const { proxy } = await falMode(
      {},
      { "set-cookie": ["fal_session=abc; Path=/", "other=1"], "x-fal-billable-units": "1" },
    );
    const response = await proxy(
      proxyRequest({ method: "POST", target: SUBMIT, body: JSON.stringify(VALID_INPUT), headers: VISITOR_KEY }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(response.headers.get("x-fal-billable-units")).toBe("1");
    expect(await response.json()).toMatchObject({ request_id: "fake-request" });
  });

  it("never sends `user-agent: undefined`: the browser's when it sends one, the playground's otherwise", async () => {
    const { fal, proxy } = await falMode();
    await proxy(proxyRequest({ method: "GET", target: STATUS, headers: VISITOR_KEY }));
    await proxy(
      proxyRequest({ method: "GET", target: STATUS, headers: { ...VISITOR_KEY, "user-agent": "Browser/1.0" } }),
    );
    expect(fal.seen.map((seen) => seen.headers["user-agent"])).toEqual([PROXY_USER_AGENT, "Browser/1.0"]);
  });
});
