import type { LoraRequest } from "@/lib/fal/input-schema";

export type BuiltInPreset = { id: string; name: string; description: string; request: LoraRequest };

/** Images that ship with the playground, under `public/`; they are uploaded through fal.storage on use. */
export const BUNDLED_IMAGE_PATH = "/presets/";

const SDXL = "stabilityai/stable-diffusion-xl-base-1.0";
const SD15 = "runwayml/stable-diffusion-v1-5";

/** Presets that show what the endpoint can do; `origin` is the page's, for the bundled images. */
export function builtInPresets(origin: string): BuiltInPreset[] {
  const bundled = (file: string) => `${origin}${BUNDLED_IMAGE_PATH}${file}`;
  return [
    {
      id: "sdxl-refine",
      name: "SDXL refine",
      description: "Low noise over your init image with the SDXL refiner: sharper detail, same picture.",
      request: {
        model_name: "stabilityai/stable-diffusion-xl-refiner-1.0",
        prompt: "highly detailed photograph, crisp focus, natural light",
        negative_prompt: "blurry, lowres, jpeg artifacts",
        noise_strength: 0.3,
        num_inference_steps: 40,
        scheduler: "DPM++ 2M Karras",
      },
    },
    {
      id: "sd15-lora",
      name: "SD 1.5 with a LoRA",
      description: "Stable Diffusion 1.5 with a fine-tuned LoRA at 0.9 strength.",
      request: {
        model_name: SD15,
        prompt: "a cute green creature, pokemon style, white background",
        loras: [{ path: "sayakpaul/sd-model-finetuned-lora-t4", scale: 0.9 }],
        num_inference_steps: 30,
        guidance_scale: 7,
        scheduler: "Euler A",
      },
    },
    {
      id: "canny-controlnet",
      name: "Canny ControlNet",
      description: "Follows the edges of a control image (a bundled line drawing; replace it with yours).",
      request: {
        model_name: SD15,
        prompt: "a small stone chapel on a hill at sunset, watercolor",
        controlnets: [
          {
            path: "lllyasviel/control_v11p_sd15_canny",
            image_url: bundled("canny-edges.png"),
            conditioning_scale: 0.8,
          },
        ],
        noise_strength: 0.9,
      },
    },
    {
      id: "ip-adapter-style",
      name: "IP-Adapter style transfer",
      description: "Takes the colours and brushwork of a style image (a bundled one; replace it with yours).",
      request: {
        model_name: SDXL,
        prompt: "a fox in a forest",
        ip_adapter: [
          {
            path: "h94/IP-Adapter",
            model_subfolder: "sdxl_models",
            weight_name: "ip-adapter_sdxl.safetensors",
            ip_adapter_image_url: bundled("style-swirls.png"),
            scale: 0.7,
          },
        ],
        image_encoder_path: "h94/IP-Adapter",
        image_encoder_subfolder: "sdxl_models/image_encoder",
      },
    },
    {
      id: "lcm-fast",
      name: "LCM fast",
      description: "The LCM LoRA and scheduler: a usable image in 6 steps.",
      request: {
        model_name: SD15,
        prompt: "portrait of an astronaut, studio lighting",
        loras: [{ path: "latent-consistency/lcm-lora-sdv1-5" }],
        scheduler: "LCM",
        num_inference_steps: 6,
        guidance_scale: 1.5,
      },
    },
  ];
}
