import type { LoraRequest } from "@/lib/fal/input-schema";
import type { FalImage, Seed } from "@/lib/fal/output-schema";
import { isExactSeed, reuseSeed } from "@/lib/runs/seed";

const EXTENSIONS: Record<string, string> = { "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp" };

/** The text as a file-name part: lower case, ASCII letters and digits joined by "-", at most `max` long. */
export function slug(text: string, max: number): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/, "");
}

/** "a-lighthouse-at-dusk-seed-42.png": the prompt says what it is, the seed makes it again. */
export function downloadFileName(image: FalImage, input: LoraRequest, seed?: Seed): string {
  const fileName = image.file_name ?? "";
  const extension =
    EXTENSIONS[image.content_type ?? ""] ?? (fileName.includes(".") ? fileName.split(".").pop() : undefined) ?? "png";
  const named = seed !== undefined && isExactSeed(seed) ? `seed-${seed}` : slug(fileName.replace(/\.[^.]+$/, ""), 24);
  return `${[slug(input.prompt, 48) || "lora-image", named].filter(Boolean).join("-")}.${extension}`;
}

/**
 * The request a PNG carries: the run's own, with the seed it was sent with. A run sent without a
 * seed (an older one) gets fal's seed only when the form can send that seed back unchanged.
 */
export function requestToEmbed(input: LoraRequest, seed?: Seed): LoraRequest {
  if (input.seed !== undefined || seed === undefined) return input;
  const reuse = reuseSeed(seed);
  return reuse.ok ? { ...input, seed: reuse.seed } : input;
}

/**
 * The bytes to save: PNGs carry the request that made them (with the seed used, so it makes the
 * same image again); other formats have no place for it and are saved as they are.
 */
export async function downloadBytes(image: FalImage, input: LoraRequest, seed?: Seed): Promise<Blob> {
  const response = await fetch(image.url);
  if (!response.ok) throw new Error(`The image could not be downloaded (HTTP ${response.status}).`);
  const blob = await response.blob();
  if ((image.content_type ?? blob.type) !== "image/png") return blob;
  const { embedSettingsInPng } = await import("@/lib/share/png-settings");
  const png = embedSettingsInPng(new Uint8Array(await blob.arrayBuffer()), requestToEmbed(input, seed));
  return new Blob([new Uint8Array(png)], { type: "image/png" });
}

/** Fetches the image's bytes and saves them under a name taken from the prompt and seed. */
export async function downloadImage(image: FalImage, input: LoraRequest, seed?: Seed): Promise<void> {
  saveFile(await downloadBytes(image, input, seed), downloadFileName(image, input, seed));
}

/** Hands the bytes to the browser as a download named `fileName`. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}
