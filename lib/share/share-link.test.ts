import fc from "fast-check";
import { compressToEncodedURIComponent } from "lz-string";
import { describe, expect, it } from "vitest";
import { loraInputSchema } from "@/lib/fal/input-schema";
import { defaultInput } from "@/lib/fal/defaults";
import type { LoraInput } from "@/lib/fal/input-schema";
import { settingsPayload } from "./link-payload";
import { linkLengthNotes, LONG_LINK_CHARS, readShareLocation, shareLinkFor } from "./share-link";
import { validSettings } from "./test-arbitraries";

const ORIGIN = "http://127.0.0.1:3000";
const hashOf = (payload: unknown) => `#s=1.${compressToEncodedURIComponent(JSON.stringify(payload))}`;
const readSettingsHash = (hash: string) => readShareLocation({ pathname: "/", hash, origin: ORIGIN });

describe("share links", () => {
  it("round-trips hundreds of random valid settings unchanged, in the path and in the hash", () => {
    fc.assert(
      fc.property(validSettings, (values) => {
        const { url } = shareLinkFor(ORIGIN, settingsPayload(values));
        const reading = readShareLocation(new URL(url));
        expect(reading?.problems).toEqual([]);
        expect(reading?.values).toEqual(values);
        expect(readSettingsHash(`#s=${settingsPayload(values)}`)?.values).toEqual(values);
      }),
      { numRuns: 400 },
    );
  });

  it("carries the model, the prompt and only the other fields that differ from the defaults, in its path", () => {
    const values: LoraInput = { ...defaultInput, prompt: "a red fox", num_images: 3 };
    const link = shareLinkFor(ORIGIN, settingsPayload(values));
    expect(link).toEqual({
      url: `${ORIGIN}/s/1.${compressToEncodedURIComponent(
        JSON.stringify({ model_name: defaultInput.model_name, prompt: "a red fox", num_images: 3 }),
      )}`,
      preview: true,
    });
    expect(linkLengthNotes(link)).toEqual([]);
  });

  it("reads a path whose payload a chat app percent-encoded", () => {
    const payload = settingsPayload({ ...defaultInput, prompt: "encoded $ + signs" });
    const encoded = payload.replaceAll("$", "%24").replaceAll("+", "%2B");
    expect(readShareLocation({ pathname: `/s/${encoded}`, hash: "", origin: ORIGIN })?.values.prompt).toBe(
      "encoded $ + signs",
    );
  });

  it("puts a link too long for a server in the hash, and says it is long and shows no preview", () => {
    // Letters a compressor cannot shorten (a xorshift stream), as a long hand-written prompt would be.
    let state = 2463534242;
    const letters = (length: number) =>
      Array.from({ length }, () => {
        state ^= state << 13;
        state ^= state >>> 17;
        state ^= state << 5;
        return "abcdefghijklmnopqrstuvwxyz0123456789"[(state >>> 0) % 36];
      }).join("");
    // Each within the schema's 10,000 characters, together past what a server takes in a path.
    const prompt = letters(7_000);
    const negative_prompt = letters(6_000);
    const long = settingsPayload({ ...defaultInput, prompt, negative_prompt });
    const link = shareLinkFor(ORIGIN, long);
    expect(link).toEqual({ url: `${ORIGIN}/#s=${long}`, preview: false });
    expect(readShareLocation(new URL(link.url))?.values).toMatchObject({ prompt, negative_prompt });
    const notes = linkLengthNotes(link);
    expect(notes[0]).toMatch(`longer than ${LONG_LINK_CHARS.toLocaleString("en")} characters`);
    expect(notes[1]).toMatch(/chat apps show no preview/);
  });

  it("is null when neither the hash nor the path carries settings", () => {
    expect(readSettingsHash("")).toBeNull();
    expect(readSettingsHash("#section-2")).toBeNull();
    expect(readShareLocation({ pathname: "/sign-in", hash: "", origin: ORIGIN })).toBeNull();
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
    const reading = readSettingsHash(hashOf({ prompt: "x" }).replace("s=1.", "s=9."));
    expect(reading?.values).toEqual(defaultInput);
    expect(reading?.problems[0]?.message).toMatch(/another version of the playground \(format 9\)/);
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
