import type { z } from "zod";
import { listItemSchemas, type LoraInput, loraInputSchema } from "@/lib/fal/input-schema";
import { listLimits, MAX_EMBEDDINGS } from "@/lib/fal/limits";
import { DEFAULT_MODEL, defaultInput, isBlank, sameValue } from "@/lib/fal/defaults";
import { describeField, isInputField, isListField, itemFieldLabels, type ListField } from "@/lib/fal/field-labels";
import { isRecord } from "@/lib/json/is-record";
import { step } from "@/lib/text/steps";

/** One setting that could not be read, named in the user's words, and why. */
export type SettingsProblem = { field: string; message: string };

/**
 * What could be read, and what could not. `unreadable`: nothing could be kept, so `values` are
 * the defaults; a page says so instead of "restored".
 */
export type SettingsReading = { values: LoraInput; problems: SettingsProblem[]; unreadable: boolean };

/** "Seed: Seed must be at least 0. LoRA 2: LoRA path is required." */
export function problemsText(problems: readonly SettingsProblem[]): string {
  return problems.map((problem) => `${problem.field}: ${problem.message}`).join(" ");
}

/** The `field` of a problem about the settings as a whole rather than one field. */
export const WHOLE_SETTINGS = "Settings";

function firstMessage(error: z.ZodError): string {
  return error.issues[0]?.message ?? "It is not valid.";
}

/** The most items each list takes, and what the schema says past it. */
const LIST_BOUNDS: Record<ListField, { max: number; message: string }> = {
  loras: listLimits.loras,
  controlnets: listLimits.controlnets,
  ip_adapter: listLimits.ip_adapter,
  embeddings: { max: MAX_EMBEDDINGS, message: `This endpoint takes at most ${MAX_EMBEDDINGS} embedding.` },
};

/** The list's items read one by one, as many as the list takes; the rest are left out unread, and counted. */

/**
 * An item without the fields its list no longer has (a LoRA's `force`, which this endpoint never
 * took), named in one problem; the rest of the item is kept.
 */
function knownItemFields(key: ListField, index: number, item: unknown, problems: SettingsProblem[]): unknown {
  if (!isRecord(item)) return item;
  const known: Record<string, unknown> = {};
  const unknown: string[] = [];
  for (const [field, value] of Object.entries(item)) {
    step();
    if (Object.hasOwn(itemFieldLabels[key], field)) known[field] = value;
    else unknown.push(field);
  }
  if (unknown.length > 0) problems.push({ field: describeField(key, index), message: unknownFieldsMessage(unknown) });
  return known;
}

function unknownFieldsMessage(fields: string[]): string {
  const [first] = fields;
  if (fields.length === 1) return `"${first}" is not a setting of this endpoint; it was left out.`;
  return `"${first}" and ${(fields.length - 1).toLocaleString("en-US")} more fields are not settings of this endpoint; they were left out.`;
}

function readList(key: ListField, items: unknown[], problems: SettingsProblem[]): unknown[] {
  const { max, message } = LIST_BOUNDS[key];
  const kept: unknown[] = [];
  items.slice(0, max).forEach((item, index) => {
    step();
    const result = listItemSchemas[key].safeParse(knownItemFields(key, index, item, problems));
    if (result.success) kept.push(result.data);
    else problems.push({ field: describeField(key, index), message: firstMessage(result.error) });
  });
  const leftOut = items.length - max;
  if (leftOut > 0) {
    const count = leftOut.toLocaleString("en-US");
    problems.push({
      field: describeField(key),
      message: `${message} The other ${count} ${leftOut === 1 ? "was" : "were"} left out.`,
    });
  }
  return kept;
}

/** Settings that could not be untangled field by field: the defaults, and a problem saying why. */
function givenUp(problems: SettingsProblem[], message: string): LoraInput {
  problems.push({ field: WHOLE_SETTINGS, message: `${message} Every setting was left at its default.` });
  return defaultInput;
}

/**
 * Drops what breaks a rule between fields (timesteps with sigmas, a "plus" IP adapter without an
 * encoder…), one issue at a time. Model and prompt were checked on their own already, so stand-ins
 * keep a blank prompt from hiding the cross-field rules, which zod only runs on a valid object.
 */
function dropCrossFieldIssues(values: LoraInput, problems: SettingsProblem[]): LoraInput {
  // Each round drops a list item or resets a field, so this many rounds always suffice.
  const rounds =
    Object.keys(values).length +
    Object.keys(listItemSchemas).reduce((sum, key) => sum + values[key as ListField].length, 0);
  let current = values;
  for (let round = 0; round <= rounds; round++) {
    const result = loraInputSchema.safeParse({
      ...current,
      model_name: current.model_name || DEFAULT_MODEL,
      prompt: current.prompt.trim() ? current.prompt : "prompt",
    });
    if (result.success) return current;
    const issue = result.error.issues[0];
    const [key, index] = issue?.path ?? [];
    if (!issue) return current;
    if (typeof key !== "string" || !isInputField(key))
      return givenUp(problems, `They break a rule of the endpoint: ${issue.message}`);
    if (isListField(key) && typeof index === "number") {
      problems.push({ field: describeField(key, index), message: issue.message });
      current = { ...current, [key]: current[key].filter((_, itemIndex) => itemIndex !== index) };
    } else {
      problems.push({ field: describeField(key), message: issue.message });
      current = { ...current, [key]: defaultInput[key] };
    }
  }
  return givenUp(problems, "They break rules between fields that could not be untangled one by one.");
}

/**
 * Reads settings from untrusted data (a link, a preset file, a PNG) field by field with the one
 * input schema: what validates is kept, list items are kept one by one, everything else stays at
 * its default and is named in `problems`. Never throws.
 */
export function readSettings(payload: unknown): SettingsReading {
  if (!isRecord(payload)) {
    return {
      values: defaultInput,
      problems: [{ field: WHOLE_SETTINGS, message: "They are not a set of named fields." }],
      unreadable: true,
    };
  }
  const problems: SettingsProblem[] = [];
  const accepted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(payload)) {
    step();
    if (!isInputField(key)) {
      problems.push({ field: key, message: `"${key}" is not a setting of this endpoint; it was ignored.` });
      continue;
    }
    if (isBlank(value)) continue;
    if (isListField(key) && Array.isArray(value)) {
      accepted[key] = readList(key, value, problems);
      continue;
    }
    const result = loraInputSchema.shape[key].safeParse(value);
    if (result.success) accepted[key] = result.data;
    else problems.push({ field: describeField(key), message: firstMessage(result.error) });
  }
  // Every accepted value passed its own field's schema, so together they are form values.
  const values = dropCrossFieldIssues({ ...defaultInput, ...accepted } as LoraInput, problems);
  const unreadable = problems.length > 0 && sameValue(values, defaultInput);
  return { values, problems, unreadable };
}
