import { describe, expect, it } from "vitest";
import { SCHEDULERS } from "@/lib/fal/choices";
import type { LoraRequest } from "@/lib/fal/input-schema";
import { parseGenerationData } from "./generation-data";
import { parseInfotext, writeInfotext } from "./infotext";
import { readGenerationData } from "./reading";

const nothingKnown = () => undefined;
const readBack = (request: LoraRequest) =>
  readGenerationData(parseGenerationData(writeInfotext(request)), nothingKnown);

describe("A1111 infotext, written", () => {
  it("leaves out of the parameters what the request does not set", () => {
    expect(writeInfotext({ model_name: "m", prompt: "p", image_url: "https://x.test/a.png" })).toBe(
      "p\nSteps: 30, CFG scale: 7.5, Model: m, Denoising strength: 0.5",
    );
  });

  it("writes Clip skip as A1111 counts it: fal's 1 (one layer skipped) is A1111's 2, fal's 0 is left out", () => {
    const clipSkipOf = (clip_skip: number) =>
      parseInfotext(writeInfotext({ model_name: "m", prompt: "p", clip_skip })).parameters.get("Clip skip");
    expect(clipSkipOf(0)).toBeUndefined();
    expect(clipSkipOf(1)).toBe("2");
    expect(clipSkipOf(2)).toBe("3");
    for (const clip_skip of [0, 1, 2]) {
      expect(readBack({ model_name: "m", prompt: "p", clip_skip }).fields.clip_skip).toBe(clip_skip);
    }
  });

  it("names every fal scheduler as A1111 does, and reads each back as the same scheduler", () => {
    const written = (scheduler: (typeof SCHEDULERS)[number]) =>
      parseInfotext(writeInfotext({ model_name: "m", prompt: "p", scheduler })).parameters;
    expect(Object.fromEntries(written("DPM++ 2M Karras"))).toMatchObject({
      Sampler: "DPM++ 2M",
      "Schedule type": "Karras",
    });
    // Without a schedule type A1111 gives DPM++ 2M its Karras schedule, so fal's plain one says Uniform.
    expect(written("DPM++ 2M").get("Schedule type")).toBe("Uniform");
    expect(written("Euler A").get("Sampler")).toBe("Euler a");
    expect(written("Euler A").has("Schedule type")).toBe(false);
    expect(written("Euler (trailing timesteps)").get("Schedule type")).toBe("SGM Uniform");
    for (const scheduler of SCHEDULERS) {
      const reading = readBack({ model_name: "m", prompt: "p", scheduler });
      expect(reading.fields.scheduler, scheduler).toBe(scheduler);
      expect(reading.notes, scheduler).toEqual([]);
    }
  });

  it("round-trips a request through its infotext: prompts, LoRAs (URLs with colons too), numbers, seed", () => {
    const request: LoraRequest = {
      model_name: "https://example.com:8443/models/base.safetensors",
      prompt: "a harbour at dawn, mist",
      negative_prompt: "blurry, lowres",
      image_url: "https://x.test/init.png",
      noise_strength: 0.35,
      loras: [
        { path: "https://example.com:8080/boat.safetensors", scale: 0.5 },
        { path: "owner/sails", scale: 1.25 },
      ],
      num_inference_steps: 24,
      guidance_scale: 6,
      seed: 4242,
      clip_skip: 1,
      eta: 0.2,
      scheduler: "DPM++ 2M SDE Karras",
    };
    const text = writeInfotext(request, { width: 640, height: 480 });
    expect(text).toContain('Model: "https://example.com:8443/models/base.safetensors"');
    const reading = readBack(request);
    expect(reading.fields).toEqual({
      prompt: "a harbour at dawn, mist",
      negative_prompt: "blurry, lowres",
      num_inference_steps: 24,
      guidance_scale: 6,
      seed: 4242,
      clip_skip: 1,
      noise_strength: 0.35,
      eta: 0.2,
      scheduler: "DPM++ 2M SDE Karras",
    });
    expect(reading.loras.map(({ path, scale }) => ({ path, scale }))).toEqual(request.loras);
    expect(reading.modelHint?.name).toBe(request.model_name);
  });
});
