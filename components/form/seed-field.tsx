"use client";

import { useController } from "react-hook-form";
import { seedLimit } from "@/lib/fal/limits";
import type { FormValues } from "@/lib/form/form-values";
import { randomSeed } from "@/lib/runs/seed";
import { describedBy, FieldMessages, inputClass } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { useFieldError } from "./use-field-error";

/**
 * Random (a new seed is drawn at each Run and sent, so every run can be made again) or a fixed
 * seed, with a dice to roll a new one. Links and presets made while random stay random.
 */
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
          {seedLimit.label}
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
          aria-describedby={describedBy("seed", { error, hint: true })}
        />
        <Button
          size="sm"
          aria-label="Roll a random fixed seed"
          title="Roll a random fixed seed"
          onClick={() => onChange(randomSeed())}
        >
          <svg
            viewBox="0 0 24 24"
            className="size-5"
            aria-hidden="true"
            fill="none"
            stroke="currentColor"
            strokeWidth={1.8}
          >
            <rect x="3.5" y="3.5" width="17" height="17" rx="3.5" />
            <circle cx="8.5" cy="8.5" r="1.3" fill="currentColor" />
            <circle cx="15.5" cy="15.5" r="1.3" fill="currentColor" />
            <circle cx="12" cy="12" r="1.3" fill="currentColor" />
            <circle cx="15.5" cy="8.5" r="1.3" fill="currentColor" />
            <circle cx="8.5" cy="15.5" r="1.3" fill="currentColor" />
          </svg>
        </Button>
      </div>
      <FieldMessages
        id="seed"
        hint={
          random
            ? "Each Run draws a new seed and shows it on its card."
            : "0 means random on fal: it picks a seed of its own, so the run cannot be made again."
        }
        error={error}
      />
    </div>
  );
}
