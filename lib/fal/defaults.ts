import { type LoraInput, type LoraRequest, loraInputSchema } from "./input-schema";

export const DEFAULT_MODEL = "stabilityai/stable-diffusion-xl-base-1.0";

/** Every field at the endpoint's own default (and the playground's default model, no prompt). */
export const defaultInput: LoraInput = {
  ...loraInputSchema.parse({ model_name: DEFAULT_MODEL, prompt: "placeholder" }),
  prompt: "",
};

/** Unset or empty: nothing to send for an optional field. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === "";
}

/**
 * A full input as the body the playground sends: the required fields always, the rest only where
 * they differ from the endpoint's defaults.
 */
export function changedFields(input: LoraInput): LoraRequest {
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const required = key === "model_name" || key === "prompt";
    const unchanged = JSON.stringify(value) === JSON.stringify(defaultInput[key as keyof LoraInput]);
    if (!required && (isBlank(value) || unchanged)) continue;
    body[key] = value;
  }
  return body as LoraRequest;
}
