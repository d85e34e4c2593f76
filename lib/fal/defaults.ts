import { type LoraInput, type LoraRequest, loraInputSchema } from "./input-schema";

export const DEFAULT_MODEL = "stabilityai/stable-diffusion-xl-base-1.0";

/** Every field at the endpoint's own default, as the form starts. */
export const inputDefaults: LoraInput = {
  ...loraInputSchema.parse({ model_name: DEFAULT_MODEL, prompt: "placeholder" }),
  prompt: "",
};

function isEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === "";
}

/**
 * The body the playground sends: required fields always, the rest only where they differ from the
 * endpoint's defaults, and never blank optional text.
 */
export function toRequestBody(values: LoraInput): LoraRequest {
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const required = key === "model_name" || key === "prompt";
    if (!required && (isBlank(value) || isEqual(value, inputDefaults[key as keyof LoraInput]))) continue;
    body[key] = value;
  }
  return body as LoraRequest;
}
