import { describe, expect, it } from "vitest";
import type { Run } from "@/lib/runs/run-state";
import type { RunPrice } from "./quote";
import { runCost, sumCosts } from "./run-cost";

const perSecond: RunPrice = { unitPrice: "0.00111", unit: "compute_seconds", currency: "USD", simulated: false };

function run(extra: Partial<Run> = {}): Run {
  return {
    id: crypto.randomUUID(),
    input: { model_name: "m", prompt: "p" },
    status: "completed",
    logs: [],
    startedAt: 1,
    price: perSecond,
    ...extra,
  };
}

describe("runCost", () => {
  it("is fal's billable units × the price the run was priced at", () => {
    expect(runCost(run({ billableUnits: "2.5", inferenceTime: 9 }))).toEqual({
      micros: 2775,
      currency: "USD",
      estimated: false,
      simulated: false,
      basis: "billed 2.5 × $0.00111 per compute second",
    });
  });

  it("is worked out from the inference time, marked estimated, when no units came and the price is per second", () => {
    expect(runCost(run({ inferenceTime: 1.25 }))).toMatchObject({ micros: 1388, estimated: true });
    const perImage: RunPrice = { unitPrice: "0.02", unit: "image", currency: "USD", simulated: false };
    expect(runCost(run({ inferenceTime: 1.25, price: perImage }))).toEqual({
      unknown: expect.stringContaining("per image cannot be worked out"),
    });
    // With units, any unit will do: they are counted in it.
    expect(runCost(run({ billableUnits: "2", price: perImage }))).toMatchObject({ micros: 40_000, estimated: false });
  });

  it("says nothing for runs that are not billed or not yet priced, and passes an unknown price on", () => {
    expect(runCost(run({ status: "failed" }))).toBeUndefined();
    expect(runCost(run({ status: "running" }))).toBeUndefined();
    expect(runCost(run({ price: undefined, billableUnits: "1" }))).toBeUndefined();
    expect(runCost(run({ price: { unknown: "HTTP 403" } }))).toEqual({ unknown: "HTTP 403" });
  });
});

describe("sumCosts", () => {
  it("adds known costs per currency, simulated ones apart, and counts the unknown", () => {
    const simulated: RunPrice = { ...perSecond, simulated: true };
    const summary = sumCosts([
      run({ billableUnits: "1" }),
      run({ inferenceTime: 2 }),
      run({ billableUnits: "1", price: simulated }),
      run({ price: { unknown: "offline" } }),
      run({ status: "failed", billableUnits: "5" }),
    ]);
    expect(summary.unknown).toBe(1);
    expect(summary.totals).toEqual([
      { micros: 3330, currency: "USD", simulated: false, estimated: true, runs: 2 },
      { micros: 1110, currency: "USD", simulated: true, estimated: false, runs: 1 },
    ]);
  });
});
