import fc from "fast-check";
import { defaultInput } from "@/lib/fal/defaults";
import {
  type ControlNet,
  type Embedding,
  IMAGE_FORMATS,
  type IpAdapter,
  type LoraInput,
  loraInputSchema,
  type LoraWeight,
  PREDICTION_TYPES,
  SCHEDULERS,
} from "@/lib/fal/input-schema";
import {
  controlNetLimits,
  ipAdapterLimits,
  loraLimits,
  MAX_SEED,
  numberLimits,
  seedLimit,
  type NumberLimit,
} from "@/lib/fal/limits";

/**
 * Random inputs for property tests: every field of the endpoint, within its rules. Each record
 * below must name every field of its schema (the types check that), and a test checks that every
 * field really comes out of the filter with other values than its default.
 */
type Arbitraries<T> = { [K in keyof T]-?: fc.Arbitrary<unknown> };

const text = fc
  .string({ unit: "binary", minLength: 1, maxLength: 30 })
  .filter((value) => value.trim() === value && value !== "");
const path = fc.constantFrom(
  "stabilityai/stable-diffusion-xl-base-1.0",
  "runwayml/stable-diffusion-v1-5",
  "https://example.com/w.safetensors",
);
const image = fc.webUrl({ withQueryParameters: true });
// `x + 0` turns -0 into 0, which JSON cannot carry.
const number = ({ min, max, integer }: NumberLimit) =>
  integer ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true }).map((value) => value + 0);
/** A range for numbers fal bounds on one side only. */
const scale = ({ min, max }: { min: number; max: number }) =>
  fc.double({ min, max, noNaN: true }).map((value) => value + 0);

const lora = fc.record({ path, scale: number(loraLimits.scale) } satisfies Arbitraries<LoraWeight>, {
  requiredKeys: ["path"],
});
const embedding = fc.record({ path, tokens: fc.array(text, { maxLength: 3 }) } satisfies Arbitraries<Embedding>, {
  requiredKeys: ["path"],
});
const controlnet = fc.record(
  {
    path,
    config_url: image,
    variant: text,
    image_url: image,
    mask_url: image,
    conditioning_scale: number(controlNetLimits.conditioning_scale),
    start_percentage: fc.constantFrom(0, 0.1, 0.25),
    end_percentage: fc.constantFrom(0.5, 0.9, 1),
    ip_adapter_index: fc.nat(3),
  } satisfies Arbitraries<ControlNet>,
  { requiredKeys: ["path", "image_url"] },
);
const ipAdapter = fc.record(
  {
    ip_adapter_image_url: fc.oneof(image, fc.array(image, { minLength: 1, maxLength: 3 })),
    ip_adapter_mask_url: image,
    path: fc.constantFrom("h94/IP-Adapter"),
    model_subfolder: fc.constantFrom("sdxl_models", "models"),
    weight_name: fc.constantFrom(
      "ip-adapter_sdxl.safetensors",
      "ip-adapter_sd15.bin",
      "ip-adapter-plus_sdxl_vit-h.safetensors",
    ),
    insight_face_model_path: fc.constantFrom("buffalo_l", "antelopev2"),
    scale: scale({ min: ipAdapterLimits.scale.min ?? 0, max: 3 }),
    scale_json: fc.dictionary(fc.constantFrom("down", "up", "mid"), fc.oneof(fc.integer(), text, fc.boolean())),
    unconditional_noising_factor: number(ipAdapterLimits.unconditional_noising_factor),
    image_projection_shortcut: fc.boolean(),
  } satisfies Arbitraries<IpAdapter>,
  { requiredKeys: ["path", "ip_adapter_image_url"] },
);
// A custom schedule; leaving the field out is fal's default (its schema declares none).
const schedule = (item: fc.Arbitrary<number>) =>
  fc.record({ method: fc.constant("array" as const), array: fc.array(item, { minLength: 1, maxLength: 6 }) });

const request = fc.record(
  {
    model_name: path,
    unet_name: text,
    variant: fc.constantFrom("fp16", "bf16"),
    prompt: text,
    negative_prompt: text,
    prompt_weighting: fc.boolean(),
    image_url: image,
    noise_strength: number(numberLimits.noise_strength),
    loras: fc.array(lora, { maxLength: 3 }),
    embeddings: fc.array(embedding, { maxLength: 1 }),
    controlnets: fc.array(controlnet, { maxLength: 2 }),
    controlnet_guess_mode: fc.boolean(),
    ip_adapter: fc.array(ipAdapter, { maxLength: 2 }),
    image_encoder_path: text,
    image_encoder_subfolder: fc.constantFrom("models/image_encoder", "sdxl_models/image_encoder"),
    image_encoder_weight_name: text,
    ic_light_model_url: image,
    ic_light_model_background_image_url: image,
    ic_light_image_url: image,
    // Typed seeds, and fal's own 64-bit ones, which travel as BigInt.
    seed: fc.oneof(number(seedLimit), fc.bigInt({ min: BigInt(Number.MAX_SAFE_INTEGER) + 1n, max: MAX_SEED })),
    num_inference_steps: number(numberLimits.num_inference_steps),
    guidance_scale: number(numberLimits.guidance_scale),
    clip_skip: number(numberLimits.clip_skip),
    scheduler: fc.constantFrom(...SCHEDULERS),
    timesteps: schedule(fc.nat(1000)),
    sigmas: schedule(fc.double({ min: 0, max: 20, noNaN: true }).map((value) => value + 0)),
    prediction_type: fc.constantFrom(...PREDICTION_TYPES),
    rescale_betas_snr_zero: fc.boolean(),
    image_format: fc.constantFrom(...IMAGE_FORMATS),
    num_images: number(numberLimits.num_images),
    enable_safety_checker: fc.boolean(),
    tile_width: number(numberLimits.tile_width),
    tile_height: number(numberLimits.tile_height),
    tile_stride_width: number(numberLimits.tile_stride_width),
    tile_stride_height: number(numberLimits.tile_stride_height),
    eta: number(numberLimits.eta),
    debug_latents: fc.boolean(),
    debug_per_pass_latents: fc.boolean(),
  } satisfies Arbitraries<LoraInput>,
  { requiredKeys: ["model_name", "prompt"] },
);

/** Valid settings as the form holds them: parsed by the schema, defaults filled in. */
export const validSettings: fc.Arbitrary<LoraInput> = request
  .map((candidate) => loraInputSchema.safeParse(candidate))
  .filter((result) => result.success)
  .map((result) => ({ ...defaultInput, ...result.data }));
