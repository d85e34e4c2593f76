import type { ListField } from "@/lib/fal/field-labels";
import type { LoraInput, LoraRequest, Schedule } from "@/lib/fal/input-schema";
import { defaultInput, minimalBody } from "@/lib/fal/defaults";
import {
  controlNetFromBody,
  controlNetToBody,
  embeddingFromBody,
  embeddingToBody,
  type FormControlNet,
  type FormEmbedding,
  type FormFields,
  type FormIpAdapter,
  type FormLora,
  ipAdapterFromBody,
  ipAdapterToBody,
  loraFromBody,
  loraToBody,
  type Simplify,
  splitList,
} from "./form-items";

/** A custom timestep or sigma schedule; `array` is the comma-separated text the user edits. */
export type FormSchedule = { method: NonNullable<Schedule["method"]>; array: string };

/**
 * What the form holds, derived from the schema's output (`FormFields`): every input of the
 * endpoint, blank text for unset optional text and choices, an undefined seed for "random", and
 * text for the fields people type as text (lists, JSON). Field paths match the request's, so a
 * server error on `loras.0.path` lands on that field.
 */
export type FormValues = Simplify<
  Omit<FormFields<LoraInput>, ListField | "timesteps" | "sigmas"> & {
    loras: FormLora[];
    embeddings: FormEmbedding[];
    controlnets: FormControlNet[];
    ip_adapter: FormIpAdapter[];
    timesteps: FormSchedule;
    sigmas: FormSchedule;
  }
>;

export type { FormControlNet, FormEmbedding, FormIpAdapter, FormLora } from "./form-items";

/** fal's default schedule is no schedule at all: the field is left out (its schema declares no default). */
function scheduleToBody({
  method,
  array,
}: FormSchedule): { method: FormSchedule["method"]; array: number[] } | undefined {
  const values = splitList(array).map(Number);
  return method === "default" && values.length === 0 ? undefined : { method, array: values };
}

function scheduleFromBody(schedule: Schedule | undefined): FormSchedule {
  return { method: schedule?.method ?? "default", array: schedule?.array.join(", ") ?? "" };
}

/**
 * The body the playground sends (`minimalBody` of the form's values): required fields always,
 * the rest only where they differ from the endpoint's defaults. Text that does not parse (a
 * timestep "abc", broken scale JSON) is passed on as is so the schema reports it on its field.
 */
export function toRequestBody(values: FormValues): LoraRequest {
  return minimalBody({
    ...values,
    loras: values.loras.map(loraToBody),
    embeddings: values.embeddings.map(embeddingToBody),
    controlnets: values.controlnets.map(controlNetToBody),
    ip_adapter: values.ip_adapter.map(ipAdapterToBody),
    timesteps: scheduleToBody(values.timesteps),
    sigmas: scheduleToBody(values.sigmas),
  });
}

/**
 * A full input as form values. It need not be valid as a whole: settings read field by field from
 * a link may still lack a prompt, and the form shows that as its own error.
 */
export function formValuesOf(input: LoraInput): FormValues {
  return {
    ...input,
    unet_name: input.unet_name ?? "",
    variant: input.variant ?? "",
    image_url: input.image_url ?? "",
    loras: input.loras.map(loraFromBody),
    embeddings: input.embeddings.map(embeddingFromBody),
    controlnets: input.controlnets.map(controlNetFromBody),
    ip_adapter: input.ip_adapter.map(ipAdapterFromBody),
    image_encoder_path: input.image_encoder_path ?? "",
    image_encoder_subfolder: input.image_encoder_subfolder ?? "",
    ic_light_model_url: input.ic_light_model_url ?? "",
    ic_light_model_background_image_url: input.ic_light_model_background_image_url ?? "",
    ic_light_image_url: input.ic_light_image_url ?? "",
    seed: input.seed,
    scheduler: input.scheduler ?? "",
    timesteps: scheduleFromBody(input.timesteps),
    sigmas: scheduleFromBody(input.sigmas),
    prediction_type: input.prediction_type ?? "",
    image_format: input.image_format ?? "",
  };
}

/** Every field at the endpoint's own default, as the form starts. */
export const defaultFormValues: FormValues = formValuesOf(defaultInput);
