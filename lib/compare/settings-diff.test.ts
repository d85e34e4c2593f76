import { describe, expect, it } from "vitest";
import type { LoraRequest } from "@/lib/fal/input-schema";
import { describeField, itemFieldLabel } from "@/lib/fal/field-labels";
import { settingsDiff } from "./settings-diff";

const base: LoraRequest = { model_name: "stabilityai/stable-diffusion-xl-base-1.0", prompt: "a castle" };
const run = (input: Partial<LoraRequest>, seed?: number) => ({ input: { ...base, ...input }, seed });

describe("settingsDiff", () => {
  it("lists nothing for the same settings, sent in full or left at their defaults", () => {
    expect(settingsDiff(run({}), run({ guidance_scale: 7.5, num_inference_steps: 30, loras: [] }))).toEqual([]);
  });

  it("names each difference with the form's label, in the form's order, both sides as text", () => {
    const differences = settingsDiff(
      run({ prompt: "a castle", guidance_scale: 5, scheduler: "Euler A", prompt_weighting: true }),
      run({ prompt: "a castle at dusk", guidance_scale: 9 }),
    );
    expect(differences).toEqual([
      { path: "prompt", label: "Prompt", kind: "text", a: "a castle", b: "a castle at dusk" },
      { path: "prompt_weighting", label: "Prompt weighting", kind: "switch", a: "on", b: "off" },
      { path: "guidance_scale", label: "Guidance scale (CFG)", kind: "number", a: "5", b: "9" },
      { path: "scheduler", label: "Scheduler", kind: "text", a: "Euler A", b: "the model's own" },
    ]);
  });

  it("compares the seeds the runs used, random ones included, even 64-bit ones", () => {
    expect(settingsDiff(run({}, 42), run({ seed: 42 }))).toEqual([]);
    expect(settingsDiff(run({}, 196619188014358660), run({}, 7))).toEqual([
      { path: "seed", label: "Seed", kind: "number", a: "196619188014358660", b: "7" },
    ]);
    expect(settingsDiff(run({}), run({ seed: 7 }))[0]).toMatchObject({ a: "random", b: "7" });
  });

  it("compares list items field by field, and names an item only one run has", () => {
    const differences = settingsDiff(
      run({ loras: [{ path: "a/style", scale: 0.8 }] }),
      run({ loras: [{ path: "a/style", scale: 0.5 }, { path: "b/detail" }] }),
    );
    expect(differences).toEqual([
      { path: "loras.0.scale", label: "LoRA 1 scale", kind: "number", a: "0.8", b: "0.5" },
      { path: "loras.1", label: "LoRA 2", kind: "list-item", a: "—", b: "b/detail (scale 1)" },
    ]);
  });

  it("shows images as images, IP-adapter images one by one, and schedules as their values", () => {
    const controlnet = { path: "c/canny", image_url: "https://x.test/a.png" };
    const adapter = { path: "h94/IP-Adapter", ip_adapter_image_url: "https://x.test/1.png" };
    const differences = settingsDiff(
      run({ controlnets: [controlnet], ip_adapter: [adapter], timesteps: { method: "array", array: [999, 500] } }),
      run({
        controlnets: [{ ...controlnet, mask_url: "https://x.test/m.png" }],
        ip_adapter: [{ ...adapter, ip_adapter_image_url: ["https://x.test/1.png", "https://x.test/2.png"] }],
      }),
    );
    expect(differences).toEqual([
      { path: "controlnets.0.mask_url", label: "ControlNet 1 mask", kind: "image", a: "—", b: "https://x.test/m.png" },
      {
        path: "ip_adapter.0.ip_adapter_image_url.1",
        label: "IP adapter 1 image 2",
        kind: "image",
        a: "—",
        b: "https://x.test/2.png",
      },
      { path: "timesteps", label: "Timesteps", kind: "text", a: "999, 500", b: "default" },
    ]);
  });
});

describe("labels", () => {
  it("say what the form says", () => {
    expect(itemFieldLabel("controlnets", "conditioning_scale", 0)).toBe("ControlNet 1 conditioning scale");
    expect(itemFieldLabel("ip_adapter", "unconditional_noising_factor", 1)).toBe(
      "IP adapter 2 unconditional noising factor",
    );
    expect(describeField("embeddings", 0)).toBe("Embedding 1");
  });
});
