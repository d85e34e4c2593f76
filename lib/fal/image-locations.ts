import type { LoraRequest } from "./input-schema";

/** One image address in a request body; `path` is where it sits, as in a 422's `loc` after "body". */
export type ImageLocation = { path: (string | number)[]; url: string };

/** Every image address in a request body: init, ControlNet images and masks, IP adapter images and masks, IC-Light. */
export function imageLocations(body: LoraRequest): ImageLocation[] {
  const found: ImageLocation[] = [];
  const add = (path: (string | number)[], url: string | undefined) => {
    if (url) found.push({ path, url });
  };
  add(["image_url"], body.image_url);
  body.controlnets?.forEach((controlnet, index) => {
    add(["controlnets", index, "image_url"], controlnet.image_url);
    add(["controlnets", index, "mask_url"], controlnet.mask_url);
  });
  body.ip_adapter?.forEach((adapter, index) => {
    const images = adapter.ip_adapter_image_url;
    if (Array.isArray(images))
      images.forEach((url, position) => add(["ip_adapter", index, "ip_adapter_image_url", position], url));
    else add(["ip_adapter", index, "ip_adapter_image_url"], images);
    add(["ip_adapter", index, "ip_adapter_mask_url"], adapter.ip_adapter_mask_url);
  });
  add(["ic_light_model_background_image_url"], body.ic_light_model_background_image_url);
  add(["ic_light_image_url"], body.ic_light_image_url);
  return found;
}
