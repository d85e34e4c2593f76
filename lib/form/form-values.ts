import { type LoraInput, type LoraRequest, loraInputSchema } from "@/lib/fal/input-schema";

export const DEFAULT_MODEL = "stabilityai/stable-diffusion-xl-base-1.0";

/** What the form holds: every field of the input, filled with the endpoint's defaults. */
export type FormValues = LoraInput;

/** Every field at the endpoint's own default, as the form starts. */
export const defaultFormValues: FormValues = {
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
export function toRequestBody(values: FormValues): LoraRequest {
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const required = key === "model_name" || key === "prompt";
    if (!required && (isBlank(value) || isEqual(value, defaultFormValues[key as keyof FormValues]))) continue;
    body[key] = value;
  }
  return body as LoraRequest;
}

/** The form's values for a request body (from history, a link or a preset): defaults fill the rest. */
export function toFormValues(request: LoraRequest): FormValues {
  return { ...defaultFormValues, ...loraInputSchema.parse({ ...request }) };
}
