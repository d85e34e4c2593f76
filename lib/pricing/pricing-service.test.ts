import { afterEach, describe, expect, it, vi } from "vitest";
import { VISITOR_KEY_HEADER } from "@/lib/access/visitor-key";
import { type ServerEnv } from "@/lib/env";
import { CANARY_FAL_KEY, testEnv } from "@/lib/proxy/test-support";
import { NO_KEY_MESSAGE } from "@/lib/proxy/upstream-choice";
import { handleSimulatorRequest } from "@/lib/simulator/http";
import { simulatorHopSecret } from "@/lib/simulator/hop-secret";
import type { Simulator } from "@/lib/simulator/simulator";
import { testSimulator } from "@/lib/simulator/test-support";
import { FAILED_PRICE_TTL_MS, PRICE_TTL_MS, createPricingService } from "./pricing-service";

const VISITOR_KEY = "visitor-id:visitor-secret-0123456789";
const STAND_IN = "http://127.0.0.1:9";
const PRICES = {
  prices: [
    { endpoint_id: "fal-ai/lora/image-to-image", unit_price: 0.00111, unit: "compute_seconds", currency: "USD" },
  ],
};

type Seen = { url: string; method: string; authorization: string | null; body?: string };

/** A fetch standing in for fal's Platform API: records each call and answers `answer(url)`. */
function falStandIn(answer: (url: string) => Response | Promise<Response> = defaultAnswer) {
  const seen: Seen[] = [];
  const fetchImpl = vi.fn(async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    const headers = new Headers(init?.headers);
    seen.push({
      url,
      method: init?.method ?? "GET",
      authorization: headers.get("authorization"),
      body: init?.body as string,
    });
    return answer(url);
  });
  return { seen, fetch: fetchImpl as unknown as typeof fetch };
}

function defaultAnswer(url: string): Response {
  return url.includes("/estimate")
    ? Response.json({ estimate_type: "historical_api_price", total_cost: 0.0042, currency: "USD" })
    : Response.json(PRICES);
}

function service(env: ServerEnv, fetchImpl: typeof fetch, clock = { now: 0 }) {
  return createPricingService(() => ({ env, fetch: fetchImpl, now: () => clock.now }));
}

const falEnv = (extra: Record<string, string> = {}) =>
  testEnv({ FAL_MODE: "fal", PLAYGROUND_TEST_HOOKS: "1", FAL_UPSTREAM_ORIGIN: `${STAND_IN}/fal`, ...extra });
const asVisitor = (key = VISITOR_KEY) => new Headers({ [VISITOR_KEY_HEADER]: key });

let simulator: Simulator | undefined;
afterEach(() => simulator?.dispose());

describe("the price of a run, in fal mode", () => {
  it("asks fal's pricing and estimate APIs with the key in use, and never says the key", async () => {
    const fal = falStandIn();
    const quote = await service(falEnv({ FAL_KEY: CANARY_FAL_KEY }), fal.fetch)(new Headers());
    expect(quote).toEqual({
      simulated: false,
      price: { unitPrice: "0.00111", unit: "compute_seconds", currency: "USD" },
      estimate: { perRun: "0.0042", currency: "USD" },
    });
    expect(fal.seen).toEqual([
      {
        url: `${STAND_IN}/fal/api/v1/models/pricing?endpoint_id=fal-ai%2Flora%2Fimage-to-image`,
        method: "GET",
        authorization: `Key ${CANARY_FAL_KEY}`,
        body: undefined,
      },
      {
        url: `${STAND_IN}/fal/api/v1/models/pricing/estimate`,
        method: "POST",
        authorization: `Key ${CANARY_FAL_KEY}`,
        body: JSON.stringify({
          estimate_type: "historical_api_price",
          endpoints: { "fal-ai/lora/image-to-image": { call_quantity: 1 } },
        }),
      },
    ]);
    expect(JSON.stringify(quote)).not.toContain("canary");
  });

  it("addresses fal itself without a stand-in", async () => {
    const fal = falStandIn();
    await service(testEnv({ FAL_MODE: "fal", FAL_KEY: CANARY_FAL_KEY }), fal.fetch)(new Headers());
    expect(fal.seen.map(({ url }) => url)).toEqual([
      "https://api.fal.ai/v1/models/pricing?endpoint_id=fal-ai%2Flora%2Fimage-to-image",
      "https://api.fal.ai/v1/models/pricing/estimate",
    ]);
  });

  it("uses the visitor's own key where one was given, and keeps each key's answer for an hour", async () => {
    const fal = falStandIn();
    const clock = { now: 0 };
    const quote = service(falEnv({ FAL_KEY: CANARY_FAL_KEY }), fal.fetch, clock);
    await Promise.all([quote(asVisitor()), quote(asVisitor())]);
    await quote(asVisitor());
    expect(fal.seen.map(({ authorization }) => authorization)).toEqual([`Key ${VISITOR_KEY}`, `Key ${VISITOR_KEY}`]);
    await quote(new Headers());
    expect(fal.seen).toHaveLength(4);
    clock.now = PRICE_TTL_MS - 1;
    await quote(asVisitor());
    expect(fal.seen).toHaveLength(4);
    clock.now = PRICE_TTL_MS + 1;
    await quote(asVisitor());
    expect(fal.seen).toHaveLength(6);
  });

  it("says why the price is unknown, and asks again a minute later", async () => {
    const fal = falStandIn((url) =>
      url.includes("/estimate")
        ? defaultAnswer(url)
        : Response.json({ detail: `bad key ${VISITOR_KEY}` }, { status: 403 }),
    );
    const clock = { now: 0 };
    const quote = service(falEnv(), fal.fetch, clock);
    const refused = await quote(asVisitor());
    expect(refused.price).toEqual({ unknown: expect.stringContaining("lacks the scope") });
    expect(refused.estimate).toEqual({ perRun: "0.0042", currency: "USD" });
    expect(JSON.stringify(refused)).not.toContain("visitor-secret");
    await quote(asVisitor());
    expect(fal.seen).toHaveLength(2);
    clock.now = FAILED_PRICE_TTL_MS + 1;
    await quote(asVisitor());
    expect(fal.seen).toHaveLength(4);
  });

  it.each([
    ["unreachable", () => Promise.reject(new TypeError("fetch failed")), "could not be reached"],
    ["slow", () => Promise.reject(new DOMException("timed out", "TimeoutError")), "did not answer in time"],
    [
      "another endpoint only",
      () => Response.json({ prices: [{ ...PRICES.prices[0], endpoint_id: "x" }] }),
      "lists no price",
    ],
    ["no unit", () => Response.json({ prices: [{ ...PRICES.prices[0], unit: "" }] }), "without its unit"],
    ["not JSON", () => new Response("<html>oops</html>"), "could not be read"],
    ["a gateway error", () => new Response("Bad Gateway", { status: 502 }), "HTTP 502"],
  ])("is unknown when fal's pricing is %s", async (_case, answer, reason) => {
    const quote = await service(falEnv(), falStandIn(answer).fetch)(asVisitor());
    expect(quote.price).toEqual({ unknown: expect.stringContaining(reason) });
  });

  it("is unknown without a key to ask with, or with one that cannot be a key", async () => {
    const fal = falStandIn();
    const quote = service(falEnv(), fal.fetch);
    expect((await quote(new Headers())).price).toEqual({ unknown: NO_KEY_MESSAGE });
    expect((await quote(asVisitor("not a key"))).price).toEqual({ unknown: expect.stringContaining("key-id:secret") });
    expect(fal.seen).toEqual([]);
  });
});

describe("the price of a run, in simulator mode", () => {
  it("comes from the simulator, in-process, marked simulated", async () => {
    simulator = testSimulator({ stepMs: 20, hopSecret: simulatorHopSecret() });
    const given = simulator;
    const fetchSpy = vi.fn();
    const quote = await createPricingService(() => ({
      env: testEnv({ FAL_MODE: "simulator", FAL_KEY: CANARY_FAL_KEY }),
      fetch: fetchSpy,
      simulator: (request) => handleSimulatorRequest(request, given),
    }))(asVisitor());
    expect(quote).toEqual({
      simulated: true,
      price: { unitPrice: "0.00111", unit: "compute_seconds", currency: "USD" },
      estimate: { perRun: "0.000666", currency: "USD" },
    });
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});
