"use client";

import { useMemo, useState } from "react";
import { SweepCostSummary, sweepCostText, useSweepCost } from "@/components/pricing/sweep-cost";
import { ToolDialog } from "@/components/tools/tool-dialog";
import { Button } from "@/components/ui/button";
import type { LoraRequest } from "@/lib/fal/input-schema";
import { isKnown } from "@/lib/pricing/quote";
import type { RunManager } from "@/lib/runs/run-manager";
import { sweepableParameters } from "@/lib/sweeps/parameters";
import type { SubmitLimit } from "@/lib/sweeps/pacer";
import { limitSentence, pacingSentence } from "@/lib/sweeps/pacing-text";
import { planSweep, type SweepAxis, type SweepPlan } from "@/lib/sweeps/plan";
import { sweepRunner } from "@/lib/sweeps/sweep-runner";
import { type ParsedValues, parseSweepValues } from "@/lib/sweeps/values";
import { type AxisChoice, SUGGESTED_VALUES, SweepAxisFields } from "./sweep-axis-fields";

type SweepDialogProps = {
  /** The form's request, checked as Run checks it. */
  base: LoraRequest;
  manager: RunManager;
  submitLimit: SubmitLimit;
  onStarted: () => void;
  onClose: () => void;
};

type AxisInput = { key: string; text: string };

function useAxis(choices: readonly AxisChoice[], first: string) {
  const [input, setInput] = useState<AxisInput>(() => {
    const choice = choices.find((candidate) => candidate.key === first);
    return { key: first, text: choice ? SUGGESTED_VALUES[choice.parameter.field] : "" };
  });
  const choice = choices.find((candidate) => candidate.key === input.key);
  // Parsed once per edit: "4 random" draws its seeds here, and they must not change on every render.
  const parsed = useMemo<ParsedValues | undefined>(
    () => (choice ? parseSweepValues(choice.parameter, input.text) : undefined),
    [choice, input.text],
  );
  // Kept between renders: the plan (and the seed it draws for every cell) follows edits only.
  const axis = useMemo<SweepAxis | undefined>(
    () => (choice && parsed?.ok ? { parameter: choice.parameter, values: parsed.values } : undefined),
    [choice, parsed],
  );
  return {
    input,
    choice,
    parsed,
    axis,
    select: (key: string) => {
      const picked = choices.find((candidate) => candidate.key === key);
      setInput({ key, text: picked ? SUGGESTED_VALUES[picked.parameter.field] : "" });
    },
    type: (text: string) => setInput((current) => ({ ...current, text })),
  };
}

function seedNote(plan: SweepPlan, base: LoraRequest): string {
  if (plan.sharedSeed !== undefined)
    return `Random seed is on, so one seed was drawn for every cell (${plan.sharedSeed}): the cells differ only in what is swept.`;
  if (plan.seedSwept) return "";
  return `Every cell uses the form's seed (${base.seed}).`;
}

/**
 * Picks one or two settings and their values, shows how many runs that makes and how they will
 * go out within the server's per-minute limit, then starts them. The form is left as it is.
 */
export function SweepDialog({ base, manager, submitLimit, onStarted, onClose }: SweepDialogProps) {
  const choices = useMemo(() => sweepableParameters(base), [base]);
  const across = useAxis(choices, "guidance_scale");
  const down = useAxis(choices, "");
  const runner = sweepRunner(manager, submitLimit);

  const planned = useMemo(() => {
    if (!across.axis || (down.choice && !down.axis)) return undefined;
    return planSweep(base, down.axis ? [across.axis, down.axis] : [across.axis]);
  }, [base, across.axis, down.choice, down.axis]);
  const plan = planned?.ok ? planned.plan : undefined;
  const count = plan?.cells.length ?? 0;
  const runs = useMemo(() => manager.snapshot().runs, [manager]);
  const bodies = useMemo(() => plan?.cells.map((cell) => cell.body), [plan]);
  const cost = useSweepCost(bodies, runs);
  const expected = cost.expected && isKnown(cost.expected) ? cost.expected : undefined;
  // Asked about this very total: a changed sweep asks again.
  const [askedTotal, setAskedTotal] = useState<number>();
  const asking = cost.over && expected !== undefined && askedTotal === expected.micros;

  function start() {
    if (!plan || !across.axis) return;
    if (cost.over && expected && !asking) {
      setAskedTotal(expected.micros);
      return;
    }
    runner.start(base, down.axis ? [across.axis, down.axis] : [across.axis], plan);
    onStarted();
  }

  return (
    <ToolDialog
      title="Sweep"
      onClose={onClose}
      footer={
        <>
          <p role="status" aria-live="polite" className="mr-auto min-h-5 text-sm text-zinc-700 dark:text-zinc-300">
            {asking && expected
              ? `${sweepCostText(count, expected)}, over your budget. Start anyway?`
              : plan
                ? pacingSentence(count, runner.estimate(count))
                : planned && !planned.ok
                  ? planned.message
                  : "Give each picked setting its values."}
          </p>
          {asking && (
            <Button className="min-h-9" onClick={() => setAskedTotal(undefined)}>
              Back
            </Button>
          )}
          <Button variant="primary" className="min-h-9" disabled={!plan} onClick={start}>
            {plan ? `Start ${count === 1 ? "1 run" : `${count} runs`}${asking ? " anyway" : ""}` : "Start"}
          </Button>
        </>
      }
    >
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        Runs the form&apos;s settings once for each value (for each pair of values, with a second setting), and shows
        the results as a labelled grid. Every run is an ordinary run, with its card and its place in History. The form
        stays as it is.
      </p>
      <div className="grid gap-3 sm:grid-cols-2">
        <SweepAxisFields
          legend="Across (columns)"
          choices={choices}
          selected={across.input.key}
          onSelect={across.select}
          text={across.input.text}
          onText={across.type}
          parsed={across.parsed}
        />
        <SweepAxisFields
          legend="Down (rows)"
          choices={choices}
          selected={down.input.key}
          onSelect={down.select}
          noneLabel="Nothing: one row"
          text={down.input.text}
          onText={down.type}
          parsed={down.parsed}
        />
      </div>
      {plan && (
        <div className="flex flex-col gap-1 rounded-lg bg-zinc-100 p-3 text-sm dark:bg-zinc-800/60">
          <p className="font-medium">
            {plan.rows ? `${plan.columns.labels.length} × ${plan.rows.labels.length} grid: ` : "One row: "}
            {plan.columns.title} across{plan.rows ? `, ${plan.rows.title} down` : ""}.
          </p>
          {seedNote(plan, base) && <p className="text-zinc-700 dark:text-zinc-300">{seedNote(plan, base)}</p>}
          <p className="text-zinc-700 dark:text-zinc-300">
            {limitSentence(submitLimit.perMinute, runner.budget.allowed)}
          </p>
          <SweepCostSummary count={count} cost={cost} />
        </div>
      )}
    </ToolDialog>
  );
}
