import { describe, expect, it, vi } from "vitest";
import { deliverWebhook } from "./webhook";

describe("deliverWebhook", () => {
  it("gives up after the bounded number of retries", async () => {
    const fetch = vi.fn(async () => new Response("down", { status: 500 }));
    expect(await deliverWebhook("https://hooks.test", { a: 1 }, { fetch, retryDelaysMs: [1, 1, 1] })).toBe(false);
    expect(fetch).toHaveBeenCalledTimes(4);
  });

  it("retries after a network error and stops at the first success", async () => {
    const fetch = vi
      .fn<typeof globalThis.fetch>()
      .mockRejectedValueOnce(new TypeError("fetch failed"))
      .mockResolvedValue(new Response(null, { status: 204 }));
    expect(await deliverWebhook("https://hooks.test", { a: 1 }, { fetch, retryDelaysMs: [1, 1] })).toBe(true);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(fetch.mock.calls[0]?.[1]).toMatchObject({
      method: "POST",
      body: '{"a":1}',
      headers: { "content-type": "application/json" },
    });
  });
});
