"use client";

import { useController } from "react-hook-form";
import type { NumberLimit } from "@/lib/fal/limits";
import type { FormValues } from "@/lib/form/form-values";
import { fieldId, useFieldError } from "./use-field-error";

type StartEndRangeProps = {
  start: `controlnets.${number}.start_percentage`;
  end: `controlnets.${number}.end_percentage`;
  /** The item's name, as in "ControlNet 1 start and end". */
  label: string;
  /** Each thumb's own label. */
  labels: { start: string; end: string };
  limits: { start: NumberLimit; end: NumberLimit };
};

/** One track with two thumbs: where in the denoising a ControlNet starts and stops guiding. */
export function StartEndRange({ start, end, label, labels, limits }: StartEndRangeProps) {
  const { field: startField } = useController<FormValues, typeof start>({ name: start });
  const { field: endField } = useController<FormValues, typeof end>({ name: end });
  const endError = useFieldError(end);
  const startError = useFieldError(start);
  const error = endError ?? startError;
  const id = fieldId(start);
  const thumbs = [
    { field: startField, name: labels.start, limit: limits.start },
    { field: endField, name: labels.end, limit: limits.end },
  ];
  return (
    <div className="flex flex-col gap-1" role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`} className="text-sm font-medium">
        {label} start and end{" "}
        <span className="font-normal text-zinc-500">
          ({startField.value.toFixed(2)} – {endField.value.toFixed(2)})
        </span>
      </span>
      <div className="dual-range relative h-6">
        <div className="absolute inset-x-0 top-1/2 h-1 -translate-y-1/2 rounded bg-zinc-200 dark:bg-zinc-700" />
        {thumbs.map(({ field, name, limit }) => (
          <input
            key={name}
            type="range"
            ref={field.ref}
            aria-label={name}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            min={limit.min}
            max={limit.max}
            step={limit.step}
            value={field.value}
            onChange={(event) => field.onChange(Number(event.target.value))}
            onBlur={field.onBlur}
            className="absolute inset-0 w-full"
          />
        ))}
      </div>
      {error && (
        <p id={`${id}-error`} role="alert" className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
