"use client";

import { useMemo, useState } from "react";
import { CompareSlider } from "@/components/gallery/compare-slider";
import { KeptCards } from "@/components/lora-info/kept-cards";
import { ResultImage } from "@/components/output/result-image";
import { costLabel } from "@/components/pricing/run-cost-text";
import { ToolDialog } from "@/components/tools/tool-dialog";
import { Button, buttonClassName } from "@/components/ui/button";
import { type ComparedRun, settingsDiff } from "@/lib/compare/settings-diff";
import type { GalleryItem } from "@/lib/gallery/gallery-items";
import { formatSeed } from "@/lib/runs/seed";
import { SettingDifferences } from "./setting-differences";

type CompareDialogProps = { a: GalleryItem; b: GalleryItem; onSwap: () => void; onClose: () => void };
type View = "slider" | "side-by-side";

const segmentClass = buttonClassName({ variant: "segment", wrapsInput: true });

/** The run as compared: its input, and the seed fal used when this browser holds it exactly. */
function compared({ run, seed }: GalleryItem): ComparedRun {
  return { input: run.input, seed: typeof seed === "number" && Number.isSafeInteger(seed) ? seed : undefined };
}

const ratioOf = ({ image }: GalleryItem) => (image.width && image.height ? image.width / image.height : undefined);

function Caption({ slot, item }: { slot: "A" | "B"; item: GalleryItem }) {
  const { image, run, seed } = item;
  const details = [
    seed !== undefined ? `seed ${formatSeed(seed)}` : "",
    image.width && image.height ? `${image.width} × ${image.height}` : "",
    costLabel(run)?.text ?? "",
  ].filter(Boolean);
  return (
    <figcaption className="flex min-w-0 gap-2 text-sm">
      <span className="font-semibold">{slot}</span>
      <span className="min-w-0 flex-1">
        <span className="line-clamp-2 break-words" title={run.input.prompt}>
          {run.input.prompt}
        </span>
        <span className="text-xs text-zinc-600 dark:text-zinc-400">{details.join(" · ")}</span>
      </span>
    </figcaption>
  );
}

/** A and B with the slider or side by side, and the settings that differ between them. */
export function CompareDialog({ a, b, onSwap, onClose }: CompareDialogProps) {
  const [view, setView] = useState<View>(() =>
    ratioOf(a) !== undefined && ratioOf(a) === ratioOf(b) ? "slider" : "side-by-side",
  );
  const differences = useMemo(() => settingsDiff(compared(a), compared(b)), [a, b]);
  const size = { width: a.image.width ?? b.image.width ?? 1, height: a.image.height ?? b.image.height ?? 1 };

  return (
    <ToolDialog title="Compare A and B" onClose={onClose} footer={<Button onClick={onSwap}>Swap A and B</Button>}>
      <fieldset className="flex flex-wrap items-center gap-1">
        <legend className="sr-only">View</legend>
        <label className={segmentClass}>
          <input
            type="radio"
            name="compare-view"
            className="sr-only"
            checked={view === "slider"}
            onChange={() => setView("slider")}
          />
          Slider
        </label>
        <label className={segmentClass}>
          <input
            type="radio"
            name="compare-view"
            className="sr-only"
            checked={view === "side-by-side"}
            onChange={() => setView("side-by-side")}
          />
          Side by side
        </label>
      </fieldset>
      {view === "slider" ? (
        <div className="flex flex-col gap-2">
          <CompareSlider
            before={a.image.url}
            after={b.image.url}
            alt={`B: ${b.run.input.prompt}`}
            beforeAlt={`A: ${a.run.input.prompt}`}
            label="A / B"
            corners={["A", "B"]}
            viewportShare={48}
            width={size.width}
            height={size.height}
          />
          <div className="grid gap-2 sm:grid-cols-2">
            <Caption slot="A" item={a} />
            <Caption slot="B" item={b} />
          </div>
        </div>
      ) : (
        <div className="grid gap-3 sm:grid-cols-2">
          {(
            [
              ["A", a],
              ["B", b],
            ] as const
          ).map(([slot, item]) => (
            <figure key={slot} className="flex min-w-0 flex-col gap-1.5">
              <ResultImage
                run={item.run}
                index={item.index}
                alt={`${slot}: ${item.run.input.prompt}`}
                className="max-h-[48vh] w-full rounded bg-zinc-200 object-contain dark:bg-zinc-800"
              />
              <Caption slot={slot} item={item} />
            </figure>
          ))}
        </div>
      )}
      <section
        aria-labelledby="compare-differences-heading"
        className="flex flex-col gap-1 border-t border-zinc-200 pt-3 dark:border-zinc-800"
      >
        <h3 id="compare-differences-heading" className="text-sm font-semibold">
          {differences.length === 0
            ? "No setting differs"
            : differences.length === 1
              ? "1 setting differs"
              : `${differences.length} settings differ`}
        </h3>
        <SettingDifferences differences={differences} />
      </section>
      {(a.run.cards || b.run.cards) && (
        <section aria-label="Model and LoRAs of A and B" className="grid gap-2 sm:grid-cols-2">
          {(
            [
              ["A", a],
              ["B", b],
            ] as const
          ).map(([slot, item]) =>
            item.run.cards ? (
              <KeptCards
                key={slot}
                cards={item.run.cards}
                prompt={item.run.input.prompt}
                heading={`${slot}: model and LoRAs, as read before the run`}
                owner={slot}
              />
            ) : (
              <p key={slot} className="text-sm text-zinc-500">
                {slot}: no cards were kept with this run.
              </p>
            ),
          )}
        </section>
      )}
    </ToolDialog>
  );
}
