/**
 * The name of every input field in the user's words. The form's labels, the schema's messages
 * and every message about links, presets, PNGs and runs take their words from here. The schema
 * is built from this table, so its keys are checked against the schema's in a test.
 */
export const fieldLabels = {
  model_name: "Model",
  unet_name: "U-Net",
  variant: "Variant",
  prompt: "Prompt",
  negative_prompt: "Negative prompt",
  prompt_weighting: "Prompt weighting",
  image_url: "Init image",
  noise_strength: "Noise strength",
  loras: "LoRA",
  embeddings: "Embedding",
  controlnets: "ControlNet",
  controlnet_guess_mode: "ControlNet guess mode",
  ip_adapter: "IP adapter",
  image_encoder_path: "Image encoder path",
  image_encoder_subfolder: "Image encoder subfolder",
  image_encoder_weight_name: "Image encoder weight name",
  ic_light_model_url: "IC-Light model URL",
  ic_light_model_background_image_url: "IC-Light background image",
  ic_light_image_url: "IC-Light image",
  seed: "Seed",
  num_inference_steps: "Inference steps",
  guidance_scale: "Guidance scale (CFG)",
  clip_skip: "CLIP skip",
  scheduler: "Scheduler",
  timesteps: "Timesteps",
  sigmas: "Sigmas",
  prediction_type: "Prediction type",
  rescale_betas_snr_zero: "Rescale betas to zero terminal SNR",
  image_format: "Image format",
  num_images: "Number of images",
  enable_safety_checker: "Safety checker",
  tile_width: "Tile width",
  tile_height: "Tile height",
  tile_stride_width: "Tile stride width",
  tile_stride_height: "Tile stride height",
  eta: "Eta",
  debug_latents: "Debug latents",
  debug_per_pass_latents: "Debug per-pass latents",
} as const;

/** The fields of one list item, named as they follow the item's name: "LoRA 2" + "scale". */
export const itemFieldLabels = {
  loras: { path: "path", scale: "scale" },
  embeddings: { path: "path", tokens: "tokens" },
  controlnets: {
    path: "path",
    config_url: "config URL",
    variant: "variant",
    image_url: "control image",
    mask_url: "mask",
    conditioning_scale: "conditioning scale",
    start_percentage: "start",
    end_percentage: "end",
    ip_adapter_index: "IP adapter index",
  },
  ip_adapter: {
    ip_adapter_image_url: "image",
    ip_adapter_mask_url: "mask",
    path: "path",
    model_subfolder: "model subfolder",
    weight_name: "weight name",
    insight_face_model_path: "InsightFace model path",
    scale: "scale",
    scale_json: "scale JSON",
    unconditional_noising_factor: "unconditional noising factor",
    image_projection_shortcut: "image projection shortcut",
  },
} as const;

export type InputField = keyof typeof fieldLabels;
export type ListField = keyof typeof itemFieldLabels;
export type ItemField<L extends ListField> = keyof (typeof itemFieldLabels)[L] & string;

export function isInputField(key: string): key is InputField {
  return Object.hasOwn(fieldLabels, key);
}

export function isListField(key: string): key is ListField {
  return Object.hasOwn(itemFieldLabels, key);
}

/** "LoRA 2" for a list item, the field's label otherwise. */
export function describeField(key: InputField, index?: number): string {
  return index === undefined ? fieldLabels[key] : `${fieldLabels[key]} ${index + 1}`;
}

/** "LoRA scale" in general, "LoRA 2 scale" for the second LoRA. */
export function itemFieldLabel<L extends ListField>(list: L, field: ItemField<L>, index?: number): string {
  const fields: Record<string, string> = itemFieldLabels[list];
  return `${describeField(list, index)} ${fields[field]}`;
}

/** fal names the ControlNet list in the singular in some of its own 422s (docs/fal.md#validation-at-run-time). */
const FAL_ALIASES: Record<string, string> = { controlnet: "controlnets" };

/**
 * A field's path as the form labels it: `controlnets.0.image_url` or fal's
 * `["body", "controlnets", 0, "image_url"]` → "ControlNet 1 control image". Unknown paths are
 * given back as written.
 */
export function pathLabel(path: string | readonly PropertyKey[]): string {
  const parts = (typeof path === "string" ? path.split(".") : path.map(String)).filter((part) => part !== "");
  if (parts[0] === "body") parts.shift();
  const [rawKey = "", rawIndex, field, rawSubIndex] = parts;
  const key = FAL_ALIASES[rawKey] ?? rawKey;
  if (!isInputField(key)) return parts.join(".");
  const index = rawIndex !== undefined && /^\d+$/.test(rawIndex) ? Number(rawIndex) : undefined;
  if (!isListField(key) || index === undefined) return fieldLabels[key];
  const fields: Record<string, string> = itemFieldLabels[key];
  if (field === undefined || !Object.hasOwn(fields, field)) return describeField(key, index);
  const label = `${describeField(key, index)} ${fields[field]}`;
  return rawSubIndex !== undefined && /^\d+$/.test(rawSubIndex) ? `${label} ${Number(rawSubIndex) + 1}` : label;
}
