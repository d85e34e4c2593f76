import type { LoraRequest, Scheduler } from "@/lib/fal/input-schema";
import { loraLimits, type NumberLimit, numberLimits, seedLimit } from "@/lib/fal/limits";
import { fieldLabels, itemFieldLabel } from "@/lib/fal/field-labels";

/** The request fields a sweep can vary, in the order the dialog offers them. */
export const SWEEP_FIELDS = ["seed", "noise_strength", "guidance_scale", "num_inference_steps", "scheduler"] as const;

/** A setting a sweep can vary: one of the sampling settings, or one LoRA's scale (by its position). */
export type SweepParameter = { field: (typeof SWEEP_FIELDS)[number] } | { field: "lora_scale"; lora: number };

export type SweepValue = number | Scheduler;

/** The limit a numeric parameter's values must keep; the scheduler has a list instead. */
export function limitOf(parameter: SweepParameter): NumberLimit | undefined {
  switch (parameter.field) {
    case "seed":
      return seedLimit;
    case "lora_scale":
      return loraLimits.scale;
    case "scheduler":
      return undefined;
    default:
      return numberLimits[parameter.field];
  }
}

/** The form's words for the parameter: "Guidance scale (CFG)", "LoRA 2 scale". */
export function parameterLabel(parameter: SweepParameter): string {
  return parameter.field === "lora_scale"
    ? itemFieldLabel("loras", "scale", parameter.lora)
    : fieldLabels[parameter.field];
}

/** A stable key for a parameter, for a select's value: "guidance_scale", "loras.1.scale". */
export function parameterKey(parameter: SweepParameter): string {
  return parameter.field === "lora_scale" ? `loras.${parameter.lora}.scale` : parameter.field;
}

export function sameParameter(a: SweepParameter, b: SweepParameter): boolean {
  return parameterKey(a) === parameterKey(b);
}

/** What can be swept for this request: the sampling settings and the scale of each of its LoRAs. */
export function sweepableParameters(base: LoraRequest): { parameter: SweepParameter; key: string; label: string }[] {
  const parameters: SweepParameter[] = [
    ...SWEEP_FIELDS.map((field) => ({ field })),
    ...(base.loras ?? []).map((_lora, lora) => ({ field: "lora_scale" as const, lora })),
  ];
  return parameters.map((parameter) => ({ parameter, key: parameterKey(parameter), label: parameterLabel(parameter) }));
}

/** The body with the parameter set to the value; nothing else changes. */
export function withValue(body: LoraRequest, parameter: SweepParameter, value: SweepValue): LoraRequest {
  if (parameter.field !== "lora_scale") return { ...body, [parameter.field]: value };
  const loras = (body.loras ?? []).map((lora, index) =>
    index === parameter.lora ? { ...lora, scale: Number(value) } : lora,
  );
  return { ...body, loras };
}

/** The value as a grid label shows it: "0.5", "DPM++ 2M Karras". */
export function formatValue(value: SweepValue): string {
  return String(value);
}
