"use client";

import { type CSSProperties, useSyncExternalStore } from "react";
import { RunStatusBadge } from "@/components/runs/run-status-badge";
import type { FalImage } from "@/lib/fal/output-schema";
import { areImagesGone, subscribeGoneImages } from "@/lib/history/gone-images";
import { isActive, type Run } from "@/lib/runs/run-state";
import { ResultImage } from "./result-image";

type RunStageProps = {
  run: Run;
  imageIndex: number;
  onPick: (index: number) => void;
  onOpen: (index: number) => void;
  className?: string;
};

export const resultAlt = (run: Run, index: number) => `Result ${index + 1} of run ${run.requestId ?? run.id}`;

/**
 * While a run has no images: its status over its init image, faded. Results take the init image's
 * size, so on phones the placeholder already has the result's shape.
 */
function StagePlaceholder({ run }: { run: Run }) {
  const initImage = run.input.image_url;
  return (
    <div className="relative flex w-full items-center justify-center overflow-hidden rounded-xl bg-zinc-200 lg:h-full dark:bg-zinc-900">
      {initImage ? (
        // eslint-disable-next-line @next/next/no-img-element -- the init image may be any URL or a data URI
        <img
          src={initImage}
          alt=""
          className="h-auto max-h-[75vh] w-full object-contain opacity-25 lg:h-full lg:max-h-none"
        />
      ) : (
        <div className="aspect-square max-h-[60vh] w-full lg:hidden" />
      )}
      <div className="absolute inset-0 flex flex-col items-center justify-center gap-3 p-4 text-center text-sm">
        {isActive(run) && (
          <span
            aria-hidden
            className="size-8 rounded-full motion-safe:animate-spin border-4 border-accent-300 border-t-accent-600"
          />
        )}
        <RunStatusBadge status={run.status} />
        {run.status === "failed" && <p>No image: the run&apos;s message says why.</p>}
        {run.status === "cancelled" && <p>This run was cancelled before it finished.</p>}
      </div>
    </div>
  );
}

/** Sides of a cell that face the grid's centre: images there pack together instead of spreading. */
function towardsCentre(index: number, columns: number, rows: number): string {
  const side = (at: number, count: number) => Math.sign(2 * at + 1 - count);
  const horizontal = { [-1]: "justify-end", 0: "justify-center", 1: "justify-start" }[side(index % columns, columns)];
  const vertical = { [-1]: "items-end", 0: "items-center", 1: "items-start" }[side(Math.floor(index / columns), rows)];
  return `${horizontal} ${vertical}`;
}

/** fal may leave a result's size out: the image then lays out square until it loads, then as it is. */
function ratioStyle({ width, height }: FalImage): CSSProperties {
  if (!width || !height) return { aspectRatio: "auto", ["--ratio" as string]: 1 };
  return { aspectRatio: `${width} / ${height}`, ["--ratio" as string]: width / height };
}

/**
 * The picked run's images, as large as the pane allows (all of a multi-image run together). On
 * wide screens each image fits its cell by the cell's size (container query units); on phones it
 * takes the full width.
 */
export function RunStage({ run, imageIndex, onPick, onOpen, className = "" }: RunStageProps) {
  const gone = useSyncExternalStore(
    subscribeGoneImages,
    () => areImagesGone(run.id),
    () => false,
  );
  const images = run.output?.images ?? [];
  if (images.length === 0) {
    return (
      <div className={`flex flex-col ${className}`} data-testid="stage">
        <StagePlaceholder run={run} />
      </div>
    );
  }
  const several = images.length > 1;
  const columns = Math.ceil(Math.sqrt(images.length));
  const rows = Math.ceil(images.length / columns);
  return (
    <div className={`flex flex-col gap-2 ${className}`} data-testid="stage">
      <ul
        aria-label="Results"
        className="grid min-h-0 flex-1 gap-2"
        style={{
          gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
          gridTemplateRows: `repeat(${rows}, minmax(0, 1fr))`,
        }}
      >
        {images.map((image, index) => (
          <li
            key={image.url}
            className={`flex min-h-0 min-w-0 lg:[container-type:size] ${towardsCentre(index, columns, rows)}`}
          >
            <button
              type="button"
              aria-label={
                several ? `Pick result ${index + 1}` : `Open result 1 of run ${run.requestId ?? run.id} in the viewer`
              }
              aria-pressed={several ? index === imageIndex : undefined}
              onClick={() => (several ? onPick(index) : onOpen(index))}
              onDoubleClick={() => onOpen(index)}
              className="flex max-h-full max-w-full rounded-lg max-lg:w-full ring-offset-2 ring-offset-zinc-100 aria-pressed:ring-3 aria-pressed:ring-accent-500 dark:ring-offset-zinc-950"
            >
              <ResultImage
                run={run}
                index={index}
                alt={resultAlt(run, index)}
                // The run on the stage is what the user waits for: ahead of thumbnails and history.
                fetchPriority="high"
                style={ratioStyle(image)}
                className="h-auto max-h-[75vh] w-full rounded-lg bg-zinc-200 object-contain shadow-sm lg:max-h-none lg:w-[min(100cqw,calc(100cqh*var(--ratio)))] dark:bg-zinc-900"
              />
            </button>
          </li>
        ))}
      </ul>
      {gone && (
        <p
          role="note"
          className="rounded-md bg-amber-50 p-2 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100"
        >
          The full image is gone from the server (the simulator keeps files for an hour; fal keeps them as long as the
          account&apos;s retention says). What you see is the small copy kept in this browser.
        </p>
      )}
    </div>
  );
}
