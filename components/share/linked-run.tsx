"use client";

import { useState } from "react";
import { RUN_SETTINGS_FORM_ID } from "@/components/form/show-server-errors";
import { Button } from "@/components/ui/button";
import { shareSummary } from "@/lib/share/share-summary";
import type { LinkedRun } from "./use-link-settings";

/**
 * The run a shared link opened, in place of the first steps: its image, its key settings (already
 * in the form) and Run again. An image that no longer loads is said to be gone; the settings stay.
 */
export function LinkedRunView({ linked }: { linked: LinkedRun }) {
  const { values, run, imageNote, seedNote } = linked;
  const [gone, setGone] = useState(false);
  const summary = shareSummary(values, run.seed);
  const rows: [string, string][] = [
    ["Model", summary.model],
    ["LoRAs", summary.loras.length ? summary.loras.join(", ") : "none"],
    ["Seed", summary.seed ?? "random"],
    ["Sampling", summary.sampling],
  ];
  return (
    <section aria-labelledby="linked-run-heading" className="mx-auto flex w-full max-w-3xl flex-col gap-3 py-2">
      <h2 id="linked-run-heading" className="text-xl font-semibold">
        A shared run
      </h2>
      {run.image && !gone ? (
        // eslint-disable-next-line @next/next/no-img-element -- a result on fal's CDN or this playground's simulator
        <img
          src={run.image.url}
          alt={`The shared run's image: ${summary.title}`}
          onError={() => setGone(true)}
          className="mx-auto max-h-[60vh] w-auto max-w-full rounded-lg object-contain"
        />
      ) : (
        <p
          role="status"
          className="rounded-lg border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400"
        >
          {run.image
            ? "The image of this run is gone: fal keeps results only for a while (the simulator, for an hour). Its settings are in the form, so Run again makes it anew."
            : `${imageNote ?? "This link carries no image of the run."} Its settings are in the form.`}
        </p>
      )}
      <p className="text-sm break-words">{summary.title}</p>
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
        {rows.map(([name, text]) => (
          <div key={name} className="contents">
            <dt className="text-zinc-500">{name}</dt>
            <dd className="break-words">{text}</dd>
          </div>
        ))}
      </dl>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" form={RUN_SETTINGS_FORM_ID} variant="primary" className="min-h-9">
          Run again
        </Button>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          {seedNote ??
            (summary.seed
              ? "The form holds this run's settings and seed: change any of them first, or run it as it is."
              : "The form holds this run's settings; its seed was left to chance, so Run again makes a new image.")}
        </p>
      </div>
    </section>
  );
}
