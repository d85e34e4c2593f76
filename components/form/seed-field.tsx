"use client";

import { useController } from "react-hook-form";
import { seedLimit } from "@/lib/fal/limits";
import type { FormValues } from "@/lib/form/form-values";
import { describedBy, inputClass } from "@/components/ui/field";
import { smallButtonClass } from "./form-section";
import { useFieldError } from "./use-field-error";

export function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0] ?? 0;
}

/** Random (not sent; fal picks one and echoes it) or a fixed seed, with a dice to roll a new one. */
export function SeedField() {
  const {
    field: { ref, value, onChange, onBlur },
  } = useController<FormValues, "seed">({ name: "seed" });
  const error = useFieldError("seed");
  const random = value === undefined;
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center justify-between">
        <label htmlFor="seed" className="text-sm font-medium">
          Seed
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={random}
            onChange={(event) => onChange(event.target.checked ? undefined : randomSeed())}
          />
          Random seed
        </label>
      </div>
      <div className="flex gap-2">
        <input
          id="seed"
          type="number"
          inputMode="numeric"
          min={seedLimit.min}
          max={seedLimit.max}
          step={1}
          ref={ref}
          name="seed"
          disabled={random}
          placeholder={random ? "random" : undefined}
          value={random || value === undefined || !Number.isFinite(value) ? "" : value}
          onChange={(event) => onChange(event.target.value === "" ? Number.NaN : Number(event.target.value))}
          onBlur={onBlur}
          className={`${inputClass} disabled:opacity-60`}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy("seed", { error })}
        />
        <button type="button" className={`${smallButtonClass} px-2`} aria-label="Roll a random fixed seed" title="Roll a random fixed seed" onClick={() => onChange(randomSeed())}>
          <svg viewBox="0 0 24 24" className="size-5" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth={1.8}>
            <rect x="3.5" y="3.5" width="17" height="17" rx="3.5" />
            <circle cx="8.5" cy="8.5" r="1.3" fill="currentColor" />
            <circle cx="15.5" cy="15.5" r="1.3" fill="currentColor" />
            <circle cx="12" cy="12" r="1.3" fill="currentColor" />
            <circle cx="15.5" cy="8.5" r="1.3" fill="currentColor" />
            <circle cx="8.5" cy="15.5" r="1.3" fill="currentColor" />
          </svg>
        </button>
      </div>
      {error && (
        <p id="seed-error" role="alert" className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
