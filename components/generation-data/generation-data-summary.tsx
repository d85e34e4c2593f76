"use client";

import { useEffect, useRef } from "react";
import { fieldId } from "@/components/form/use-field-error";
import type { PlaygroundFormApi } from "@/components/form/use-playground-form";
import { Button } from "@/components/ui/button";
import type { FormValues } from "@/lib/form/form-values";
import { modelHintStore } from "@/lib/generation-data/model-hint-store";
import type { GenerationReading, ModelHint } from "@/lib/generation-data/reading";

/** A fill that can be undone: what was read, and the form and model hint as they were before. */
export type FilledForm = {
  reading: GenerationReading;
  previous: FormValues;
  previousHint?: ModelHint;
  hadInitImage: boolean;
};

type SummaryProps = { form: PlaygroundFormApi; filled: FilledForm; onClose: () => void };

function goTo(name: string) {
  const element = document.getElementById(fieldId(name));
  element?.scrollIntoView({ block: "center" });
  element?.focus();
}

/** Says in plain words what filling from generation data set, what still needs the user, and what was not used. */
export function GenerationDataSummary({ form, filled, onClose }: SummaryProps) {
  const { reading, previous, previousHint, hadInitImage } = filled;
  const self = useRef<HTMLElement>(null);
  useEffect(() => self.current?.focus(), []);

  const rows = reading.loras.map((lora, index) => ({ ...lora, row: index + 1 }));
  const needUrl = rows.filter((lora) => lora.path === "");
  const located = rows.filter((lora) => lora.path !== "");
  const hint = reading.modelHint;

  return (
    <section
      ref={self}
      tabIndex={-1}
      aria-labelledby="generation-data-summary-title"
      className="flex flex-col gap-2 rounded-lg border border-emerald-300 bg-emerald-50 p-3 text-sm focus:outline-none focus:ring-2 focus:ring-accent-500/50 dark:border-emerald-800 dark:bg-emerald-950/40"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 id="generation-data-summary-title" className="font-medium">
          Filled the form from {reading.tool} generation data.
        </h2>
        <div className="flex gap-2">
          <Button
            onClick={() => {
              form.reset(previous);
              modelHintStore.set(previousHint);
              onClose();
            }}
          >
            Undo
          </Button>
          <Button onClick={onClose}>Dismiss</Button>
        </div>
      </div>
      <p>
        <span className="font-medium">Set: </span>
        {reading.set.map((entry) => (entry.value ? `${entry.label} ${entry.value}` : entry.label)).join(" · ")}.
      </p>
      {needUrl.length > 0 && (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-2 dark:border-amber-800 dark:bg-amber-950/40">
          <p className="font-medium">
            {needUrl.length === 1 ? "A LoRA needs its URL" : `${needUrl.length} LoRAs need their URLs`}
          </p>
          <p>
            Generation data names LoRAs by file; fal downloads them, so give each a Hugging Face id (owner/name) or a
            download URL (on Civitai, the version&apos;s download link).
          </p>
          <ul className="mt-1 flex flex-col gap-1">
            {needUrl.map((lora) => (
              <li key={lora.row} className="flex flex-wrap items-center gap-2">
                <span>
                  <strong>{lora.name}</strong> (LoRA {lora.row}, scale {lora.scale})
                </span>
                <Button onClick={() => goTo(`loras.${lora.row - 1}.path`)}>Go to LoRA {lora.row}</Button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {located.length > 0 && (
        <ul className="flex flex-col gap-1">
          {located.map((lora) => (
            <li key={lora.row} className="break-words">
              LoRA {lora.row}, <strong>{lora.name}</strong>: <code className="break-all">{lora.path}</code> ({lora.from}
              )
            </li>
          ))}
        </ul>
      )}
      {hint && (
        <p>
          <span className="font-medium">Model: </span>the data names{" "}
          {hint.name ? <strong>{hint.name}</strong> : (hint.civitai?.label ?? `the hash ${hint.hash}`)}; the Model field
          was left as it was (the note beside it says more).
        </p>
      )}
      {!hadInitImage && <p>Add an init image: this endpoint changes an image, and generation data carries none.</p>}
      {reading.notes.length > 0 && (
        <ul className="list-disc pl-5">
          {reading.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {reading.ignored.length > 0 && (
        <p className="text-zinc-600 dark:text-zinc-400">
          <span className="font-medium">Not used</span> (nothing like them on this endpoint):{" "}
          {reading.ignored.join("; ")}
        </p>
      )}
    </section>
  );
}
