import type { PlaygroundFormApi } from "@/components/form/use-playground-form";
import type { LoraInput } from "@/lib/fal/input-schema";
import { formValuesOf, type FormValues, toRequestBody } from "@/lib/form/form-values";
import { readSettings, type SettingsReading } from "@/lib/share/settings-reader";

/** The form's values as settings for a link, a preset or code: what does not validate is named. */
export function readFormSettings(values: FormValues): SettingsReading {
  return readSettings(toRequestBody(values));
}

/** Replaces every field of the form with these settings. */
export function applySettings(form: PlaygroundFormApi, settings: LoraInput): void {
  form.reset(formValuesOf(settings));
}
