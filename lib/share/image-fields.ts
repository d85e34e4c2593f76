import type { LoraInput } from "@/lib/fal/input-schema";
import { isDataUri, parseDataUri } from "@/lib/http/data-uri";

type MapUrl = (url: string) => Promise<string>;

async function mapOptional(url: string | undefined, map: MapUrl): Promise<string | undefined> {
  return url === undefined || url === "" ? url : map(url);
}

/** Every image location in the settings (init, ControlNet, IP adapter, IC-Light), passed through `map`. */
export async function mapImageUrls(values: LoraInput, map: MapUrl): Promise<LoraInput> {
  const [image_url, ic_light_model_background_image_url, ic_light_image_url] = await Promise.all([
    mapOptional(values.image_url, map),
    mapOptional(values.ic_light_model_background_image_url, map),
    mapOptional(values.ic_light_image_url, map),
  ]);
  const controlnets = await Promise.all(
    values.controlnets.map(async (controlnet) => ({
      ...controlnet,
      image_url: await map(controlnet.image_url),
      mask_url: await mapOptional(controlnet.mask_url, map),
    })),
  );
  const ip_adapter = await Promise.all(
    values.ip_adapter.map(async (adapter) => ({
      ...adapter,
      ip_adapter_image_url: Array.isArray(adapter.ip_adapter_image_url)
        ? await Promise.all(adapter.ip_adapter_image_url.map(map))
        : await map(adapter.ip_adapter_image_url),
      ip_adapter_mask_url: await mapOptional(adapter.ip_adapter_mask_url, map),
    })),
  );
  return { ...values, image_url, ic_light_model_background_image_url, ic_light_image_url, controlnets, ip_adapter };
}

/** The bytes of a base64 data URI as a Blob of its declared type. */
export function dataUriToBlob(url: string): Blob {
  const dataUri = parseDataUri(url);
  if (!dataUri) throw new Error("Only base64 data URIs can be uploaded.");
  const binary = atob(dataUri.base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return new Blob([bytes], { type: dataUri.mediaType });
}

/**
 * The settings with every data URI replaced by an uploaded file's URL (each distinct image uploaded
 * once), so a link or a preset carries addresses, never image bytes.
 */
export async function uploadInlineImages(
  values: LoraInput,
  upload: (file: Blob) => Promise<string>,
): Promise<LoraInput> {
  const uploads = new Map<string, Promise<string>>();
  return mapImageUrls(values, (url) => {
    if (!isDataUri(url)) return Promise.resolve(url);
    let uploaded = uploads.get(url);
    if (!uploaded) {
      uploaded = upload(dataUriToBlob(url));
      uploads.set(url, uploaded);
    }
    return uploaded;
  });
}
