import { describe, expect, it } from "vitest";
import { mapSampler } from "./samplers";

describe("A1111 samplers on fal", () => {
  it.each([
    ["Euler a", undefined, "Euler A"],
    ["Euler", undefined, "Euler"],
    ["DPM++ 2M", undefined, "DPM++ 2M"],
    ["DPM++ 2M Karras", undefined, "DPM++ 2M Karras"],
    ["DPM++ 2M", "Karras", "DPM++ 2M Karras"],
    ["DPM++ 2M", "Automatic", "DPM++ 2M Karras"],
    ["DPM++ 2M", "Uniform", "DPM++ 2M"],
    ["DPM++ 2M SDE Karras", undefined, "DPM++ 2M SDE Karras"],
    ["DPM++ 2M SDE", "Karras", "DPM++ 2M SDE Karras"],
    ["Euler a", "Automatic", "Euler A"],
    ["Euler", "SGM Uniform", "Euler (trailing timesteps)"],
    ["Euler", "Simple", "Euler (trailing timesteps)"],
    ["LCM", "Automatic", "LCM"],
    ["LCM", "SGM Uniform", "LCM (trailing timesteps)"],
    ["DDIM", "Automatic", "DDIM"],
    ["TCD", undefined, "TCD"],
    ["dpmpp_2m_sde_gpu", "karras", "DPM++ 2M SDE Karras"],
    ["euler_ancestral", "normal", "Euler A"],
    ["lcm", "lcm", "LCM"],
    ["euler a", undefined, "Euler A"],
  ])("%s with schedule %s is %s", (sampler, schedule, scheduler) => {
    expect(mapSampler(sampler, schedule)).toEqual({ scheduler });
  });

  it("says when a schedule has no match, and keeps the sampler", () => {
    expect(mapSampler("Euler a", "Karras")).toEqual({
      scheduler: "Euler A",
      note: "\"Euler a\" with the Karras schedule: fal's Euler A has no such schedule, so Euler A with the model's own schedule was set.",
    });
    expect(mapSampler("DPM++ 2M SDE", "Automatic").note).toContain(
      'Exponential schedule (what A1111 picks for "Automatic")',
    );
    expect(mapSampler("DPM++ 2M SDE Exponential").scheduler).toBe("DPM++ 2M SDE");
    expect(mapSampler("Euler", "Align Your Steps").note).toContain("Align Your Steps schedule");
  });

  it("leaves the scheduler at the model's default for a sampler fal lacks, naming the nearest", () => {
    expect(mapSampler("DPM++ SDE Karras")).toEqual({
      scheduler: undefined,
      note: 'fal has no "DPM++ SDE Karras" sampler, so the scheduler was left at the model\'s default. The nearest fal has is DPM++ 2M SDE Karras.',
    });
    expect(mapSampler("DPM++ 2S a", "Automatic").note).toContain("nearest fal has is DPM++ 2M Karras");
    expect(mapSampler("uni_pc").note).toContain('no "UniPC" sampler');
    expect(mapSampler("[Forge] Flux Realistic").note).toBe(
      'fal has no "[Forge] Flux Realistic" sampler, so the scheduler was left at the model\'s default.',
    );
  });
});
