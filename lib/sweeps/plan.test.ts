import { describe, expect, it } from "vitest";
import type { LoraRequest } from "@/lib/fal/input-schema";
import { sweepableParameters } from "./parameters";
import { MAX_SWEEP_RUNS, planSweep, sweepSummary } from "./plan";

const base: LoraRequest = {
  model_name: "stabilityai/stable-diffusion-xl-base-1.0",
  prompt: "a castle",
  loras: [{ path: "a/style", scale: 0.8 }, { path: "b/detail" }],
};
const fixedSeed = { randomSeed: () => 1234 };

describe("planSweep", () => {
  it("makes one run per value across, with labels, the swept value set and one shared seed", () => {
    const planned = planSweep(base, [{ parameter: { field: "guidance_scale" }, values: [5, 9] }], fixedSeed);
    expect(planned.ok).toBe(true);
    if (!planned.ok) return;
    const { plan } = planned;
    expect(plan.columns).toEqual({ title: "Guidance scale (CFG)", labels: ["5", "9"] });
    expect(plan.rows).toBeUndefined();
    expect(plan.sharedSeed).toBe(1234);
    expect(
      plan.cells.map(({ row, column, label, body }) => ({
        row,
        column,
        label,
        guidance: body.guidance_scale,
        seed: body.seed,
      })),
    ).toEqual([
      { row: 0, column: 0, label: "Guidance scale (CFG) 5", guidance: 5, seed: 1234 },
      { row: 0, column: 1, label: "Guidance scale (CFG) 9", guidance: 9, seed: 1234 },
    ]);
    expect(plan.cells[0]?.body).toEqual({ ...base, guidance_scale: 5, seed: 1234 });
  });

  it("crosses two parameters row by row: the first across, the second down", () => {
    const planned = planSweep(
      base,
      [
        { parameter: { field: "lora_scale", lora: 1 }, values: [0.5, 1] },
        { parameter: { field: "scheduler" }, values: ["Euler A", "DDIM"] },
      ],
      fixedSeed,
    );
    if (!planned.ok) throw new Error(planned.message);
    expect(planned.plan.rows).toEqual({ title: "Scheduler", labels: ["Euler A", "DDIM"] });
    expect(planned.plan.cells.map(({ row, column, label }) => [row, column, label])).toEqual([
      [0, 0, "LoRA 2 scale 0.5 · Scheduler Euler A"],
      [0, 1, "LoRA 2 scale 1 · Scheduler Euler A"],
      [1, 0, "LoRA 2 scale 0.5 · Scheduler DDIM"],
      [1, 1, "LoRA 2 scale 1 · Scheduler DDIM"],
    ]);
    const last = planned.plan.cells[3]?.body;
    expect(last?.loras).toEqual([
      { path: "a/style", scale: 0.8 },
      { path: "b/detail", scale: 1 },
    ]);
    expect(last?.scheduler).toBe("DDIM");
  });

  it("keeps the form's seed, and draws none when the seed is what is swept", () => {
    const kept = planSweep(
      { ...base, seed: 7 },
      [{ parameter: { field: "num_inference_steps" }, values: [20] }],
      fixedSeed,
    );
    expect(kept.ok && [kept.plan.seedSwept, kept.plan.sharedSeed, kept.plan.cells[0]?.body.seed]).toEqual([
      false,
      undefined,
      7,
    ]);
    const swept = planSweep(base, [{ parameter: { field: "seed" }, values: [1, 2] }], fixedSeed);
    expect(swept.ok && swept.plan.cells.map((cell) => cell.body.seed)).toEqual([1, 2]);
    expect(swept.ok && [swept.plan.seedSwept, swept.plan.sharedSeed]).toEqual([true, undefined]);
  });

  it("refuses the same parameter twice, a missing LoRA, too many runs, and bodies the schema refuses", () => {
    const guidance = { parameter: { field: "guidance_scale" as const }, values: [5] };
    expect(planSweep(base, [guidance, guidance])).toEqual({
      ok: false,
      message: "Pick two different settings to sweep.",
    });
    expect(planSweep(base, [{ parameter: { field: "lora_scale", lora: 4 }, values: [1] }])).toEqual({
      ok: false,
      message: "There is no LoRA 5 in the form.",
    });
    const many = Array.from({ length: 9 }, (_, index) => index + 1);
    const big = planSweep(base, [
      { parameter: { field: "num_inference_steps" }, values: many },
      { parameter: { field: "seed" }, values: many },
    ]);
    expect(big).toEqual({
      ok: false,
      message: `That is 81 runs; a sweep makes at most ${MAX_SWEEP_RUNS}. Use fewer values.`,
    });
    expect(planSweep({ ...base, model_name: "" }, [guidance], fixedSeed)).toEqual({
      ok: false,
      message: "Guidance scale (CFG) 5: Model is required.",
    });
  });

  it("offers the sampling settings and each LoRA's scale by the form's names", () => {
    expect(sweepableParameters(base).map(({ key, label }) => `${key}: ${label}`)).toEqual([
      "seed: Seed",
      "noise_strength: Noise strength",
      "guidance_scale: Guidance scale (CFG)",
      "num_inference_steps: Inference steps",
      "scheduler: Scheduler",
      "loras.0.scale: LoRA 1 scale",
      "loras.1.scale: LoRA 2 scale",
    ]);
  });

  it("sums the sweep up for the grid image", () => {
    const planned = planSweep(
      base,
      [
        { parameter: { field: "guidance_scale" }, values: [5, 9] },
        { parameter: { field: "num_inference_steps" }, values: [20, 30] },
      ],
      fixedSeed,
    );
    if (!planned.ok) throw new Error(planned.message);
    expect(sweepSummary(planned.plan, base)).toEqual([
      "Sweep of Guidance scale (CFG) (across) × Inference steps (down): 4 runs.",
      "Prompt: a castle",
      "Model: stabilityai/stable-diffusion-xl-base-1.0",
      "Seed: 1234 in every cell",
    ]);
  });

  it("names no shared seed when the seed is swept, whatever the form's seed", () => {
    const planned = planSweep({ ...base, seed: 7 }, [
      { parameter: { field: "guidance_scale" }, values: [5, 9] },
      { parameter: { field: "seed" }, values: [1, 2] },
    ]);
    if (!planned.ok) throw new Error(planned.message);
    expect(planned.plan.seedSwept).toBe(true);
    expect(sweepSummary(planned.plan, { ...base, seed: 7 })).not.toContainEqual(expect.stringMatching(/^Seed/));
  });
});
