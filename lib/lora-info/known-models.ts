import { MODEL_SUGGESTIONS } from "@/lib/form/model-suggestions";
import type { Family, FamilyFinding } from "./card";

/** Well-known base models by Hugging Face id, beyond the form's suggestions. */
const MORE_MODELS: Record<string, Family> = {
  "stable-diffusion-v1-5/stable-diffusion-v1-5": "sd1",
  "CompVis/stable-diffusion-v1-4": "sd1",
  "stabilityai/stable-diffusion-2-1": "sd2",
  "stabilityai/stable-diffusion-2-1-base": "sd2",
  "stabilityai/stable-diffusion-2": "sd2",
  "stabilityai/stable-diffusion-2-base": "sd2",
  "stabilityai/stable-diffusion-xl-refiner-1.0": "sdxl",
  "stabilityai/sdxl-turbo": "sdxl",
  "black-forest-labs/FLUX.1-dev": "other",
  "black-forest-labs/FLUX.1-schnell": "other",
  "stabilityai/stable-diffusion-3-medium-diffusers": "other",
  "stabilityai/stable-diffusion-3.5-large": "other",
};

const SUGGESTED: Record<string, Family> = Object.fromEntries(
  MODEL_SUGGESTIONS.map((model) => [model.id, model.family === "SDXL" ? "sdxl" : "sd1"]),
);

/** The family of a well-known base model id, as a host's word about weights made on it. */
export function familyOfKnownModel(id: string | undefined, said: string): FamilyFinding | undefined {
  if (!id) return undefined;
  const known = { ...MORE_MODELS, ...SUGGESTED };
  const family = Object.entries(known).find(([model]) => model.toLowerCase() === id.toLowerCase())?.[1];
  if (!family) return undefined;
  const names: Record<Family, string> = { sd1: "SD 1.x", sd2: "SD 2.x", sdxl: "SDXL", other: id.split("/")[1] ?? id };
  return { family, name: names[family], evidence: `${said} ${id}` };
}

/** A diffusers pipeline class by the family it runs; Stable Diffusion 1 and 2 share theirs. */
export function familyOfPipeline(pipeline: string): Family | "sd1-or-sd2" | undefined {
  if (/^StableDiffusionXL|^StableDiffusionXl/.test(pipeline)) return "sdxl";
  if (/^StableDiffusion(Img2Img|Inpaint|Upscale|Depth2Img|ControlNet)?Pipeline$/.test(pipeline)) return "sd1-or-sd2";
  if (
    /^(Flux|StableDiffusion3|PixArt|Kandinsky|Kolors|Wuerstchen|StableCascade|AuraFlow|HunyuanDiT|Lumina|Sana|CogView|QwenImage)/.test(
      pipeline,
    )
  )
    return "other";
  return undefined;
}
