import { describe, expect, it } from "vitest";
import type { Run } from "@/lib/runs/run-state";
import { expectedPrice } from "./expected-price";
import type { PriceQuote } from "./quote";

const price = { unitPrice: "0.001", unit: "compute_seconds", currency: "USD" };
const quote: PriceQuote = { simulated: false, price, estimate: { perRun: "0.004", currency: "USD" } };
const model = "stabilityai/stable-diffusion-xl-base-1.0";

let clock = 1_000;
function ran(input: Partial<Run["input"]>, billableUnits: string, simulated = false): Run {
  return {
    id: crypto.randomUUID(),
    input: { model_name: model, prompt: "p", ...input },
    status: "completed",
    logs: [],
    startedAt: clock++,
    billableUnits,
    price: { ...price, simulated },
  };
}

describe("expectedPrice", () => {
  it("takes recent runs of the same kind, scaled by steps and images", () => {
    // 30 steps at $0.003 a run: $0.0001 a step.
    const runs = [ran({}, "3"), ran({ num_inference_steps: 60 }, "6"), ran({}, "3")];
    expect(expectedPrice([{ model_name: model }], runs, quote)).toEqual({
      micros: 3000,
      currency: "USD",
      simulated: false,
      sources: ["recent-runs"],
    });
    expect(expectedPrice([{ model_name: model, num_inference_steps: 15, num_images: 4 }], runs, quote)).toMatchObject({
      micros: 6000,
    });
    // An init image runs only noise_strength of the steps.
    expect(
      expectedPrice([{ model_name: model, image_url: "https://x/i.png", noise_strength: 0.5 }], runs, quote),
    ).toMatchObject({
      micros: 1500,
    });
  });

  it("falls back to fal's estimate for another model or other extra networks, and adds a sweep up", () => {
    const runs = [ran({}, "3")];
    const withLora = { model_name: model, loras: [{ path: "a" }] };
    expect(expectedPrice([withLora], runs, quote)).toMatchObject({ micros: 4000, sources: ["fal-estimate"] });
    const sweep = [{ model_name: model }, withLora, { model_name: "other/model" }];
    expect(expectedPrice(sweep, runs, quote)).toMatchObject({
      micros: 11_000,
      sources: ["recent-runs", "fal-estimate"],
    });
  });

  it("looks only at runs priced the same way (simulated or not) and in the quote's currency", () => {
    const runs = [ran({}, "30", true)];
    expect(expectedPrice([{ model_name: model }], runs, quote)).toMatchObject({ sources: ["fal-estimate"] });
    expect(expectedPrice([{ model_name: model }], runs, { ...quote, simulated: true })).toMatchObject({
      micros: 30_000,
      simulated: true,
    });
  });

  it("is unknown, with a reason, when a request has neither recent runs nor an estimate", () => {
    const noEstimate: PriceQuote = { ...quote, estimate: { unknown: "fal answered 403" } };
    expect(expectedPrice([{ model_name: model }], [], noEstimate)).toEqual({
      unknown: expect.stringContaining("fal answered 403"),
    });
    expect(expectedPrice([{ model_name: model }], [ran({}, "3")], noEstimate)).toMatchObject({ micros: 3000 });
  });
});
