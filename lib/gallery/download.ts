import type { LoraRequest } from "@/lib/fal/input-schema";
import type { FalImage } from "@/lib/fal/output-schema";

const EXTENSIONS: Record<string, string> = { "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp" };

function slug(text: string, max: number): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/, "");
}

/** "a-lighthouse-at-dusk-seed-42.png": the prompt says what it is, the seed makes it again. */
export function downloadFileName(image: FalImage, input: LoraRequest, seed?: number): string {
  const extension = EXTENSIONS[image.content_type] ?? image.file_name.split(".").pop() ?? "png";
  const parts = [slug(input.prompt, 48) || "lora-image", seed !== undefined ? `seed-${seed}` : slug(image.file_name.replace(/\.[^.]+$/, ""), 24)];
  return `${parts.filter(Boolean).join("-")}.${extension}`;
}

/**
 * The bytes to save: PNGs carry the request that made them (with the seed used, so it makes the
 * same image again); other formats have no place for it and are saved as they are.
 */
export async function downloadBytes(image: FalImage, input: LoraRequest, seed?: number): Promise<Blob> {
  const response = await fetch(image.url);
  if (!response.ok) throw new Error(`The image could not be downloaded (HTTP ${response.status}).`);
  const blob = await response.blob();
  if (image.content_type !== "image/png") return blob;
  const request = seed === undefined ? input : { ...input, seed };
  const { embedSettingsInPng } = await import("@/lib/share/png-settings");
  const png = embedSettingsInPng(new Uint8Array(await blob.arrayBuffer()), request);
  return new Blob([new Uint8Array(png)], { type: "image/png" });
}

/** Fetches the image's bytes and saves them under a name taken from the prompt and seed. */
export async function downloadImage(image: FalImage, input: LoraRequest, seed?: number): Promise<void> {
  const url = URL.createObjectURL(await downloadBytes(image, input, seed));
  try {
    const link = document.createElement("a");
    link.href = url;
    link.download = downloadFileName(image, input, seed);
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}
