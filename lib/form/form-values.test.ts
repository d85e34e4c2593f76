import { describe, expect, it } from "vitest";
import { type LoraRequest, loraInputSchema } from "@/lib/fal/input-schema";
import { newControlNet, newEmbedding, newIpAdapter, newLora } from "./form-items";
import { defaultInput } from "@/lib/fal/defaults";
import { defaultFormValues, formValuesOf, type FormValues, toRequestBody } from "./form-values";
import { toFormValues } from "./request-json";

const MODEL = "stabilityai/stable-diffusion-xl-base-1.0";
const withPrompt = (values: Partial<FormValues>): FormValues => ({ ...defaultFormValues, prompt: "a fox", ...values });

describe("toRequestBody", () => {
  it("sends only the required fields when nothing else was changed", () => {
    expect(toRequestBody(withPrompt({}))).toEqual({ model_name: MODEL, prompt: "a fox" });
  });

  it("sends changed top-level fields and drops blank text", () => {
    const body = toRequestBody(
      withPrompt({
        noise_strength: 0.8,
        seed: 42,
        scheduler: "Euler A",
        unet_name: "",
        num_images: 3,
        debug_latents: true,
      }),
    );
    expect(body).toEqual({
      model_name: MODEL,
      prompt: "a fox",
      noise_strength: 0.8,
      seed: 42,
      scheduler: "Euler A",
      num_images: 3,
      debug_latents: true,
    });
  });

  it("puts the uploaded file's URL where the image goes", () => {
    const url = "http://127.0.0.1:3000/api/simulator/files/abc/init.png";
    expect(toRequestBody(withPrompt({ image_url: url })).image_url).toBe(url);
  });

  it("maps LoRAs and drops their defaulted fields", () => {
    const body = toRequestBody(
      withPrompt({
        loras: [
          { ...newLora(), path: "a/b" },
          { path: "https://x.test/l.safetensors", scale: 0.6 },
        ],
      }),
    );
    expect(body.loras).toEqual([{ path: "a/b" }, { path: "https://x.test/l.safetensors", scale: 0.6 }]);
  });

  it("splits embedding tokens and leaves the default tokens out", () => {
    const body = toRequestBody(withPrompt({ embeddings: [{ ...newEmbedding(), path: "e/one" }] }));
    expect(body.embeddings).toEqual([{ path: "e/one" }]);
    const custom = toRequestBody(withPrompt({ embeddings: [{ path: "e/one", tokens: "<a>, <b>,<c>" }] }));
    expect(custom.embeddings).toEqual([{ path: "e/one", tokens: ["<a>", "<b>", "<c>"] }]);
  });

  it("maps ControlNets with only what was set", () => {
    const controlNet = {
      ...newControlNet(),
      path: "c/canny",
      image_url: "https://x.test/c.png",
      end_percentage: 0.7,
      ip_adapter_index: 0,
    };
    expect(toRequestBody(withPrompt({ controlnets: [controlNet] })).controlnets).toEqual([
      { path: "c/canny", image_url: "https://x.test/c.png", end_percentage: 0.7, ip_adapter_index: 0 },
    ]);
  });

  it("sends one IP-adapter image as a string, several as a list, and scale JSON as an object", () => {
    const one = { ...newIpAdapter(), path: "h94/IP-Adapter", ip_adapter_image_url: ["https://x.test/a.png"] };
    const two = {
      ...one,
      ip_adapter_image_url: ["https://x.test/a.png", "https://x.test/b.png"],
      scale_json: '{"up": 0.5}',
    };
    expect(toRequestBody(withPrompt({ ip_adapter: [one, two] })).ip_adapter).toEqual([
      { path: "h94/IP-Adapter", ip_adapter_image_url: "https://x.test/a.png" },
      {
        path: "h94/IP-Adapter",
        ip_adapter_image_url: ["https://x.test/a.png", "https://x.test/b.png"],
        scale_json: { up: 0.5 },
      },
    ]);
  });

  it("turns a pasted comma list into custom timesteps, and leaves unparsable text for the schema to name", () => {
    const body = toRequestBody(withPrompt({ timesteps: { method: "array", array: "999, 749,499 249" } }));
    expect(body.timesteps).toEqual({ method: "array", array: [999, 749, 499, 249] });

    const broken = toRequestBody(withPrompt({ timesteps: { method: "array", array: "999, x" } }));
    const issues = loraInputSchema.safeParse(broken).error?.issues ?? [];
    expect(issues.map((issue) => [issue.path.join("."), issue.message])).toContainEqual([
      "timesteps.array.1",
      "A timestep must be a number.",
    ]);
  });

  it("lets the schema reject scale JSON that is not an object", () => {
    const adapter = {
      ...newIpAdapter(),
      path: "h94/IP-Adapter",
      ip_adapter_image_url: ["https://x.test/a.png"],
      scale_json: "{oops",
    };
    const issues = loraInputSchema.safeParse(toRequestBody(withPrompt({ ip_adapter: [adapter] }))).error?.issues ?? [];
    expect(issues.map((issue) => issue.path.join("."))).toEqual(["ip_adapter.0.scale_json"]);
  });
});

describe("toFormValues", () => {
  const bodies: LoraRequest[] = [
    { model_name: MODEL, prompt: "a fox" },
    {
      model_name: "runwayml/stable-diffusion-v1-5",
      prompt: "p",
      negative_prompt: "blurry",
      prompt_weighting: true,
      seed: 7,
    },
    {
      model_name: MODEL,
      prompt: "p",
      image_url: "https://x.test/i.png",
      noise_strength: 0.3,
      loras: [{ path: "a/b" }, { path: "c/d", scale: 0.5 }],
    },
    { model_name: MODEL, prompt: "p", embeddings: [{ path: "e/one", tokens: ["<x>"] }] },
    {
      model_name: MODEL,
      prompt: "p",
      controlnets: [
        {
          path: "c/canny",
          image_url: "https://x.test/c.png",
          mask_url: "https://x.test/m.png",
          start_percentage: 0.2,
          variant: "fp16",
          config_url: "https://x.test/c.json",
          ip_adapter_index: 1,
        },
      ],
      controlnet_guess_mode: true,
    },
    {
      model_name: MODEL,
      prompt: "p",
      image_encoder_path: "h94/IP-Adapter",
      image_encoder_subfolder: "models/image_encoder",
      image_encoder_weight_name: "model.safetensors",
      ip_adapter: [
        {
          path: "h94/IP-Adapter",
          ip_adapter_image_url: "https://x.test/a.png",
          weight_name: "ip-adapter-plus_sdxl.bin",
          scale_json: { down: { block_2: [0, 1] } },
          image_projection_shortcut: false,
        },
        {
          path: "h94/IP-Adapter",
          ip_adapter_image_url: ["https://x.test/a.png"],
          ip_adapter_mask_url: "https://x.test/m.png",
          unconditional_noising_factor: 0.2,
          scale: 2,
          model_subfolder: "sdxl_models",
          insight_face_model_path: "buffalo_l",
        },
      ],
    },
    {
      model_name: MODEL,
      prompt: "p",
      ic_light_model_url: "https://x.test/ic.safetensors",
      ic_light_image_url: "https://x.test/a.png",
      ic_light_model_background_image_url: "https://x.test/bg.png",
    },
    {
      model_name: MODEL,
      prompt: "p",
      scheduler: "DPM++ 2M Karras",
      num_inference_steps: 40,
      guidance_scale: 5,
      clip_skip: 2,
      eta: 0.5,
      prediction_type: "v_prediction",
      rescale_betas_snr_zero: true,
      timesteps: { method: "array", array: [999, 500, 1] },
    },
    {
      model_name: MODEL,
      prompt: "p",
      sigmas: { method: "array", array: [14.6, 1.5, 0.03] },
      unet_name: "unet/x",
      variant: "fp16",
    },
    {
      model_name: MODEL,
      prompt: "p",
      tile_width: 1024,
      tile_height: 768,
      tile_stride_width: 512,
      tile_stride_height: 384,
      image_format: "jpeg",
      num_images: 4,
      enable_safety_checker: true,
      debug_latents: true,
      debug_per_pass_latents: true,
    },
  ];

  it.each(bodies.map((body, index) => [index, body] as const))("reads body %i back exactly", (_index, body) => {
    expect(toRequestBody(toFormValues(body))).toEqual(body);
  });

  it("fills what the body leaves out with defaults", () => {
    expect(toFormValues({ model_name: MODEL, prompt: "a fox" })).toEqual({ ...defaultFormValues, prompt: "a fox" });
  });
});

describe("formValuesOf", () => {
  it("takes settings without a prompt (a link read field by field) and leaves the prompt blank", () => {
    const values = formValuesOf({ ...defaultInput, model_name: "runwayml/stable-diffusion-v1-5", num_images: 2 });
    expect(values.prompt).toBe("");
    expect(values.model_name).toBe("runwayml/stable-diffusion-v1-5");
    expect(toRequestBody(values)).toEqual({ model_name: "runwayml/stable-diffusion-v1-5", prompt: "", num_images: 2 });
  });
});
