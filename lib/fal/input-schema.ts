import "@/lib/security/zod-jitless";
import { z } from "zod";
import { IMAGE_DATA_URI, isDataUri } from "@/lib/http/data-uri";
import { IMAGE_FORMATS, PREDICTION_TYPES, SCHEDULE_METHODS, SCHEDULERS } from "./choices";
import { inputDefaults, itemDefaults } from "./defaults";
import { fieldLabels, itemFieldLabel, type ListField } from "./field-labels";
import {
  controlNetLimits,
  ipAdapterLimits,
  loraLimits,
  listLimits,
  MAX_EMBEDDINGS,
  MAX_IMAGE_LOCATION_CHARS,
  MAX_IMAGE_MIB,
  MAX_SEED,
  type NumberLimit,
  numberLimits,
  type OpenLimit,
  seedLimit,
  textLimits,
} from "./limits";

/*
 * The endpoint's input as fal's schema has it (lib/fal/fal-schema/snapshot.json; a test walks it
 * field by field). A rule stricter than fal's carries `stricterThanFal` with its reason: fal's app
 * refuses the same value when the run starts, or no pipeline can use it (docs/fal.md#stricter-rules).
 * Bounds on text and list lengths are this server's own, far above real use.
 */

// The choices and defaults live in zod-free modules, which the form paints with before this schema loads.
export { IMAGE_FORMATS, PREDICTION_TYPES, SCHEDULE_METHODS, SCHEDULERS, type Scheduler } from "./choices";

/** Why a rule is stricter than fal's schema; the schema test accepts a narrower bound only where this is set. */
function stricter<T extends z.ZodType>(schema: T, reason: string): T {
  return schema.meta({ stricterThanFal: reason });
}

/** A number within a limit, with the messages the form and the proxy show (sweeps check values with it too). */
export function ranged({ label, min, max, integer }: NumberLimit | OpenLimit) {
  let schema = z.number({ error: `${label} must be a number.` });
  if (integer) schema = schema.int(`${label} must be a whole number.`);
  if (min !== undefined) schema = schema.min(min, `${label} must be at least ${min}.`);
  if (max !== undefined) schema = schema.max(max, `${label} must be at most ${max}.`);
  return schema;
}

function withDefault(spec: NumberLimit | OpenLimit) {
  return ranged(spec).default(spec.default);
}

/** "X is required." when the field is missing, "X must be text." when it is something else. */
function requiredText(label: string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined ? `${label} is required.` : `${label} must be text.`;
}

function tooLong(label: string, max: number): string {
  return `${label} must be at most ${max.toLocaleString("en-US")} characters.`;
}

/** Free text fal takes as it is: prompts. */
function prose(label: string) {
  return z.string({ error: requiredText(label) }).max(textLimits.prompt, tooLong(label, textLimits.prompt));
}

/** A model or weights location: a URL or a Hugging Face id. */
function modelPath(label: string) {
  return stricter(
    z
      .string({ error: requiredText(label) })
      .trim()
      .min(1, `${label} is required.`)
      .max(textLimits.location, tooLong(label, textLimits.location)),
    "a blank location names nothing to load: the app fails the run",
  );
}

function optionalText(label: string, max: number = textLimits.name) {
  return z
    .string({ error: `${label} must be text.` })
    .max(max, tooLong(label, max))
    .optional();
}

const IMAGE_LOCATION = new RegExp(`^https?:\\/\\/\\S+$|${IMAGE_DATA_URI.source}`, "i");

/** An image the endpoint downloads: an http(s) URL or a base64 data URI. */
export function imageUrl(label: string) {
  return stricter(
    z
      .string({ error: requiredText(label) })
      .trim()
      .min(1, `${label} is required.`)
      .max(MAX_IMAGE_LOCATION_CHARS, `${label} is larger than the ${MAX_IMAGE_MIB} MiB an image may be.`)
      .regex(IMAGE_LOCATION, `${label} must be an http(s) URL or a base64 image data URI.`)
      .refine((url) => isDataUri(url) || url.length <= textLimits.location, tooLong(label, textLimits.location)),
    'the app downloads the image and fails the run on anything else ("Could not load image from url")',
  );
}

export const loraWeightSchema = z.strictObject({
  path: modelPath(itemFieldLabel("loras", "path")),
  scale: withDefault(loraLimits.scale),
});

export const embeddingSchema = z.strictObject({
  path: modelPath(itemFieldLabel("embeddings", "path")),
  tokens: z
    .array(
      stricter(
        z.string().min(1, "A token cannot be empty.").max(textLimits.name, tooLong("A token", textLimits.name)),
        "an empty token maps the embedding onto nothing in the prompt",
      ),
    )
    .max(listLimits.embedding_tokens.max, listLimits.embedding_tokens.message)
    .default(itemDefaults.embeddings.tokens),
});

export const controlNetSchema = z
  .strictObject({
    path: modelPath(itemFieldLabel("controlnets", "path")),
    config_url: optionalText(itemFieldLabel("controlnets", "config_url"), textLimits.location),
    variant: optionalText(itemFieldLabel("controlnets", "variant")),
    image_url: imageUrl(itemFieldLabel("controlnets", "image_url")),
    mask_url: imageUrl(itemFieldLabel("controlnets", "mask_url")).optional(),
    conditioning_scale: withDefault(controlNetLimits.conditioning_scale),
    start_percentage: withDefault(controlNetLimits.start_percentage),
    end_percentage: withDefault(controlNetLimits.end_percentage),
    ip_adapter_index: ranged(controlNetLimits.ip_adapter_index).optional(),
  })
  .check((ctx) => {
    // fal's app refuses start >= end (equal too) when the run starts (docs/fal.md#stricter-rules).
    const { start_percentage: start, end_percentage: end } = ctx.value;
    if (start >= end) {
      ctx.issues.push({
        code: "custom",
        input: start,
        path: ["start_percentage"],
        message: `${controlNetLimits.start_percentage.label} must be below its end.`,
      });
    }
  });

const IP_ADAPTER_IMAGE = itemFieldLabel("ip_adapter", "ip_adapter_image_url");
const imageList = z.union(
  [
    imageUrl(IP_ADAPTER_IMAGE),
    stricter(
      z
        .array(imageUrl(IP_ADAPTER_IMAGE))
        .min(1, `Add at least one ${IP_ADAPTER_IMAGE}.`)
        .max(listLimits.ip_adapter_images.max, listLimits.ip_adapter_images.message),
      "an IP adapter without an image has nothing to condition on",
    ),
  ],
  {
    error: (issue) => {
      if (issue.input === undefined) return `${IP_ADAPTER_IMAGE} is required.`;
      if (Array.isArray(issue.input) && issue.input.length > listLimits.ip_adapter_images.max) {
        return listLimits.ip_adapter_images.message;
      }
      return `${IP_ADAPTER_IMAGE} must be an http(s) URL, a base64 image data URI, or a list of them.`;
    },
  },
);

export const ipAdapterSchema = z.strictObject({
  ip_adapter_image_url: imageList,
  ip_adapter_mask_url: imageUrl(itemFieldLabel("ip_adapter", "ip_adapter_mask_url")).optional(),
  path: modelPath(itemFieldLabel("ip_adapter", "path")),
  model_subfolder: optionalText(itemFieldLabel("ip_adapter", "model_subfolder")),
  weight_name: optionalText(itemFieldLabel("ip_adapter", "weight_name")),
  insight_face_model_path: optionalText(itemFieldLabel("ip_adapter", "insight_face_model_path"), textLimits.location),
  scale: withDefault(ipAdapterLimits.scale),
  scale_json: z
    .record(z.string(), z.unknown(), { error: `${itemFieldLabel("ip_adapter", "scale_json")} must be a JSON object.` })
    .optional(),
  unconditional_noising_factor: withDefault(ipAdapterLimits.unconditional_noising_factor),
  image_projection_shortcut: z.boolean().default(itemDefaults.ip_adapter.image_projection_shortcut),
});

function scheduleSchema(label: string, item: z.ZodNumber) {
  return z
    .strictObject({
      method: z.enum(SCHEDULE_METHODS, { error: `${label} method must be "default" or "array".` }).optional(),
      array: z.array(item).max(listLimits.schedule.max, listLimits.schedule.message).default([]),
    })
    .check((ctx) => {
      // The app refuses a custom schedule without values when the run starts (docs/fal.md#stricter-rules).
      if (ctx.value.method === "array" && ctx.value.array.length === 0) {
        ctx.issues.push({
          code: "custom",
          input: ctx.value.array,
          path: ["array"],
          message: `Give at least one value for custom ${label.toLowerCase()}.`,
        });
      }
    });
}

export const timestepsSchema = scheduleSchema(
  fieldLabels.timesteps,
  stricter(
    z
      .number({ error: "A timestep must be a number." })
      .int("Timesteps must be whole numbers.")
      .min(0, "Timesteps cannot be negative."),
    "a schedule counts down from the scheduler's last timestep to 0: no pipeline has a negative one",
  ),
);
export const sigmasSchema = scheduleSchema(
  fieldLabels.sigmas,
  stricter(
    z.number({ error: "A sigma must be a number." }).min(0, "Sigmas cannot be negative."),
    "a sigma is a noise level (a standard deviation): no pipeline can use a negative one",
  ),
);

const SEED_PROBLEMS = {
  type: `${seedLimit.label} must be a number.`,
  whole: `${seedLimit.label} must be a whole number.`,
  min: `${seedLimit.label} must be at least ${seedLimit.min}.`,
  max: `${seedLimit.label} must be at most ${MAX_SEED}.`,
  inexact: `${seedLimit.label} is beyond ${seedLimit.max}, where this browser holds numbers only roughly: give it as exact digits.`,
};

function seedProblem(input: unknown): string {
  if (typeof input === "bigint") return input < 0n ? SEED_PROBLEMS.min : SEED_PROBLEMS.max;
  if (typeof input !== "number" || Number.isNaN(input)) return SEED_PROBLEMS.type;
  if (!Number.isInteger(input)) return SEED_PROBLEMS.whole;
  return input < 0 ? SEED_PROBLEMS.min : SEED_PROBLEMS.inexact;
}

/**
 * Any integer JavaScript holds exactly, or an exact 64-bit integer (BigInt) such as fal's own seeds,
 * which links, presets, PNGs and the JSON tab keep digit for digit (docs/fal.md#seeds).
 */
export const seedSchema = stricter(
  z.union(
    [
      z
        .number()
        .int({ error: (issue) => seedProblem(issue.input) })
        .min(seedLimit.min, SEED_PROBLEMS.min),
      z.bigint().min(0n, SEED_PROBLEMS.min).max(MAX_SEED, SEED_PROBLEMS.max),
    ],
    { error: (issue) => seedProblem(issue.input) },
  ),
  "the app seeds torch with it, which refuses anything beyond 2^64 − 1 and maps a negative seed onto that range",
);

/** True for IP-adapter weights of the "plus" family, which need an image encoder. */
export function isPlusIpAdapter(adapter: { path: string; weight_name?: string | undefined }): boolean {
  return /ip-adapter-plus/i.test(`${adapter.path} ${adapter.weight_name ?? ""}`);
}

export const loraInputSchema = z
  .strictObject({
    model_name: modelPath(fieldLabels.model_name),
    unet_name: optionalText(fieldLabels.unet_name, textLimits.location),
    variant: optionalText(fieldLabels.variant),
    prompt: prose(fieldLabels.prompt),
    negative_prompt: prose(fieldLabels.negative_prompt).default(inputDefaults.negative_prompt),
    prompt_weighting: z.boolean().default(inputDefaults.prompt_weighting),
    image_url: imageUrl(fieldLabels.image_url).optional(),
    noise_strength: withDefault(numberLimits.noise_strength),
    loras: z.array(loraWeightSchema).max(listLimits.loras.max, listLimits.loras.message).default([]),
    embeddings: stricter(
      z.array(embeddingSchema).max(MAX_EMBEDDINGS, `This endpoint takes at most ${MAX_EMBEDDINGS} embedding.`),
      'fal\'s own description of the field: "Only a single embedding is supported at the moment"',
    ).default([]),
    controlnets: z.array(controlNetSchema).max(listLimits.controlnets.max, listLimits.controlnets.message).default([]),
    controlnet_guess_mode: z.boolean().default(inputDefaults.controlnet_guess_mode),
    ip_adapter: z.array(ipAdapterSchema).max(listLimits.ip_adapter.max, listLimits.ip_adapter.message).default([]),
    image_encoder_path: optionalText(fieldLabels.image_encoder_path, textLimits.location),
    image_encoder_subfolder: optionalText(fieldLabels.image_encoder_subfolder),
    image_encoder_weight_name: z
      .string()
      .max(textLimits.name, tooLong(fieldLabels.image_encoder_weight_name, textLimits.name))
      .default(inputDefaults.image_encoder_weight_name),
    ic_light_model_url: optionalText(fieldLabels.ic_light_model_url, textLimits.location),
    ic_light_model_background_image_url: imageUrl(fieldLabels.ic_light_model_background_image_url).optional(),
    ic_light_image_url: imageUrl(fieldLabels.ic_light_image_url).optional(),
    seed: seedSchema.optional(),
    num_inference_steps: withDefault(numberLimits.num_inference_steps),
    guidance_scale: withDefault(numberLimits.guidance_scale),
    clip_skip: withDefault(numberLimits.clip_skip),
    scheduler: z
      .enum(SCHEDULERS, { error: `${fieldLabels.scheduler} must be one of: ${SCHEDULERS.join(", ")}.` })
      .optional(),
    timesteps: timestepsSchema.optional(),
    sigmas: sigmasSchema.optional(),
    prediction_type: z
      .enum(PREDICTION_TYPES, { error: `${fieldLabels.prediction_type} must be "epsilon" or "v_prediction".` })
      .optional(),
    rescale_betas_snr_zero: z.boolean().default(inputDefaults.rescale_betas_snr_zero),
    image_format: z.enum(IMAGE_FORMATS, { error: `${fieldLabels.image_format} must be "png" or "jpeg".` }).optional(),
    num_images: withDefault(numberLimits.num_images),
    enable_safety_checker: z.boolean().default(inputDefaults.enable_safety_checker),
    tile_width: withDefault(numberLimits.tile_width),
    tile_height: withDefault(numberLimits.tile_height),
    tile_stride_width: withDefault(numberLimits.tile_stride_width),
    tile_stride_height: withDefault(numberLimits.tile_stride_height),
    eta: withDefault(numberLimits.eta),
    debug_latents: z.boolean().default(inputDefaults.debug_latents),
    debug_per_pass_latents: z.boolean().default(inputDefaults.debug_per_pass_latents),
  })
  .check((ctx) => {
    // The app's own cross-field rules, which it applies when the run starts (docs/fal.md#stricter-rules).
    const input = ctx.value;
    const issue = (path: PropertyKey[], message: string) =>
      ctx.issues.push({ code: "custom", input: undefined, path, message });

    if (input.timesteps?.method === "array" && input.sigmas?.method === "array") {
      issue(["sigmas"], "Custom timesteps and custom sigmas cannot be used together; choose one.");
    }
    if (input.image_encoder_subfolder && !input.image_encoder_path) {
      issue(["image_encoder_subfolder"], "An image encoder subfolder needs an image encoder path.");
    }
    input.ip_adapter.forEach((adapter, index) => {
      if (isPlusIpAdapter(adapter) && !input.image_encoder_path) {
        issue(
          ["ip_adapter", index, "path"],
          'IP-Adapter "plus" weights need an image encoder: set the image encoder path.',
        );
      }
    });
  });

/** The schema of one item of each list field. */
export const listItemSchemas = {
  loras: loraWeightSchema,
  embeddings: embeddingSchema,
  controlnets: controlNetSchema,
  ip_adapter: ipAdapterSchema,
} as const satisfies Record<ListField, z.ZodObject>;

export type LoraInput = z.output<typeof loraInputSchema>;
/** What a caller may send: every defaulted field optional. */
export type LoraRequest = z.input<typeof loraInputSchema>;
export type LoraWeight = z.output<typeof loraWeightSchema>;
export type Embedding = z.output<typeof embeddingSchema>;
export type ControlNet = z.output<typeof controlNetSchema>;
export type IpAdapter = z.output<typeof ipAdapterSchema>;
export type Schedule = z.output<typeof timestepsSchema>;
