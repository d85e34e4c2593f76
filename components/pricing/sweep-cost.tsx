"use client";

import { useId, useMemo, useState } from "react";
import { describedBy, inputClass } from "@/components/ui/field";
import { readSweepBudget, saveSweepBudget } from "@/lib/pricing/budget";
import { type CostShape, type ExpectedPrice, expectedPrice, type PriceSource } from "@/lib/pricing/expected-price";
import { formatMoney, microsToDecimal, readAmount } from "@/lib/pricing/money";
import { isKnown, type Unknown } from "@/lib/pricing/quote";
import type { Run } from "@/lib/runs/run-state";
import { usePriceQuote } from "./use-price-quote";

export type SweepCost = {
  /** What the sweep will cost; undefined while the price is asked (nothing waits for it). */
  expected: ExpectedPrice | Unknown | undefined;
  currency: string;
  /** The visitor's budget for one sweep, in micro-units. */
  budget: number;
  setBudget: (micros: number) => void;
  /** Expected above the budget: Start asks first. */
  over: boolean;
};

/** What the sweep's runs are expected to cost, against the visitor's budget for a sweep. */
export function useSweepCost(requests: readonly CostShape[] | undefined, runs: readonly Run[]): SweepCost {
  const quote = usePriceQuote();
  const [budget, setBudget] = useState(readSweepBudget);
  const expected = useMemo(
    () => (requests && quote ? expectedPrice(requests, runs, quote) : undefined),
    [requests, runs, quote],
  );
  const known = expected && isKnown(expected) ? expected : undefined;
  const price = quote && isKnown(quote.price) ? quote.price : undefined;
  return {
    expected,
    currency: known?.currency ?? price?.currency ?? "USD",
    budget,
    setBudget: (micros) => {
      setBudget(micros);
      saveSweepBudget(micros);
    },
    over: known !== undefined && known.micros > budget,
  };
}

const SOURCES: Record<PriceSource, string> = {
  "recent-runs": "your recent runs of these settings",
  "fal-estimate": "fal's estimate of a run",
};

/** "64 runs ≈ $0.18". */
export function sweepCostText(count: number, expected: ExpectedPrice): string {
  return `${count === 1 ? "1 run" : `${count} runs`} ≈ ${formatMoney(expected.micros, expected.currency)}`;
}

function BudgetField({ cost }: { cost: SweepCost }) {
  const id = useId();
  const [text, setText] = useState(() => microsToDecimal(cost.budget));
  const [error, setError] = useState<string>();
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
      <label htmlFor={id}>Ask before a sweep over</label>
      <span className="flex w-32 items-center gap-1">
        <input
          id={id}
          inputMode="decimal"
          autoComplete="off"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            const micros = readAmount(event.target.value);
            setError(micros === undefined ? "Give an amount, like 1 or 2.50." : undefined);
            if (micros !== undefined) cost.setBudget(micros);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, { error })}
          className={`${inputClass} py-1`}
        />
        <span>{cost.currency}</span>
      </span>
      {error && (
        <p id={`${id}-error`} role="alert" className="basis-full text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}

/** The sweep's expected cost, before anything is sent, and the budget above which Start asks. */
export function SweepCostSummary({ count, cost }: { count: number; cost: SweepCost }) {
  const { expected } = cost;
  let line: string;
  let basis = "";
  if (!expected) line = `${count === 1 ? "1 run" : `${count} runs`}: working out the price…`;
  else if (!isKnown(expected)) {
    line = `${count === 1 ? "1 run" : `${count} runs`}: price unknown`;
    basis = `${expected.unknown}; your budget cannot be checked.`;
  } else {
    line = sweepCostText(count, expected);
    const from = `from ${expected.sources.map((source) => SOURCES[source]).join(" and ")}`;
    basis = expected.simulated ? `Simulated: the simulator's stand-in price, ${from}.` : `Expected ${from}.`;
  }
  return (
    <div className="flex flex-col gap-1.5 border-t border-zinc-200 pt-2 dark:border-zinc-700">
      <p
        data-testid="sweep-cost"
        className={cost.over ? "font-medium text-amber-800 dark:text-amber-300" : "font-medium"}
      >
        {line}
        {cost.over && `, over your budget of ${formatMoney(cost.budget, cost.currency)}`}
      </p>
      {basis && <p className="text-zinc-700 dark:text-zinc-300">{basis}</p>}
      <BudgetField cost={cost} />
    </div>
  );
}
