import fc from "fast-check";
import { compressToEncodedURIComponent } from "lz-string";
import { describe, expect, it } from "vitest";
import { loraInputSchema } from "@/lib/fal/input-schema";
import { defaultInput } from "@/lib/fal/defaults";
import type { LoraInput } from "@/lib/fal/input-schema";
import { encodeSettingsHash, readSettingsHash, shareLinkFor } from "./share-link";
import { validSettings } from "./test-arbitraries";

const hashOf = (payload: unknown) => `#s=1.${compressToEncodedURIComponent(JSON.stringify(payload))}`;

describe("share links", () => {
  it("round-trips hundreds of random valid settings unchanged", () => {
    fc.assert(
      fc.property(validSettings, (values) => {
        const reading = readSettingsHash(`#${encodeSettingsHash(values)}`);
        expect(reading?.problems).toEqual([]);
        expect(reading?.values).toEqual(values);
      }),
      { numRuns: 400 },
    );
  });

  it("carries the model, the prompt and only the other fields that differ from the defaults", () => {
    const values: LoraInput = { ...defaultInput, prompt: "a red fox", num_images: 3 };
    const link = shareLinkFor("http://127.0.0.1:3000/?tab=1", values);
    expect(link.startsWith("http://127.0.0.1:3000/?tab=1#s=1.")).toBe(true);
    const payload = link.split("#s=1.")[1] ?? "";
    expect(payload).toBe(
      compressToEncodedURIComponent(
        JSON.stringify({ model_name: defaultInput.model_name, prompt: "a red fox", num_images: 3 }),
      ),
    );
  });

  it("is null when the hash carries no settings", () => {
    expect(readSettingsHash("")).toBeNull();
    expect(readSettingsHash("#section-2")).toBeNull();
  });

  it("keeps the fields that validate and names the ones that do not", () => {
    const reading = readSettingsHash(
      hashOf({
        prompt: "a lighthouse",
        guidance_scale: 99,
        loras: [{ path: "nerijs/pixel-art-xl", scale: 0.8 }, { scale: 2 }],
        wings: true,
      }),
    );
    expect(reading?.values).toEqual({
      ...defaultInput,
      prompt: "a lighthouse",
      loras: [{ path: "nerijs/pixel-art-xl", scale: 0.8 }],
    });
    expect(reading?.problems).toEqual([
      { field: "Guidance scale (CFG)", message: "Guidance scale (CFG) must be at most 20." },
      { field: "LoRA 2", message: "LoRA path is required." },
      { field: "wings", message: '"wings" is not a setting of this endpoint; it was ignored.' },
    ]);
  });

  it("drops a field that breaks a rule between fields, keeping the rest", () => {
    const reading = readSettingsHash(
      hashOf({
        prompt: "p",
        timesteps: { method: "array", array: [999, 500] },
        sigmas: { method: "array", array: [14.6, 1] },
      }),
    );
    expect(reading?.values.timesteps).toEqual({ method: "array", array: [999, 500] });
    expect(reading?.values.sigmas).toEqual(defaultInput.sigmas);
    expect(reading?.problems.map((problem) => problem.field)).toEqual(["Sigmas"]);
  });

  it("refuses a link from another version with a message saying so", () => {
    const reading = readSettingsHash(hashOf({ prompt: "x" }).replace("s=1.", "s=2."));
    expect(reading?.values).toEqual(defaultInput);
    expect(reading?.problems[0]?.message).toMatch(/another version of the playground \(format 2\)/);
  });

  it("says a damaged link is damaged", () => {
    expect(readSettingsHash("#s=1.@@@not-lz")?.problems[0]?.message).toMatch(/damaged/);
    expect(readSettingsHash("#s=garbage")?.problems[0]?.message).toMatch(/damaged/);
    expect(readSettingsHash(`#s=1.${compressToEncodedURIComponent("[1,2")}`)?.problems[0]?.message).toMatch(/damaged/);
  });

  it("never throws on garbage and always yields settings the schema accepts", () => {
    const garbage = fc.oneof(
      fc.string({ unit: "binary" }),
      fc.string({ unit: "binary" }).map((text) => `#s=1.${text}`),
      fc.string().map((text) => `#s=1.${compressToEncodedURIComponent(text)}`),
      fc.anything().map((value) => `#s=1.${compressToEncodedURIComponent(JSON.stringify(value) ?? "")}`),
      fc
        .dictionary(fc.constantFrom(...Object.keys(defaultInput), "extra"), fc.jsonValue())
        .map((value) => hashOf(value)),
    );
    fc.assert(
      fc.property(garbage, (hash) => {
        const reading = readSettingsHash(hash);
        if (reading === null) return;
        const { values } = reading;
        expect(loraInputSchema.safeParse({ ...values, prompt: values.prompt || "prompt" }).success).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
