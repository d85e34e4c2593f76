import type { IMAGE_FORMATS, PREDICTION_TYPES, SCHEDULE_METHODS, Scheduler } from "@/lib/fal/choices";
import type { LoraInput, LoraRequest } from "@/lib/fal/input-schema";
import { defaultInput, minimalBody } from "@/lib/fal/defaults";
import {
  controlNetFromBody,
  controlNetToBody,
  embeddingFromBody,
  embeddingToBody,
  type FormControlNet,
  type FormEmbedding,
  type FormIpAdapter,
  type FormLora,
  ipAdapterFromBody,
  ipAdapterToBody,
  loraFromBody,
  loraToBody,
  splitList,
} from "./form-items";

/** A custom timestep or sigma schedule; `array` is the comma-separated text the user edits. */
export type FormSchedule = { method: (typeof SCHEDULE_METHODS)[number]; array: string };

/**
 * What the form holds: every input of the endpoint, blank text for unset optional text, an
 * undefined seed for "random", and text for the fields people type as text (lists, JSON).
 * Field paths match the request's, so a server error on `loras.0.path` lands on that field.
 */
export type FormValues = {
  model_name: string;
  unet_name: string;
  variant: string;
  prompt: string;
  negative_prompt: string;
  prompt_weighting: boolean;
  image_url: string;
  noise_strength: number;
  loras: FormLora[];
  embeddings: FormEmbedding[];
  controlnets: FormControlNet[];
  controlnet_guess_mode: boolean;
  ip_adapter: FormIpAdapter[];
  image_encoder_path: string;
  image_encoder_subfolder: string;
  image_encoder_weight_name: string;
  ic_light_model_url: string;
  ic_light_model_background_image_url: string;
  ic_light_image_url: string;
  seed: number | undefined;
  num_inference_steps: number;
  guidance_scale: number;
  clip_skip: number;
  scheduler: Scheduler | "";
  timesteps: FormSchedule;
  sigmas: FormSchedule;
  prediction_type: (typeof PREDICTION_TYPES)[number];
  rescale_betas_snr_zero: boolean;
  image_format: (typeof IMAGE_FORMATS)[number];
  num_images: number;
  enable_safety_checker: boolean;
  tile_width: number;
  tile_height: number;
  tile_stride_width: number;
  tile_stride_height: number;
  eta: number;
  debug_latents: boolean;
  debug_per_pass_latents: boolean;
};

export type { FormControlNet, FormEmbedding, FormIpAdapter, FormLora } from "./form-items";

function scheduleToBody({ method, array }: FormSchedule): { method: FormSchedule["method"]; array: number[] } {
  return { method, array: splitList(array).map(Number) };
}

/**
 * The body the playground sends (`minimalBody` of the form's values): required fields always,
 * the rest only where they differ from the endpoint's defaults. Text that does not parse (a
 * timestep "abc", broken scale JSON) is passed on as is so the schema reports it on its field.
 */
export function toRequestBody(values: FormValues): LoraRequest {
  return minimalBody({
    ...values,
    loras: values.loras.map(loraToBody),
    embeddings: values.embeddings.map(embeddingToBody),
    controlnets: values.controlnets.map(controlNetToBody),
    ip_adapter: values.ip_adapter.map(ipAdapterToBody),
    timesteps: scheduleToBody(values.timesteps),
    sigmas: scheduleToBody(values.sigmas),
  });
}

/**
 * A full input as form values. It need not be valid as a whole: settings read field by field from
 * a link may still lack a prompt, and the form shows that as its own error.
 */
export function formValuesOf(input: LoraInput): FormValues {
  return {
    ...input,
    unet_name: input.unet_name ?? "",
    variant: input.variant ?? "",
    image_url: input.image_url ?? "",
    loras: input.loras.map(loraFromBody),
    embeddings: input.embeddings.map(embeddingFromBody),
    controlnets: input.controlnets.map(controlNetFromBody),
    ip_adapter: input.ip_adapter.map(ipAdapterFromBody),
    image_encoder_path: input.image_encoder_path ?? "",
    image_encoder_subfolder: input.image_encoder_subfolder ?? "",
    ic_light_model_url: input.ic_light_model_url ?? "",
    ic_light_model_background_image_url: input.ic_light_model_background_image_url ?? "",
    ic_light_image_url: input.ic_light_image_url ?? "",
    seed: input.seed,
    scheduler: input.scheduler ?? "",
    timesteps: { method: input.timesteps.method, array: input.timesteps.array.join(", ") },
    sigmas: { method: input.sigmas.method, array: input.sigmas.array.join(", ") },
  };
}

/** Every field at the endpoint's own default, as the form starts. */
export const defaultFormValues: FormValues = formValuesOf(defaultInput);
