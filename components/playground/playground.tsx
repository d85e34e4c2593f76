"use client";

import { PlaygroundForm } from "@/components/form/playground-form";
import { usePlaygroundForm } from "@/components/form/use-playground-form";
import { Gallery } from "@/components/gallery/gallery";
import { HistoryList } from "@/components/runs/history-list";
import { RunPanel } from "@/components/runs/run-panel";
import { useResultActions } from "@/components/runs/use-result-actions";
import { useRuns } from "@/components/runs/use-runs";
import { ShareTools } from "@/components/share/share-tools";

/** On one-column screens the run panel sits below the form: bring the new run into view. */
function showOnPhones(runId: string): void {
  if (!window.matchMedia("(max-width: 767px)").matches) return;
  requestAnimationFrame(() => document.getElementById(`run-${runId}`)?.scrollIntoView({ block: "start", behavior: "smooth" }));
}

/** `mode` is the server's (fal or simulator), which the form needs to judge image addresses. */
export function Playground({ mode }: { mode: "fal" | "simulator" }) {
  const form = usePlaygroundForm(mode);
  const { runs, liveIds, loaded, historyProblem, manager } = useRuns();
  const actions = useResultActions(form, manager);
  return (
    <div className="mx-auto grid max-w-6xl gap-6 p-4 md:grid-cols-[minmax(0,24rem)_1fr]">
      <div className="min-w-0 md:col-span-2">
        <ShareTools form={form} />
      </div>
      <section aria-label="Settings" className="rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
        <PlaygroundForm form={form} onRun={(input) => showOnPhones(manager.start(input))} />
      </section>
      <div className="flex min-w-0 flex-col gap-6">
        <RunPanel runs={runs} liveIds={liveIds} manager={manager} />
        <Gallery runs={runs} actions={actions} />
        <HistoryList runs={runs} loaded={loaded} storageProblem={historyProblem} manager={manager} actions={actions} />
      </div>
    </div>
  );
}
