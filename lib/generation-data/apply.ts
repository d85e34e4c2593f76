import { newLora } from "@/lib/form/form-items";
import type { FormValues } from "@/lib/form/form-values";
import type { GenerationReading } from "./reading";

/**
 * The form after filling it from generation data: the fields the data sets, and its LoRAs in
 * place of the form's (each keeps its name so the row can ask for a location). Everything else,
 * the model and the init image first, stays as the user left it.
 */
export function applyGenerationReading(values: FormValues, reading: GenerationReading): FormValues {
  return {
    ...values,
    ...reading.fields,
    loras: reading.loras.map((lora) => ({ ...newLora(), path: lora.path, scale: lora.scale, name: lora.name })),
  };
}
