"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, type UseFormReturn } from "react-hook-form";
import { loraInputSchema, type LoraRequest } from "@/lib/fal/input-schema";
import { defaultFormValues, type FormValues } from "@/lib/form/form-values";

export type PlaygroundFormApi = UseFormReturn<LoraRequest, unknown, FormValues>;

/** The one form of the page; the playground owns it so runs, gallery and links can fill it. */
export function usePlaygroundForm(): PlaygroundFormApi {
  return useForm<LoraRequest, unknown, FormValues>({
    resolver: zodResolver(loraInputSchema),
    defaultValues: defaultFormValues,
    mode: "onTouched",
  });
}
