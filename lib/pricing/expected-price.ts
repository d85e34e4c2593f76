import { inputDefaults } from "@/lib/fal/defaults";
import type { Run } from "@/lib/runs/run-state";
import { microsOf } from "./money";
import { isKnown, type PriceQuote, type Unknown } from "./quote";
import { runCost } from "./run-cost";

/** Where an expected price comes from: this browser's recent runs, or fal's estimate API. */
export type PriceSource = "recent-runs" | "fal-estimate";

export type ExpectedPrice = { micros: number; currency: string; simulated: boolean; sources: PriceSource[] };

/**
 * The part of a request that bears on its cost: a request as sent (history keeps them so), or the
 * form's values read the same way.
 */
export type CostShape = {
  model_name: string;
  unet_name?: string;
  image_url?: string;
  noise_strength?: number;
  num_inference_steps?: number;
  timesteps?: { method?: string; array?: readonly unknown[] };
  num_images?: number;
  loras?: readonly unknown[];
  controlnets?: readonly unknown[];
  ip_adapter?: readonly unknown[];
  ic_light_model_url?: string;
};

/** Recent runs looked at for one kind of request. */
const RECENT_RUNS = 8;

/**
 * Denoising steps × images, which compute time (and so a per-second bill) follows. An init image
 * runs only `noise_strength` of the steps, as the diffusers image-to-image pipelines do.
 */
function workOf(request: CostShape): number {
  const custom = request.timesteps?.method === "array" ? (request.timesteps.array?.length ?? 0) : 0;
  const steps = custom || (request.num_inference_steps ?? inputDefaults.num_inference_steps);
  const strength = request.image_url ? (request.noise_strength ?? inputDefaults.noise_strength) : 1;
  const work = Math.max(1, Math.floor(steps * strength)) * (request.num_images ?? inputDefaults.num_images);
  // History keeps requests as they were sent, by pages older than this one.
  return Number.isFinite(work) && work > 0 ? work : 1;
}

/** Requests with the same model and the same extra networks cost alike per unit of work. */
function kindOf(request: CostShape): string {
  return JSON.stringify([
    request.model_name,
    request.unet_name ?? "",
    request.loras?.length ?? 0,
    request.controlnets?.length ?? 0,
    request.ip_adapter?.length ?? 0,
    Boolean(request.ic_light_model_url),
  ]);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const sentKinds = new WeakMap<CostShape, string>();

/** A sent request's kind, worked out once: the page asks again at every status update of any run. */
function kindOfSent(request: CostShape): string {
  let kind = sentKinds.get(request);
  if (kind === undefined) sentKinds.set(request, (kind = kindOf(request)));
  return kind;
}

/** Cost per unit of work of recent runs, by kind of request; newest first, as history lists them. */
function recentRates(runs: readonly Run[], simulated: boolean, currency: string | undefined) {
  const rates = new Map<string, { currency: string; perWork: number[] }>();
  for (const run of runs) {
    const cost = runCost(run);
    if (!cost || !isKnown(cost) || cost.simulated !== simulated) continue;
    if (currency !== undefined && cost.currency !== currency) continue;
    const kind = kindOfSent(run.input);
    const rate = rates.get(kind) ?? { currency: cost.currency, perWork: [] };
    if (rate.currency !== cost.currency || rate.perWork.length >= RECENT_RUNS) continue;
    rate.perWork.push(cost.micros / workOf(run.input));
    rates.set(kind, rate);
  }
  return rates;
}

/**
 * What the given requests are expected to cost together: each from this browser's recent runs of
 * the same kind (their cost per step and image, scaled to its own), else from fal's estimate of
 * one run. Unknown as soon as one of them has neither. Nothing here waits on the network.
 */
export function expectedPrice(
  requests: readonly CostShape[],
  runs: readonly Run[],
  quote: PriceQuote,
): ExpectedPrice | Unknown {
  const currency = isKnown(quote.price) ? quote.price.currency : undefined;
  const rates = recentRates(runs, quote.simulated, currency);
  const estimate = isKnown(quote.estimate) ? microsOf(quote.estimate.perRun) : undefined;
  const sources = new Set<PriceSource>();
  let micros = 0;
  let found = currency;
  for (const request of requests) {
    const rate = rates.get(kindOf(request));
    if (rate && (found === undefined || found === rate.currency)) {
      micros += Math.round(median(rate.perWork) * workOf(request));
      found = rate.currency;
      sources.add("recent-runs");
    } else if (
      estimate !== undefined &&
      isKnown(quote.estimate) &&
      (found ?? quote.estimate.currency) === quote.estimate.currency
    ) {
      micros += estimate;
      found = quote.estimate.currency;
      sources.add("fal-estimate");
    } else {
      return {
        unknown: isKnown(quote.estimate)
          ? "no recent run of these settings was priced, and fal's estimate is in another currency"
          : `no recent run of these settings was priced, and fal gave no estimate (${quote.estimate.unknown})`,
      };
    }
  }
  if (found === undefined) return { unknown: "nothing to price" };
  return { micros, currency: found, simulated: quote.simulated, sources: [...sources] };
}
