"use client";

import { useEffect, useRef, useState } from "react";
import { handPageImage } from "@/components/form/page-image";
import type { PlaygroundFormApi } from "@/components/form/use-playground-form";
import { Button } from "@/components/ui/button";
import { applyGenerationReading } from "@/lib/generation-data/apply";
import { parseGenerationData } from "@/lib/generation-data/generation-data";
import { modelHintStore } from "@/lib/generation-data/model-hint-store";
import { type GenerationReading, readGenerationData } from "@/lib/generation-data/reading";
import type { GenerationDataSource } from "./generation-data-events";
import { GenerationDataSummary, type FilledForm } from "./generation-data-summary";
import { loadLoraFinder } from "./load-lora-finder";

type OfferProps = { form: PlaygroundFormApi; source: GenerationDataSource; onClose: () => void };

function originOf(source: GenerationDataSource): string {
  if (source.file) return source.file.name;
  if (source.pastedInto === "prompt") return "Pasted into the prompt box";
  if (source.pastedInto === "negative_prompt") return "Pasted into the negative prompt box";
  return "Pasted text";
}

const PROMPTS_AND_LORAS = new Set(["Prompt", "Negative prompt", "LoRAs"]);

/** What the offer shows before anything changes: the prompts, the settings, the LoRAs, the model. */
function Preview({ reading }: { reading: GenerationReading }) {
  const { fields, loras, modelHint } = reading;
  const settings = reading.set.filter((entry) => !PROMPTS_AND_LORAS.has(entry.label));
  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1">
      <dt className="font-medium">Prompt</dt>
      <dd className="line-clamp-3 whitespace-pre-wrap break-words">{fields.prompt || "(none)"}</dd>
      {fields.negative_prompt && (
        <>
          <dt className="font-medium">Negative prompt</dt>
          <dd className="line-clamp-2 whitespace-pre-wrap break-words">{fields.negative_prompt}</dd>
        </>
      )}
      {settings.length > 0 && (
        <>
          <dt className="font-medium">Settings</dt>
          <dd>{settings.map((entry) => `${entry.label} ${entry.value ?? ""}`.trim()).join(" · ")}</dd>
        </>
      )}
      {loras.length > 0 && (
        <>
          <dt className="font-medium">LoRAs</dt>
          <dd className="break-words">
            {loras.map((lora) => `${lora.name} at ${lora.scale}${lora.path ? "" : " (needs its URL)"}`).join(", ")}
          </dd>
        </>
      )}
      {modelHint && (
        <>
          <dt className="font-medium">Model</dt>
          <dd className="break-words">
            {modelHint.name ?? modelHint.civitai?.label ?? modelHint.hash}: shown as a hint, not filled in
          </dd>
        </>
      )}
    </dl>
  );
}

/**
 * Offers to fill the form from generation data (in a modal dialog, like A1111's "read generation
 * parameters" button) and, once filled, says what was set and what was not.
 */
export function GenerationDataOffer({ form, source, onClose }: OfferProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const filling = useRef(false);
  const [reading, setReading] = useState<GenerationReading>();
  const [filled, setFilled] = useState<FilledForm>();

  useEffect(() => {
    let live = true;
    const data = parseGenerationData(source.text, source.scheme);
    void loadLoraFinder().then((findLora) => {
      if (live) setReading(readGenerationData(data, findLora));
    });
    return () => {
      live = false;
    };
  }, [source]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, [reading]);

  if (!reading) return null;
  if (filled) return <GenerationDataSummary form={form} filled={filled} onClose={onClose} />;

  const fill = () => {
    const previous = structuredClone(form.getValues());
    form.reset(applyGenerationReading(previous, reading));
    const previousHint = modelHintStore.get();
    modelHintStore.set(reading.modelHint);
    filling.current = true;
    setFilled({ reading, previous, previousHint, hadInitImage: previous.image_url.trim() !== "" });
  };

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby="generation-data-title"
      aria-describedby="generation-data-body"
      onClose={() => {
        if (!filling.current) onClose();
      }}
      className="m-auto w-[min(36rem,calc(100vw-1rem))] rounded-xl border border-zinc-200 bg-white p-4 text-zinc-900 backdrop:bg-black/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <div className="flex flex-col gap-3">
        <h2 id="generation-data-title" className="text-lg font-semibold">
          Generation settings found
        </h2>
        <div id="generation-data-body" className="flex flex-col gap-2 text-sm">
          <p className="break-words text-zinc-500 dark:text-zinc-400">
            {originOf(source)} · {reading.tool}
          </p>
          <Preview reading={reading} />
          <p>
            Filling sets the prompts, the sampling settings and the LoRAs; the model and the init image stay as they
            are.
          </p>
        </div>
        <div className="flex flex-wrap justify-end gap-2">
          <Button autoFocus variant="primary" onClick={fill}>
            Fill the form from these generation settings
          </Button>
          {source.file && (
            <Button
              onClick={() => {
                if (source.file) handPageImage(source.file);
                dialogRef.current?.close();
              }}
            >
              Use as init image
            </Button>
          )}
          <Button onClick={() => dialogRef.current?.close()}>
            {source.pastedInto ? "Keep the pasted text" : "Dismiss"}
          </Button>
        </div>
      </div>
    </dialog>
  );
}
