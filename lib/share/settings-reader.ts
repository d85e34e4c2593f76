import type { z } from "zod";
import {
  controlNetSchema,
  embeddingSchema,
  ipAdapterSchema,
  loraInputSchema,
  loraWeightSchema,
} from "@/lib/fal/input-schema";
import { MAX_EMBEDDINGS } from "@/lib/fal/limits";
import { DEFAULT_MODEL, defaultInput, isBlank } from "@/lib/fal/defaults";
import type { LoraInput } from "@/lib/fal/input-schema";
import { describeField, isInputField } from "./field-labels";

/** One setting that could not be read, named in the user's words, and why. */
export type SettingsProblem = { field: string; message: string };

export type SettingsReading = { values: LoraInput; problems: SettingsProblem[] };

const listItemSchemas = {
  loras: loraWeightSchema,
  embeddings: embeddingSchema,
  controlnets: controlNetSchema,
  ip_adapter: ipAdapterSchema,
} as const;
type ListField = keyof typeof listItemSchemas;

function isListField(key: string): key is ListField {
  return Object.hasOwn(listItemSchemas, key);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}


function firstMessage(error: z.ZodError): string {
  return error.issues[0]?.message ?? "It is not valid.";
}

function readList(key: ListField, items: unknown[], problems: SettingsProblem[]): unknown[] {
  const kept: unknown[] = [];
  items.forEach((item, index) => {
    const result = listItemSchemas[key].safeParse(item);
    if (result.success) kept.push(result.data);
    else problems.push({ field: describeField(key, index), message: firstMessage(result.error) });
  });
  if (key === "embeddings" && kept.length > MAX_EMBEDDINGS) {
    problems.push({ field: describeField(key), message: "Only one embedding is supported; the others were left out." });
    return kept.slice(0, MAX_EMBEDDINGS);
  }
  return kept;
}

/**
 * Drops what breaks a rule between fields (timesteps with sigmas, a "plus" IP adapter without an
 * encoder…), one issue at a time. Model and prompt were checked on their own already, so stand-ins
 * keep a blank prompt from hiding the cross-field rules, which zod only runs on a valid object.
 */
function dropCrossFieldIssues(values: LoraInput, problems: SettingsProblem[]): LoraInput {
  let current = values;
  for (let attempt = 0; attempt < 16; attempt++) {
    const result = loraInputSchema.safeParse({
      ...current,
      model_name: current.model_name || DEFAULT_MODEL,
      prompt: current.prompt.trim() ? current.prompt : "prompt",
    });
    if (result.success) return current;
    const issue = result.error.issues[0];
    const [key, index] = issue?.path ?? [];
    if (!issue || typeof key !== "string" || !isInputField(key)) return defaultInput;
    if (isListField(key) && typeof index === "number") {
      problems.push({ field: describeField(key, index), message: issue.message });
      current = { ...current, [key]: current[key].filter((_, itemIndex) => itemIndex !== index) };
    } else {
      problems.push({ field: describeField(key), message: issue.message });
      current = { ...current, [key]: defaultInput[key] };
    }
  }
  return defaultInput;
}

/**
 * Reads settings from untrusted data (a link, a preset file, a PNG) field by field with the one
 * input schema: what validates is kept, list items are kept one by one, everything else stays at
 * its default and is named in `problems`. Never throws.
 */
export function readSettings(payload: unknown): SettingsReading {
  if (!isPlainObject(payload)) {
    return { values: defaultInput, problems: [{ field: "Settings", message: "They are not a set of named fields." }] };
  }
  const problems: SettingsProblem[] = [];
  const accepted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(payload)) {
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
  const values = { ...defaultInput, ...accepted } as LoraInput;
  return { values: dropCrossFieldIssues(values, problems), problems };
}
