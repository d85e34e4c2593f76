import "server-only";
import { MAX_IMAGE_BYTES } from "@/lib/fal/limits";
import { isFalMediaUrl } from "@/lib/fal/media-hosts";
import { BodyTooLargeError, type GuardedFetch } from "@/lib/http/public-fetch";
import { readLimited } from "@/lib/http/read-limited";
import type { FileStore } from "@/lib/simulator/file-store";
import { simulatorFileId } from "@/lib/simulator/paths";
import type { CardImage } from "./preview-card";
import type { SharedImage } from "./shared-image";

export type PreviewImageSource = {
  /** The public-fetch guard; the preview adds fal's media hosts as the only URLs it may reach. */
  fetch: GuardedFetch;
  /** The simulator's file store, in simulator mode (read directly, never over HTTP). */
  simulatorFiles?: FileStore;
  timeoutMs?: number;
  maxBytes?: number;
};

/** The image for the card, and whether trying again later might give another answer. */
export type LoadedImage = { image: CardImage; transient: boolean };

const GONE = "The image is no longer available.";

function missing(note: string, transient: boolean): LoadedImage {
  return { image: { kind: "missing", note }, transient };
}

/**
 * A shared run's image, for its preview card: a simulator file from the store, an image on fal's
 * media hosts through the guard (bounded in bytes and time, redirects kept to fal's hosts, no
 * credentials). A link's image on any other host never gets here (shared-image.ts).
 */
export async function loadPreviewImage(image: SharedImage, source: PreviewImageSource): Promise<LoadedImage> {
  const url = new URL(image.url);
  if (image.host === "simulator") {
    const id = simulatorFileId(url.pathname);
    const stored = id === undefined ? undefined : source.simulatorFiles?.get(id);
    return stored ? { image: { kind: "image", bytes: stored.bytes }, transient: false } : missing(GONE, false);
  }
  const maxBytes = source.maxBytes ?? MAX_IMAGE_BYTES;
  try {
    const response = await source.fetch(url, {
      headers: { accept: "image/*" },
      credentials: "omit",
      maxBytes,
      timeoutMs: source.timeoutMs ?? 8_000,
      allowUrl: isFalMediaUrl,
    });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      // fal's CDN answers an expired or private file with one of these (docs/fal.md#media-hosts).
      if ([401, 403, 404, 410].includes(response.status)) return missing(GONE, false);
      return missing(`The image could not be loaded (HTTP ${response.status}).`, true);
    }
    const bytes = await readLimited(response.body, maxBytes);
    if (!bytes) return missing("The image is too large to draw.", false);
    return { image: { kind: "image", bytes }, transient: false };
  } catch (error) {
    if (error instanceof BodyTooLargeError) return missing("The image is too large to draw.", false);
    return missing("The image could not be loaded.", true);
  }
}
