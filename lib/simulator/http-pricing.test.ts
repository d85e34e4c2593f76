import { afterEach, describe, expect, it } from "vitest";
import { FaultInjector, parseFaults } from "./faults";
import type { Simulator } from "./simulator";
import { call, testSimulator } from "./test-support";

const PRICING = "/api/v1/models/pricing";
const ESTIMATE = "/api/v1/models/pricing/estimate";
const ENDPOINT = "fal-ai/lora/image-to-image";
let simulator: Simulator;

afterEach(() => simulator.dispose());

describe("the stand-in of fal's pricing API", () => {
  it("prices this endpoint per compute second, as fal's price list does, and nothing else", async () => {
    simulator = testSimulator();
    const response = await call(simulator, "GET", `${PRICING}?endpoint_id=${ENDPOINT},fal-ai/flux/dev`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      prices: [{ endpoint_id: ENDPOINT, unit_price: 0.00111, unit: "compute_seconds", currency: "USD" }],
      next_cursor: null,
      has_more: false,
    });
    const missing = await call(simulator, "GET", PRICING);
    expect(missing.status).toBe(422);
    expect((await missing.json()).detail[0].loc).toEqual(["query", "endpoint_id"]);
  });

  it("estimates calls at a default run's steps, and units at the unit price", async () => {
    simulator = testSimulator({ stepMs: 20 });
    const calls = await call(simulator, "POST", ESTIMATE, {
      json: { estimate_type: "historical_api_price", endpoints: { [ENDPOINT]: { call_quantity: 64 } } },
    });
    // 30 steps of 20 ms: 0.6 s at $0.00111, 64 times.
    expect(await calls.json()).toEqual({
      estimate_type: "historical_api_price",
      total_cost: 0.042624,
      currency: "USD",
    });
    const units = await call(simulator, "POST", ESTIMATE, {
      json: { estimate_type: "unit_price", endpoints: { [ENDPOINT]: { unit_quantity: 10 } } },
    });
    expect(await units.json()).toEqual({ estimate_type: "unit_price", total_cost: 0.0111, currency: "USD" });
  });

  it("refuses an estimate it cannot read in fal's 422 shape, and an endpoint it has no price for", async () => {
    simulator = testSimulator();
    for (const json of [
      { estimate_type: "guess", endpoints: { [ENDPOINT]: { call_quantity: 1 } } },
      { estimate_type: "historical_api_price", endpoints: {} },
      { estimate_type: "historical_api_price", endpoints: { [ENDPOINT]: { call_quantity: -1 } } },
      { estimate_type: "historical_api_price", endpoints: { [ENDPOINT]: { call_quantity: 1.5 } } },
    ]) {
      const response = await call(simulator, "POST", ESTIMATE, { json });
      expect(response.status).toBe(422);
      expect((await response.json()).detail).toEqual([expect.objectContaining({ type: "value_error" })]);
    }
    const other = await call(simulator, "POST", ESTIMATE, {
      json: { estimate_type: "historical_api_price", endpoints: { "fal-ai/flux/dev": { call_quantity: 1 } } },
    });
    expect(other.status).toBe(404);
  });

  it("answers only the proxy's hop (or a fal key, for a test server standing in for fal)", async () => {
    simulator = testSimulator();
    const refused = await call(simulator, "GET", `${PRICING}?endpoint_id=${ENDPOINT}`, {
      headers: { authorization: "Key nope" },
    });
    expect(refused.status).toBe(401);
    simulator.dispose();
    simulator = testSimulator({ acceptFalKeys: true });
    const standIn = await call(simulator, "GET", `${PRICING}?endpoint_id=${ENDPOINT}`, {
      headers: { authorization: "Key visitor-1234:abcdefgh12345678" },
    });
    expect(standIn.status).toBe(200);
  });

  it("plays a key without the scope (403) on pricing and estimates, once each", async () => {
    const plan = parseFaults("error=1,code=403,on=pricing+estimate");
    simulator = testSimulator({ faults: new FaultInjector({ plan, allowHeader: false }) });
    const body = { estimate_type: "historical_api_price", endpoints: { [ENDPOINT]: { call_quantity: 1 } } };
    const first = await call(simulator, "GET", `${PRICING}?endpoint_id=${ENDPOINT}`);
    expect(first.status).toBe(403);
    expect(await first.json()).toEqual({ detail: "Simulated fault: this key may not use this API." });
    expect((await call(simulator, "POST", ESTIMATE, { json: body })).status).toBe(403);
    expect((await call(simulator, "GET", `${PRICING}?endpoint_id=${ENDPOINT}`)).status).toBe(200);
    expect((await call(simulator, "POST", ESTIMATE, { json: body })).status).toBe(200);
  });
});
