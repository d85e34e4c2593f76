"use client";

import { useController, useWatch } from "react-hook-form";
import { listLimits } from "@/lib/fal/limits";
import type { FormValues } from "@/lib/form/form-values";
import { describedBy, inputClass } from "@/components/ui/field";
import { useFieldError } from "./use-field-error";
import { useRegisteredField } from "./use-registered-field";

type ScheduleFieldProps = {
  name: "timesteps" | "sigmas";
  other: "timesteps" | "sigmas";
  label: string;
  example: string;
};

/** Custom timesteps or sigmas as a pasted list; the two cannot both be on. */
export function ScheduleField({ name, other, label, example }: ScheduleFieldProps) {
  const registeredArray = useRegisteredField(`${name}.array`);
  const { field: method } = useController<FormValues, `${typeof name}.method`>({ name: `${name}.method` });
  const otherMethod = useWatch<FormValues, `${typeof other}.method`>({ name: `${other}.method` });
  const error = useFieldError(`${name}.array`);
  const topError = useFieldError(name);
  const message = error ?? topError;
  const custom = method.value === "array";
  const blocked = !custom && otherMethod === "array";
  const id = `${name}-array`;
  const listed = useWatch<FormValues, `${typeof name}.array`>({ name: `${name}.array` });
  const full = custom && countValues(listed) >= listLimits.schedule.max;
  return (
    <div className="flex flex-col gap-1">
      <label className="flex items-center gap-2 text-sm font-medium">
        <input
          type="checkbox"
          checked={custom}
          disabled={blocked}
          onChange={(event) => method.onChange(event.target.checked ? "array" : "default")}
        />
        Custom {label.toLowerCase()}
      </label>
      {blocked && <p className="text-xs text-zinc-500">Turn off custom {other} first: the two cannot be combined.</p>}
      {custom && (
        <>
          <label htmlFor={id} className="text-sm font-medium">
            {label} list
          </label>
          <textarea
            id={id}
            rows={2}
            spellCheck={false}
            placeholder={example}
            className={`${inputClass} font-mono text-xs`}
            aria-invalid={message ? true : undefined}
            aria-describedby={describedBy(id, { error: message, hint: true })}
            {...registeredArray}
          />
          <p id={`${id}-hint`} className="text-xs text-zinc-500">
            Numbers separated by commas or spaces; overrides the number of inference steps.
          </p>
          {full && !message && (
            <p role="note" className="text-xs text-zinc-600 dark:text-zinc-400">
              {listLimits.schedule.message}
            </p>
          )}
        </>
      )}
      {message && (
        <p id={`${id}-error`} role="alert" className="text-xs text-red-600 dark:text-red-400">
          {message}
        </p>
      )}
    </div>
  );
}

function countValues(text: string | undefined): number {
  return (text ?? "").split(/[\s,]+/).filter(Boolean).length;
}
