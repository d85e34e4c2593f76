import { fieldLabels, itemFieldLabel } from "./field-labels";

/**
 * Labels, defaults and ranges of the numeric inputs of fal-ai/lora/image-to-image, as fal's schema
 * gives them (lib/fal/fal-schema/snapshot.json, checked by a test). The schema builds its rules from
 * these, and the form its sliders and number boxes, so both say the same words and the same bounds.
 */
export type NumberLimit = {
  label: string;
  default: number;
  min: number;
  max: number;
  step: number;
  integer: boolean;
};

/** A number fal bounds on one side only, or not at all (an IP adapter's scale, an index). */
export type OpenLimit = Omit<NumberLimit, "min" | "max"> & { min?: number; max?: number };

function limit(label: string, defaultValue: number, min: number, max: number, step: number): NumberLimit {
  return { label, default: defaultValue, min, max, step, integer: Number.isInteger(step) };
}

function openLimit(label: string, defaultValue: number, min: number | undefined, step: number): OpenLimit {
  return { label, default: defaultValue, min, step, integer: Number.isInteger(step) };
}

export const numberLimits = {
  noise_strength: limit(fieldLabels.noise_strength, 0.5, 0, 1, 0.01),
  num_inference_steps: limit(fieldLabels.num_inference_steps, 30, 1, 150, 1),
  guidance_scale: limit(fieldLabels.guidance_scale, 7.5, 0, 20, 0.1),
  clip_skip: limit(fieldLabels.clip_skip, 0, 0, 2, 1),
  eta: limit(fieldLabels.eta, 0, 0, 1, 0.01),
  num_images: limit(fieldLabels.num_images, 1, 1, 8, 1),
  tile_width: limit(fieldLabels.tile_width, 4096, 128, 4096, 1),
  tile_height: limit(fieldLabels.tile_height, 4096, 128, 4096, 1),
  tile_stride_width: limit(fieldLabels.tile_stride_width, 2048, 64, 2048, 1),
  tile_stride_height: limit(fieldLabels.tile_stride_height, 2048, 64, 2048, 1),
} as const satisfies Record<string, NumberLimit>;

export const loraLimits = {
  scale: limit(itemFieldLabel("loras", "scale"), 1, 0, 4, 0.05),
} as const;

export const controlNetLimits = {
  conditioning_scale: limit(itemFieldLabel("controlnets", "conditioning_scale"), 1, 0, 2, 0.05),
  start_percentage: limit(itemFieldLabel("controlnets", "start_percentage"), 0, 0, 1, 0.01),
  end_percentage: limit(itemFieldLabel("controlnets", "end_percentage"), 1, 0, 1, 0.01),
  /** Optional and unbounded in fal's schema: no index pairs the ControlNet with no IP adapter. */
  ip_adapter_index: openLimit(itemFieldLabel("controlnets", "ip_adapter_index"), 0, undefined, 1),
} as const;

export const ipAdapterLimits = {
  scale: openLimit(itemFieldLabel("ip_adapter", "scale"), 1, 0, 0.05),
  unconditional_noising_factor: limit(itemFieldLabel("ip_adapter", "unconditional_noising_factor"), 0, 0, 1, 0.01),
} as const;

/**
 * Seeds typed or pasted as numbers: every integer JavaScript holds exactly. fal's own seeds go up to
 * `MAX_SEED` and travel as exact integers (BigInt) instead (docs/fal.md#seeds).
 */
export const seedLimit = limit(fieldLabels.seed, 0, 0, Number.MAX_SAFE_INTEGER, 1);

/** The largest seed the app's torch generator takes; a larger one fails the run (docs/fal.md#seeds). */
export const MAX_SEED = 2n ** 64n - 1n;

/** Run's random draw: 1 to 2^32 − 1, a seed any SD pipeline elsewhere takes too. */
export const RANDOM_SEED_MAX = 4294967295;

/**
 * Bounds on free text. fal's schema bounds none of these, so they are generous: far
 * beyond real prompts and locations, and a bound on what one request can cost the server.
 */
export const textLimits = {
  /** Prompt and negative prompt. */
  prompt: 10_000,
  /** A model, weights or file location: a Hugging Face id or a URL. */
  location: 2_048,
  /** A variant, subfolder, weight file name or embedding token. */
  name: 256,
} as const;

/** The largest image file the page uploads and the simulator downloads or stores. */
export const MAX_IMAGE_MIB = 25;
export const MAX_IMAGE_BYTES = MAX_IMAGE_MIB * 1024 * 1024;
/** The longest image location: a base64 data URI of the largest image (its type and parameters included). */
export const MAX_IMAGE_LOCATION_CHARS = Math.ceil(MAX_IMAGE_BYTES / 3) * 4 + 256;

export const MAX_EMBEDDINGS = 1;
export const DEFAULT_EMBEDDING_TOKENS = ["<s0>", "<s1>"];
export const DEFAULT_IMAGE_ENCODER_WEIGHT_NAME = "pytorch_model.bin";

/** A ControlNet's control image and mask must be the same size, each side divisible by this (docs/fal.md#input). */
export const CONTROLNET_SIZE_MULTIPLE = 32;

export type ListLimit = { max: number; message: string };

function listLimit(max: number, items: string): ListLimit {
  return { max, message: `At most ${max} ${items} per run.` };
}

/**
 * Longest lists a run may carry: beyond any real use, and a bound on what one request can cost
 * the server. The schema refuses longer lists with a 422 on the list, and the form shows the same
 * message once the last item is added.
 */
export const listLimits = {
  loras: listLimit(32, "LoRAs"),
  controlnets: listLimit(8, "ControlNets"),
  ip_adapter: listLimit(8, "IP adapters"),
  ip_adapter_images: { max: 16, message: "At most 16 images per IP adapter." },
  embedding_tokens: { max: 32, message: "At most 32 tokens per embedding." },
  schedule: listLimit(1000, "custom timesteps or sigmas"),
} as const satisfies Record<string, ListLimit>;
