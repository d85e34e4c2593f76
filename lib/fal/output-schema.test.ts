import { describe, expect, it } from "vitest";
import { parseExactJson } from "./exact-json";
import { readLoraOutput } from "./output-schema";

const image = {
  url: "https://v3.fal.media/files/a.png",
  content_type: "image/png",
  file_name: "a.png",
  file_size: 4404019,
  width: 1024,
  height: 768,
};

describe("readLoraOutput", () => {
  it("keeps a full output as it is, null debug files read as absent", () => {
    const output = { images: [image], seed: 42, has_nsfw_concepts: [false] };
    expect(readLoraOutput({ ...output, debug_latents: null, debug_per_pass_latents: null })).toEqual({
      ok: true,
      output,
    });
  });

  it("takes fal's 64-bit seed exactly, as the exact JSON reader gives it", () => {
    const reading = readLoraOutput(
      parseExactJson(`{"images": [{"url": "https://v3.fal.media/files/a.png"}], "seed": 196619188014358660}`),
    );
    expect(reading).toMatchObject({ ok: true, output: { seed: 196619188014358660n } });
  });

  it("accepts a seed JavaScript rounded, missing or null optional fields, and unknown extra fields", () => {
    const reading = readLoraOutput({
      images: [
        { url: image.url, content_type: null, file_name: null },
        { url: image.url, width: "wide" },
      ],
      seed: 196619188014358660,
      timings: { inference: 1.2 },
    });
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    expect(reading.output.images).toEqual([
      { url: image.url, content_type: undefined, file_name: undefined },
      { url: image.url, width: undefined },
    ]);
    expect(reading.output.seed).toBe(196619188014358660);
    expect(reading.output.has_nsfw_concepts).toBeUndefined();
    expect(reading.output.timings).toEqual({ inference: 1.2 });
  });

  it("drops an odd optional field instead of refusing the result", () => {
    const reading = readLoraOutput({
      images: [image],
      seed: "twelve",
      has_nsfw_concepts: "no",
      debug_latents: { url: 3 },
    });
    expect(reading).toMatchObject({
      ok: true,
      output: { images: [image], seed: undefined, has_nsfw_concepts: undefined, debug_latents: undefined },
    });
  });

  it.each([
    ["no images", { images: [], seed: 1 }],
    ["an image without a URL", { images: [{ content_type: "image/png" }], seed: 1 }],
    ["an error body", { detail: "Internal error" }],
    ["not an object", "done"],
  ])("is not ok for %s, saying why", (_case, data) => {
    expect(readLoraOutput(data)).toEqual({ ok: false, reason: expect.stringContaining("no image URL") });
  });
});
