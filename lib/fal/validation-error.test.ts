import { describe, expect, it } from "vitest";
import { z } from "zod";
import { loraInputSchema } from "./input-schema";
import { falValidationBody, parseForFal, toFalFieldErrors } from "./validation-error";

const BASE = { model_name: "stabilityai/stable-diffusion-xl-base-1.0", prompt: "a medieval queen" };
const CONTROLNET = { path: "diffusers/controlnet-canny-sdxl-1.0", image_url: "https://example.com/canny.png" };
const IP_ADAPTER = { path: "h94/IP-Adapter", ip_adapter_image_url: "https://example.com/face.png" };

function zodError(input: unknown, params?: { reportInput?: boolean }): z.ZodError {
  const result = loraInputSchema.safeParse(input, params);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be invalid`);
  return result.error;
}

const detailFor = (input: unknown) => toFalFieldErrors(zodError(input));

describe("falValidationBody", () => {
  it("answers in fal's 422 shape for missing required fields", () => {
    expect(falValidationBody(zodError({}))).toEqual({
      detail: [
        { loc: ["body", "model_name"], msg: "Model is required.", type: "missing" },
        { loc: ["body", "prompt"], msg: "Prompt is required.", type: "missing" },
      ],
    });
  });

  it("survives a JSON round trip unchanged", () => {
    const body = falValidationBody(zodError({ ...BASE, num_images: 9, loras: [{}], extra: true }));
    expect(JSON.parse(JSON.stringify(body))).toEqual(body);
  });
});

describe("toFalFieldErrors", () => {
  it("puts list indexes into loc as numbers", () => {
    const [error] = detailFor({ ...BASE, loras: [{ path: "a" }, { scale: 1 }] });
    expect(error).toEqual({ loc: ["body", "loras", 1, "path"], msg: "LoRA path is required.", type: "missing" });
    expect(typeof error?.loc[2]).toBe("number");
  });

  it.each([
    [
      { num_inference_steps: 0 },
      ["body", "num_inference_steps"],
      "Inference steps must be at least 1.",
      "greater_than_equal",
    ],
    [
      { tile_stride_width: 2049 },
      ["body", "tile_stride_width"],
      "Tile stride width must be at most 2048.",
      "less_than_equal",
    ],
    [{ seed: -1 }, ["body", "seed"], "Seed must be at least 0.", "greater_than_equal"],
    [
      { controlnets: [{ ...CONTROLNET, conditioning_scale: 2.5 }] },
      ["body", "controlnets", 0, "conditioning_scale"],
      "ControlNet conditioning scale must be at most 2.",
      "less_than_equal",
    ],
    [
      { ip_adapter: [IP_ADAPTER, { ...IP_ADAPTER, scale: -0.5 }] },
      ["body", "ip_adapter", 1, "scale"],
      "IP adapter scale must be at least 0.",
      "greater_than_equal",
    ],
    [{ scheduler: "Euler a" }, ["body", "scheduler"], expect.stringContaining("Scheduler must be one of:"), "enum"],
    [{ image_format: "webp" }, ["body", "image_format"], 'Image format must be "png" or "jpeg".', "enum"],
    [
      { timesteps: { method: "linear", array: [] } },
      ["body", "timesteps", "method"],
      'Timesteps method must be "default" or "array".',
      "enum",
    ],
    [
      { controlnets: [{ path: CONTROLNET.path }] },
      ["body", "controlnets", 0, "image_url"],
      "ControlNet control image is required.",
      "missing",
    ],
    [
      { image_url: "ftp://example.com/a.png" },
      ["body", "image_url"],
      "Init image must be an http(s) URL or a base64 image data URI.",
      "string_pattern_mismatch",
    ],
    [
      { embeddings: [{ path: "a" }, { path: "b" }] },
      ["body", "embeddings"],
      "This endpoint takes at most 1 embedding.",
      "too_long",
    ],
    [
      { ip_adapter: [{ ...IP_ADAPTER, ip_adapter_image_url: [] }] },
      ["body", "ip_adapter", 0, "ip_adapter_image_url"],
      "Add at least one IP adapter image.",
      "too_short",
    ],
  ])("maps %j to one %s entry", (fields, loc, msg, type) => {
    expect(detailFor({ ...BASE, ...fields })).toEqual([{ loc, msg, type }]);
  });

  it.each([
    [
      "ControlNet start not below end",
      { controlnets: [CONTROLNET, { ...CONTROLNET, start_percentage: 0.6, end_percentage: 0.4 }] },
      ["body", "controlnets", 1, "start_percentage"],
      "ControlNet start must be below its end.",
    ],
    [
      "timesteps with sigmas",
      { timesteps: { method: "array", array: [999] }, sigmas: { method: "array", array: [1] } },
      ["body", "sigmas"],
      "Custom timesteps and custom sigmas cannot be used together; choose one.",
    ],
    [
      "subfolder without encoder",
      { image_encoder_subfolder: "image_encoder" },
      ["body", "image_encoder_subfolder"],
      "An image encoder subfolder needs an image encoder path.",
    ],
    [
      "plus weights without encoder",
      { ip_adapter: [{ ...IP_ADAPTER, weight_name: "ip-adapter-plus_sdxl_vit-h.safetensors" }] },
      ["body", "ip_adapter", 0, "path"],
      'IP-Adapter "plus" weights need an image encoder: set the image encoder path.',
    ],
    [
      "empty custom timesteps",
      { timesteps: { method: "array", array: [] } },
      ["body", "timesteps", "array"],
      "Give at least one value for custom timesteps.",
    ],
  ])("reports the cross-field rule %s as a value_error", (_rule, fields, loc, msg) => {
    expect(detailFor({ ...BASE, ...fields })).toEqual([{ loc, msg, type: "value_error" }]);
  });

  it("gives one extra_forbidden entry per unknown key, at the key's own loc", () => {
    expect(detailFor({ ...BASE, width: 1024, height: 768, loras: [{ path: "l", weight: 1 }] })).toEqual([
      { loc: ["body", "loras", 0, "weight"], msg: 'Unknown field "weight".', type: "extra_forbidden" },
      { loc: ["body", "width"], msg: 'Unknown field "width".', type: "extra_forbidden" },
      { loc: ["body", "height"], msg: 'Unknown field "height".', type: "extra_forbidden" },
    ]);
  });

  it("lists every offending field, not only the first", () => {
    const locs = detailFor({ num_images: 0, eta: 2, scheduler: "Euler a" }).map((error) => error.loc);
    expect(locs).toEqual([
      ["body", "model_name"],
      ["body", "prompt"],
      ["body", "scheduler"],
      ["body", "num_images"],
      ["body", "eta"],
    ]);
  });

  it("names a wrong type <expected>_type when zod reports the input", () => {
    const errors = toFalFieldErrors(zodError({ ...BASE, prompt: 5, num_images: 1.5 }, { reportInput: true }));
    expect(errors).toEqual([
      { loc: ["body", "prompt"], msg: "Prompt must be text.", type: "string_type" },
      { loc: ["body", "num_images"], msg: "Number of images must be a whole number.", type: "int_type" },
    ]);
  });

  it("parseForFal tells a missing field from a wrong type", () => {
    const wrongType = parseForFal(loraInputSchema, { ...BASE, prompt: 5 });
    expect(wrongType).toEqual({
      success: false,
      body: { detail: [{ loc: ["body", "prompt"], msg: "Prompt must be text.", type: "string_type" }] },
    });
    const withoutPrompt = { model_name: BASE.model_name };
    const missing = parseForFal(loraInputSchema, withoutPrompt);
    expect(missing).toEqual({
      success: false,
      body: { detail: [{ loc: ["body", "prompt"], msg: "Prompt is required.", type: "missing" }] },
    });
  });
});
