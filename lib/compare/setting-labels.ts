import type { LoraInput } from "@/lib/fal/input-schema";
import { MAX_EMBEDDINGS } from "@/lib/fal/limits";
import { fieldLabels } from "@/lib/share/field-labels";

/**
 * The one place the compare and sweep tools take the form's words from. The top-level labels
 * live in lib/share/field-labels.ts; when they move, only this import changes.
 */
export { fieldLabels };

export type ListField = "loras" | "embeddings" | "controlnets" | "ip_adapter";

/** The words after "LoRA 2", "ControlNet 1" … for each field of a list item, as the form says them. */
export const itemFieldLabels = {
  loras: { path: "path", scale: "scale", force: "force" },
  embeddings: { path: "path", tokens: "tokens" },
  controlnets: {
    path: "path",
    image_url: "control image",
    mask_url: "mask",
    conditioning_scale: "conditioning scale",
    start_percentage: "start",
    end_percentage: "end",
    config_url: "config URL",
    variant: "variant",
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
} as const satisfies { [List in ListField]: { [Key in keyof LoraInput[List][number]]-?: string } };

/** "LoRA 2", or "Embedding" for a list that holds one item at most. */
export function itemLabel(list: ListField, index: number): string {
  return list === "embeddings" && MAX_EMBEDDINGS === 1 ? fieldLabels.embeddings : `${fieldLabels[list]} ${index + 1}`;
}

/** "LoRA 2 scale", "ControlNet 1 control image". */
export function itemFieldLabel<List extends ListField>(list: List, index: number, key: keyof (typeof itemFieldLabels)[List]): string {
  return `${itemLabel(list, index)} ${String(itemFieldLabels[list][key])}`;
}
