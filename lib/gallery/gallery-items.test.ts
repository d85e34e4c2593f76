import { describe, expect, it } from "vitest";
import type { Run } from "@/lib/runs/run-state";
import { galleryItems } from "./gallery-items";

const image = (name: string) => ({
  url: `https://cdn.example/${name}`,
  content_type: "image/png",
  file_name: name,
  file_size: 1,
  width: 8,
  height: 8,
});

function run(id: string, startedAt: number, images: string[], nsfw: boolean[] = []): Run {
  return {
    id,
    input: { model_name: "m", prompt: id },
    status: images.length > 0 ? "completed" : "failed",
    logs: [],
    startedAt,
    ...(images.length > 0 && { output: { images: images.map(image), seed: startedAt * 10, has_nsfw_concepts: nsfw } }),
  };
}

describe("galleryItems", () => {
  it("lists every image newest run first, skipping runs without output", () => {
    const items = galleryItems([
      run("old", 1, ["a.png"]),
      run("failed", 3, []),
      run("new", 2, ["b.png", "c.png"], [false, true]),
    ]);
    expect(items.map((item) => [item.image.file_name, item.index, item.seed, item.nsfw])).toEqual([
      ["b.png", 0, 20, false],
      ["c.png", 1, 20, true],
      ["a.png", 0, 10, false],
    ]);
  });
});
