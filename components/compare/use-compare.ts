"use client";

import { useState } from "react";

/** One result: a run's image, by its place in the run's output. */
export type ComparePick = { runId: string; imageIndex: number };
export type CompareSlot = "A" | "B";

const same = (one: ComparePick | undefined, other: ComparePick | undefined) =>
  one?.runId === other?.runId && one?.imageIndex === other?.imageIndex;

/**
 * The two results picked to compare. "Compare" on a result marks it as A, on another as B (which
 * opens the comparison; a third replaces B); on a marked one it unmarks it.
 */
export function useCompare() {
  const [picks, setPicks] = useState<{ a?: ComparePick; b?: ComparePick }>({});
  const [open, setOpen] = useState(false);
  const { a, b } = picks;
  return {
    a,
    b,
    open,
    setOpen,
    slotOf(pick: ComparePick): CompareSlot | undefined {
      return same(pick, a) ? "A" : same(pick, b) ? "B" : undefined;
    },
    toggle(pick: ComparePick) {
      if (same(pick, a)) setPicks({ a: b });
      else if (same(pick, b)) setPicks({ a });
      else if (!a) setPicks({ a: pick });
      else {
        setPicks({ a, b: pick });
        setOpen(true);
      }
    },
    swap: () => setPicks({ a: b, b: a }),
    clear() {
      setPicks({});
      setOpen(false);
    },
  };
}

export type Compare = ReturnType<typeof useCompare>;
