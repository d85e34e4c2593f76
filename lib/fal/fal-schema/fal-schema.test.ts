import { describe, expect, it } from "vitest";
import { z } from "zod";
import { loraInputSchema } from "@/lib/fal/input-schema";
import { appDefaults, inputDefaults, itemDefaults } from "@/lib/fal/defaults";
import { fieldLabels, itemFieldLabels } from "@/lib/fal/field-labels";
import { compareWithLive, compareWithOpenApi } from "./live-check";
import { readOpenApiInput, snapshotSchema, snapshotSource } from "./fal-schema";
import openApiFixture from "./openapi-fixture.json";
import {
  type Bound,
  describeDifference,
  diffSchemas,
  type SchemaDifference,
  type SchemaNode,
  toSchemaNode,
} from "./schema-tree";
import snapshot from "./snapshot.json";

/** zod writes BigInt as unrepresentable; for the comparison it is an integer range like any other. */
function bigintAsInteger({
  zodSchema,
  jsonSchema,
}: {
  zodSchema: z.core.$ZodTypes;
  jsonSchema: Record<string, unknown>;
}) {
  if (zodSchema._zod.def.type !== "bigint") return;
  jsonSchema.type = "integer";
  for (const check of zodSchema._zod.def.checks ?? []) {
    const { check: kind, value } = check._zod.def as { check: string; value?: unknown };
    if (typeof value !== "bigint") continue;
    if (kind === "greater_than") jsonSchema.minimum = Number(value);
    if (kind === "less_than") jsonSchema.maximum = Number(value);
  }
}

const ours: SchemaNode = toSchemaNode(
  z.toJSONSchema(loraInputSchema, { io: "input", unrepresentable: "any", override: bigintAsInteger }),
  () => undefined,
);
const fal = snapshotSchema();

/** Bounds of this server's own on what one request may carry, where fal's schema has none. */
const RESOURCE_BOUNDS = new Set<Bound>(["maxLength", "maxItems"]);

/** A narrower rule is fine when it is a resource bound, or when the schema says why (`stricterThanFal`). */
function explained(difference: SchemaDifference): boolean {
  return (
    difference.what === "bound" &&
    difference.narrower &&
    (difference.reason !== undefined || (RESOURCE_BOUNDS.has(difference.bound) && difference.fal === undefined))
  );
}

describe("the input schema against fal's, to the letter (lib/fal/fal-schema/snapshot.json)", () => {
  const differences = diffSchemas(fal, ours);

  it("has every field, type, bound, default, enum and required field fal's has, and no input fal lacks", () => {
    expect(differences.filter((difference) => !explained(difference)).map((d) => describeDifference(d))).toEqual([]);
  });

  it("is stricter only where it says why, and only in these places", () => {
    const stricter = differences
      .filter(
        (difference) =>
          difference.what === "bound" && difference.reason !== undefined && !RESOURCE_BOUNDS.has(difference.bound),
      )
      .map((difference) => (difference.what === "bound" ? `${difference.path} ${difference.bound}` : ""));
    expect(stricter.sort()).toEqual(
      [
        "controlnets[].image_url minLength",
        "controlnets[].image_url pattern",
        "controlnets[].mask_url minLength",
        "controlnets[].mask_url pattern",
        "controlnets[].path minLength",
        "embeddings[].path minLength",
        "embeddings[].tokens[] minLength",
        "ic_light_image_url minLength",
        "ic_light_image_url pattern",
        "ic_light_model_background_image_url minLength",
        "ic_light_model_background_image_url pattern",
        "image_url minLength",
        "image_url pattern",
        "ip_adapter[].ip_adapter_image_url|0 minItems",
        "ip_adapter[].ip_adapter_image_url|0[] minLength",
        "ip_adapter[].ip_adapter_image_url|0[] pattern",
        "ip_adapter[].ip_adapter_image_url|1 minLength",
        "ip_adapter[].ip_adapter_image_url|1 pattern",
        "ip_adapter[].ip_adapter_mask_url minLength",
        "ip_adapter[].ip_adapter_mask_url pattern",
        "ip_adapter[].path minLength",
        "loras[].path minLength",
        "model_name minLength",
        "seed maximum",
        "seed minimum",
        "sigmas.array[] minimum",
        "timesteps.array[] minimum",
      ].sort(),
    );
  });

  it("names every field of fal's in the form's words, and no other", () => {
    const root = snapshot.schemas.ImageToImageInput;
    expect(Object.keys(fieldLabels).sort()).toEqual(Object.keys(root.properties).sort());
    expect(Object.keys(itemFieldLabels.loras).sort()).toEqual(
      Object.keys(snapshot.schemas.LoraWeight.properties).sort(),
    );
    expect(Object.keys(itemFieldLabels.ip_adapter).sort()).toEqual(
      Object.keys(snapshot.schemas.IPAdapter.properties).sort(),
    );
  });

  it("takes its defaults from fal's, and the app's defaults only where fal declares none", () => {
    const root = fal.properties ?? {};
    for (const [key, value] of Object.entries(inputDefaults)) expect(root[key]?.default, key).toEqual(value);
    for (const key of Object.keys(appDefaults)) expect(root[key]?.default, key).toBeUndefined();
    expect(fal.properties?.loras?.items?.properties?.scale?.default).toBe(itemDefaults.loras.scale);
  });

  it("reads LoRAs as fal has them: a path, and a scale from 0 to 4", () => {
    expect(fal.properties?.loras?.items).toEqual({
      type: "object",
      properties: { path: { type: "string" }, scale: { type: "number", minimum: 0, maximum: 4, default: 1 } },
      required: ["path"],
    });
  });

  it("catches a field of ours that fal lacks, and one of fal's that ours lacks", () => {
    const extra = diffSchemas(fal, {
      ...ours,
      properties: { ...ours.properties, force: { type: "boolean", default: false } },
    });
    expect(extra.filter((difference) => !explained(difference)).map((d) => describeDifference(d))).toEqual([
      'force: only in ours ("boolean")',
    ]);
    const withoutEta = Object.fromEntries(Object.entries(ours.properties ?? {}).filter(([key]) => key !== "eta"));
    const missing = diffSchemas(fal, { ...ours, properties: withoutEta });
    expect(missing.filter((difference) => !explained(difference)).map((d) => describeDifference(d))).toEqual([
      'eta: only in fal\'s ("number")',
    ]);
  });

  it("does not let a narrower bound pass without its reason", () => {
    const scale = ours.properties?.loras?.items?.properties?.scale ?? {};
    const loras = ours.properties?.loras ?? {};
    const narrowed: SchemaNode = {
      ...ours,
      properties: {
        ...ours.properties,
        loras: {
          ...loras,
          items: { ...loras.items, properties: { ...loras.items?.properties, scale: { ...scale, maximum: 2 } } },
        },
      },
    };
    expect(diffSchemas(fal, narrowed).filter((difference) => !explained(difference))).toEqual([
      expect.objectContaining({ path: "loras[].scale", bound: "maximum", fal: 4, ours: 2, narrower: true }),
    ]);
  });
});

/** A copy of the hand-made OpenAPI document (fal's models API answer), changed by `change`. */
function fixtureWith(change: (schemas: Record<string, Record<string, unknown>>) => void): unknown {
  const copy = structuredClone(openApiFixture) as unknown as {
    models: { openapi: { components: { schemas: Record<string, Record<string, unknown>> } } }[];
  };
  const model = copy.models[0];
  if (model) change(model.openapi.components.schemas);
  return copy;
}

const propertiesOf = (schema: Record<string, unknown> | undefined) =>
  (schema?.properties ?? {}) as Record<string, Record<string, unknown>>;

describe("comparing the snapshot with fal's OpenAPI (npm run fal:schema)", () => {
  it("reads fal's OpenAPI through its references, nullable fields and enum schemas to the same schema", () => {
    const reading = readOpenApiInput(openApiFixture);
    expect(reading.ok && diffSchemas(fal, reading.schema)).toEqual([]);
    expect(compareWithOpenApi(openApiFixture, "the stored OpenAPI").outcome).toBe("same");
  });

  it("says what changed: a bound, a default, an enum, a new field, a removed one, a required one", () => {
    const changed = fixtureWith((schemas) => {
      const lora = propertiesOf(schemas.LoraWeight);
      if (lora.scale) lora.scale.maximum = 5;
      const input = propertiesOf(schemas.ImageToImageInput);
      if (input.num_inference_steps) input.num_inference_steps.default = 25;
      const format = schemas.ImageFormatEnum;
      if (format) format.enum = ["jpeg", "png", "webp"];
      input.width = { type: "integer", minimum: 64, title: "Width" };
      delete input.eta;
      if (schemas.ControlNet) schemas.ControlNet.required = ["path"];
    });
    const check = compareWithOpenApi(changed, "fal's live OpenAPI");
    expect(check.outcome).toBe("changed");
    expect(check.lines).toEqual(
      expect.arrayContaining([
        "fal's live OpenAPI differs from the snapshot in 6 places:",
        "  loras[].scale: maximum 4 in the snapshot, 5 in fal's OpenAPI",
        "  num_inference_steps: default 30 in the snapshot, 25 in fal's OpenAPI",
        '  image_format: enum ["jpeg","png"] in the snapshot, ["jpeg","png","webp"] in fal\'s OpenAPI',
        '  controlnets[]: required ["image_url","path"] in the snapshot, ["path"] in fal\'s OpenAPI',
        '  eta: only in the snapshot ("number")',
        '  width: only in fal\'s OpenAPI ("integer")',
      ]),
    );
  });

  it("names the snapshot's source and date in every answer", () => {
    const check = compareWithOpenApi(openApiFixture, "x");
    expect(check.lines[0]).toContain(snapshotSource.commit);
    expect(check.lines[0]).toContain("read 2026-12-05");
  });

  it("says clearly when fal cannot be reached, and that nothing was compared", async () => {
    const offline = (async () => {
      throw new TypeError("fetch failed", { cause: new Error("getaddrinfo ENOTFOUND api.fal.ai") });
    }) as typeof fetch;
    const check = await compareWithLive(offline);
    expect(check.outcome).toBe("unchecked");
    expect(check.lines.at(-1)).toMatch(/could not be fetched .*ENOTFOUND api\.fal\.ai.*nothing was compared/);
  });

  it("asks fal's models API for this endpoint's OpenAPI, with the key when there is one, and compares its answer", async () => {
    const asked: { url: string; authorization?: string }[] = [];
    const answering = (async (url: string | URL | Request, init?: RequestInit) => {
      asked.push({ url: String(url), authorization: new Headers(init?.headers).get("authorization") ?? undefined });
      return Response.json(fixtureWith(() => undefined));
    }) as typeof fetch;
    expect((await compareWithLive(answering, { key: "id:secret" })).outcome).toBe("same");
    expect(asked).toEqual([
      {
        url: "https://api.fal.ai/v1/models?endpoint_id=fal-ai/lora/image-to-image&expand=openapi-3.0",
        authorization: "Key id:secret",
      },
    ]);
    const refusing = (async () => new Response("no", { status: 401 })) as typeof fetch;
    expect(await compareWithLive(refusing)).toMatchObject({ outcome: "unchecked" });
  });

  it("says so when the answer holds no OpenAPI for this endpoint", () => {
    expect(compareWithOpenApi({ models: [] }, "x")).toMatchObject({ outcome: "unchecked" });
  });
});
