import { type LoraRequest, loraInputSchema } from "@/lib/fal/input-schema";
import { randomSeed } from "@/lib/runs/seed";
import {
  formatValue,
  parameterLabel,
  sameParameter,
  type SweepParameter,
  type SweepValue,
  withValue,
} from "./parameters";

/** Every cell is a run fal bills; a bigger grid is refused (split it into several sweeps). */
export const MAX_SWEEP_RUNS = 64;

export type SweepAxis = { parameter: SweepParameter; values: readonly SweepValue[] };

/** One axis as the grid shows it: its title and a label per value. */
export type AxisLabels = { title: string; labels: string[] };

/** One run of the sweep: where it sits in the grid, what it changes, and the exact body to submit. */
export type SweepCell = {
  row: number;
  column: number;
  /** "Guidance scale (CFG) 5 · Inference steps 20". */
  label: string;
  settings: { label: string; value: string }[];
  body: LoraRequest;
};

export type SweepPlan = {
  /** The first parameter runs across (columns), the second, if any, down (rows). */
  columns: AxisLabels;
  rows: AxisLabels | undefined;
  cells: SweepCell[];
  /** Whether one of the axes is the seed: then the cells do not share one. */
  seedSwept: boolean;
  /** The seed every cell shares when the seed is not swept: a sweep compares one setting, not luck. */
  sharedSeed: number | undefined;
};

export type PlannedSweep = { ok: true; plan: SweepPlan } | { ok: false; message: string };

function axisLabels({ parameter, values }: SweepAxis): AxisLabels {
  return { title: parameterLabel(parameter), labels: values.map(formatValue) };
}

/**
 * The runs of a sweep over one or two parameters, row by row. Without a seed in the form or on an
 * axis, one seed is drawn for all cells. Every body is checked against the input schema, so a
 * sweep that cannot run is refused before anything is sent.
 */
export function planSweep(
  base: LoraRequest,
  axes: readonly [SweepAxis] | readonly [SweepAxis, SweepAxis],
  options: { randomSeed?: () => number } = {},
): PlannedSweep {
  const [across, down] = axes;
  if (down && sameParameter(across.parameter, down.parameter))
    return { ok: false, message: "Pick two different settings to sweep." };
  for (const { parameter, values } of axes) {
    if (values.length === 0) return { ok: false, message: `Give at least one value for ${parameterLabel(parameter)}.` };
    if (parameter.field === "lora_scale" && !base.loras?.[parameter.lora]) {
      return { ok: false, message: `There is no ${parameterLabel(parameter).replace(/ scale$/, "")} in the form.` };
    }
  }
  const count = across.values.length * (down?.values.length ?? 1);
  if (count > MAX_SWEEP_RUNS)
    return { ok: false, message: `That is ${count} runs; a sweep makes at most ${MAX_SWEEP_RUNS}. Use fewer values.` };

  const seedSwept = axes.some(({ parameter }) => parameter.field === "seed");
  const sharedSeed = seedSwept || base.seed !== undefined ? undefined : (options.randomSeed ?? randomSeed)();
  const start = sharedSeed === undefined ? base : { ...base, seed: sharedSeed };

  const cells: SweepCell[] = [];
  const rowValues: readonly (SweepValue | undefined)[] = down ? down.values : [undefined];
  rowValues.forEach((rowValue, row) => {
    across.values.forEach((columnValue, column) => {
      let body = withValue(start, across.parameter, columnValue);
      const settings = [{ label: parameterLabel(across.parameter), value: formatValue(columnValue) }];
      if (down && rowValue !== undefined) {
        body = withValue(body, down.parameter, rowValue);
        settings.push({ label: parameterLabel(down.parameter), value: formatValue(rowValue) });
      }
      cells.push({
        row,
        column,
        label: settings.map(({ label, value }) => `${label} ${value}`).join(" · "),
        settings,
        body,
      });
    });
  });

  for (const cell of cells) {
    const checked = loraInputSchema.safeParse(cell.body);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      return { ok: false, message: `${cell.label}: ${issue?.message ?? "these settings are not valid."}` };
    }
  }
  return {
    ok: true,
    plan: { columns: axisLabels(across), rows: down ? axisLabels(down) : undefined, cells, seedSwept, sharedSeed },
  };
}

/** The lines under a grid image (and in its PNG's text): what was swept over which settings. */
export function sweepSummary(plan: SweepPlan, base: LoraRequest): string[] {
  const axes = plan.rows ? `${plan.columns.title} (across) × ${plan.rows.title} (down)` : plan.columns.title;
  const seed = plan.sharedSeed ?? base.seed;
  return [
    `Sweep of ${axes}: ${plan.cells.length} runs.`,
    `Prompt: ${base.prompt}`,
    ...(base.negative_prompt ? [`Negative prompt: ${base.negative_prompt}`] : []),
    `Model: ${base.model_name}`,
    ...(seed !== undefined && !plan.seedSwept ? [`Seed: ${seed} in every cell`] : []),
  ];
}
