"use client";

import { useMemo } from "react";
import { useWatch } from "react-hook-form";
import type { PlaygroundFormApi } from "@/components/form/use-playground-form";
import type { FormValues } from "@/lib/form/form-values";
import { splitList } from "@/lib/form/form-items";
import { expectedPrice } from "@/lib/pricing/expected-price";
import { formatMoney } from "@/lib/pricing/money";
import { isKnown } from "@/lib/pricing/quote";
import type { Run } from "@/lib/runs/run-state";
import { usePriceQuote } from "./use-price-quote";

const COST_FIELDS = [
  "model_name",
  "unet_name",
  "image_url",
  "noise_strength",
  "num_inference_steps",
  "timesteps",
  "num_images",
  "loras",
  "controlnets",
  "ip_adapter",
  "ic_light_model_url",
] as const;

/**
 * Beside Run: what one run of the form's settings is expected to cost, from this browser's recent
 * runs of the same kind, else fal's estimate. Shown when known; Run never waits for it.
 */
export function RunPriceHint({ form, runs }: { form: PlaygroundFormApi; runs: readonly Run[] }) {
  const quote = usePriceQuote();
  const watched = useWatch({ control: form.control, name: COST_FIELDS });
  const expected = useMemo(() => {
    if (!quote) return undefined;
    const values = Object.fromEntries(COST_FIELDS.map((field, index) => [field, watched[index]])) as Pick<
      FormValues,
      (typeof COST_FIELDS)[number]
    >;
    const request = {
      ...values,
      image_url: values.image_url || undefined,
      timesteps: { method: values.timesteps.method, array: splitList(values.timesteps.array) },
    };
    return expectedPrice([request], runs, quote);
  }, [quote, runs, watched]);

  if (!expected) return null;
  const known = isKnown(expected) ? expected : undefined;
  const from = known?.sources.includes("recent-runs")
    ? "your recent runs of these settings"
    : "fal's estimate of a run";
  const detail = isKnown(expected)
    ? `Expected price of one run, from ${from}${expected.simulated ? " (the simulator's stand-in price)" : ""}.`
    : `Price unknown: ${expected.unknown}.`;
  return (
    <p
      data-testid="run-price"
      title={detail}
      className="flex shrink-0 flex-col items-end text-xs leading-tight text-zinc-600 dark:text-zinc-400"
    >
      <span className="font-medium text-zinc-900 dark:text-zinc-100">
        {known ? `≈ ${formatMoney(known.micros, known.currency)}` : "price unknown"}
      </span>
      {known && <span> {known.simulated ? "a run, simulated" : "a run"}</span>}
    </p>
  );
}
