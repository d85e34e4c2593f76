"use client";

import { useEffect } from "react";
import { useWatch } from "react-hook-form";
import type { FormValues } from "@/lib/form/form-values";
import { browserStorage, rememberLora } from "@/lib/generation-data/lora-memory";

/**
 * For a LoRA row filled from generation data: the name the data gave it, and, while its path is
 * empty, what to put there. A location given for the name is remembered for the next paste.
 */
export function LoraNameDetails({ index, name }: { index: number; name: string }) {
  const path = useWatch<FormValues, `loras.${number}.path`>({ name: `loras.${index}.path` }) ?? "";

  useEffect(() => {
    const storage = browserStorage();
    if (storage) rememberLora(storage, name, path);
  }, [name, path]);

  return (
    <p className="text-xs text-zinc-600 dark:text-zinc-400">
      Named <strong className="break-all text-zinc-900 dark:text-zinc-100">{name}</strong> in the generation data.
      {path.trim() === "" && (
        <span className="text-amber-800 dark:text-amber-300">
          {" "}
          Give its URL above: a Hugging Face id (owner/name) or a download URL (on Civitai, the version&apos;s download
          link).
        </span>
      )}
    </p>
  );
}
