import { afterEach, describe, expect, it, vi } from "vitest";

const quote = {
  simulated: false,
  price: { unitPrice: "0.00111", unit: "compute_seconds", currency: "USD" },
  estimate: { perRun: "0.0042", currency: "USD" },
};

/** A fresh copy of the module (it keeps one quote per page) with `fetch` answering `answers` in turn. */
async function client(...answers: (() => Promise<Response>)[]) {
  vi.resetModules();
  const fetchSpy = vi.fn(async () => (answers.shift() ?? (() => Promise.reject(new TypeError("offline"))))());
  vi.stubGlobal("fetch", fetchSpy);
  return { ...(await import("./price-client")), fetchSpy };
}

afterEach(() => vi.unstubAllGlobals());

describe("the page's price client", () => {
  it("asks the pricing route once, and keeps a full answer for an hour", async () => {
    const { priceQuote, quoteSnapshot, fetchSpy } = await client(async () => Response.json(quote));
    expect(quoteSnapshot()).toBeUndefined();
    const [a, b] = await Promise.all([priceQuote(0), priceQuote(0)]);
    expect(a).toEqual(quote);
    expect(b).toBe(a);
    expect(quoteSnapshot()).toEqual(quote);
    await priceQuote(59 * 60_000);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    expect(fetchSpy).toHaveBeenCalledWith("/api/pricing", { headers: {}, cache: "no-store" });
  });

  it("says why when the route cannot be reached or read, and asks again a minute later", async () => {
    const { priceQuote, fetchSpy } = await client(
      () => Promise.reject(new TypeError("Failed to fetch")),
      async () => new Response("<html>Bad Gateway</html>", { status: 502 }),
    );
    expect((await priceQuote(0)).price).toEqual({ unknown: "the pricing route could not be reached" });
    expect(await priceQuote(30_000)).toMatchObject({ estimate: { unknown: "the pricing route could not be reached" } });
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    expect((await priceQuote(61_000)).price).toEqual({ unknown: "the pricing route answered HTTP 502" });
    expect(fetchSpy).toHaveBeenCalledTimes(2);
  });

  it("keeps the price with a run as the quote gives it, marked simulated or not", async () => {
    const { currentRunPrice } = await client(async () => Response.json({ ...quote, simulated: true }));
    expect(await currentRunPrice()).toEqual({ ...quote.price, simulated: true });
  });
});
