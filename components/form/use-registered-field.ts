"use client";

import { useState } from "react";
import { type FieldPath, type RegisterOptions, useFormContext } from "react-hook-form";
import type { FormValues } from "@/lib/form/form-values";

type Name = FieldPath<FormValues>;
type FieldElement = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** Elements whose first sight was handled: the check below runs once per element, not per render. */
const seen = new WeakSet<Element>();

/** What the prerendered field shows for a value: text for boxes and lists, a tick for checkboxes. */
function shownValue(value: unknown): string | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  return typeof value === "string" ? value : undefined;
}

/**
 * `register(name)` for a field of the prerendered page. The form's value is written into the HTML
 * (`defaultValue`, `defaultChecked`), so the field shows it before the form takes over. And what a
 * visitor typed or ticked before then is kept: react-hook-form would write its own value over it when
 * it registers the field, so a field found changed at that moment hands its content to the form.
 */
export function useRegisteredField(name: Name, options?: RegisterOptions<FormValues, Name>) {
  const { register, getValues, setValue } = useFormContext<FormValues>();
  // The value when the field first rendered: a prop that never changes, so React never rewrites it.
  const [initial] = useState(() => getValues(name));
  const registered = register(name, options);
  const ref = (element: FieldElement | null) => {
    if (!element || seen.has(element)) return registered.ref(element);
    seen.add(element);
    const checkbox = element instanceof HTMLInputElement && element.type === "checkbox";
    const found = checkbox ? element.checked : element.value;
    const expected = checkbox ? Boolean(initial) : (shownValue(initial) ?? "");
    // A list whose value is not one of its options shows its first: that is not the visitor's doing.
    const listShowsIt =
      !(element instanceof HTMLSelectElement) || [...element.options].some((o) => o.value === expected);
    registered.ref(element);
    if (found === expected || !listShowsIt) return;
    const typed = typeof found === "boolean" ? found : (options?.setValueAs?.(found) ?? found);
    setValue(name, typed as never, { shouldDirty: true });
  };
  return typeof initial === "boolean"
    ? { ...registered, ref, defaultChecked: initial }
    : { ...registered, ref, defaultValue: shownValue(initial) };
}
