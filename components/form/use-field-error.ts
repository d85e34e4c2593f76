"use client";

import { type FieldPath, get, useFormState } from "react-hook-form";
import type { FormValues } from "@/lib/form/form-values";

/** The first message at or below `error` (a list field's error may sit on one of its items). */
function firstMessage(error: unknown): string | undefined {
  if (!error || typeof error !== "object") return undefined;
  const { message } = error as { message?: unknown };
  if (typeof message === "string" && message) return message;
  for (const [key, child] of Object.entries(error)) {
    const found = key === "ref" ? undefined : firstMessage(child);
    if (found) return found;
  }
  return undefined;
}

/**
 * The error message of one field, once it was left or the form submitted (a list validates new
 * items as they are added, and a blank new item is not yet a mistake). Server errors show at once.
 * Re-renders only when that field's state changes.
 */
export function useFieldError(name: FieldPath<FormValues>): string | undefined {
  const { errors, touchedFields, submitCount } = useFormState<FormValues>({ name, exact: true });
  const error: unknown = get(errors, name);
  const isServerError = (error as { type?: unknown } | undefined)?.type === "server";
  if (!isServerError && submitCount === 0 && !get(touchedFields, name)) return undefined;
  return firstMessage(error);
}

export const fieldId = (name: string) => name.replaceAll(".", "-");
