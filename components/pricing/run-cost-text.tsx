import { formatMoney } from "@/lib/pricing/money";
import { isKnown } from "@/lib/pricing/quote";
import { runCost } from "@/lib/pricing/run-cost";
import type { Run } from "@/lib/runs/run-state";

/**
 * What a run cost, short ("≈ $0.0028", "$0.00069 simulated", "price unknown"), and how that was
 * worked out; `unusual` when it is worth saying out loud (estimated, or unknown and why).
 */
export function costLabel(run: Run): { text: string; detail: string; unusual: boolean } | undefined {
  const cost = runCost(run);
  if (!cost) return undefined;
  if (!isKnown(cost)) return { text: "price unknown", detail: `Price unknown: ${cost.unknown}.`, unusual: true };
  const amount = `${cost.estimated ? "≈ " : ""}${formatMoney(cost.micros, cost.currency)}`;
  const basis = `${cost.basis[0]?.toUpperCase() ?? ""}${cost.basis.slice(1)}`;
  const detail = cost.simulated ? `${basis}: the simulator's stand-in price, not fal's.` : `${basis}.`;
  return { text: cost.simulated ? `${amount} simulated` : amount, detail, unusual: cost.estimated };
}

/** A run's cost where it is listed (history, compare), its basis on hover. */
export function RunCostText({ run, className = "" }: { run: Run; className?: string }) {
  const label = costLabel(run);
  if (!label) return null;
  return (
    <span data-testid="run-cost" title={label.detail} className={className}>
      {label.text}
    </span>
  );
}
