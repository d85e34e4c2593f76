import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { blankListItem, defaultInput, sameValue } from "@/lib/fal/defaults";
import { isListField } from "@/lib/fal/field-labels";
import { listItemSchemas, loraInputSchema } from "@/lib/fal/input-schema";
import { validSettings } from "./test-arbitraries";

/** Every field path of the schema, list items' fields as `loras[].scale`. */
function schemaPaths(): string[] {
  return Object.keys(loraInputSchema.shape).flatMap((key) =>
    isListField(key) ? [key, ...Object.keys(listItemSchemas[key].shape).map((field) => `${key}[].${field}`)] : [key],
  );
}

/** The field paths that have something other than their default in these settings. */
function changedPaths(values: Record<string, unknown>): string[] {
  return Object.entries(values).flatMap(([key, value]) => {
    if (sameValue(value, defaultInput[key as keyof typeof defaultInput])) return [];
    if (!isListField(key) || !Array.isArray(value)) return [key];
    const blank: Record<string, unknown> = blankListItem(key);
    const items = value as Record<string, unknown>[];
    return [
      key,
      ...items.flatMap((item) =>
        Object.keys(item)
          .filter((field) => !sameValue(item[field], blank[field]))
          .map((field) => `${key}[].${field}`),
      ),
    ];
  });
}

describe("test arbitraries", () => {
  it("give every field of the schema, list items' fields included, values other than its default", () => {
    const seen = new Set(fc.sample(validSettings, { numRuns: 600, seed: 11 }).flatMap(changedPaths));
    expect(schemaPaths().filter((path) => !seen.has(path))).toEqual([]);
  });
});
