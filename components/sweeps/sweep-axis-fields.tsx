"use client";

import { useId } from "react";
import { inputClass } from "@/components/ui/field";
import type { SweepParameter } from "@/lib/sweeps/parameters";
import type { ParsedValues } from "@/lib/sweeps/values";

export type AxisChoice = { key: string; parameter: SweepParameter; label: string };

/** What a fresh pick of each setting starts with: a few values either side of the usual. */
export const SUGGESTED_VALUES: Record<SweepParameter["field"], string> = {
  seed: "4 random",
  noise_strength: "0.3, 0.5, 0.7",
  guidance_scale: "4, 7.5, 11",
  num_inference_steps: "20, 30, 40",
  scheduler: "Euler, Euler A, DPM++ 2M Karras",
  lora_scale: "0.25, 0.5, 0.75, 1",
};

const HINTS: Record<SweepParameter["field"], string> = {
  seed: 'A list ("1, 2, 3"), or "4 random" for four drawn seeds.',
  noise_strength: 'A list ("0.3, 0.5, 0.7") or a range ("0.2-0.8 step 0.2").',
  guidance_scale: 'A list ("4, 7.5, 11") or a range ("3-12 step 3").',
  num_inference_steps: 'A list ("20, 30, 40") or a range ("10-50 step 10").',
  scheduler: 'Names from fal\'s list, separated by commas, or "all".',
  lora_scale: 'A list ("0.25, 0.5, 1") or a range ("0-1 step 0.25").',
};

type SweepAxisFieldsProps = {
  legend: string;
  choices: readonly AxisChoice[];
  /** The picked setting's key, or "" for none (only where `noneLabel` offers it). */
  selected: string;
  onSelect: (key: string) => void;
  noneLabel?: string;
  text: string;
  onText: (text: string) => void;
  parsed: ParsedValues | undefined;
};

/** One axis of a sweep: which setting, and its values, with what was read from them or why not. */
export function SweepAxisFields({
  legend,
  choices,
  selected,
  onSelect,
  noneLabel,
  text,
  onText,
  parsed,
}: SweepAxisFieldsProps) {
  const id = useId();
  const choice = choices.find((candidate) => candidate.key === selected);
  const invalid = parsed !== undefined && !parsed.ok;
  return (
    <fieldset className="flex min-w-0 flex-col gap-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
      <legend className="px-1 text-sm font-semibold">{legend}</legend>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-setting`} className="text-sm font-medium">
          Setting
        </label>
        <select
          id={`${id}-setting`}
          className={inputClass}
          value={selected}
          onChange={(event) => onSelect(event.target.value)}
        >
          {noneLabel && <option value="">{noneLabel}</option>}
          {choices.map((candidate) => (
            <option key={candidate.key} value={candidate.key}>
              {candidate.label}
            </option>
          ))}
        </select>
      </div>
      {choice && (
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-values`} className="text-sm font-medium">
            Values
          </label>
          <input
            id={`${id}-values`}
            className={inputClass}
            value={text}
            onChange={(event) => onText(event.target.value)}
            aria-invalid={invalid}
            aria-describedby={`${id}-hint ${id}-reading`}
            autoComplete="off"
            spellCheck={false}
          />
          <p id={`${id}-hint`} className="text-xs text-zinc-500">
            {HINTS[choice.parameter.field]}
          </p>
          <p
            id={`${id}-reading`}
            className={`text-xs break-words ${invalid ? "text-red-700 dark:text-red-400" : "text-zinc-600 dark:text-zinc-400"}`}
          >
            {parsed === undefined
              ? ""
              : parsed.ok
                ? `${parsed.values.length === 1 ? "1 value" : `${parsed.values.length} values`}: ${parsed.values.join(", ")}`
                : parsed.message}
          </p>
        </div>
      )}
    </fieldset>
  );
}
