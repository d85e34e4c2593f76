import type { ControlNet, Embedding, IpAdapter, LoraWeight } from "@/lib/fal/input-schema";
import { blankListItem } from "@/lib/fal/defaults";

/**
 * One LoRA as the form holds it. `name` is the name generation data gave it (`<lora:name:0.7>`),
 * shown beside its path; it stays in the form and is never sent.
 */
export type FormLora = { path: string; scale: number; force: boolean; name?: string };

/** One embedding; `tokens` is the comma-separated text the user edits. */
export type FormEmbedding = { path: string; tokens: string };

/** One ControlNet; blank text means "not sent", an empty index means "none". */
export type FormControlNet = {
  path: string;
  image_url: string;
  mask_url: string;
  config_url: string;
  variant: string;
  conditioning_scale: number;
  start_percentage: number;
  end_percentage: number;
  ip_adapter_index: number | undefined;
};

/**
 * One IP adapter. `scale_json` is the JSON text being edited; `images_as_list` remembers whether a
 * single image was sent as a one-item list, so a body read back is sent back unchanged.
 */
export type FormIpAdapter = {
  ip_adapter_image_url: string[];
  images_as_list: boolean;
  ip_adapter_mask_url: string;
  path: string;
  model_subfolder: string;
  weight_name: string;
  insight_face_model_path: string;
  scale: number;
  scale_json: string;
  unconditional_noising_factor: number;
  image_projection_shortcut: boolean;
};

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
export function loraToBody({ path, scale, force }: FormLora): Body {
  return { path, scale, force };
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
  return { path: lora.path, scale: lora.scale, force: lora.force };
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
