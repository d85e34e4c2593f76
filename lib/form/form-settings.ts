import type { PlaygroundFormApi } from "@/components/form/use-playground-form";
import { minimalBody } from "@/lib/fal/defaults";
import { type LoraInput, type LoraRequest, loraInputSchema } from "@/lib/fal/input-schema";
import { formValuesOf, type FormValues, toRequestBody } from "@/lib/form/form-values";
import { readSettings, type SettingsReading } from "@/lib/share/settings-reader";

/** The form as settings, and `body`: exactly what Run sends, less any field that is not valid yet. */
export type FormSettings = SettingsReading & { body: LoraRequest };

/**
 * The form's values as settings for a link, a preset or code. A valid form gives the very body
 * Run sends; an invalid one gives the fields that validate, and names the others in `problems`.
 */
export function readFormSettings(values: FormValues): FormSettings {
  const body = toRequestBody(values);
  const parsed = loraInputSchema.safeParse(body);
  if (parsed.success) return { body, values: parsed.data, problems: [], unreadable: false };
  const reading = readSettings(body);
  return { ...reading, body: minimalBody(reading.values) };
}

/** Replaces every field of the form with these settings. */
export function applySettings(form: PlaygroundFormApi, settings: LoraInput): void {
  form.reset(formValuesOf(settings));
}
