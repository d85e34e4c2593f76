"use client";

import { useForm, type UseFormReturn } from "react-hook-form";
import { type FormContext, formResolver } from "@/lib/form/form-resolver";
import { defaultFormValues, type FormValues } from "@/lib/form/form-values";

export type PlaygroundFormApi = UseFormReturn<FormValues, FormContext>;

/**
 * The one form of the page; the playground owns it so runs, gallery and links can fill it.
 * `mode` is the server's (undefined until the page knows it): in fal mode an image stored by the
 * local simulator is refused on its field.
 */
export function usePlaygroundForm(mode: FormContext["mode"]): PlaygroundFormApi {
  return useForm<FormValues, FormContext>({
    resolver: formResolver,
    context: { mode, origin: typeof window === "undefined" ? "" : window.location.origin },
    defaultValues: defaultFormValues,
    mode: "onTouched",
    shouldFocusError: false,
  });
}
