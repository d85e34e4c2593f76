"use client";

import { Controller } from "react-hook-form";
import type { LoraRequest } from "@/lib/fal/input-schema";
import { toRequestBody } from "@/lib/form/form-values";
import { numberLimits } from "@/lib/fal/limits";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import { ImageDropZone } from "./image-drop-zone";
import type { PlaygroundFormApi } from "./use-playground-form";

type PlaygroundFormProps = {
  form: PlaygroundFormApi;
  onRun: (body: LoraRequest) => void;
};

const noise = numberLimits.noise_strength;

export function PlaygroundForm({ form, onRun }: PlaygroundFormProps) {
  const {
    register,
    control,
    handleSubmit,
    formState: { errors },
  } = form;

  const submit = handleSubmit((values) => onRun(toRequestBody(values)));

  return (
    <form
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
          event.preventDefault();
          void submit();
        }
      }}
      noValidate
      aria-label="Run settings"
      className="flex flex-col gap-4"
    >
      <Field id="model_name" label="Model" error={errors.model_name?.message} hint="A Hugging Face id or a URL of SD 1.5 / SDXL weights.">
        <input
          id="model_name"
          className={inputClass}
          aria-invalid={errors.model_name ? true : undefined}
          aria-describedby={describedBy("model_name", { error: errors.model_name?.message, hint: true })}
          {...register("model_name")}
        />
      </Field>

      <Field id="prompt" label="Prompt" error={errors.prompt?.message}>
        <textarea
          id="prompt"
          rows={3}
          className={inputClass}
          placeholder="Photo of a medieval queen, silver hair, intricate crown"
          aria-invalid={errors.prompt ? true : undefined}
          aria-describedby={describedBy("prompt", { error: errors.prompt?.message })}
          {...register("prompt")}
        />
      </Field>

      <Controller
        control={control}
        name="image_url"
        render={({ field, fieldState }) => (
          <ImageDropZone
            id="image_url"
            label="Init image"
            value={field.value}
            onChange={field.onChange}
            error={fieldState.error?.message}
          />
        )}
      />

      <Field id="noise_strength" label={noise.label} error={errors.noise_strength?.message} hint="0 keeps the init image, 1 is all noise.">
        <input
          id="noise_strength"
          type="number"
          min={noise.min}
          max={noise.max}
          step={noise.step}
          className={inputClass}
          aria-invalid={errors.noise_strength ? true : undefined}
          aria-describedby={describedBy("noise_strength", { error: errors.noise_strength?.message, hint: true })}
          {...register("noise_strength", { valueAsNumber: true })}
        />
      </Field>

      <button
        type="submit"
        className="rounded-md bg-violet-600 px-4 py-2 font-medium text-white hover:bg-violet-700 focus:outline-none focus:ring-2 focus:ring-violet-500/50"
      >
        Run <span className="text-xs opacity-75">(Ctrl+Enter)</span>
      </button>
    </form>
  );
}
