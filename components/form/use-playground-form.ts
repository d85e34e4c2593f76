"use client";

import { useForm, type UseFormReturn } from "react-hook-form";
import { formResolver } from "@/lib/form/form-resolver";
import { defaultFormValues, type FormValues } from "@/lib/form/form-values";

export type PlaygroundFormApi = UseFormReturn<FormValues>;

/** The one form of the page; the playground owns it so runs, gallery and links can fill it. */
export function usePlaygroundForm(): PlaygroundFormApi {
  return useForm<FormValues>({
    resolver: formResolver,
    defaultValues: defaultFormValues,
    mode: "onTouched",
    shouldFocusError: false,
  });
}
