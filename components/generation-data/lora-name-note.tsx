"use client";

import { lazy, Suspense } from "react";
import { useWatch } from "react-hook-form";
import type { FormValues } from "@/lib/form/form-values";

const LoraNameDetails = lazy(() =>
  import("./lora-name-details").then((module) => ({ default: module.LoraNameDetails })),
);

/** In a LoRA row that generation data filled: its name and what to do (loaded for such rows only). */
export function LoraNameNote({ index }: { index: number }) {
  const name = useWatch<FormValues, `loras.${number}.name`>({ name: `loras.${index}.name` });
  if (!name) return null;
  return (
    <Suspense fallback={null}>
      <LoraNameDetails index={index} name={name} />
    </Suspense>
  );
}
