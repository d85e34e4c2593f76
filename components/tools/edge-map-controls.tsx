"use client";

import { useId } from "react";
import { buttonClassName } from "@/components/ui/button";
import { type EdgeMapSettings, THRESHOLD_RANGE, withThreshold } from "@/lib/image-tools/edge-map";
import type { EdgeMapTarget, EdgeSource } from "./edge-map-dialog";

type EdgeMapControlsProps = {
  target: EdgeMapTarget;
  source: EdgeSource;
  onSource: (source: EdgeSource) => void;
  hasFile: boolean;
  onFile: (file: File | undefined) => void;
  settings: EdgeMapSettings;
  onSettings: (settings: EdgeMapSettings) => void;
};

const fieldsetClass = "flex flex-wrap items-center gap-x-3 gap-y-1 text-sm";
const legendClass = "mb-1 text-sm font-medium";

function Threshold({
  label,
  value,
  disabled,
  onChange,
}: {
  label: string;
  value: number;
  disabled: boolean;
  onChange: (value: number) => void;
}) {
  const id = useId();
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="w-28 shrink-0">
        {label}
      </label>
      <input
        id={id}
        type="range"
        min={THRESHOLD_RANGE.min}
        max={THRESHOLD_RANGE.max}
        step={1}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(Number(event.target.value))}
        className="min-w-0 flex-1 disabled:opacity-40"
      />
      <span className="w-8 text-right tabular-nums">{value}</span>
    </div>
  );
}

/** The edge map's source image, output and thresholds. */
export function EdgeMapControls({
  target,
  source,
  onSource,
  hasFile,
  onFile,
  settings,
  onSettings,
}: EdgeMapControlsProps) {
  const edges = settings.output === "edges";
  const sources: { value: EdgeSource; label: string; available: boolean }[] = [
    { value: "init", label: "Init image", available: Boolean(target.initImage) },
    { value: "slot", label: `${target.slotName} control image`, available: Boolean(target.slotImage) },
    { value: "file", label: hasFile ? "The chosen file" : "A file", available: hasFile },
  ];
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <fieldset className={fieldsetClass}>
        <legend className={legendClass}>Source image</legend>
        {sources.map(({ value, label, available }) => (
          <label key={value} className={`flex items-center gap-1 ${available ? "" : "opacity-50"}`}>
            <input
              type="radio"
              name="edge-source"
              checked={source === value}
              disabled={!available}
              onChange={() => onSource(value)}
              className=""
            />
            {label}
          </label>
        ))}
        {/* The input inside its label, so the label shows the input's keyboard focus. */}
        <label className={buttonClassName({ wrapsInput: true })}>
          Choose file…
          <input
            type="file"
            accept="image/*"
            className="sr-only"
            onChange={(event) => {
              onFile(event.target.files?.[0]);
              event.target.value = "";
            }}
          />
        </label>
      </fieldset>
      <fieldset className={fieldsetClass}>
        <legend className={legendClass}>Output</legend>
        <label className="flex items-center gap-1">
          <input
            type="radio"
            name="edge-output"
            checked={edges}
            onChange={() => onSettings({ ...settings, output: "edges" })}
            className=""
          />
          Canny edges
        </label>
        <label className="flex items-center gap-1">
          <input
            type="radio"
            name="edge-output"
            checked={!edges}
            onChange={() => onSettings({ ...settings, output: "grayscale" })}
            className=""
          />
          Grayscale
        </label>
        <label className="flex items-center gap-1">
          <input
            type="checkbox"
            checked={settings.invert}
            onChange={(event) => onSettings({ ...settings, invert: event.target.checked })}
            className=""
          />
          Invert
        </label>
      </fieldset>
      <div className="flex flex-col gap-1 text-sm sm:col-span-2">
        <Threshold
          label="Low threshold"
          value={settings.low}
          disabled={!edges}
          onChange={(value) => onSettings(withThreshold(settings, "low", value))}
        />
        <Threshold
          label="High threshold"
          value={settings.high}
          disabled={!edges}
          onChange={(value) => onSettings(withThreshold(settings, "high", value))}
        />
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          Gradients above the high threshold are edges; those above the low one are edges where they join one. Lower
          both for more detail.
        </p>
      </div>
    </div>
  );
}
