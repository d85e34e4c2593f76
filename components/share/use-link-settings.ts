"use client";

import { useEffect, useMemo, useState } from "react";
import type { PlaygroundFormApi } from "@/components/form/use-playground-form";
import type { LoraInput } from "@/lib/fal/input-schema";
import type { SharedRun } from "@/lib/share/link-payload";
import type { RestoreOutcome } from "./settings-notice";

/**
 * A run a link opened: its settings (now in the form), what the link shows of the run, why its
 * image is not shown (when it is not), and why fal's seed could not go in the form (when it could not).
 */
export type LinkedRun = { values: LoraInput; run: SharedRun; imageNote?: string; seedNote?: string };

/** What the link the page opened with brought: "reading" until it is read, when the page knows it carries one. */
export type OpenedLink = {
  outcome?: RestoreOutcome;
  dismiss: () => void;
  linkedRun?: LinkedRun | "reading";
};

/**
 * Fills the form from the link the page was opened with, its path (`/s/…`) or its hash (`#s=…`),
 * when the page opens and when the hash changes. `opensLink`: the server served a shared link.
 */
export function useLinkSettings(form: PlaygroundFormApi, opensLink = false): OpenedLink {
  const [outcome, setOutcome] = useState<RestoreOutcome>();
  const [linkedRun, setLinkedRun] = useState<LinkedRun | "reading" | undefined>(opensLink ? "reading" : undefined);
  useEffect(() => {
    let active = true;
    const restore = async () => {
      // The link reader (with its decompressor) loads only for a page opened with a link.
      if (!window.location.hash && !opensLink) return;
      const [{ readShareLocation }, { IMAGE_FIELD }, { applySettings }, { reuseSeed }] = await Promise.all([
        import("@/lib/share/share-link"),
        import("@/lib/share/link-payload"),
        import("@/lib/form/form-settings"),
        import("@/lib/runs/seed"),
      ]);
      const reading = readShareLocation(window.location);
      if (!active) return;
      if (!reading) {
        setLinkedRun(undefined);
        return;
      }
      // A link that could not be read leaves the form as it is: nothing typed is lost to it.
      if (!reading.unreadable) applySettings(form, reading.values);
      setOutcome({ problems: reading.problems, unreadable: reading.unreadable });
      const { run } = reading;
      let seedNote: string | undefined;
      // fal picked the seed (the run asked for none, or 0): put fal's in the form, so Run again makes the same image.
      if (run?.seed !== undefined && !reading.values.seed) {
        const reuse = reuseSeed(BigInt(run.seed));
        if (reuse.ok) form.setValue("seed", reuse.seed, { shouldDirty: true });
        else seedNote = reuse.reason;
      }
      const imageNote = reading.problems.find((problem) => problem.field === IMAGE_FIELD)?.message;
      setLinkedRun(run ? { values: reading.values, run, imageNote, seedNote } : undefined);
    };
    void restore();
    const onHashChange = () => void restore();
    window.addEventListener("hashchange", onHashChange);
    return () => {
      active = false;
      window.removeEventListener("hashchange", onHashChange);
    };
  }, [form, opensLink]);
  return useMemo(() => ({ outcome, dismiss: () => setOutcome(undefined), linkedRun }), [outcome, linkedRun]);
}
