import { describeField, isInputField } from "@/lib/fal/field-labels";

/** A complaint about one input field; `field` is the form's path, e.g. "loras.0.path". */
export type FieldError = { field: string; message: string };

/**
 * fal's app reports its own ControlNet checks under `controlnet` (docs/fal.md#validation-at-run-time);
 * the form's list is `controlnets`.
 */
const APP_LOCATIONS: Record<string, string> = { controlnet: "controlnets" };

/** A 422 location as the form's field name: `["body", "loras", 0, "path"]` → `"loras.0.path"`. */
export function formFieldName(loc: readonly (string | number)[]): string {
  const [first, ...rest] = loc[0] === "body" ? loc.slice(1) : loc;
  if (first === undefined) return "";
  const head = typeof first === "string" ? (APP_LOCATIONS[first] ?? first) : first;
  return [head, ...rest].join(".");
}

/** A form field name in the user's words, for messages: `"controlnets.0.image_url"` → `"ControlNet 1"`. */
export function fieldLabel(name: string): string {
  const [key = "", index] = name.split(".");
  if (!isInputField(key)) return name;
  return describeField(key, index !== undefined && /^\d+$/.test(index) ? Number(index) : undefined);
}
