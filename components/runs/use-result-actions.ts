"use client";

import { useEffect, useMemo } from "react";
import { showServerErrors } from "@/components/form/show-server-errors";
import type { PlaygroundFormApi } from "@/components/form/use-playground-form";
import type { LoraRequest } from "@/lib/fal/input-schema";
import type { Seed } from "@/lib/fal/output-schema";
import type { RunManager } from "@/lib/runs/run-manager";
import { reuseSeed } from "@/lib/runs/seed";

/** What a result or a history entry can put back into the form. */
export type ResultActions = {
  /**
   * Restores the run's input field by field; what no longer fits the form stays at its default.
   * Answers what to tell the user when not everything was restored, else undefined.
   */
  reuseSettings: (input: LoraRequest) => Promise<string | undefined>;
  useAsInitImage: (url: string) => void;
  /** Puts the seed in the form; a seed it cannot send back unchanged is refused, with the reason. */
  useSeed: (seed: Seed) => string | undefined;
};

function reveal(fieldId: string) {
  document.getElementById(fieldId)?.closest("div")?.scrollIntoView({ block: "center", behavior: "smooth" });
}

/** Connects runs to the page's form: result actions, and a refused input's errors on its fields. */
export function useResultActions(form: PlaygroundFormApi, manager: RunManager): ResultActions {
  useEffect(() => manager.onFieldErrors((errors) => showServerErrors(form, errors)), [form, manager]);

  return useMemo(
    () => ({
      async reuseSettings(input) {
        // The settings reader, with the schema, loads at the first reuse rather than with the page.
        const [{ problemsText, readSettings }, { applySettings }] = await Promise.all([
          import("@/lib/share/settings-reader"),
          import("@/lib/form/form-settings"),
        ]);
        const { values, problems, unreadable } = readSettings(input);
        if (unreadable)
          return `These settings no longer fit the form, so they were not restored. ${problemsText(problems)}`;
        applySettings(form, values);
        reveal("prompt");
        if (problems.length === 0) return undefined;
        return `Restored, except what no longer fits the form (left at its default): ${problemsText(problems)}`;
      },
      useAsInitImage(url) {
        form.setValue("image_url", url, { shouldDirty: true, shouldValidate: true });
        reveal("image_url");
      },
      useSeed(seed) {
        const reuse = reuseSeed(seed);
        if (!reuse.ok) return reuse.reason;
        form.setValue("seed", reuse.seed, { shouldDirty: true, shouldValidate: true });
        reveal("seed");
        return undefined;
      },
    }),
    [form],
  );
}
