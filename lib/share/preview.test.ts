import sharp from "sharp";
import { afterEach, describe, expect, it } from "vitest";
import { defaultInput } from "@/lib/fal/defaults";
import type { GuardedFetch, GuardedInit } from "@/lib/http/public-fetch";
import { FileStore } from "@/lib/simulator/file-store";
import { runPayload, settingsPayload } from "./link-payload";
import { createPreviewRenderer, type PreviewRendererOptions } from "./preview";

const ORIGIN = "http://127.0.0.1:3000";
const FAL_IMAGE = "https://v3.fal.media/files/penguin/result.png";
const settings = { ...defaultInput, prompt: "a lighthouse at dusk", seed: 42 };

const png = (color: number) =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: { r: color, g: 80, b: 160 } } })
    .png()
    .toBuffer();

type Call = { url: string; init?: GuardedInit };

/** A stand-in for the guard: answers from `answer`, records what it was asked. */
function fakeFetch(answer: (url: string) => Promise<Response> | Response) {
  const calls: Call[] = [];
  const fetch: GuardedFetch = async (url, init) => {
    calls.push({ url: String(url), init });
    return answer(String(url));
  };
  return { fetch, calls };
}

const stores: FileStore[] = [];
afterEach(() => {
  stores.splice(0).forEach((store) => store.dispose());
});

function renderer(fetch: GuardedFetch, extra: Partial<PreviewRendererOptions> = {}, simulatorFiles?: FileStore) {
  return createPreviewRenderer({ source: () => ({ fetch, simulatorFiles }), ...extra });
}

async function expectCard(jpeg: Buffer) {
  const { format, width, height } = await sharp(jpeg).metadata();
  expect({ format, width, height }).toEqual({ format: "jpeg", width: 1200, height: 630 });
}

describe("the preview renderer", () => {
  it("draws a run's image from fal's media hosts once, with no key, kept to fal's hosts at every redirect", async () => {
    const image = await png(200);
    const { fetch, calls } = fakeFetch(() => new Response(new Uint8Array(image)));
    const preview = renderer(fetch);
    const payload = runPayload(settings, { imageUrl: FAL_IMAGE });
    const first = await preview(payload, ORIGIN);
    expect(first.status).toBe(200);
    if (first.status !== 200) return;
    await expectCard(first.jpeg);
    expect(first.maxAgeSeconds).toBe(86_400);
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call?.url).toBe(FAL_IMAGE);
    expect(new Headers(call?.init?.headers).get("authorization")).toBeNull();
    expect(call?.init?.maxBytes).toBeGreaterThan(0);
    expect(call?.init?.timeoutMs).toBeGreaterThan(0);
    expect(call?.init?.allowUrl?.(new URL("https://v3b.fal.media/files/x.png"))).toBe(true);
    expect(call?.init?.allowUrl?.(new URL("https://evil.example/x.png"))).toBe(false);

    const again = await preview(payload, ORIGIN);
    expect(again).toEqual(first);
    expect(calls).toHaveLength(1);
  });

  it("draws the same card asked for twice at once only once", async () => {
    const image = await png(100);
    const { fetch, calls } = fakeFetch(() => new Response(new Uint8Array(image)));
    const preview = renderer(fetch);
    const payload = runPayload(settings, { imageUrl: FAL_IMAGE });
    const [a, b] = await Promise.all([preview(payload, ORIGIN), preview(payload, ORIGIN)]);
    expect(a.status).toBe(200);
    expect(b).toEqual(a);
    expect(calls).toHaveLength(1);
  });

  it("reads a simulator run's image from the store, never over HTTP", async () => {
    const store = new FileStore({ ttlMs: 60_000, maxBytes: 10_000_000 });
    stores.push(store);
    const url = store.save(await png(30), "image/png", "result.png", ORIGIN);
    const { fetch, calls } = fakeFetch(() => new Response("never"));
    const answer = await renderer(fetch, {}, store)(runPayload(settings, { imageUrl: url }), ORIGIN);
    expect(answer.status).toBe(200);
    if (answer.status === 200) await expectCard(answer.jpeg);
    expect(calls).toEqual([]);
  });

  it("refuses, drawing and fetching nothing, a link whose image is elsewhere or that cannot be read", async () => {
    const { fetch, calls } = fakeFetch(() => new Response("never"));
    const preview = renderer(fetch);
    const elsewhere = await preview(runPayload(settings, { imageUrl: "https://evil.example/a.png" }), ORIGIN);
    expect(elsewhere).toEqual({
      status: 400,
      detail: "Image: The image is on evil.example, not on fal's media hosts or this playground; it is not shown.",
    });
    const script = await preview(runPayload(settings, { imageUrl: "javascript:alert(1)" }), ORIGIN);
    expect(script).toMatchObject({ status: 400, detail: expect.stringContaining('"javascript:"') });
    const otherSimulator = await preview(
      runPayload(settings, { imageUrl: "http://10.0.0.2/api/simulator/files/abc/result.png" }),
      ORIGIN,
    );
    expect(otherSimulator.status).toBe(400);
    const damaged = await preview("2.%%%", ORIGIN);
    expect(damaged).toMatchObject({
      status: 400,
      detail: expect.stringMatching(/^The link could not be read\. Link: /),
    });
    expect(calls).toEqual([]);
  });

  it("draws a preset's settings without fetching anything", async () => {
    const { fetch, calls } = fakeFetch(() => new Response("never"));
    const answer = await renderer(fetch)(settingsPayload(settings), ORIGIN);
    expect(answer.status).toBe(200);
    expect(calls).toEqual([]);
  });

  it("draws an expired image as gone, and tries again soon after fal did not answer", async () => {
    let now = 0;
    let status = 503;
    const image = await png(60);
    const { fetch, calls } = fakeFetch(() =>
      status === 200 ? new Response(new Uint8Array(image)) : new Response("no", { status }),
    );
    const preview = renderer(fetch, { now: () => now, transientMs: 60_000 });
    const payload = runPayload(settings, { imageUrl: FAL_IMAGE });
    expect(await preview(payload, ORIGIN)).toMatchObject({ status: 200, maxAgeSeconds: 60 });
    now = 30_000;
    await preview(payload, ORIGIN);
    expect(calls).toHaveLength(1);
    now = 61_000;
    status = 404;
    expect(await preview(payload, ORIGIN)).toMatchObject({ status: 200, maxAgeSeconds: 86_400 });
    expect(calls).toHaveLength(2);
  });

  it("asks the rest to come back when too many cards are being drawn", async () => {
    let release = () => {};
    const hanging = new Promise<void>((resolve) => (release = resolve));
    const image = await png(10);
    const { fetch } = fakeFetch(async () => {
      await hanging;
      return new Response(new Uint8Array(image));
    });
    const preview = renderer(fetch, { maxConcurrent: 1, maxWaiting: 1 });
    const links = ["a", "b", "c"].map((name) =>
      runPayload({ ...settings, prompt: name }, { imageUrl: `https://v3.fal.media/files/${name}.png` }),
    );
    const first = preview(links[0] ?? "", ORIGIN);
    const second = preview(links[1] ?? "", ORIGIN);
    expect(await preview(links[2] ?? "", ORIGIN)).toEqual({
      status: 503,
      detail: "Too many previews are being drawn; try again shortly.",
      retryAfterSeconds: 5,
    });
    release();
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    expect((await preview(links[2] ?? "", ORIGIN)).status).toBe(200);
  });

  it("draws a card without the image when the bytes are no image", async () => {
    const { fetch } = fakeFetch(() => new Response("<html>not an image</html>"));
    const answer = await renderer(fetch)(runPayload(settings, { imageUrl: FAL_IMAGE }), ORIGIN);
    expect(answer.status).toBe(200);
    if (answer.status === 200) await expectCard(answer.jpeg);
  });
});
