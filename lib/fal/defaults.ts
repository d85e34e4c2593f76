import type { z } from "zod";
import { isListField, type ListField } from "./field-labels";
import {
  controlNetSchema,
  embeddingSchema,
  ipAdapterSchema,
  type LoraInput,
  type LoraRequest,
  loraInputSchema,
  loraWeightSchema,
} from "./input-schema";

export const DEFAULT_MODEL = "stabilityai/stable-diffusion-xl-base-1.0";

/** The schema of one item of each list field. */
export const listItemSchemas = {
  loras: loraWeightSchema,
  embeddings: embeddingSchema,
  controlnets: controlNetSchema,
  ip_adapter: ipAdapterSchema,
} as const satisfies Record<ListField, z.ZodObject>;

export type ListItem<L extends ListField> = z.output<(typeof listItemSchemas)[L]>;

/** An object's fields in the schema's order, which of them are required, and the defaults of the rest. */
type FieldDefaults = { keys: string[]; required: Set<string>; defaults: Record<string, unknown> };

/** Read off the schema: what it fills in for a field left out is that field's default. */
function fieldDefaults(schema: z.ZodObject): FieldDefaults {
  const required = new Set<string>();
  const defaults: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const filled = field.safeParse(undefined);
    if (!filled.success) required.add(key);
    else if (filled.data !== undefined) defaults[key] = filled.data;
  }
  return { keys: Object.keys(schema.shape), required, defaults };
}

const inputFields = fieldDefaults(loraInputSchema);
const itemFields: Record<ListField, FieldDefaults> = {
  loras: fieldDefaults(loraWeightSchema),
  embeddings: fieldDefaults(embeddingSchema),
  controlnets: fieldDefaults(controlNetSchema),
  ip_adapter: fieldDefaults(ipAdapterSchema),
};

/** Every field at the endpoint's own default (and the playground's default model, no prompt). */
export const defaultInput: LoraInput = {
  ...loraInputSchema.parse({ model_name: DEFAULT_MODEL, prompt: "placeholder" }),
  prompt: "",
};

/** A new item of a list as "Add LoRA" starts it: the schema's defaults, its required fields blank. */
export function blankListItem<L extends ListField>(list: L): ListItem<L> {
  const { required, defaults } = itemFields[list];
  const blanks = Object.fromEntries([...required].map((key) => [key, ""]));
  // Built field by field from this list's item schema, so it has that schema's fields.
  return { ...blanks, ...defaults } as ListItem<L>;
}

/** Unset or empty: nothing to send for an optional field. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === "";
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Deep equality of JSON-like values; the order of object keys does not matter. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && sameValue(a[key], b[key]));
}

/** The required fields always, the others where not blank and not at their default; in the schema's order. */
function withoutDefaults(fields: Record<string, unknown>, { keys, required, defaults }: FieldDefaults): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  // Fields the schema does not know go last and stay, so the schema names them instead of losing them.
  for (const key of [...keys, ...Object.keys(fields).filter((key) => !keys.includes(key))]) {
    if (!Object.hasOwn(fields, key)) continue;
    const value = fields[key];
    if (required.has(key) || (!isBlank(value) && !sameValue(value, defaults[key]))) body[key] = value;
  }
  return body;
}

/**
 * The body the playground sends for these settings: the required fields always, every other
 * field only where it differs from the schema's default (inside list items too), blank text
 * never. Run, the JSON tab, the Code panel, links and presets all send what this gives. It also
 * takes settings that are not valid yet, and passes the invalid values on for the schema to name.
 */
export function minimalBody(settings: LoraInput | Record<string, unknown>): LoraRequest {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(settings)) {
    fields[key] =
      isListField(key) && Array.isArray(value)
        ? value.map((item: unknown) => (isPlainObject(item) ? withoutDefaults(item, itemFields[key]) : item))
        : value;
  }
  // Shaped like a request; whether it is a valid one is the schema's call, made where it is sent.
  return withoutDefaults(fields, inputFields) as LoraRequest;
}
