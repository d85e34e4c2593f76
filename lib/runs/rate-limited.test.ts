import { createFalClient } from "@fal-ai/client";
import { describe, expect, it } from "vitest";
import { parseRetryAfter, rateLimitAwareFetch } from "./rate-limited";

describe("Retry-After", () => {
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("120", 0)).toBe(120_000);
    const now = Date.parse("2025-01-01T00:00:00Z");
    expect(parseRetryAfter("Wed, 01 Jan 2025 00:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("soon", 0)).toBeUndefined();
    expect(parseRetryAfter(null, 0)).toBeUndefined();
  });

  it("a 429 through the real fal client becomes one RateLimitedError with its Retry-After, not three blind retries", async () => {
    let calls = 0;
    const proxy: typeof fetch = async () => {
      calls += 1;
      return Response.json(
        { detail: "Too many runs started; try again in 7 s." },
        { status: 429, headers: { "retry-after": "7" } },
      );
    };
    const client = createFalClient({ credentials: "test", fetch: rateLimitAwareFetch(proxy) });
    const submitted = client.queue.submit("fal-ai/lora/image-to-image", { input: { model_name: "m", prompt: "x" } });
    await expect(submitted).rejects.toMatchObject({
      name: "RateLimitedError",
      retryAfterMs: 7000,
      message: "Too many runs started; try again in 7 s.",
    });
    expect(calls).toBe(1);
  });

  it("passes every other answer through", async () => {
    const ok = await rateLimitAwareFetch(async () => new Response("fine"))("https://x.test");
    expect(await ok.text()).toBe("fine");
  });
});
