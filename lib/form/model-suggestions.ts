/** Well-known SD 1.5 and SDXL weights on Hugging Face, offered as suggestions for the model field. */
export const MODEL_SUGGESTIONS = [
  { id: "stabilityai/stable-diffusion-xl-base-1.0", family: "SDXL" },
  { id: "SG161222/RealVisXL_V4.0", family: "SDXL" },
  { id: "cagliostrolab/animagine-xl-3.1", family: "SDXL" },
  { id: "playgroundai/playground-v2.5-1024px-aesthetic", family: "SDXL" },
  { id: "Lykon/dreamshaper-xl-1-0", family: "SDXL" },
  { id: "stablediffusionapi/juggernaut-xl-v9", family: "SDXL" },
  { id: "runwayml/stable-diffusion-v1-5", family: "SD 1.5" },
  { id: "Lykon/dreamshaper-8", family: "SD 1.5" },
  { id: "SG161222/Realistic_Vision_V6.0_B1_noVAE", family: "SD 1.5" },
  { id: "emilianJR/epiCRealism", family: "SD 1.5" },
] as const;
