"use client";

import { memo, useDeferredValue, useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { CompareButton } from "@/components/compare/compare-entry";
import type { Compare } from "@/components/compare/use-compare";
import { HistoryCosts } from "@/components/pricing/history-costs";
import { RunCostText } from "@/components/pricing/run-cost-text";
import { RunStatusBadge } from "@/components/runs/run-status-badge";
import type { ResultActions } from "@/components/runs/use-result-actions";
import { ShareRunButton } from "@/components/share/share-run-button";
import { inputClass } from "@/components/ui/field";
import { WindowedList } from "@/components/ui/windowed-list";
import { Button } from "@/components/ui/button";
import { areImagesGone, subscribeGoneImages } from "@/lib/history/gone-images";
import { searchHistory } from "@/lib/history/history-search";
import { thumbnailUrl } from "@/lib/history/result-thumbnails";
import { thumbnailStore } from "@/lib/history/thumbnails";
import { runCardsLine } from "@/lib/lora-info/run-cards";
import type { RunManager } from "@/lib/runs/run-manager";
import { isActive, type Run } from "@/lib/runs/run-state";
import { keepThumbnailsOnce } from "./use-thumbnail-keeper";

type HistoryPanelProps = {
  runs: readonly Run[];
  loaded: boolean;
  /** Why runs are not being kept in this browser, when they are not (the output pane says it too). */
  storageProblem?: string;
  manager: RunManager;
  actions: ResultActions;
  compare: Compare;
  onShow: (runId: string) => void;
};

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "short", timeStyle: "short" });

/**
 * The object URL of the thumbnail kept of this run's first image: undefined while the store is
 * asked, null when it has none. Asked per row, so only the rows on screen ask.
 */
function useKeptThumbnail(runId: string): string | null | undefined {
  const [kept, setKept] = useState<{ runId: string; url: string | null }>();
  useEffect(() => {
    let url: string | undefined;
    let cancelled = false;
    void thumbnailStore()
      .get(runId, 0)
      .catch(() => undefined)
      .then((thumbnail) => {
        if (cancelled) return;
        url = thumbnail && thumbnailUrl(thumbnail);
        setKept({ runId, url: url ?? null });
      });
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [runId]);
  return kept?.runId === runId ? kept.url : undefined;
}

function Thumbnail({ run }: { run: Run }) {
  const kept = useKeptThumbnail(run.id);
  const remote = run.output?.images[0]?.url;
  const className = "size-14 shrink-0 rounded object-cover";
  if (kept === undefined) return <div aria-hidden className={`${className} bg-zinc-200 dark:bg-zinc-800`} />;
  if (kept) {
    // eslint-disable-next-line @next/next/no-img-element -- a thumbnail kept in this browser (blob: URL)
    return <img src={kept} alt="" className={className} />;
  }
  const source = remote ?? run.input.image_url;
  if (!source) return <div aria-hidden className={`${className} bg-zinc-200 dark:bg-zinc-800`} />;
  return (
    // eslint-disable-next-line @next/next/no-img-element -- result URLs come from fal's CDN or the simulator
    <img
      src={source}
      alt=""
      loading="lazy"
      className={className}
      onLoad={() => (remote ? keepThumbnailsOnce(run) : undefined)}
    />
  );
}

type HistoryItemProps = { run: Run; onNotice: (text: string) => void } & Pick<
  HistoryPanelProps,
  "onShow" | "actions" | "manager" | "compare"
>;

/**
 * One run of history, re-rendered only when that run changes. Every row is as tall as the others
 * (one line per text), as the list renders only the rows in view.
 */
const HistoryItem = memo(function HistoryItem({ run, onShow, actions, manager, compare, onNotice }: HistoryItemProps) {
  const modelLine = [run.input.model_name, runCardsLine(run.cards)].filter(Boolean).join(" · ");
  const gone = useSyncExternalStore(
    subscribeGoneImages,
    () => areImagesGone(run.id),
    () => false,
  );
  return (
    <div className="flex flex-wrap items-center gap-2 rounded-md border border-zinc-200 bg-white p-1.5 text-sm dark:border-zinc-800 dark:bg-zinc-900">
      <Thumbnail run={run} />
      <div className="flex min-w-40 flex-1 flex-col gap-0.5">
        <p id={`history-${run.id}`} className="truncate" title={run.input.prompt}>
          {run.input.prompt}
        </p>
        <p className="truncate text-xs text-zinc-500" title={modelLine}>
          {modelLine}
        </p>
        <p className="flex items-center gap-2 overflow-hidden text-xs whitespace-nowrap text-zinc-500">
          <RunStatusBadge status={run.status} />
          <time dateTime={new Date(run.startedAt).toISOString()}>{dateFormat.format(run.startedAt)}</time>
          <RunCostText run={run} className="shrink-0" />
          {gone && (
            <span className="truncate" title="Full image expired; a small copy is kept here.">
              Full image expired; a small copy is kept here.
            </span>
          )}
        </p>
      </div>
      <div className="ml-auto flex flex-wrap gap-2">
        <Button aria-describedby={`history-${run.id}`} onClick={() => onShow(run.id)}>
          Show
        </Button>
        <Button
          aria-describedby={`history-${run.id}`}
          onClick={() => void actions.reuseSettings(run.input).then((problem) => onNotice(problem ?? ""))}
        >
          Reuse settings
        </Button>
        {!isActive(run) && (
          <ShareRunButton run={run} imageIndex={0} onNotice={onNotice} describedBy={`history-${run.id}`} />
        )}
        {(run.output?.images.length ?? 0) > 0 && (
          <CompareButton compare={compare} pick={{ runId: run.id, imageIndex: 0 }} describedBy={`history-${run.id}`} />
        )}
        <Button
          disabled={isActive(run)}
          aria-describedby={`history-${run.id}`}
          onClick={() => void manager.remove(run.id)}
        >
          Delete
        </Button>
      </div>
    </div>
  );
});

/** Every stored run with a thumbnail, searchable by prompt and model: show it, reuse it, delete it. */
export function HistoryPanel({ runs, loaded, storageProblem, manager, actions, compare, onShow }: HistoryPanelProps) {
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState("");
  const [query, setQuery] = useState("");
  const deferredQuery = useDeferredValue(query);
  const shown = useMemo(() => searchHistory(runs, deferredQuery), [runs, deferredQuery]);
  const finished = runs.filter((run) => !isActive(run)).length;

  return (
    <section aria-labelledby="history-heading" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="history-heading" className="text-lg font-semibold">
          History
        </h2>
        {confirming ? (
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span>Delete {finished} finished runs?</span>
            <Button
              variant="danger"
              onClick={() => {
                setConfirming(false);
                void manager.clearFinished();
              }}
            >
              Delete all
            </Button>
            <Button onClick={() => setConfirming(false)}>Keep</Button>
          </div>
        ) : (
          <Button disabled={finished === 0} onClick={() => setConfirming(true)}>
            Clear history
          </Button>
        )}
      </div>
      <HistoryCosts runs={runs} />
      {runs.length > 0 && (
        <div className="flex flex-col gap-1">
          <label htmlFor="history-search" className="text-sm font-medium">
            Search history
          </label>
          <input
            id="history-search"
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            placeholder="Words of the prompt or the model"
            className={inputClass}
            aria-describedby="history-count"
          />
          <p id="history-count" aria-live="polite" className="text-xs text-zinc-500">
            {shown.length === runs.length ? "" : `${shown.length} of `}
            {runs.length === 1 ? "1 run" : `${runs.length} runs`}
          </p>
        </div>
      )}
      {notice && (
        <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
          {notice}
        </p>
      )}
      {runs.length === 0 ? (
        <p className="text-sm text-zinc-500">
          {!loaded
            ? "Loading history…"
            : storageProblem
              ? "No runs yet; they are not being kept in this browser."
              : "Runs are kept here, in this browser."}
        </p>
      ) : shown.length === 0 ? (
        <p className="text-sm text-zinc-500">
          No run&apos;s prompt or model contains &ldquo;{deferredQuery.trim()}&rdquo;.
        </p>
      ) : (
        <WindowedList
          label="History"
          items={shown}
          itemKey={(run) => run.id}
          estimatedRowHeight={72}
          renderItem={(run) => (
            <HistoryItem
              run={run}
              onShow={onShow}
              actions={actions}
              manager={manager}
              compare={compare}
              onNotice={setNotice}
            />
          )}
        />
      )}
    </section>
  );
}
