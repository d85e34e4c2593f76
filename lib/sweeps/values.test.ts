import { describe, expect, it } from "vitest";
import { SCHEDULERS } from "@/lib/fal/input-schema";
import { parseSweepValues } from "./values";

const noise = { field: "noise_strength" } as const;
const steps = { field: "num_inference_steps" } as const;
const parse = (text: string, parameter: Parameters<typeof parseSweepValues>[0] = noise) =>
  parseSweepValues(parameter, text);

describe("parseSweepValues", () => {
  it("reads lists, with commas, semicolons or lines between values", () => {
    expect(parse("0.3, 0.5, 0.7")).toEqual({ ok: true, values: [0.3, 0.5, 0.7] });
    expect(parse("0.3;0.5\n0.7")).toEqual({ ok: true, values: [0.3, 0.5, 0.7] });
  });

  it("reads ranges with a step, up or down, without floating-point dust", () => {
    expect(parse("0.2-0.8 step 0.2")).toEqual({ ok: true, values: [0.2, 0.4, 0.6, 0.8] });
    expect(parse("0.1 to 0.3 step 0.1")).toEqual({ ok: true, values: [0.1, 0.2, 0.3] });
    expect(parse("0.9..0.5 step 0.2")).toEqual({ ok: true, values: [0.9, 0.7, 0.5] });
    expect(parse("20-40 step 10", steps)).toEqual({ ok: true, values: [20, 30, 40] });
    expect(parse("0.1, 0.25-0.35 step 0.05")).toEqual({ ok: true, values: [0.1, 0.25, 0.3, 0.35] });
  });

  it("keeps LoRA scales within fal's 0 to 4, ranges included", () => {
    const lora = { field: "lora_scale", lora: 0 } as const;
    expect(parseSweepValues(lora, "0-4 step 2")).toEqual({ ok: true, values: [0, 2, 4] });
    expect(parseSweepValues(lora, "-1-1 step 1")).toEqual({ ok: false, message: "LoRA scale must be at least 0." });
    expect(parseSweepValues(lora, "3.5, 4.5")).toEqual({ ok: false, message: "LoRA scale must be at most 4." });
  });

  it("takes whole-number ranges without a step, and asks for one otherwise", () => {
    expect(parse("28-30", steps)).toEqual({ ok: true, values: [28, 29, 30] });
    expect(parse("0.2-0.8")).toMatchObject({ ok: false, message: expect.stringContaining("step") });
  });

  it("checks each value against the schema's limits, in its words", () => {
    expect(parse("0.5, 1.5")).toEqual({ ok: false, message: "Noise strength must be at most 1." });
    expect(parse("20.5", steps)).toEqual({ ok: false, message: "Inference steps must be a whole number." });
    expect(parseSweepValues({ field: "guidance_scale" }, "-1")).toEqual({
      ok: false,
      message: "Guidance scale (CFG) must be at least 0.",
    });
    expect(parseSweepValues({ field: "lora_scale", lora: 1 }, "5")).toEqual({
      ok: false,
      message: "LoRA scale must be at most 4.",
    });
    expect(parseSweepValues({ field: "seed" }, "-3")).toEqual({ ok: false, message: "Seed must be at least 0." });
  });

  it("refuses what is not a value, repeats, empty text, and too many values", () => {
    expect(parse("0.5, abc")).toEqual({ ok: false, message: '"abc" is not a number.' });
    expect(parse("0.5, 0.5")).toEqual({ ok: false, message: "0.5 is listed twice." });
    expect(parse(" , ")).toEqual({ ok: false, message: "Give at least one value for Noise strength." });
    expect(parse("0-1 step 0.01")).toMatchObject({ ok: false, message: expect.stringContaining("at most 16") });
    expect(parse("0.2-0.8 step 0")).toEqual({ ok: false, message: "A range's step must be more than 0." });
  });

  it("draws random seeds on request", () => {
    let next = 0;
    const randomSeed = () => (next += 11);
    expect(parseSweepValues({ field: "seed" }, "4 random", { randomSeed })).toEqual({
      ok: true,
      values: [11, 22, 33, 44],
    });
    expect(parseSweepValues({ field: "seed" }, "7, random", { randomSeed })).toEqual({ ok: true, values: [7, 55] });
  });

  it("reads scheduler names in any case, or all of them", () => {
    expect(parseSweepValues({ field: "scheduler" }, "euler a, DPM++ 2M Karras")).toEqual({
      ok: true,
      values: ["Euler A", "DPM++ 2M Karras"],
    });
    expect(parseSweepValues({ field: "scheduler" }, "all")).toEqual({ ok: true, values: [...SCHEDULERS] });
    expect(parseSweepValues({ field: "scheduler" }, "Heun")).toMatchObject({
      ok: false,
      message: expect.stringContaining('"Heun" is not a scheduler fal has'),
    });
  });
});
