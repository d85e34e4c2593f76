"use client";

import { useMemo } from "react";
import { formatMoney } from "@/lib/pricing/money";
import { type CostSummary, sumCosts } from "@/lib/pricing/run-cost";
import type { Run } from "@/lib/runs/run-state";

/** "≈ $0.42", "$0.42 + $0.003 simulated": one amount per currency, simulated ones apart. */
function summaryText({ totals }: CostSummary, currency: string): string {
  if (totals.length === 0) return formatMoney(0, currency);
  return totals
    .map(({ micros, currency: each, estimated, simulated }) =>
      [estimated ? "≈ " : "", formatMoney(micros, each), simulated ? " simulated" : ""].join(""),
    )
    .join(" + ");
}

function startOfToday(): number {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
}

/**
 * What the runs history keeps cost, and what today's did (by when they finished, as fal bills a run
 * when it ends). "≈" where a cost was worked out from inference time; unknown prices are counted apart.
 */
export function HistoryCosts({ runs }: { runs: readonly Run[] }) {
  const { kept, today } = useMemo(() => {
    const since = startOfToday();
    return {
      kept: sumCosts(runs),
      today: sumCosts(runs.filter((run) => (run.endedAt ?? run.startedAt) >= since)),
    };
  }, [runs]);
  if (kept.totals.length === 0 && kept.unknown === 0) return null;
  const currency = kept.totals[0]?.currency ?? "USD";
  return (
    <p data-testid="history-costs" className="text-sm text-zinc-700 dark:text-zinc-300">
      <span className="font-medium">Cost of kept runs:</span> {summaryText(kept, currency)}
      <span aria-hidden> · </span>
      <span className="font-medium">today:</span> {summaryText(today, currency)}
      {kept.unknown > 0 && (
        <span className="text-zinc-500">
          {" "}
          ({kept.unknown === 1 ? "1 run" : `${kept.unknown} runs`} with the price unknown)
        </span>
      )}
    </p>
  );
}
