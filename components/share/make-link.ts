import { falClient } from "@/lib/fal/browser-client";
import type { LoraInput } from "@/lib/fal/input-schema";
import type { Run } from "@/lib/runs/run-state";
import { isExactSeed } from "@/lib/runs/seed";
import { uploadInlineImages } from "@/lib/share/image-fields";
import { runPayload, settingsPayload } from "@/lib/share/link-payload";
import { readSettings, type SettingsProblem } from "@/lib/share/settings-reader";
import { type ShareLink, shareLinkFor } from "@/lib/share/share-link";

/** Inline images (data URIs) go to storage first, so a link carries addresses, never image bytes. */
function withUploadedImages(values: LoraInput): Promise<LoraInput> {
  return uploadInlineImages(values, (file) => falClient.storage.upload(file));
}

/** A link to these settings (a preset): its preview card shows the settings alone. */
export async function settingsLink(values: LoraInput): Promise<ShareLink> {
  return shareLinkFor(window.location.origin, settingsPayload(await withUploadedImages(values)));
}

/**
 * A run's link: what it carries (the run with one of its images, or its settings when it has no
 * image to show) and the settings it had to leave out (a run kept from an older playground).
 */
export type RunLink = ShareLink & { carries: "run" | "settings"; leftOut: SettingsProblem[] };

/**
 * A link to a run: its settings as sent, the image at `imageIndex`, and the seed fal used when it
 * is held exactly. Without an image (a failed run, or `imageGone`), a link to its settings.
 */
export async function runLink(run: Run, imageIndex: number, imageGone = false): Promise<RunLink> {
  const { values, problems } = readSettings(run.input);
  const settings = await withUploadedImages(values);
  const image = imageGone ? undefined : run.output?.images[imageIndex];
  if (!image) {
    return {
      ...shareLinkFor(window.location.origin, settingsPayload(settings)),
      carries: "settings",
      leftOut: problems,
    };
  }
  const seed = run.output?.seed;
  const payload = runPayload(settings, {
    imageUrl: image.url,
    seed: seed !== undefined && isExactSeed(seed) ? String(seed) : undefined,
  });
  return { ...shareLinkFor(window.location.origin, payload), carries: "run", leftOut: problems };
}
