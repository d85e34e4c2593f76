import { describe, expect, it } from "vitest";
import { defaultFormValues } from "@/lib/form/form-values";
import { toRequestBody } from "@/lib/form/form-values";
import { applyGenerationReading } from "./apply";
import { looksLikeGenerationData } from "./detect";
import { parseGenerationData } from "./generation-data";
import { loraFinder } from "./lora-lookup";
import { type FindLora, readGenerationData } from "./reading";
import { fooocusJson, samples } from "./test-samples";

const nothingKnown: FindLora = () => undefined;
const read = (text: string, findLora = nothingKnown) => readGenerationData(parseGenerationData(text), findLora);

describe("generation data in this form", () => {
  it("fills the issue's example: prompt without the tag, sampler mapped, a LoRA asking for its URL, the model as a hint", () => {
    const reading = read(samples.issue);
    expect(reading.fields).toEqual({
      prompt: "a castle on a hill, sunset",
      negative_prompt: "blurry, lowres",
      num_inference_steps: 28,
      guidance_scale: 6.5,
      seed: 12345,
      clip_skip: 0,
      scheduler: "Euler A",
    });
    expect(reading.loras).toEqual([{ name: "castleStyle", scale: 0.7, path: "" }]);
    expect(reading.modelHint).toEqual({ name: "sd_xl_base_1.0" });
    expect(reading.tool).toBe("AUTOMATIC1111-style");
    expect(reading.ignored).toEqual(["Size: 768x512"]);
    expect(reading.notes).toEqual(["Size 768x512 is not set: the result takes the size of the init image."]);
    expect(reading.set).toContainEqual({ label: "CLIP skip", value: "0 (A1111's Clip skip 1, its default)" });
    expect(reading.set).toContainEqual({ label: "LoRAs", value: "castleStyle at 0.7" });
  });

  it("keeps LoRA weights within fal's scales 0 to 4, with a note for each it changed", () => {
    const reading = read("a castle <lora:under:-1> <lora:over:5> <lora:fine:0.8>\nSteps: 20");
    expect(reading.loras.map(({ name, scale }) => [name, scale])).toEqual([
      ["under", 0],
      ["over", 4],
      ["fine", 0.8],
    ]);
    expect(reading.notes).toEqual(
      expect.arrayContaining([
        'The LoRA "under" has weight -1; fal takes scales from 0 to 4, so it has 0.',
        'The LoRA "over" has weight 5; fal takes scales from 0 to 4, so it has 4.',
      ]),
    );
  });

  it("reads A1111 1.6 with a combined sampler name, and leaves noise strength to the hires fix it belongs to", () => {
    const reading = read(samples.a1111Old);
    expect(reading.tool).toBe("AUTOMATIC1111 v1.6.0");
    expect(reading.fields).toMatchObject({
      scheduler: "DPM++ 2M Karras",
      clip_skip: 1,
      seed: 3814627913,
      num_inference_steps: 25,
    });
    expect(reading.fields).not.toHaveProperty("noise_strength");
    expect(reading.fields.prompt).toBe(
      "masterpiece, best quality, 1girl, solo, long hair, looking at viewer, smile, (detailed background:1.2)",
    );
    expect(reading.loras).toEqual([{ name: "add_detail", scale: 0.6, path: "" }]);
    expect(reading.modelHint).toEqual({ name: "anything-v5-PrtRE", hash: "7f96a1a9ca" });
    expect(reading.notes).toEqual(
      expect.arrayContaining([
        expect.stringContaining("belongs to A1111's hires fix"),
        expect.stringContaining("A1111's emphasis"),
      ]),
    );
    expect(reading.ignored).toEqual(
      expect.arrayContaining([
        "ENSD: 31337",
        "Hires upscale: 2",
        "Hires upscaler: R-ESRGAN 4x+ Anime6B",
        "Lora hashes: add_detail: 7c6bad76eb54",
      ]),
    );
    expect(reading.ignored.some((entry) => /^(Denoising strength|Version|Model|Clip skip)\b/.test(entry))).toBe(false);
  });

  it("reads A1111 1.10 img2img: Schedule type Karras, Denoising strength as noise strength", () => {
    const reading = read(samples.a1111New);
    expect(reading.fields).toMatchObject({ scheduler: "DPM++ 2M Karras", noise_strength: 0.45, guidance_scale: 6.5 });
    expect(reading.set).toContainEqual({ label: "Noise strength", value: "0.45 (A1111's Denoising strength)" });
  });

  it("keeps multi-line, quoted, Unicode prompts and maps SGM Uniform to trailing timesteps", () => {
    const reading = read(samples.multiline);
    expect(reading.fields.prompt).toBe(
      'portrait of an old fisherman, "weathered" face,\nrain, 港の夜, café lights — bokeh',
    );
    expect(reading.fields.negative_prompt).toBe("cartoon,\n3d, (deformed:1.3)");
    expect(reading.fields).toMatchObject({ scheduler: "Euler (trailing timesteps)", seed: 4294967295 });
    expect(reading.ignored).toContain('Style: photo, "film" look');
  });

  it("reads Forge's data and lists its own keys as not used", () => {
    const reading = read(samples.forge);
    expect(reading.tool).toBe("Forge (f2.0.1v1.10.1-previous-313-g8a042934)");
    expect(reading.fields).toMatchObject({
      prompt: "a fox in the snow",
      negative_prompt: "",
      scheduler: "Euler (trailing timesteps)",
      guidance_scale: 1,
    });
    expect(reading.ignored).toEqual(
      expect.arrayContaining([
        "Distilled CFG Scale: 3.5",
        "Diffusion in Low Bits: Automatic (fp16 LoRA)",
        "Module 1: ae",
        "Module 2: clip_l",
      ]),
    );
  });

  it("turns Civitai's resources into a LoRA row with its download URL and a model hint", () => {
    const reading = read(samples.civitai);
    expect(reading.tool).toBe("Civitai");
    expect(reading.fields).toMatchObject({ scheduler: "DPM++ 2M SDE Karras", clip_skip: 1, guidance_scale: 5 });
    expect(reading.loras).toEqual([
      {
        name: "Detail Tweaker LoRA (细节调整LoRA) (v1.0)",
        scale: 0.6,
        path: "https://civitai.com/api/download/models/62833",
        from: "Civitai resources",
      },
    ]);
    expect(reading.modelHint).toEqual({
      civitai: {
        label: "Pony Diffusion V6 XL (V6 (start with this one))",
        url: "https://civitai.com/api/download/models/290640",
      },
    });
    expect(reading.ignored).toEqual([
      "Size: 832x1216",
      "Created Date: 2024-06-10T14:28:42.1524107Z",
      'Civitai metadata: {"remixOfId":11223344}',
    ]);
  });

  it("lists Civitai's LoRAs as notes when the prompt has tags, which name files rather than versions", () => {
    const text = samples.civitai.replace("dramatic light", "dramatic light <lora:detailTweaker:0.6>");
    const reading = read(text);
    expect(reading.loras).toEqual([{ name: "detailTweaker", scale: 0.6, path: "" }]);
    expect(reading.notes).toContain(
      "Civitai lists the LoRA Detail Tweaker LoRA (细节调整LoRA) (v1.0) at 0.6; its download URL is https://civitai.com/api/download/models/62833.",
    );
  });

  it("does not take ADetailer's denoising strength for the image's, and names a sampler fal lacks", () => {
    const reading = read(samples.adetailer);
    expect(reading.fields).not.toHaveProperty("noise_strength");
    expect(reading.fields.scheduler).toBe("");
    expect(reading.set).toContainEqual({ label: "Scheduler", value: "the model's default" });
    expect(reading.notes).toContain(
      'fal has no "DPM++ SDE Karras" sampler, so the scheduler was left at the model\'s default. The nearest fal has is DPM++ 2M SDE Karras.',
    );
    expect(reading.ignored).toEqual(
      expect.arrayContaining(["ADetailer denoising strength: 0.4", "ADetailer prompt: detailed face, smile"]),
    );
  });

  it("reads Fooocus's A1111 scheme, LoRAs from its Lora weights", () => {
    const reading = read(samples.fooocusText);
    expect(reading.tool).toBe("Fooocus v2.5.5");
    expect(reading.fields).toMatchObject({
      scheduler: "DPM++ 2M SDE Karras",
      guidance_scale: 4,
      seed: 987654321,
      clip_skip: 0,
    });
    expect(reading.loras).toEqual([{ name: "sd_xl_offset_example-lora_1.0", scale: 0.1, path: "" }]);
    expect(reading.ignored).toEqual(
      expect.arrayContaining(["Sharpness: 2", "Performance: Speed", "Raw prompt: a red fox in a snowy forest"]),
    );
  });

  it("reads Fooocus's JSON scheme, saying why a 64-bit seed is not taken", () => {
    const reading = readGenerationData(parseGenerationData(JSON.stringify(fooocusJson), "fooocus"), nothingKnown);
    expect(reading.tool).toBe("Fooocus v2.5.5");
    expect(reading.fields).toMatchObject({
      num_inference_steps: 30,
      guidance_scale: 4,
      clip_skip: 1,
      scheduler: "DPM++ 2M SDE Karras",
    });
    expect(reading.fields).not.toHaveProperty("seed");
    expect(reading.fields.prompt).toBe(fooocusJson.full_prompt.join(", "));
    expect(reading.fields.negative_prompt).toBe(fooocusJson.full_negative_prompt.join(", "));
    expect(reading.loras).toEqual([{ name: "sd_xl_offset_example-lora_1.0", scale: 0.1, path: "" }]);
    expect(reading.modelHint).toEqual({ name: "juggernautXL_v8Rundiffusion", hash: "aeb7e9e689" });
    expect(reading.notes).toEqual(
      expect.arrayContaining([
        "Seed 1234567890123456789 is larger than this endpoint takes, so Seed was left as it was.",
        expect.stringContaining('the prompt typed in Fooocus was "a red fox in a snowy forest"'),
      ]),
    );
    expect(reading.ignored).toEqual(
      expect.arrayContaining([
        "Size: 1152x896",
        "sharpness: 2",
        "styles: ['Fooocus V2', 'Fooocus Enhance', 'Fooocus Sharp']",
      ]),
    );
  });

  it("reads the JSON Fooocus's log copies to the clipboard, whose prompt is the one typed", () => {
    // Fooocus writes it with Python's json.dumps(indent=0): one key per line; no full prompts, no `loras` list.
    const copied = Object.entries({ ...fooocusJson, negative_prompt: "blurry" }).filter(
      ([key]) => !/^(full_|loras$)/.test(key),
    );
    const text = `{\n${copied.map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`).join(",\n")}\n}`;
    expect(looksLikeGenerationData(text)).toBe(true);
    const reading = read(text);
    expect(reading.fields).toMatchObject({
      prompt: "a red fox in a snowy forest",
      negative_prompt: "blurry",
      num_inference_steps: 30,
    });
    expect(reading.loras).toEqual([{ name: "sd_xl_offset_example-lora_1.0", scale: 0.1, path: "" }]);
    expect(reading.notes).toContain(
      "Fooocus's styles ['Fooocus V2', 'Fooocus Enhance', 'Fooocus Sharp'] are not applied here: the prompt is the one typed in Fooocus.",
    );
  });

  it("checks every number with the input schema's own rules", () => {
    const reading = read(
      "cat\nSteps: 200, Sampler: Euler, CFG scale: high, Seed: -1, Clip skip: 5, Denoising strength: 0.3",
    );
    expect(reading.fields).toEqual({
      prompt: "cat",
      negative_prompt: "",
      seed: undefined,
      noise_strength: 0.3,
      scheduler: "Euler",
    });
    expect(reading.fields).toHaveProperty("seed");
    expect(reading.notes).toEqual(
      expect.arrayContaining([
        "Steps 200: Inference steps must be at most 150. It was left as it was.",
        'CFG scale "high" is not a number, so Guidance scale (CFG) was left as it was.',
        "Clip skip 5: CLIP skip must be at most 2. It was left as it was.",
      ]),
    );
    expect(reading.set).toContainEqual({ label: "Seed", value: "random (the data says -1)" });
  });

  it("fills LoRA locations used before, and applies to the form without touching the model or the init image", () => {
    const findLora = loraFinder(new Map(), [
      { from: "an earlier run", paths: ["https://example.com/loras/castle_style.safetensors"] },
    ]);
    const reading = read(samples.issue, findLora);
    expect(reading.loras).toEqual([
      {
        name: "castleStyle",
        scale: 0.7,
        path: "https://example.com/loras/castle_style.safetensors",
        from: "an earlier run",
      },
    ]);
    const before = {
      ...defaultFormValues,
      model_name: "my/model",
      image_url: "https://example.com/init.png",
      loras: [{ path: "old/lora", scale: 1 }],
    };
    const after = applyGenerationReading(before, reading);
    expect(after).toMatchObject({
      model_name: "my/model",
      image_url: "https://example.com/init.png",
      prompt: "a castle on a hill, sunset",
      scheduler: "Euler A",
    });
    expect(after.loras).toEqual([
      { path: "https://example.com/loras/castle_style.safetensors", scale: 0.7, name: "castleStyle" },
    ]);
    expect(toRequestBody(after).loras).toEqual([
      { path: "https://example.com/loras/castle_style.safetensors", scale: 0.7 },
    ]);
  });
});
