import { type LoraInput, loraInputSchema } from "@/lib/fal/input-schema";
import { settingsPayload } from "@/lib/share/link-payload";
import { shareLinkFor } from "@/lib/share/share-link";

export const FULL_FORM_COUNTS = { loras: 10, controlnets: 4, ipAdapters: 2 };

/**
 * A share link that opens the page with 10 LoRAs, 4 ControlNets and 2 IP adapters filled in: the
 * page's own link format, so the form is loaded the same way whatever its layout. Images are the
 * playground's bundled ones, so nothing is fetched from outside.
 */
export function fullFormLink(baseURL: string): { url: string; paths: string[] } {
  const image = `${baseURL}/presets/canny-edges.png`;
  const style = `${baseURL}/presets/style-swirls.png`;
  const loras = Array.from({ length: FULL_FORM_COUNTS.loras }, (_, index) => ({
    path: `bench/lora-${index + 1}`,
    scale: 0.5,
  }));
  const controlnets = Array.from({ length: FULL_FORM_COUNTS.controlnets }, (_, index) => ({
    path: `bench/controlnet-${index + 1}`,
    image_url: image,
  }));
  const ipAdapters = Array.from({ length: FULL_FORM_COUNTS.ipAdapters }, (_, index) => ({
    path: `bench/ip-adapter-${index + 1}`,
    ip_adapter_image_url: style,
  }));
  const values: LoraInput = loraInputSchema.parse({
    model_name: "stabilityai/stable-diffusion-xl-base-1.0",
    prompt: "x",
    loras,
    controlnets,
    ip_adapter: ipAdapters,
  });
  return {
    url: shareLinkFor(baseURL, settingsPayload(values)).url,
    paths: [...loras, ...controlnets, ...ipAdapters].map((item) => item.path),
  };
}
