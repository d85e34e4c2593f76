import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { minimalBody } from "@/lib/fal/defaults";
import type { LoraRequest } from "@/lib/fal/input-schema";
import { readChunks, readTextChunk } from "@/lib/png/png-chunks";
import { embedSettingsInPng, readSettingsFromPng } from "./png-settings";

async function png(width = 40, height = 24): Promise<Uint8Array> {
  const buffer = await sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 90 } } })
    .png()
    .toBuffer();
  return new Uint8Array(buffer);
}

const request: LoraRequest = {
  model_name: "stabilityai/stable-diffusion-xl-base-1.0",
  prompt: "a café at night, 夜のカフェ",
  negative_prompt: "blurry",
  loras: [{ path: "nerijs/pixel-art-xl", scale: 0.7 }],
  scheduler: "Euler A",
  seed: 42,
  guidance_scale: 5,
};

/** The body the settings in a PNG would send, or why there are none. */
function bodyIn(bytes: Uint8Array): LoraRequest | { error: string } {
  const reading = readSettingsFromPng(bytes);
  return "error" in reading ? reading : minimalBody(reading.values);
}

function texts(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(
    readChunks(bytes)
      .map(readTextChunk)
      .filter((text) => text !== undefined)
      .map(({ keyword, text }) => [keyword, text]),
  );
}

describe("settings inside PNGs", () => {
  it("round-trips the full request and leaves a PNG that still decodes", async () => {
    const embedded = embedSettingsInPng(await png(), request);
    expect(readSettingsFromPng(embedded)).toMatchObject({ problems: [], unreadable: false });
    expect(bodyIn(embedded)).toEqual(request);
    expect(await sharp(embedded).metadata()).toMatchObject({ format: "png", width: 40, height: 24 });
  });

  it("writes an A1111-style parameters text next to the JSON", async () => {
    const embedded = embedSettingsInPng(await png(64, 32), request);
    expect(texts(embedded).parameters).toBe(
      "a café at night, 夜のカフェ <lora:nerijs/pixel-art-xl:0.7>\nNegative prompt: blurry\n" +
        "Steps: 30, Sampler: Euler a, CFG scale: 5, Seed: 42, Size: 64x32, Model: stabilityai/stable-diffusion-xl-base-1.0",
    );
    const kinds = readChunks(embedded).map((chunk) => chunk.type);
    expect(kinds.at(-1)).toBe("IEND");
    expect(kinds.filter((kind) => kind === "iTXt")).toHaveLength(2);
  });

  it("uses plain tEXt chunks for Latin-1 text", async () => {
    const embedded = embedSettingsInPng(await png(), { model_name: "m", prompt: "café" });
    expect(readChunks(embedded).filter((chunk) => chunk.type === "tEXt")).toHaveLength(2);
    expect(bodyIn(embedded)).toEqual({ model_name: "m", prompt: "café" });
  });

  it("replaces settings already in the file instead of adding more", async () => {
    const once = embedSettingsInPng(await png(), request);
    const twice = embedSettingsInPng(once, { model_name: "m", prompt: "second" });
    expect(bodyIn(twice)).toEqual({ model_name: "m", prompt: "second" });
    expect(readChunks(twice).filter((chunk) => chunk.type === "tEXt" || chunk.type === "iTXt")).toHaveLength(2);
    expect(Object.keys(texts(twice))).toEqual(["fal-lora-request", "parameters"]);
  });

  it("says plainly when an image carries no settings", async () => {
    expect(readSettingsFromPng(await png())).toEqual({
      error: "This image carries no settings. Only PNGs from this playground, AUTOMATIC1111, Forge or Fooocus do.",
    });
  });

  it("refuses files that are not PNGs or are damaged", async () => {
    expect(readSettingsFromPng(new TextEncoder().encode("GIF89a"))).toEqual({ error: "This file is not a PNG." });
    const damaged = embedSettingsInPng(await png(), request);
    const at = damaged.length - 30;
    damaged[at] = (damaged[at] ?? 0) ^ 0xff;
    expect(readSettingsFromPng(damaged)).toEqual({ error: "The PNG is damaged (checksum mismatch)." });
    expect(readSettingsFromPng(damaged.subarray(0, 50))).toHaveProperty("error", "The PNG is cut short.");
  });

  it("reads stored settings field by field, keeping what fits and naming what does not", async () => {
    const embedded = embedSettingsInPng(await png(), { ...request, num_images: 99 });
    expect(readSettingsFromPng(embedded)).toMatchObject({
      problems: [{ field: "Number of images", message: "Number of images must be at most 8." }],
      unreadable: false,
    });
    expect(bodyIn(embedded)).toEqual(request);
  });

  it("keeps fal's 64-bit seed digit for digit, and names a LoRA's force as left out", async () => {
    const stored = { ...request, seed: 196619188014358660n, loras: [{ path: "a/lora", force: true }] };
    const embedded = embedSettingsInPng(await png(), stored as unknown as LoraRequest);
    const reading = readSettingsFromPng(embedded);
    expect(reading).toMatchObject({
      values: { seed: 196619188014358660n, loras: [{ path: "a/lora", scale: 1 }] },
      problems: [{ field: "LoRA 1", message: '"force" is not a setting of this endpoint; it was left out.' }],
    });
  });

  it("refuses stored settings of which nothing can be read, naming why", async () => {
    const embedded = embedSettingsInPng(await png(), { prompt: 5, num_images: 99 } as unknown as LoraRequest);
    expect(readSettingsFromPng(embedded)).toEqual({
      error:
        "The settings in this image could not be read. Prompt: Prompt must be text. Number of images: Number of images must be at most 8.",
    });
  });
});
