"use client";

import { useFormContext } from "react-hook-form";
import type { FormValues } from "@/lib/form/form-values";
import { modelHintStore } from "@/lib/generation-data/model-hint-store";
import type { ModelHint } from "@/lib/generation-data/reading";

/** The model generation data named, beside the model field: a hint, never filled in (a file name is not a location). */
export function ModelHintNote({ hint }: { hint: ModelHint }) {
  const { setValue } = useFormContext<FormValues>();
  const dismiss = () => modelHintStore.set(undefined);
  return (
    <div
      role="note"
      aria-label="Model named by generation data"
      className="flex flex-col gap-1 rounded-md bg-amber-50 p-2 text-xs text-amber-900 dark:bg-amber-950/40 dark:text-amber-200"
    >
      {hint.name || !hint.civitai ? (
        <p>
          The generation data was made with{" "}
          {hint.name ? <strong className="break-all">{hint.name}</strong> : "a model known by its hash only"}
          {hint.hash && <> (hash {hint.hash})</>}. That names a file on someone&apos;s disk, so it was not put here:
          give the model&apos;s Hugging Face id or a URL of its weights.
        </p>
      ) : (
        <p>
          The generation data was made with <strong>{hint.civitai.label}</strong>, a model on Civitai. It was not put
          here.
        </p>
      )}
      {hint.civitai && (
        <p>
          {hint.name ? <>Civitai lists it as {hint.civitai.label}; its</> : "Its"} download URL is{" "}
          <code className="break-all">{hint.civitai.url}</code>.{" "}
          <button
            type="button"
            className="underline"
            onClick={() => {
              setValue("model_name", hint.civitai?.url ?? "", { shouldValidate: true, shouldDirty: true });
              dismiss();
            }}
          >
            Use this URL
          </button>
        </p>
      )}
      <button type="button" className="self-start underline" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
