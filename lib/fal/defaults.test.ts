import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { validSettings } from "@/lib/share/test-arbitraries";
import {
  blankListItem,
  DEFAULT_MODEL,
  defaultInput,
  type FieldDefaults,
  inputFields,
  itemFields,
  minimalBody,
  sameValue,
} from "./defaults";
import { listItemSchemas, loraInputSchema } from "./input-schema";

const MODEL = defaultInput.model_name;

/** Read off the schema: its fields in order, those it refuses to leave out, and what it fills in for the others. */
function schemaFields(schema: z.ZodObject): FieldDefaults {
  const required = new Set<string>();
  const defaults: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const filled = field.safeParse(undefined);
    if (!filled.success) required.add(key);
    else if (filled.data !== undefined) defaults[key] = filled.data;
  }
  return { keys: Object.keys(schema.shape), required, defaults };
}

describe("the zod-free defaults", () => {
  it("are the schema's own: the same fields in the same order, the same required ones, the same defaults", () => {
    expect(inputFields).toEqual(schemaFields(loraInputSchema));
    for (const [list, schema] of Object.entries(listItemSchemas)) {
      expect(itemFields[list as keyof typeof listItemSchemas]).toEqual(schemaFields(schema));
    }
  });

  it("make the input the schema makes of a model and a prompt", () => {
    expect(defaultInput).toEqual({
      ...loraInputSchema.parse({ model_name: DEFAULT_MODEL, prompt: "placeholder" }),
      prompt: "",
    });
  });
});

describe("minimalBody", () => {
  it("sends the required fields, and nothing at its default", () => {
    expect(minimalBody({ ...defaultInput, prompt: "a fox" })).toEqual({ model_name: MODEL, prompt: "a fox" });
  });

  it("leaves list items' defaults out too, as Run has always sent them", () => {
    const body = minimalBody({
      ...defaultInput,
      prompt: "p",
      loras: [{ path: "a/b", scale: 1 }],
      controlnets: [
        {
          path: "c/canny",
          image_url: "https://x.test/c.png",
          conditioning_scale: 1,
          start_percentage: 0,
          end_percentage: 0.8,
        },
      ],
      embeddings: [{ path: "e/one", tokens: ["<s0>", "<s1>"] }],
    });
    expect(body).toEqual({
      model_name: MODEL,
      prompt: "p",
      loras: [{ path: "a/b" }],
      embeddings: [{ path: "e/one" }],
      controlnets: [{ path: "c/canny", image_url: "https://x.test/c.png", end_percentage: 0.8 }],
    });
  });

  it("writes fields in the schema's order, whatever order they came in", () => {
    const body = minimalBody({
      seed: 3,
      prompt: "p",
      controlnets: [{ image_url: "https://x.test/c.png", variant: "fp16", path: "c" }],
      model_name: "m",
    });
    expect(JSON.stringify(body)).toBe(
      '{"model_name":"m","prompt":"p","controlnets":[{"path":"c","variant":"fp16","image_url":"https://x.test/c.png"}],"seed":3}',
    );
  });

  it("keeps blank required fields and what is not valid, for the schema to name", () => {
    const body = minimalBody({
      model_name: "",
      prompt: "",
      guidance_scale: Number.NaN,
      unet_name: "",
      loras: [{ path: "", scale: 1 }],
      wings: true,
    });
    expect(body).toEqual({
      model_name: "",
      prompt: "",
      guidance_scale: Number.NaN,
      loras: [{ path: "" }],
      wings: true,
    });
  });

  it("gives back exactly the settings it was made from, once the schema fills in the defaults", () => {
    fc.assert(
      fc.property(validSettings, (values) => {
        const body = minimalBody(values);
        expect(loraInputSchema.parse(body)).toEqual(values);
        expect(minimalBody(loraInputSchema.parse(body))).toEqual(body);
      }),
      { numRuns: 300 },
    );
  });
});

describe("blankListItem", () => {
  it("starts an item at the schema's defaults with its required fields blank", () => {
    expect(blankListItem("loras")).toEqual({ path: "", scale: 1 });
    expect(blankListItem("embeddings")).toEqual({ path: "", tokens: ["<s0>", "<s1>"] });
    expect(blankListItem("controlnets")).toEqual({
      path: "",
      image_url: "",
      conditioning_scale: 1,
      start_percentage: 0,
      end_percentage: 1,
    });
    expect(blankListItem("ip_adapter")).toEqual({
      ip_adapter_image_url: "",
      path: "",
      scale: 1,
      unconditional_noising_factor: 0,
      image_projection_shortcut: true,
    });
  });
});

describe("sameValue", () => {
  it("compares JSON values deeply, whatever the order of keys", () => {
    expect(sameValue({ a: [1, { b: 2, c: 3 }] }, { a: [1, { c: 3, b: 2 }] })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue(Number.NaN, Number.NaN)).toBe(true);
    expect(sameValue("1", 1)).toBe(false);
  });
});
