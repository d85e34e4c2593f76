import { compressToEncodedURIComponent } from "lz-string";
import { describe, expect, it } from "vitest";
import { defaultInput } from "@/lib/fal/defaults";
import { loraInputSchema } from "@/lib/fal/input-schema";
import { runPayload, settingsPayload } from "./link-payload";
import { shareMetadata } from "./share-metadata";

const ORIGIN = "https://playground.example";
const settings = loraInputSchema.parse({
  model_name: defaultInput.model_name,
  prompt: "a lighthouse at dusk",
  seed: 42,
  loras: [{ path: "nerijs/pixel-art-xl", scale: 0.8 }],
});

describe("shareMetadata", () => {
  it("gives a run's link a title from its prompt, its key settings and its large preview card", () => {
    const payload = runPayload(settings, { imageUrl: "https://v3.fal.media/files/a.png" });
    const image = {
      url: `${ORIGIN}/s/${payload}/preview.jpg`,
      width: 1200,
      height: 630,
      type: "image/jpeg",
      alt: "A run shared from the fal LoRA playground: a lighthouse at dusk",
    };
    const description =
      "stabilityai/stable-diffusion-xl-base-1.0 · LoRAs: nerijs/pixel-art-xl ×0.8 · seed 42 · 30 steps";
    expect(shareMetadata(payload, ORIGIN)).toEqual({
      title: "a lighthouse at dusk · fal LoRA playground",
      description,
      robots: { index: false },
      openGraph: {
        type: "website",
        siteName: "fal LoRA playground",
        title: "a lighthouse at dusk",
        description,
        url: `${ORIGIN}/s/${payload}`,
        images: [image],
      },
      twitter: { card: "summary_large_image", title: "a lighthouse at dusk", description, images: [image] },
    });
  });

  it("gives a preset's link a card of its settings", () => {
    const metadata = shareMetadata(settingsPayload(settings), ORIGIN);
    expect(metadata.openGraph?.images).toMatchObject([{ alt: expect.stringMatching(/^Settings shared/) }]);
  });

  it("says when a link cannot be read, and gives it no card", () => {
    const metadata = shareMetadata(`1.${compressToEncodedURIComponent("[[[")}`, ORIGIN);
    expect(metadata.title).toBe("A shared link that could not be read · fal LoRA playground");
    expect(metadata.description).toMatch(/^The link could not be read\. Link: The link is damaged/);
    expect(metadata.openGraph?.images).toBeUndefined();
    expect(metadata.twitter).toMatchObject({ card: "summary" });
  });

  it("gives a link whose image is on another host its text, but no card", () => {
    const metadata = shareMetadata(runPayload(settings, { imageUrl: "https://evil.example/a.png" }), ORIGIN);
    expect(metadata.title).toBe("a lighthouse at dusk · fal LoRA playground");
    expect(metadata.openGraph?.images).toEqual([]);
    expect(metadata.twitter).toMatchObject({ card: "summary" });
  });
});
