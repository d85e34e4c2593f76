import type { LoraInput } from "@/lib/fal/input-schema";
import { mapImageUrls } from "@/lib/share/image-fields";
import { BUNDLED_IMAGE_PATH } from "./built-in";

/**
 * The settings with the playground's own bundled images uploaded through fal.storage: fal's servers
 * cannot download from a local or private playground, but they can read their own storage.
 */
export function uploadBundledImages(
  values: LoraInput,
  origin: string,
  upload: (file: Blob) => Promise<string>,
  fetchFile: typeof fetch = fetch,
): Promise<LoraInput> {
  const prefix = `${origin}${BUNDLED_IMAGE_PATH}`;
  return mapImageUrls(values, async (url) => {
    if (!url.startsWith(prefix)) return url;
    const response = await fetchFile(url);
    if (!response.ok) throw new Error(`The bundled image ${url.slice(origin.length)} could not be loaded.`);
    return upload(await response.blob());
  });
}
