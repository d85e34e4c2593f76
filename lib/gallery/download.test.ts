import { describe, expect, it } from "vitest";
import { downloadFileName, requestToEmbed } from "./download";

const image = {
  url: "https://cdn.example/x.png",
  content_type: "image/png",
  file_name: "req-1_0.png",
  file_size: 1,
  width: 8,
  height: 8,
};
const input = { model_name: "m", prompt: "A lighthouse at dusk, oil painting!" };

describe("downloadFileName", () => {
  it("names the file after the prompt and seed with the image's extension", () => {
    expect(downloadFileName(image, input, 42)).toBe("a-lighthouse-at-dusk-oil-painting-seed-42.png");
    expect(downloadFileName({ ...image, content_type: "image/jpeg", file_name: "a.jpg" }, input, 7)).toBe(
      "a-lighthouse-at-dusk-oil-painting-seed-7.jpg",
    );
  });

  it("falls back to the stored file name without a seed and to a generic name without a prompt", () => {
    expect(downloadFileName(image, { ...input, prompt: "" })).toBe("lora-image-req-1-0.png");
  });

  it("keeps long prompts short", () => {
    expect(downloadFileName(image, { ...input, prompt: "word ".repeat(40) }, 1).length).toBeLessThanOrEqual(60);
  });

  it("names the file with fal's exact 64-bit seed, and copes with missing file fields", () => {
    expect(downloadFileName(image, input, 196619188014358660n)).toBe(
      "a-lighthouse-at-dusk-oil-painting-seed-196619188014358660.png",
    );
    expect(downloadFileName({ url: image.url }, input)).toBe("a-lighthouse-at-dusk-oil-painting.png");
  });
});

describe("requestToEmbed", () => {
  it("carries the seed the run was sent with, fal's only for a run sent without one and only when reusable", () => {
    expect(requestToEmbed({ ...input, seed: 0 }, 196619188014358660n)).toEqual({ ...input, seed: 0 });
    expect(requestToEmbed({ ...input, seed: 5 }, 5)).toEqual({ ...input, seed: 5 });
    expect(requestToEmbed(input, 42)).toEqual({ ...input, seed: 42 });
    expect(requestToEmbed(input, 196619188014358660n)).toEqual({ ...input, seed: 196619188014358660n });
    expect(requestToEmbed(input, 196619188014358660)).toEqual(input);
  });
});
