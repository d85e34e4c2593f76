"use client";

import { lazyComponent } from "@/components/ui/lazy-component";
import { ResultImage } from "@/components/output/result-image";
import { Button } from "@/components/ui/button";
import { type GalleryItem, galleryItems } from "@/lib/gallery/gallery-items";
import type { Run } from "@/lib/runs/run-state";
import type { Compare, ComparePick, CompareSlot } from "./use-compare";

const CompareDialog = lazyComponent(() => import("./compare-dialog").then((module) => module.CompareDialog));

/** The picked result, while its run (and that image) is still there. */
export function pickedItem(pick: ComparePick | undefined, runs: readonly Run[]): GalleryItem | undefined {
  const run = pick && runs.find((candidate) => candidate.id === pick.runId);
  return run ? galleryItems([run]).find((item) => item.index === pick.imageIndex) : undefined;
}

function Slot({ slot, item }: { slot: CompareSlot; item: GalleryItem | undefined }) {
  return (
    // An empty slot keeps its words whole; a picked one's prompt gives way.
    <div className={`flex items-center gap-1.5 ${item ? "min-w-0 flex-1 basis-32" : "shrink-0"}`}>
      <span
        aria-hidden
        className="flex size-6 shrink-0 items-center justify-center rounded bg-accent-700 text-xs font-semibold text-white"
      >
        {slot}
      </span>
      {item ? (
        <>
          <ResultImage run={item.run} index={item.index} alt="" className="size-8 shrink-0 rounded object-cover" />
          <span className="min-w-0 truncate text-sm" title={item.run.input.prompt}>
            <span className="sr-only">{slot}: </span>
            {item.run.input.prompt}
          </span>
        </>
      ) : (
        <span className="text-sm whitespace-nowrap text-zinc-600 dark:text-zinc-400">
          <span className="sr-only">{slot}: </span>
          Compare another result
        </span>
      )}
    </div>
  );
}

/** The two picks beside the output pane's tabs (under them when narrow): compare, swap or clear them. */
export function CompareTray({ compare, runs }: { compare: Compare; runs: readonly Run[] }) {
  const a = pickedItem(compare.a, runs);
  const b = pickedItem(compare.b, runs);
  if (!a && !b) return null;
  const both = a && b ? { a, b } : undefined;
  return (
    <section
      aria-labelledby="compare-tray-heading"
      className="flex min-w-0 flex-[1_1_30rem] flex-wrap items-center gap-x-3 gap-y-2 rounded-lg border border-zinc-200 bg-white px-2 py-1 shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <h2 id="compare-tray-heading" className="sr-only">
        Compare
      </h2>
      <Slot slot="A" item={a} />
      <Slot slot="B" item={b} />
      <div className="ml-auto flex flex-wrap gap-2">
        <Button variant="primary" disabled={!both} onClick={() => compare.setOpen(true)}>
          Compare A and B
        </Button>
        <Button disabled={!both} onClick={compare.swap}>
          Swap
        </Button>
        <Button onClick={compare.clear}>Clear</Button>
      </div>
      {compare.open && both && (
        <CompareDialog a={both.a} b={both.b} onSwap={compare.swap} onClose={() => compare.setOpen(false)} />
      )}
    </section>
  );
}
