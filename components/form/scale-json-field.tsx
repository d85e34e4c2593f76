"use client";

import { useWatch } from "react-hook-form";
import { itemFieldLabel } from "@/lib/fal/field-labels";
import type { FormValues } from "@/lib/form/form-values";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import { messageOf } from "@/lib/errors/message-of";
import { fieldId, useFieldError } from "./use-field-error";
import { useRegisteredField } from "./use-registered-field";

function jsonProblem(text: string): string | undefined {
  if (text.trim() === "") return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === "object" && !Array.isArray(value)
      ? undefined
      : `${itemFieldLabel("ip_adapter", "scale_json")} must be a JSON object.`;
  } catch (error) {
    return `Not valid JSON: ${messageOf(error)}`;
  }
}

/** A JSON editor for per-layer IP-adapter scales that says what is wrong as you type. */
export function ScaleJsonField({ index, label }: { index: number; label: string }) {
  const name = `ip_adapter.${index}.scale_json` as const;
  const registered = useRegisteredField(name);
  const text = useWatch<FormValues, typeof name>({ name }) ?? "";
  const schemaError = useFieldError(name);
  const error = jsonProblem(text) ?? schemaError;
  const id = fieldId(name);
  return (
    <Field
      id={id}
      label={label}
      error={error}
      hint='Per-block scales, e.g. {"down": {"block_2": [0.0, 1.0]}, "up": {"block_0": [0.0, 1.0, 0.0]}}.'
    >
      <textarea
        rows={3}
        spellCheck={false}
        className={`${inputClass} font-mono text-xs`}
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { error, hint: true })}
        {...registered}
      />
    </Field>
  );
}
