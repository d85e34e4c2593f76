import { deflateSync } from "node:zlib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { embedSettingsInPng } from "@/lib/share/png-settings";
import { parseGenerationData } from "./generation-data";
import { readPngGenerationText } from "./png-parameters";
import { readGenerationData } from "./reading";
import { fooocusJson, samples, withTextChunks } from "./test-samples";

async function png(): Promise<Uint8Array> {
  return new Uint8Array(
    await sharp({ create: { width: 16, height: 8, channels: 3, background: "#204060" } })
      .png()
      .toBuffer(),
  );
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
    expect((await readPngGenerationText(unicode))?.parameters).toBe(samples.multiline);
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
    expect((await readPngGenerationText(withTextChunks(await png(), [ztxt])))?.parameters).toBe(samples.issue);
    const header = concat(latin1("parameters"), Uint8Array.of(0, 1, 0, 0, 0));
    const itxt = { type: "iTXt", data: concat(header, deflateSync(new TextEncoder().encode(samples.civitai))) };
    expect((await readPngGenerationText(withTextChunks(await png(), [itxt])))?.parameters).toBe(samples.civitai);
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
    const text = (await readPngGenerationText(embedded))?.parameters ?? "";
    expect(text).toContain("a boat <lora:o/boatStyle:0.5>");
    expect(readGenerationData(parseGenerationData(text), () => undefined).loras).toEqual([
      { name: "o/boatStyle", scale: 0.5, path: "o/boatStyle", from: "its name, which is a location" },
    ]);
  });
});
