"use client";

import { lazyComponent } from "@/components/ui/lazy-component";
import type { ReactNode } from "react";
import type { Compare } from "@/components/compare/use-compare";
import type { PlaygroundFormApi } from "@/components/form/use-playground-form";
import type { ResultActions } from "@/components/runs/use-result-actions";
import type { LinkedRun } from "@/components/share/use-link-settings";
import { TabList } from "@/components/ui/tab-list";
import type { RunManager } from "@/lib/runs/run-manager";
import type { Run } from "@/lib/runs/run-state";
import { FirstSteps } from "./first-steps";
import type { Output, OutputView } from "./use-output";

// A first visit shows the first steps; the run views load at the first interaction (`loadRunViews`) or with the first run.
const SelectedRun = lazyComponent(() => import("./selected-run").then((module) => module.SelectedRun), {
  loading: <p className="text-sm text-zinc-500">Loading the run…</p>,
});

/** Loads the run views; resolves once they are in (a failed load resolves too, and the pane retries when shown). */
export function loadRunViews(): Promise<void> {
  return SelectedRun.preload().catch(() => undefined);
}

const HistoryPanel = lazyComponent(
  () => import("@/components/history/history-panel").then((module) => module.HistoryPanel),
  {
    loading: <p className="text-sm text-zinc-500">Loading history…</p>,
  },
);

// A shared run's view loads only for a page opened with a run's link.
const LinkedRunView = lazyComponent(
  () => import("@/components/share/linked-run").then((module) => module.LinkedRunView),
  {
    loading: <p className="text-sm text-zinc-500">Loading the shared run…</p>,
  },
);

const VIEWS: { id: OutputView; label: string }[] = [
  { id: "results", label: "Results" },
  { id: "history", label: "History" },
  { id: "sweep", label: "Sweep" },
];

type OutputPaneProps = {
  output: Output;
  runs: readonly Run[];
  loaded: boolean;
  /** Why runs are not being kept in this browser, when they are not. */
  historyProblem?: string;
  form: PlaygroundFormApi;
  manager: RunManager;
  actions: ResultActions;
  compare: Compare;
  /** The Sweep view, once a sweep exists (its tab shows then). */
  sweepPanel?: ReactNode;
  /** The two results picked to compare, shown above every view. */
  compareTray?: ReactNode;
  /** The run a shared link opened, shown until a run of this page takes the stage. */
  linkedRun?: LinkedRun | "reading";
  className?: string;
};

/** The right-hand pane (the top of the page on phones once a run started): results and history. */
export function OutputPane({
  output,
  runs,
  loaded,
  historyProblem,
  form,
  manager,
  actions,
  compare,
  sweepPanel,
  compareTray,
  linkedRun,
  className = "",
}: OutputPaneProps) {
  const { view, setView, run } = output;
  const views = sweepPanel ? VIEWS : VIEWS.filter((tab) => tab.id !== "sweep");
  return (
    <section
      id="output"
      aria-label="Output"
      className={`relative flex min-h-0 min-w-0 flex-col gap-3 bg-zinc-100 p-4 lg:overflow-y-auto dark:bg-zinc-950 ${className}`}
    >
      <div className="flex flex-wrap items-center gap-2">
        <div className={`shrink-0 ${sweepPanel ? "w-72" : "w-56"}`}>
          <TabList label="Output" tabs={views} selected={view} onChange={setView} />
        </div>
        {compareTray}
      </div>
      {historyProblem && (
        <p role="alert" className="text-sm text-amber-800 dark:text-amber-300">
          {historyProblem}
        </p>
      )}
      <div
        id="results-panel"
        role="tabpanel"
        aria-labelledby="results-tab"
        hidden={view !== "results"}
        className="flex min-h-0 flex-1 flex-col"
      >
        {run ? (
          <SelectedRun
            run={run}
            imageIndex={output.imageIndex}
            sessionRuns={output.sessionRuns}
            onShow={output.show}
            manager={manager}
            actions={actions}
            compare={compare}
          />
        ) : linkedRun === "reading" ? (
          <p className="text-sm text-zinc-500">Reading the shared link…</p>
        ) : linkedRun ? (
          <LinkedRunView linked={linkedRun} />
        ) : (
          <FirstSteps form={form} historyCount={runs.length} onOpenHistory={() => setView("history")} />
        )}
      </div>
      {view === "history" && (
        <div id="history-panel" role="tabpanel" aria-labelledby="history-tab" className="flex min-h-0 flex-1 flex-col">
          <HistoryPanel
            runs={runs}
            loaded={loaded}
            storageProblem={historyProblem}
            manager={manager}
            actions={actions}
            compare={compare}
            onShow={output.showFromHistory}
          />
        </div>
      )}
      {view === "sweep" && sweepPanel && (
        <div id="sweep-panel" role="tabpanel" aria-labelledby="sweep-tab" className="flex min-h-0 flex-1 flex-col">
          {sweepPanel}
        </div>
      )}
    </section>
  );
}
