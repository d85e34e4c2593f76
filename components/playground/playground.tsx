"use client";

import { memo, useCallback } from "react";
import { FalKeySlot } from "@/components/access/fal-key-control";
import { CompareTray } from "@/components/compare/compare-entry";
import { useCompare } from "@/components/compare/use-compare";
import { PlaygroundForm } from "@/components/form/playground-form";
import { FixedRequestOptionsProvider } from "@/components/form/fixed-request-options";
import { preloadSectionBodies } from "@/components/form/section-body";
import { type PlaygroundFormApi, usePlaygroundForm } from "@/components/form/use-playground-form";
import { useThumbnailKeeper } from "@/components/history/use-thumbnail-keeper";
import { loadRunViews, OutputPane } from "@/components/output/output-pane";
import { useOutput } from "@/components/output/use-output";
import { RunPrice } from "@/components/pricing/run-price";
import { useResultActions } from "@/components/runs/use-result-actions";
import { preloadRuns, useRuns } from "@/components/runs/use-runs";
import { ShareTools } from "@/components/share/share-tools";
import { type OpenedLink, useLinkSettings } from "@/components/share/use-link-settings";
import { SweepButton, SweepPanel } from "@/components/sweeps/sweep-entry";
import type { LoraRequest } from "@/lib/fal/input-schema";
import { preloadFormSchema } from "@/lib/form/form-resolver";
import { RunBar } from "./run-bar";
import { useFirstInteraction } from "./use-first-interaction";

/**
 * What the first check and the first Run need (the schema, the fal client, the run views, the
 * collapsed groups' contents) loads at the first interaction, not with the page.
 */
function preloadForFirstRun(): void {
  preloadFormSchema();
  preloadRuns();
  void loadRunViews();
  preloadSectionBodies().catch(() => undefined);
}

/** The LoRA cards the page holds for a run's weights, when any card was ever shown (their code is loaded then). */
async function keptCards(input: LoraRequest) {
  const { runCards } = await import("@/lib/lora-info/card-store");
  return runCards(input);
}

/**
 * After Run the new run's status and result come into view: wide screens scroll the output pane to
 * its top, phones scroll the page to the output (now first). Each call does nothing on the other.
 */
function revealNewRun(): void {
  const behavior = window.matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth";
  requestAnimationFrame(() => {
    const pane = document.getElementById("output");
    pane?.scrollTo({ top: 0, behavior });
    pane?.scrollIntoView({ block: "start", behavior });
  });
}

type SettingsProps = {
  form: PlaygroundFormApi;
  link: OpenedLink;
  onRun: (input: LoraRequest) => void;
};

/**
 * The settings pane's content. Nothing in it depends on runs, so a log line or a result leaves it
 * alone; nor on the server's configuration, which the parts that need it read themselves.
 */
const Settings = memo(function Settings({ form, link, onRun }: SettingsProps) {
  return (
    <>
      <FalKeySlot />
      <ShareTools form={form} link={link} />
      <PlaygroundForm form={form} onRun={onRun} />
    </>
  );
});

/**
 * The workspace. Wide screens: settings on the left with Run at their foot, output on the right,
 * each scrolling on its own. Phones: one column, the settings first until a run starts, then the
 * output; Run sticks to the bottom of the screen. `opensLink` says the page is a shared link's.
 * What depends on the server's configuration (the key box, fixed request options, the pace of
 * sweeps) reads it where it is used, so its arrival after hydration re-renders only those parts.
 */
export function Playground({ opensLink = false }: { opensLink?: boolean }) {
  const form = usePlaygroundForm();
  const link = useLinkSettings(form, opensLink);
  const { runs, liveIds, loaded, historyProblem, manager } = useRuns();
  const actions = useResultActions(form, manager);
  const output = useOutput(runs, liveIds);
  const compare = useCompare();
  useThumbnailKeeper(runs, liveIds, loaded);
  useFirstInteraction(preloadForFirstRun);
  const { show } = output;
  // A shared run's link opens on its image: on phones the output then comes first, as for a run.
  const outputFirst = Boolean(output.run || link.linkedRun);
  const onRun = useCallback(
    async (input: LoraRequest) => {
      // Loaded with the schema at the first interaction: awaited so the first run's card shows as it starts.
      await loadRunViews();
      show(manager.start(input, await keptCards(input)));
      revealNewRun();
    },
    [show, manager],
  );

  return (
    <main className="grid min-h-0 flex-1 grid-cols-1 lg:grid-cols-[minmax(22rem,26rem)_minmax(0,1fr)] xl:grid-cols-[30rem_minmax(0,1fr)]">
      <div className="flex min-h-0 flex-col border-zinc-200 max-lg:contents lg:border-r dark:border-zinc-800">
        <section
          aria-label="Settings"
          // Relative, so visually hidden inputs stay inside this scroll pane instead of stretching the page.
          // Below the output on phones, the settings must not be the page's scroll anchor: the output
          // changing size above them would then push the status and result out of view.
          className={`relative flex min-w-0 flex-col gap-4 bg-white p-4 lg:flex-1 lg:overflow-y-auto dark:bg-zinc-900 ${outputFirst ? "max-lg:[overflow-anchor:none]" : ""}`}
        >
          <FixedRequestOptionsProvider>
            <Settings form={form} link={link} onRun={onRun} />
          </FixedRequestOptionsProvider>
        </section>
        <RunBar
          tools={
            <SweepButton
              form={form}
              manager={manager}
              onStarted={() => {
                output.showSweeps();
                revealNewRun();
              }}
            />
          }
          price={<RunPrice form={form} runs={runs} />}
        />
      </div>
      <OutputPane
        output={output}
        runs={runs}
        loaded={loaded}
        historyProblem={historyProblem}
        form={form}
        manager={manager}
        actions={actions}
        compare={compare}
        linkedRun={link.linkedRun}
        compareTray={compare.a || compare.b ? <CompareTray compare={compare} runs={runs} /> : undefined}
        sweepPanel={output.hasSweeps ? <SweepPanel manager={manager} runs={runs} onShowRun={output.show} /> : undefined}
        className={outputFirst ? "max-lg:order-first" : ""}
      />
    </main>
  );
}
