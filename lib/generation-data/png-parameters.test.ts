import { deflateSync } from "node:zlib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { MiB } from "@/lib/http/read-limited";
import {
  MAX_PNG_CHUNKS,
  MAX_PNG_TEXT_BYTES,
  PNG_SETTINGS_TOO_LARGE,
  readChunks,
  writeChunks,
} from "@/lib/png/png-chunks";
import { embedSettingsInPng, readSettingsFromPng } from "@/lib/share/png-settings";
import { stepsOf } from "@/lib/text/steps";
import { parseGenerationData } from "./generation-data";
import { inflateAtMost, readPngGenerationText } from "./png-parameters";
import { readGenerationData } from "./reading";
import { fooocusJson, samples, withTextChunks } from "./test-samples";

async function png(): Promise<Uint8Array> {
  return new Uint8Array(
    await sharp({ create: { width: 16, height: 8, channels: 3, background: "#204060" } })
      .png()
      .toBuffer(),
  );
}

/** The `parameters` text found, or what was found instead. */
async function parametersIn(bytes: Uint8Array): Promise<string | undefined> {
  const found = await readPngGenerationText(bytes);
  return typeof found === "object" ? found.parameters : found;
}

const latin1 = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((part) => Array.from(part)));

describe("generation data inside PNGs", () => {
  it("reads A1111's parameters chunk (tEXt), and a Unicode one written as iTXt", async () => {
    expect(await readPngGenerationText(withTextChunks(await png(), { parameters: samples.a1111New }))).toEqual({
      parameters: samples.a1111New,
      scheme: undefined,
    });
    const unicode = withTextChunks(await png(), { parameters: samples.multiline });
    expect(await parametersIn(unicode)).toBe(samples.multiline);
  });

  it("reads Fooocus's JSON with its scheme", async () => {
    const bytes = withTextChunks(await png(), { parameters: JSON.stringify(fooocusJson), fooocus_scheme: "fooocus" });
    expect(await readPngGenerationText(bytes)).toEqual({ parameters: JSON.stringify(fooocusJson), scheme: "fooocus" });
  });

  it("reads compressed zTXt and iTXt chunks", async () => {
    const ztxt = {
      type: "zTXt",
      data: concat(latin1("parameters"), Uint8Array.of(0, 0), deflateSync(latin1(samples.issue))),
    };
    expect(await parametersIn(withTextChunks(await png(), [ztxt]))).toBe(samples.issue);
    const header = concat(latin1("parameters"), Uint8Array.of(0, 1, 0, 0, 0));
    const itxt = { type: "iTXt", data: concat(header, deflateSync(new TextEncoder().encode(samples.civitai))) };
    expect(await parametersIn(withTextChunks(await png(), [itxt]))).toBe(samples.civitai);
  });

  it("finds nothing in a plain PNG, a broken one or bytes that are no PNG", async () => {
    expect(await readPngGenerationText(await png())).toBeUndefined();
    const broken = withTextChunks(await png(), { parameters: samples.issue }).slice(0, 60);
    expect(await readPngGenerationText(broken)).toBeUndefined();
    expect(await readPngGenerationText(latin1("GIF89a"))).toBeUndefined();
    const badDeflate = { type: "zTXt", data: concat(latin1("parameters"), Uint8Array.of(0, 0, 1, 2, 3)) };
    expect(await readPngGenerationText(withTextChunks(await png(), [badDeflate]))).toBeUndefined();
  });

  it("reads this playground's own PNGs, whose parameters text is A1111-style too", async () => {
    const embedded = embedSettingsInPng(await png(), {
      model_name: "m/n",
      prompt: "a boat",
      loras: [{ path: "o/boatStyle", scale: 0.5 }],
    });
    const text = (await parametersIn(embedded)) ?? "";
    expect(text).toContain("a boat <lora:o/boatStyle:0.5>");
    expect(readGenerationData(parseGenerationData(text), () => undefined).loras).toEqual([
      { name: "o/boatStyle", scale: 0.5, path: "o/boatStyle", from: "its name, which is a location" },
    ]);
  });

  it("inflates only the keywords it reads, and stops past 1 MiB with the settings called too large", async () => {
    const bomb = deflateSync(Buffer.alloc(16 * MiB));
    const zTXt = (keyword: string) => ({ type: "zTXt", data: concat(latin1(keyword), Uint8Array.of(0, 0), bomb) });
    const junk = withTextChunks(await png(), [zTXt("junk1"), zTXt("junk2"), zTXt("junk3"), zTXt("junk4")]);
    let found: Awaited<ReturnType<typeof readPngGenerationText>> = "too-large";
    const junkSteps = await stepsOf(async () => (found = await readPngGenerationText(junk)));
    expect(found).toBeUndefined();
    // Walking its chunks only: nothing inflated, and no checksum on chunks the page does not read.
    expect(junkSteps).toBeLessThan(1_000);

    const bombed = withTextChunks(await png(), [zTXt("parameters")]);
    const steps = await stepsOf(async () => (found = await readPngGenerationText(bombed)));
    expect(found).toBe("too-large");
    // What was inflated: the 1 MiB bound and at most one slice's worth past it, not the 16 MiB.
    expect(steps).toBeLessThan(3 * MAX_PNG_TEXT_BYTES);
    expect(await inflateAtMost(bomb, MAX_PNG_TEXT_BYTES)).toBe("too-large");
    expect(await inflateAtMost(deflateSync(Buffer.from("short")), MAX_PNG_TEXT_BYTES)).toEqual(latin1("short"));
  });

  it("calls plain text over 1 MiB too large, in parameters and in this playground's settings alike", async () => {
    const long = "a".repeat(MAX_PNG_TEXT_BYTES + 10);
    expect(await readPngGenerationText(withTextChunks(await png(), { parameters: long }))).toBe("too-large");
    const settings = withTextChunks(await png(), { "fal-lora-request": `{"prompt":"${long}"}` });
    expect(readSettingsFromPng(settings)).toEqual({ error: PNG_SETTINGS_TOO_LARGE, tooLarge: true });
  });

  it("walks at most 65,536 chunks", async () => {
    const chunks = readChunks(await png());
    const many = writeChunks([
      ...chunks.slice(0, 1),
      ...Array.from({ length: MAX_PNG_CHUNKS }, () => ({ type: "tIME", data: new Uint8Array(0) })),
      ...chunks.slice(1),
    ]);
    expect(await readPngGenerationText(many)).toBeUndefined();
    expect(readSettingsFromPng(many)).toEqual({ error: "The PNG has too many chunks to read." });
  });
});
