import type { ControlNet, Embedding, IpAdapter, LoraWeight } from "@/lib/fal/input-schema";
import { blankListItem } from "@/lib/fal/defaults";

/** An intersection of object types as one object type, as editors and error messages show it. */
export type Simplify<T> = { [K in keyof T]: T[K] } & {};

/**
 * How the form holds a value the schema outputs: optional text and choices as text, blank meaning
 * "not sent"; everything else (numbers, flags, an optional number's `undefined`) as it is.
 */
type FormField<V> = undefined extends V ? (NonNullable<V> extends string ? NonNullable<V> | "" : V) : V;

/**
 * The fields of a schema's output as the form holds them, every one present. (Keyed by `Required<T>`
 * so that each key is required while its value keeps `undefined`, which `-?` would strip.)
 */
export type FormFields<T> = { [K in keyof Required<T>]: FormField<T[K]> };

/**
 * One LoRA as the form holds it. `name` is the name generation data gave it (`<lora:name:0.7>`),
 * shown beside its path; it stays in the form and is never sent.
 */
export type FormLora = Simplify<FormFields<LoraWeight> & { name?: string }>;

/** One embedding; `tokens` is the comma-separated text the user edits. */
export type FormEmbedding = Simplify<Omit<FormFields<Embedding>, "tokens"> & { tokens: string }>;

/** One ControlNet; blank text means "not sent", an empty index means "none". */
export type FormControlNet = FormFields<ControlNet>;

/**
 * One IP adapter. `scale_json` is the JSON text being edited; `images_as_list` remembers whether a
 * single image was sent as a one-item list, so a body read back is sent back unchanged.
 */
export type FormIpAdapter = Simplify<
  Omit<FormFields<IpAdapter>, "ip_adapter_image_url" | "scale_json"> & {
    ip_adapter_image_url: string[];
    images_as_list: boolean;
    scale_json: string;
  }
>;

/** New items as "Add LoRA" and the like start them: the schema's defaults, required fields blank. */
export const newLora = (): FormLora => loraFromBody(blankListItem("loras"));
export const newEmbedding = (): FormEmbedding => embeddingFromBody(blankListItem("embeddings"));
export const newControlNet = (): FormControlNet => controlNetFromBody(blankListItem("controlnets"));
export const newIpAdapter = (): FormIpAdapter => ipAdapterFromBody(blankListItem("ip_adapter"));

type Body = Record<string, unknown>;

/** Splits pasted or typed text ("a, b" or "a b") into its items; blank text is no items. */
export function splitList(text: string): string[] {
  return text
    .split(/[,\s]+/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/** JSON text → object for the request; text that is not a JSON object stays text so the schema names it. */
export function parseScaleJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/*
 * Items as request items, every field included: `minimalBody` leaves out what is at its default.
 * Text that does not parse (a token list, scale JSON) goes on as it is, for the schema to name.
 */

/** The name from generation data stays in the form; it is never sent. */
export function loraToBody({ path, scale }: FormLora): Body {
  return { path, scale };
}

export function embeddingToBody({ path, tokens }: FormEmbedding): Body {
  return { path, tokens: splitList(tokens) };
}

export function controlNetToBody(controlNet: FormControlNet): Body {
  return { ...controlNet };
}

export function ipAdapterToBody({ images_as_list, ip_adapter_image_url, scale_json, ...rest }: FormIpAdapter): Body {
  const images = ip_adapter_image_url.length === 1 && !images_as_list ? ip_adapter_image_url[0] : ip_adapter_image_url;
  return {
    ip_adapter_image_url: images,
    ...rest,
    scale_json: scale_json.trim() === "" ? undefined : parseScaleJson(scale_json),
  };
}

export function loraFromBody(lora: LoraWeight): FormLora {
  return { path: lora.path, scale: lora.scale };
}

export function embeddingFromBody(embedding: Embedding): FormEmbedding {
  return { path: embedding.path, tokens: embedding.tokens.join(", ") };
}

export function controlNetFromBody(controlNet: ControlNet): FormControlNet {
  return {
    path: controlNet.path,
    image_url: controlNet.image_url,
    mask_url: controlNet.mask_url ?? "",
    config_url: controlNet.config_url ?? "",
    variant: controlNet.variant ?? "",
    conditioning_scale: controlNet.conditioning_scale,
    start_percentage: controlNet.start_percentage,
    end_percentage: controlNet.end_percentage,
    ip_adapter_index: controlNet.ip_adapter_index,
  };
}

export function ipAdapterFromBody(adapter: IpAdapter): FormIpAdapter {
  const images = adapter.ip_adapter_image_url;
  return {
    ip_adapter_image_url: Array.isArray(images) ? images : [images],
    images_as_list: Array.isArray(images),
    ip_adapter_mask_url: adapter.ip_adapter_mask_url ?? "",
    path: adapter.path,
    model_subfolder: adapter.model_subfolder ?? "",
    weight_name: adapter.weight_name ?? "",
    insight_face_model_path: adapter.insight_face_model_path ?? "",
    scale: adapter.scale,
    scale_json: adapter.scale_json === undefined ? "" : JSON.stringify(adapter.scale_json, null, 2),
    unconditional_noising_factor: adapter.unconditional_noising_factor,
    image_projection_shortcut: adapter.image_projection_shortcut,
  };
}
