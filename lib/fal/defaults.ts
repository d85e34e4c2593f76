import type { z } from "zod";
import { isRecord } from "@/lib/json/is-record";
import { fieldLabels, isListField, itemFieldLabels, type ListField } from "./field-labels";
import type { LoraInput, LoraRequest, listItemSchemas } from "./input-schema";
import {
  controlNetLimits,
  DEFAULT_EMBEDDING_TOKENS,
  DEFAULT_IMAGE_ENCODER_WEIGHT_NAME,
  ipAdapterLimits,
  loraLimits,
  numberLimits,
} from "./limits";

/*
 * The endpoint's defaults, as fal's schema declares them (lib/fal/fal-schema/snapshot.json). They
 * live here, free of zod, so the form paints and Run builds its body without loading the schema;
 * the schema takes its defaults from this module, and tests read them back off the schema and
 * check them against fal's.
 */

export const DEFAULT_MODEL = "stabilityai/stable-diffusion-xl-base-1.0";

export type ListItem<L extends ListField> = z.output<(typeof listItemSchemas)[L]>;

/** What the endpoint fills in for each optional field left out; optional fields without a default are absent. */
export const inputDefaults = {
  negative_prompt: "",
  prompt_weighting: false,
  noise_strength: numberLimits.noise_strength.default,
  loras: [],
  embeddings: [],
  controlnets: [],
  controlnet_guess_mode: false,
  ip_adapter: [],
  image_encoder_weight_name: DEFAULT_IMAGE_ENCODER_WEIGHT_NAME,
  num_inference_steps: numberLimits.num_inference_steps.default,
  guidance_scale: numberLimits.guidance_scale.default,
  clip_skip: numberLimits.clip_skip.default,
  rescale_betas_snr_zero: false,
  num_images: numberLimits.num_images.default,
  enable_safety_checker: false,
  tile_width: numberLimits.tile_width.default,
  tile_height: numberLimits.tile_height.default,
  tile_stride_width: numberLimits.tile_stride_width.default,
  tile_stride_height: numberLimits.tile_stride_height.default,
  eta: numberLimits.eta.default,
  debug_latents: false,
  debug_per_pass_latents: false,
};

/**
 * What fal's app uses for the choices its schema declares no default for, when they are left out:
 * fal's model page gives PNG, and the prediction type's description epsilon (docs/fal.md#input-schema).
 * The form names them on its "default" choice; the simulator renders with them.
 */
export const appDefaults = { image_format: "png", prediction_type: "epsilon" } as const;

/** The same for one item of each list. */
export const itemDefaults = {
  loras: { scale: loraLimits.scale.default },
  embeddings: { tokens: DEFAULT_EMBEDDING_TOKENS },
  controlnets: {
    conditioning_scale: controlNetLimits.conditioning_scale.default,
    start_percentage: controlNetLimits.start_percentage.default,
    end_percentage: controlNetLimits.end_percentage.default,
  },
  ip_adapter: {
    scale: ipAdapterLimits.scale.default,
    unconditional_noising_factor: ipAdapterLimits.unconditional_noising_factor.default,
    image_projection_shortcut: true,
  },
};

/** An object's fields in the schema's order (the labels' order), which of them are required, and the defaults of the rest. */
export type FieldDefaults = { keys: string[]; required: Set<string>; defaults: Record<string, unknown> };

export const inputFields: FieldDefaults = {
  keys: Object.keys(fieldLabels),
  required: new Set(["model_name", "prompt"]),
  defaults: inputDefaults,
};

export const itemFields: Record<ListField, FieldDefaults> = {
  loras: { keys: Object.keys(itemFieldLabels.loras), required: new Set(["path"]), defaults: itemDefaults.loras },
  embeddings: {
    keys: Object.keys(itemFieldLabels.embeddings),
    required: new Set(["path"]),
    defaults: itemDefaults.embeddings,
  },
  controlnets: {
    keys: Object.keys(itemFieldLabels.controlnets),
    required: new Set(["path", "image_url"]),
    defaults: itemDefaults.controlnets,
  },
  ip_adapter: {
    keys: Object.keys(itemFieldLabels.ip_adapter),
    required: new Set(["ip_adapter_image_url", "path"]),
    defaults: itemDefaults.ip_adapter,
  },
};

/** Every field at the endpoint's own default (and the playground's default model, no prompt). */
export const defaultInput: LoraInput = { model_name: DEFAULT_MODEL, prompt: "", ...inputDefaults };

/** A new item of a list as "Add LoRA" starts it: the schema's defaults, its required fields blank. */
export function blankListItem<L extends ListField>(list: L): ListItem<L> {
  const { required, defaults } = itemFields[list];
  const blanks = Object.fromEntries([...required].map((key) => [key, ""]));
  // Built field by field from this list's item defaults, so it has that item's fields.
  return { ...blanks, ...defaults } as ListItem<L>;
}
/** Unset or empty: nothing to send for an optional field. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === "";
}

/** Deep equality of JSON-like values; the order of object keys does not matter. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, index) => sameValue(item, b[index]))
    );
  }
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && sameValue(a[key], b[key]))
  );
}

/** The required fields always, the others where not blank and not at their default; in the schema's order. */
function withoutDefaults(
  fields: Record<string, unknown>,
  { keys, required, defaults }: FieldDefaults,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  // Fields the schema does not know go last and stay, so the schema names them instead of losing them.
  for (const key of [...keys, ...Object.keys(fields).filter((key) => !keys.includes(key))]) {
    if (!Object.hasOwn(fields, key)) continue;
    const value = fields[key];
    if (required.has(key) || (!isBlank(value) && !sameValue(value, defaults[key]))) body[key] = value;
  }
  return body;
}

/**
 * The body the playground sends for these settings: the required fields always, every other
 * field only where it differs from the schema's default (inside list items too), blank text
 * never. Run, the JSON tab, the Code panel, links and presets all send what this gives. It also
 * takes settings that are not valid yet, and passes the invalid values on for the schema to name.
 */
export function minimalBody(settings: LoraInput | Record<string, unknown>): LoraRequest {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(settings)) {
    fields[key] =
      isListField(key) && Array.isArray(value)
        ? value.map((item: unknown) => (isRecord(item) ? withoutDefaults(item, itemFields[key]) : item))
        : value;
  }
  // Shaped like a request; whether it is a valid one is the schema's call, made where it is sent.
  return withoutDefaults(fields, inputFields) as LoraRequest;
}
