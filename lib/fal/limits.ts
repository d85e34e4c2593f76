/**
 * Labels, defaults and ranges of the numeric inputs of fal-ai/lora/image-to-image
 * (fal-reference §1). The schema builds its rules from these, and the form its
 * sliders and number boxes, so both say the same words and the same bounds.
 */
export type NumberLimit = {
  label: string;
  default: number;
  min: number;
  max: number;
  step: number;
  integer: boolean;
};

function limit(label: string, defaultValue: number, min: number, max: number, step: number): NumberLimit {
  return { label, default: defaultValue, min, max, step, integer: Number.isInteger(step) };
}

export const numberLimits = {
  noise_strength: limit("Noise strength", 0.5, 0, 1, 0.01),
  num_inference_steps: limit("Inference steps", 30, 1, 150, 1),
  guidance_scale: limit("Guidance scale (CFG)", 7.5, 0, 20, 0.1),
  clip_skip: limit("CLIP skip", 0, 0, 2, 1),
  eta: limit("Eta", 0, 0, 1, 0.01),
  num_images: limit("Number of images", 1, 1, 8, 1),
  tile_width: limit("Tile width", 4096, 128, 4096, 1),
  tile_height: limit("Tile height", 4096, 128, 4096, 1),
  tile_stride_width: limit("Tile stride width", 2048, 64, 2048, 1),
  tile_stride_height: limit("Tile stride height", 2048, 64, 2048, 1),
} as const satisfies Record<string, NumberLimit>;

export const loraLimits = {
  scale: limit("LoRA scale", 1, -4, 4, 0.05),
} as const;

export const controlNetLimits = {
  conditioning_scale: limit("Conditioning scale", 1, 0, 2, 0.05),
  start_percentage: limit("Start", 0, 0, 1, 0.01),
  end_percentage: limit("End", 1, 0, 1, 0.01),
} as const;

export const ipAdapterLimits = {
  scale: limit("IP adapter scale", 1, 0, Number.MAX_SAFE_INTEGER, 0.05),
  unconditional_noising_factor: limit("Unconditional noising factor", 0, 0, 1, 0.01),
} as const;

/** Seeds are unsigned 32-bit here, the range every SD pipeline accepts. */
export const seedLimit = limit("Seed", 0, 0, 4294967295, 1);

export const MAX_EMBEDDINGS = 1;
export const DEFAULT_EMBEDDING_TOKENS = ["<s0>", "<s1>"];
export const DEFAULT_IMAGE_ENCODER_WEIGHT_NAME = "pytorch_model.bin";

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


/**
 * The biggest image a visitor may upload (the picker checks it, the simulator's storage refuses
 * more, and its URL loader downloads no more). fal's client switches to multipart past 90 MiB.
 */
export const MAX_IMAGE_UPLOAD_BYTES = 25 * 1024 * 1024;
