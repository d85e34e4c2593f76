"use client";

import { useCallback } from "react";
import { PlaygroundForm } from "@/components/form/playground-form";
import { showServerErrors } from "@/components/form/show-server-errors";
import { usePlaygroundForm } from "@/components/form/use-playground-form";
import { ResultImages } from "@/components/gallery/result-images";
import { RunCard } from "@/components/runs/run-card";
import { useRuns } from "@/components/runs/use-runs";
import type { FalFieldError } from "@/lib/fal/validation-error";

export function Playground() {
  const form = usePlaygroundForm();
  const onInvalidInput = useCallback((fieldErrors: FalFieldError[]) => showServerErrors(form, fieldErrors), [form]);
  const { runs, startRun } = useRuns({ onInvalidInput });
  return (
    <div className="mx-auto grid max-w-6xl gap-6 p-4 md:grid-cols-[minmax(0,24rem)_1fr]">
      <section aria-label="Settings" className="rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
        <PlaygroundForm form={form} onRun={startRun} />
      </section>
      <div className="flex flex-col gap-6">
        <section aria-label="Runs" className="flex flex-col gap-2">
          <h2 className="text-lg font-semibold">Runs</h2>
          {runs.length === 0 ? (
            <p className="text-sm text-zinc-500">Press Run to start one.</p>
          ) : (
            runs.map((run) => <RunCard key={run.id} run={run} />)
          )}
        </section>
        <section aria-label="Gallery" className="flex flex-col gap-2">
          <h2 className="text-lg font-semibold">Results</h2>
          <ResultImages runs={runs} />
        </section>
      </div>
    </div>
  );
}
