"use client";

import { useEffect, useMemo } from "react";
import { showServerErrors } from "@/components/form/show-server-errors";
import type { PlaygroundFormApi } from "@/components/form/use-playground-form";
import type { LoraRequest } from "@/lib/fal/input-schema";
import type { Seed } from "@/lib/fal/output-schema";
import { toFormValues } from "@/lib/form/form-values";
import type { RunManager } from "@/lib/runs/run-manager";
import { reuseSeed } from "@/lib/runs/seed";

/** What a result or a history entry can put back into the form. */
export type ResultActions = {
  /** Restores the run's whole input; false when it no longer fits the form's schema. */
  reuseSettings: (input: LoraRequest) => boolean;
  useAsInitImage: (url: string) => void;
  /** Puts the seed in the form; a seed it cannot send back unchanged is refused, with the reason. */
  useSeed: (seed: Seed) => string | undefined;
};

function reveal(fieldId: string) {
  document.getElementById(fieldId)?.closest("div")?.scrollIntoView({ block: "center", behavior: "smooth" });
}

/** Connects runs to the page's form: result actions, and a refused input's errors on its fields. */
export function useResultActions(form: PlaygroundFormApi, manager: RunManager): ResultActions {
  useEffect(
    () =>
      manager.onFieldErrors((errors) =>
        showServerErrors(
          form,
          errors.map(({ field, message }) => ({ name: field, message })),
        ),
      ),
    [form, manager],
  );

  return useMemo(
    () => ({
      reuseSettings(input) {
        try {
          form.reset(toFormValues(input));
        } catch {
          return false;
        }
        reveal("prompt");
        return true;
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
