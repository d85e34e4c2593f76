"use client";

import { lazyComponent } from "@/components/ui/lazy-component";
import { Button } from "@/components/ui/button";
import type { Compare, ComparePick } from "./use-compare";

// Compare loads when first used (or hovered), never with the page.
const loadTray = () => import("./compare-tray");

/** The picked results above the output pane's views, with the comparison itself. */
export const CompareTray = lazyComponent(() => loadTray().then((module) => module.CompareTray));

type CompareButtonProps = { compare: Compare; pick: ComparePick; describedBy?: string };

/** "Compare" on a result: marks it as A, then another as B; pressed (and lettered) while picked. */
export function CompareButton({ compare, pick, describedBy }: CompareButtonProps) {
  const slot = compare.slotOf(pick);
  return (
    <Button
      aria-pressed={slot !== undefined}
      aria-describedby={describedBy}
      className="inline-flex items-center gap-1.5"
      onPointerEnter={() => void loadTray()}
      onFocus={() => void loadTray()}
      onClick={() => compare.toggle(pick)}
    >
      Compare
      {slot && (
        <span aria-hidden className="rounded bg-accent-700 px-1.5 text-xs leading-5 font-semibold text-white">
          {slot}
        </span>
      )}
    </Button>
  );
}
