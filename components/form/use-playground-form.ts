"use client";

import { useState } from "react";
import { useForm, type UseFormReturn } from "react-hook-form";
import { type FormContext, formResolver } from "@/lib/form/form-resolver";
import { defaultFormValues, type FormValues } from "@/lib/form/form-values";
import { readPublicConfigSnapshot } from "@/lib/public-config/public-config-store";

export type PlaygroundFormApi = UseFormReturn<FormValues, FormContext>;

/** What the checks need of the page: the server's mode read when a check runs, not when the form was made. */
function formContext(): FormContext {
  return {
    get mode() {
      return readPublicConfigSnapshot()?.mode;
    },
    origin: window.location.origin,
  };
}

/**
 * The one form of the page; the playground owns it so runs, gallery and links can fill it.
 * Its checks read the server's mode (undefined until the page knows it): in fal mode an image
 * stored by the local simulator is refused on its field.
 */
export function usePlaygroundForm(): PlaygroundFormApi {
  const [context] = useState(() => (typeof window === "undefined" ? { mode: undefined, origin: "" } : formContext()));
  return useForm<FormValues, FormContext>({
    resolver: formResolver,
    context,
    defaultValues: defaultFormValues,
    mode: "onTouched",
    shouldFocusError: false,
  });
}
