import { ranged, SCHEDULERS } from "@/lib/fal/input-schema";
import { randomSeed } from "@/lib/runs/seed";
import { limitOf, parameterLabel, type SweepParameter, type SweepValue } from "./parameters";

/** More values than this on one axis make a grid nobody can read. */
export const MAX_VALUES_PER_AXIS = 16;

export type ParsedValues = { ok: true; values: SweepValue[] } | { ok: false; message: string };

type ParseOptions = { randomSeed?: () => number };

const NUMBER = String.raw`[-+]?(?:\d+(?:\.\d*)?|\.\d+)`;
/** "0.2-0.8 step 0.2", "-1 to 1 step 0.5", "20..40 step 5", "20-40" (whole numbers step 1). */
const RANGE = new RegExp(
  String.raw`^(${NUMBER})\s*(?:-|–|—|\.\.|to)\s*(${NUMBER})(?:\s*(?:step|by)\s*(${NUMBER}))?$`,
  "i",
);
/** "4 random" or "4 random seeds". */
const RANDOM = /^(\d+)\s*random(?:\s+seeds?)?$|^random$/i;

function decimalsOf(text: string): number {
  const point = text.indexOf(".");
  return point < 0 ? 0 : text.length - point - 1;
}

function rangeValues(
  parameter: SweepParameter,
  [, fromText = "", toText = "", stepText]: RegExpMatchArray,
): number[] | string {
  const limit = limitOf(parameter);
  const label = parameterLabel(parameter);
  if (!limit) return `${label} takes names, not ranges.`;
  if (stepText === undefined && !limit.integer)
    return `Give the range a step, e.g. "${fromText}-${toText} step ${limit.step * 10}".`;
  const [from, to, step] = [Number(fromText), Number(toText), stepText === undefined ? 1 : Number(stepText)];
  if (!(step > 0)) return "A range's step must be more than 0.";
  const count = Math.floor(Math.abs(to - from) / step + 1e-9) + 1;
  if (count > MAX_VALUES_PER_AXIS)
    return `"${fromText}-${toText}" makes ${count} values; at most ${MAX_VALUES_PER_AXIS} per setting.`;
  const decimals = Math.max(decimalsOf(fromText), decimalsOf(toText), decimalsOf(stepText ?? ""));
  const direction = to >= from ? 1 : -1;
  return Array.from({ length: count }, (_, index) => Number((from + direction * index * step).toFixed(decimals)));
}

function itemValues(parameter: SweepParameter, item: string, options: ParseOptions): SweepValue[] | string {
  if (parameter.field === "scheduler") {
    if (/^all$/i.test(item)) return [...SCHEDULERS];
    const scheduler = SCHEDULERS.find((name) => name.toLowerCase() === item.toLowerCase());
    return scheduler ? [scheduler] : `"${item}" is not a scheduler fal has. It has: ${SCHEDULERS.join(", ")}.`;
  }
  const random = parameter.field === "seed" ? RANDOM.exec(item) : null;
  if (random) {
    const count = Number(random[1] ?? 1);
    if (count > MAX_VALUES_PER_AXIS) return `At most ${MAX_VALUES_PER_AXIS} seeds per setting.`;
    return Array.from({ length: count }, options.randomSeed ?? randomSeed);
  }
  const range = RANGE.exec(item);
  if (range) return rangeValues(parameter, range);
  const value = Number(item);
  if (!new RegExp(`^${NUMBER}$`).test(item) || !Number.isFinite(value))
    return `"${item}" is not a number${parameter.field === "seed" ? ' (or "4 random")' : ""}.`;
  return [value];
}

/**
 * The values of one sweep axis from what the user typed: a list (`0.3, 0.5, 0.7`), ranges
 * (`0.2-0.8 step 0.2`, `20..40 step 5`), `4 random` seeds, scheduler names or `all`. Each value is
 * checked against the input schema's own limit, with its message.
 */
export function parseSweepValues(parameter: SweepParameter, text: string, options: ParseOptions = {}): ParsedValues {
  const items = text
    .split(/[,;\n]/)
    .map((item) => item.trim())
    .filter(Boolean);
  if (items.length === 0) return { ok: false, message: `Give at least one value for ${parameterLabel(parameter)}.` };
  const values: SweepValue[] = [];
  for (const item of items) {
    const parsed = itemValues(parameter, item, options);
    if (typeof parsed === "string") return { ok: false, message: parsed };
    values.push(...parsed);
  }
  const limit = limitOf(parameter);
  for (const value of values) {
    const checked = limit ? ranged(limit).safeParse(value) : undefined;
    if (checked && !checked.success)
      return { ok: false, message: checked.error.issues[0]?.message ?? `${value} is out of range.` };
  }
  const repeated = values.find((value, index) => values.indexOf(value) !== index);
  if (repeated !== undefined) return { ok: false, message: `${repeated} is listed twice.` };
  if (values.length > MAX_VALUES_PER_AXIS)
    return { ok: false, message: `${values.length} values; at most ${MAX_VALUES_PER_AXIS} per setting.` };
  return { ok: true, values };
}
