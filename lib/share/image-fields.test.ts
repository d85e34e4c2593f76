import { describe, expect, it } from "vitest";
import { defaultInput } from "@/lib/fal/defaults";
import type { LoraInput } from "@/lib/fal/input-schema";
import { dataUriToBlob, uploadInlineImages } from "./image-fields";

const pixel =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

describe("inline images", () => {
  it("uploads each distinct data URI once and puts its URL everywhere it was used", async () => {
    const uploaded: Blob[] = [];
    const values: LoraInput = {
      ...defaultInput,
      prompt: "p",
      image_url: pixel,
      controlnets: [
        {
          path: "c",
          image_url: pixel,
          mask_url: "https://cdn.test/mask.png",
          conditioning_scale: 1,
          start_percentage: 0,
          end_percentage: 1,
        },
      ],
      ip_adapter: [
        {
          path: "h94/IP-Adapter",
          ip_adapter_image_url: ["https://cdn.test/a.png", pixel],
          scale: 1,
          unconditional_noising_factor: 0,
          image_projection_shortcut: true,
        },
      ],
    };
    const result = await uploadInlineImages(values, async (file) => {
      uploaded.push(file);
      return `https://cdn.test/upload-${uploaded.length}.png`;
    });
    expect(uploaded).toHaveLength(1);
    expect(uploaded[0]?.type).toBe("image/png");
    expect(uploaded[0]?.size).toBe(70);
    expect(result.image_url).toBe("https://cdn.test/upload-1.png");
    expect(result.controlnets[0]).toMatchObject({
      image_url: "https://cdn.test/upload-1.png",
      mask_url: "https://cdn.test/mask.png",
    });
    expect(result.ip_adapter[0]?.ip_adapter_image_url).toEqual([
      "https://cdn.test/a.png",
      "https://cdn.test/upload-1.png",
    ]);
    expect(JSON.stringify(result)).not.toContain("data:");
  });

  it("refuses a data URI that is not base64", () => {
    expect(() => dataUriToBlob("data:image/svg+xml,<svg/>")).toThrow("Only base64 data URIs can be uploaded.");
  });
});
