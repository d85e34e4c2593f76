"use client";

import { useState } from "react";
import { useController } from "react-hook-form";
import { seedLimit } from "@/lib/fal/limits";
import type { FormValues } from "@/lib/form/form-values";
import { randomSeed, seedFromText } from "@/lib/runs/seed";
import { describedBy, FieldMessages, inputClass } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { useFieldError } from "./use-field-error";

type SeedValue = FormValues["seed"];

/** Typed "0042" and the value 42 are the same seed; BigInt and number compare by their digits. */
const sameSeed = (a: SeedValue, b: SeedValue) => (a === undefined ? b === undefined : String(a) === String(b));

/**
 * Random (a new seed is drawn at each Run and sent, so every run can be made again) or a fixed
 * seed, with a dice to roll a new one. Links and presets made while random stay random. The seed is
 * text, so fal's 64-bit seeds keep every digit; what was typed stays while it reads as the value.
 */
export function SeedField() {
  const {
    field: { ref, value, onChange, onBlur },
  } = useController<FormValues, "seed">({ name: "seed" });
  const [typed, setTyped] = useState("");
  const error = useFieldError("seed");
  const random = value === undefined;
  const shown = random ? "" : sameSeed(seedFromText(typed), value) ? typed : String(value);
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
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          ref={ref}
          name="seed"
          disabled={random}
          placeholder={random ? "random" : undefined}
          value={shown}
          onChange={(event) => {
            setTyped(event.target.value);
            onChange(seedFromText(event.target.value));
          }}
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
