import fc from "fast-check";
import { compressToEncodedURIComponent } from "lz-string";
import { describe, expect, it } from "vitest";
import { defaultInput } from "@/lib/fal/defaults";
import { type LoraInput, loraInputSchema } from "@/lib/fal/input-schema";
import { MAX_LINK_JSON_CHARS, noPreviewReason, readLinkPayload, runPayload, settingsPayload } from "./link-payload";
import { LONG_LINK_CHARS, shareLinkFor } from "./share-link";
import { inflatingPayload } from "./test-links";

const ORIGIN = "https://lora-playground.example.com";
const RESULT = "https://v3.fal.media/files/penguin/Zx9cVb7nQ2wE4rT6yU8iO.png";
const packed = (version: number, data: unknown) => `${version}.${compressToEncodedURIComponent(JSON.stringify(data))}`;

/** A typical run: 4 LoRAs and 2 ControlNets, with fal's own (incompressible) file addresses. */
const typicalRun: LoraInput = loraInputSchema.parse({
  model_name: "stabilityai/stable-diffusion-xl-base-1.0",
  prompt:
    "a lighthouse on a rocky cliff at dusk, dramatic storm clouds, crashing waves, volumetric light through the rain, highly detailed oil painting, warm and cold palette",
  negative_prompt: "blurry, low quality, watermark, text, deformed, extra limbs",
  image_url: "https://v3.fal.media/files/rabbit/pS1f3QC8Ik5U3yZmsqLSQ.png",
  noise_strength: 0.65,
  loras: [
    { path: "nerijs/pixel-art-xl", scale: 0.8 },
    {
      path: "https://huggingface.co/ostris/watercolor_style_lora_sdxl/resolve/main/watercolor_v1_sdxl.safetensors",
      scale: 1.1,
    },
    { path: "https://civitai.com/api/download/models/135867", scale: 0.6 },
    { path: "CiroN2022/toy-face", scale: 0.7 },
  ],
  controlnets: [
    {
      path: "diffusers/controlnet-canny-sdxl-1.0",
      image_url: "https://v3.fal.media/files/koala/8hJ2kLmNx4Vb6Nm1Qw3Er.png",
      conditioning_scale: 0.7,
      end_percentage: 0.8,
    },
    {
      path: "diffusers/controlnet-depth-sdxl-1.0",
      image_url: "https://v3.fal.media/files/tiger/Qw3eRt5yU7iO9pAs2Df4G.png",
      conditioning_scale: 0.5,
    },
  ],
  seed: 3141592653,
  num_inference_steps: 35,
  guidance_scale: 6.5,
  scheduler: "DPM++ 2M Karras",
  num_images: 2,
});

describe("run links", () => {
  it("carry the run's settings, its image and fal's seed exactly, even past 2^53", () => {
    const payload = runPayload({ ...typicalRun, seed: undefined }, { imageUrl: RESULT, seed: "196619188014358660" });
    expect(payload.startsWith("2.")).toBe(true);
    const reading = readLinkPayload(payload, ORIGIN);
    expect(reading.problems).toEqual([]);
    expect(reading.values).toEqual({ ...typicalRun, seed: undefined });
    expect(reading.run).toEqual({ image: { url: RESULT, host: "fal" }, seed: "196619188014358660" });
  });

  it("leave out fal's seed when the settings hold it already", () => {
    const reading = readLinkPayload(runPayload(typicalRun, { imageUrl: RESULT, seed: "3141592653" }), ORIGIN);
    expect(reading.run).toEqual({ image: { url: RESULT, host: "fal" } });
    expect(reading.values.seed).toBe(3141592653);
  });

  it("stay under 2,000 characters for a typical run (4 LoRAs, 2 ControlNets)", () => {
    const link = shareLinkFor(ORIGIN, runPayload(typicalRun, { imageUrl: RESULT }));
    expect(link.preview).toBe(true);
    expect(link.url.length).toBeLessThan(LONG_LINK_CHARS);
  });

  it("keep a script in the prompt as the text it is", () => {
    const prompt = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const reading = readLinkPayload(runPayload({ ...defaultInput, prompt }, { imageUrl: RESULT }), ORIGIN);
    expect(reading.problems).toEqual([]);
    expect(reading.values.prompt).toBe(prompt);
  });

  it("name an image they may not show, keep the settings, and get no preview card", () => {
    const reading = readLinkPayload(
      packed(2, { settings: { prompt: "kept" }, image: "javascript:alert(1)", seed: "12x" }),
      ORIGIN,
    );
    expect(reading.values.prompt).toBe("kept");
    expect(reading.run).toEqual({});
    expect(reading.problems).toEqual([
      { field: "Image", message: 'A "javascript:" address is not an image; it is not shown.' },
      { field: "Seed used", message: "The seed fal used could not be read; it is not shown." },
    ]);
    expect(noPreviewReason(reading)).toMatch(/^Image: A "javascript:" address/);
    expect(noPreviewReason(readLinkPayload(runPayload(typicalRun, { imageUrl: RESULT }), ORIGIN))).toBeUndefined();
  });
});

describe("link payloads that cannot be read", () => {
  it("refuse, unread, a link that would unpack past the bound, naming the bound", () => {
    const reading = readLinkPayload(`1.${inflatingPayload('{"prompt":"a', 50_000_000, '"}')}`, ORIGIN);
    expect(reading.unreadable).toBe(true);
    expect(reading.values).toEqual(defaultInput);
    expect(reading.problems).toEqual([
      {
        field: "Link",
        message: `The link's settings are larger than ${MAX_LINK_JSON_CHARS / 1024} KiB once unpacked; they were not read.`,
      },
    ]);
    expect(noPreviewReason(reading)).toMatch(/larger than 256 KiB/);
  });

  it("refuse JSON nested deeper than settings ever are, before parsing it", () => {
    const nested = `{"prompt":"p","ip_adapter":[{"scale_json":${"[".repeat(5000)}${"]".repeat(5000)}}]}`;
    const reading = readLinkPayload(`1.${compressToEncodedURIComponent(nested)}`, ORIGIN);
    expect(reading.problems[0]?.message).toMatch(/nested more than 32 levels deep/);
    // Brackets inside text do not count.
    const quoted = readLinkPayload(packed(1, { prompt: "[".repeat(100) }), ORIGIN);
    expect(quoted.values.prompt).toBe("[".repeat(100));
  });

  it("say a run link that holds no run is damaged", () => {
    expect(readLinkPayload(packed(2, ["not", "a", "run"]), ORIGIN).problems[0]?.message).toMatch(/does not hold a run/);
    expect(readLinkPayload("2.", ORIGIN).problems[0]?.message).toMatch(/damaged/);
  });

  it("never throw, and always give settings the schema accepts", () => {
    const anyRun = fc.record(
      { settings: fc.anything(), image: fc.anything(), seed: fc.anything() },
      { requiredKeys: [] },
    );
    const payloads = fc.oneof(
      fc.string({ unit: "binary" }),
      fc.string({ unit: "binary" }).map((text) => `2.${text}`),
      anyRun.map((run) => packed(2, run)),
      fc.jsonValue().map((value) => packed(2, { settings: value, image: RESULT })),
    );
    fc.assert(
      fc.property(payloads, (payload) => {
        const { values } = readLinkPayload(payload, ORIGIN);
        expect(loraInputSchema.safeParse({ ...values, prompt: values.prompt || "prompt" }).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe("preset links", () => {
  it("are version 1: the changed settings alone, as links have always been", () => {
    const payload = settingsPayload({ ...defaultInput, prompt: "a fox" });
    expect(payload).toBe(packed(1, { model_name: defaultInput.model_name, prompt: "a fox" }));
    expect(readLinkPayload(payload, ORIGIN)).toEqual({
      values: { ...defaultInput, prompt: "a fox" },
      problems: [],
      unreadable: false,
    });
  });
});
