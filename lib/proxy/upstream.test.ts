import { afterEach, describe, expect, it, vi } from "vitest";
import { CANARY_FAL_KEY, proxyRequest, startListener, testEnv, testProxy, VALID_INPUT } from "./test-support";
import { upstreamFailure } from "./upstream";

afterEach(() => vi.restoreAllMocks());

describe("a failed call upstream", () => {
  it("answers 502 and logs why, never the key", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const closed = await startListener();
    await closed.close();
    const env = testEnv({
      FAL_MODE: "fal",
      FAL_KEY: CANARY_FAL_KEY,
      PLAYGROUND_TEST_HOOKS: "1",
      FAL_UPSTREAM_ORIGIN: closed.origin,
    });
    const target = "https://queue.fal.run/fal-ai/lora/image-to-image";
    const response = await testProxy(env)(proxyRequest({ method: "POST", target, body: JSON.stringify(VALID_INPUT) }));
    expect(response.status).toBe(502);
    const lines = logged.mock.calls.map((call) => call.join(" "));
    expect(lines).toEqual([
      expect.stringMatching(
        /^Proxy: POST http:\/\/127\.0\.0\.1:\d+\/queue\/fal-ai\/lora\/image-to-image \(fal\) failed: fetch failed: .*ECONNREFUSED/,
      ),
    ]);
    expect(lines.join("\n")).not.toContain(CANARY_FAL_KEY);
  });

  it("cuts the key out of whatever the error says", () => {
    const cause = Object.assign(new Error(`refused with ${CANARY_FAL_KEY}`), { code: "ECONNREFUSED" });
    const error = new TypeError("fetch failed", { cause });
    expect(upstreamFailure(error, `Key ${CANARY_FAL_KEY}`)).toBe("fetch failed: refused with [key] (ECONNREFUSED)");
  });
});
