import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { openThumbnailStore, type Thumbnail } from "./thumbnails";

const thumbnail = (runId: string, index: number): Thumbnail => ({
  runId,
  index,
  bytes: new Uint8Array([index, 1, 2]).buffer,
  type: "image/webp",
});

describe("thumbnail store", () => {
  it("keeps every image's thumbnail by run and position", async () => {
    const store = openThumbnailStore(`thumbnails-${crypto.randomUUID()}`);
    await store.put([thumbnail("run/a", 0), thumbnail("run/a", 1), thumbnail("b", 0)]);
    expect(new Uint8Array((await store.get("run/a", 1))?.bytes ?? new ArrayBuffer(0))).toEqual(
      new Uint8Array([1, 1, 2]),
    );
    expect(await store.get("run/a", 2)).toBeUndefined();
    expect(await store.has("b")).toBe(true);
    expect(await store.has("c")).toBe(false);
  });

  it("drops the thumbnails of runs history no longer has", async () => {
    const store = openThumbnailStore(`thumbnails-${crypto.randomUUID()}`);
    await store.put([thumbnail("a", 0), thumbnail("a", 1), thumbnail("b", 0), thumbnail("c", 0)]);
    await store.keepOnly(new Set(["a", "c"]));
    expect(await store.get("a", 1)).toBeDefined();
    expect(await store.has("b")).toBe(false);
    expect(await store.has("c")).toBe(true);
  });
});
