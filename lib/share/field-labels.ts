import type { LoraInput } from "@/lib/fal/input-schema";
import { numberLimits } from "@/lib/fal/limits";

/** The name of every input field in the user's words, for messages about links, presets and PNGs. */
export const fieldLabels: Record<keyof LoraInput, string> = {
  model_name: "Model",
  unet_name: "U-Net",
  variant: "Variant",
  prompt: "Prompt",
  negative_prompt: "Negative prompt",
  prompt_weighting: "Prompt weighting",
  image_url: "Init image",
  noise_strength: numberLimits.noise_strength.label,
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
  num_inference_steps: numberLimits.num_inference_steps.label,
  guidance_scale: numberLimits.guidance_scale.label,
  clip_skip: numberLimits.clip_skip.label,
  scheduler: "Scheduler",
  timesteps: "Timesteps",
  sigmas: "Sigmas",
  prediction_type: "Prediction type",
  rescale_betas_snr_zero: "Rescale betas to zero SNR",
  image_format: "Image format",
  num_images: numberLimits.num_images.label,
  enable_safety_checker: "Safety checker",
  tile_width: numberLimits.tile_width.label,
  tile_height: numberLimits.tile_height.label,
  tile_stride_width: numberLimits.tile_stride_width.label,
  tile_stride_height: numberLimits.tile_stride_height.label,
  eta: numberLimits.eta.label,
  debug_latents: "Debug latents",
  debug_per_pass_latents: "Debug per-pass latents",
};

export function isInputField(key: string): key is keyof LoraInput {
  return Object.hasOwn(fieldLabels, key);
}

/** "LoRA 2" for a list item, the field's label otherwise. */
export function describeField(key: keyof LoraInput, index?: number): string {
  return index === undefined ? fieldLabels[key] : `${fieldLabels[key]} ${index + 1}`;
}
