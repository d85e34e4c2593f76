import type { ControlNet, Embedding, IpAdapter, LoraWeight } from "@/lib/fal/input-schema";
import { controlNetLimits, DEFAULT_EMBEDDING_TOKENS, ipAdapterLimits, loraLimits } from "@/lib/fal/limits";

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

export const newLora = (): FormLora => ({ path: "", scale: loraLimits.scale.default, force: false });

export const newEmbedding = (): FormEmbedding => ({ path: "", tokens: DEFAULT_EMBEDDING_TOKENS.join(", ") });

export const newControlNet = (): FormControlNet => ({
  path: "",
  image_url: "",
  mask_url: "",
  config_url: "",
  variant: "",
  conditioning_scale: controlNetLimits.conditioning_scale.default,
  start_percentage: controlNetLimits.start_percentage.default,
  end_percentage: controlNetLimits.end_percentage.default,
  ip_adapter_index: undefined,
});

export const newIpAdapter = (): FormIpAdapter => ({
  ip_adapter_image_url: [""],
  images_as_list: false,
  ip_adapter_mask_url: "",
  path: "",
  model_subfolder: "",
  weight_name: "",
  insight_face_model_path: "",
  scale: ipAdapterLimits.scale.default,
  scale_json: "",
  unconditional_noising_factor: ipAdapterLimits.unconditional_noising_factor.default,
  image_projection_shortcut: true,
});

type Body = Record<string, unknown>;

/** Copies the entries of `item` that differ from `defaults`; blank text counts as unset. */
function changedFields(item: Body, defaults: Body, required: string[]): Body {
  const body: Body = {};
  for (const [key, value] of Object.entries(item)) {
    if (required.includes(key)) body[key] = value;
    else if (value !== undefined && value !== "" && JSON.stringify(value) !== JSON.stringify(defaults[key])) body[key] = value;
  }
  return body;
}

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

export function loraToBody({ path, scale, force }: FormLora): Body {
  return changedFields({ path, scale, force }, newLora(), ["path"]);
}

export function embeddingToBody({ path, tokens }: FormEmbedding): Body {
  return changedFields({ path, tokens: splitList(tokens) }, { tokens: DEFAULT_EMBEDDING_TOKENS }, ["path"]);
}

export function controlNetToBody(controlNet: FormControlNet): Body {
  return changedFields(controlNet, newControlNet(), ["path", "image_url"]);
}

export function ipAdapterToBody({ images_as_list, ip_adapter_image_url, scale_json, ...rest }: FormIpAdapter): Body {
  const images = ip_adapter_image_url.length === 1 && !images_as_list ? ip_adapter_image_url[0] : ip_adapter_image_url;
  const defaults: Body = { ...newIpAdapter() };
  return changedFields(
    { ip_adapter_image_url: images, ...rest, scale_json: scale_json.trim() === "" ? undefined : parseScaleJson(scale_json) },
    defaults,
    ["ip_adapter_image_url", "path"],
  );
}

export function loraFromBody(lora: LoraWeight): FormLora {
  return { path: lora.path, scale: lora.scale, force: lora.force };
}

export function embeddingFromBody(embedding: Embedding): FormEmbedding {
  return { path: embedding.path, tokens: embedding.tokens.join(", ") };
}

export function controlNetFromBody(controlNet: ControlNet): FormControlNet {
  return {
    ...newControlNet(),
    ...controlNet,
    mask_url: controlNet.mask_url ?? "",
    config_url: controlNet.config_url ?? "",
    variant: controlNet.variant ?? "",
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
