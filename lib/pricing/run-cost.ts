import type { Run } from "@/lib/runs/run-state";
import { formatPrice, productMicros, toDecimalString } from "./money";
import { isKnown, isPerSecond, unitName, type Unknown } from "./quote";

/** What one finished run cost, in micro-units of `currency`. */
export type RunCost = {
  micros: number;
  currency: string;
  /** No billable units came: worked out from the inference time, shown with "≈". */
  estimated: boolean;
  simulated: boolean;
  /** How it was worked out, e.g. "billed 2.5 × $0.00111 per compute second". */
  basis: string;
};

const costs = new WeakMap<Run, RunCost | Unknown | undefined>();

function priced(run: Run): RunCost | Unknown | undefined {
  const price = run.price;
  if (run.status !== "completed" || !price) return undefined;
  if (!isKnown(price)) return price;
  const { unitPrice, unit, currency, simulated } = price;
  const each = `${formatPrice(unitPrice, currency)} per ${unitName(unit)}`;
  if (run.billableUnits !== undefined) {
    const micros = productMicros(run.billableUnits, unitPrice);
    if (micros !== undefined)
      return { micros, currency, estimated: false, simulated, basis: `billed ${run.billableUnits} × ${each}` };
  }
  const seconds = run.inferenceTime !== undefined ? toDecimalString(run.inferenceTime) : undefined;
  if (seconds !== undefined && isPerSecond(unit)) {
    const micros = productMicros(seconds, unitPrice);
    if (micros !== undefined)
      return {
        micros,
        currency,
        estimated: true,
        simulated,
        basis: `estimated: fal sent no billable units, so ${seconds} s of inference × ${each}`,
      };
  }
  return { unknown: `fal sent no billable units for this run, and a price per ${unitName(unit)} cannot be worked out` };
}

/**
 * What a finished run cost: fal's billable units of its result × the price it was priced at, or
 * (no units) its inference time × a price per second, marked estimated. Undefined where there is
 * nothing to say: a run not (yet) completed or priced; failed runs are not billed (docs/fal.md#pricing).
 */
export function runCost(run: Run): RunCost | Unknown | undefined {
  if (!costs.has(run)) costs.set(run, priced(run));
  return costs.get(run);
}

/** The runs' known costs added up, one total per currency (simulated ones apart). */
export type CostTotal = { micros: number; currency: string; simulated: boolean; estimated: boolean; runs: number };

export type CostSummary = { totals: CostTotal[]; unknown: number };

export function sumCosts(runs: Iterable<Run>): CostSummary {
  const totals = new Map<string, CostTotal>();
  let unknown = 0;
  for (const run of runs) {
    const cost = runCost(run);
    if (!cost) continue;
    if (!isKnown(cost)) {
      unknown++;
      continue;
    }
    const key = `${cost.currency}:${cost.simulated}`;
    const total = totals.get(key) ?? {
      micros: 0,
      currency: cost.currency,
      simulated: cost.simulated,
      estimated: false,
      runs: 0,
    };
    total.micros += cost.micros;
    total.estimated ||= cost.estimated;
    total.runs++;
    totals.set(key, total);
  }
  return { totals: [...totals.values()], unknown };
}
