import { type PngChunk, readChunks, textChunk, writeChunks } from "@/lib/png/png-chunks";

/**
 * Generation data shaped like what each tool writes (checked against A1111's `create_infotext`,
 * Forge's extra keys, Civitai's generator and Fooocus's `meta_parser.py`), for unit and browser tests.
 */
export const samples = {
  /** The example of issue 13: old single-line sampler, one LoRA tag. */
  issue: [
    "a castle on a hill, sunset <lora:castleStyle:0.7>",
    "Negative prompt: blurry, lowres",
    "Steps: 28, Sampler: Euler a, CFG scale: 6.5, Seed: 12345, Size: 768x512, Model: sd_xl_base_1.0",
  ].join("\n"),

  /** A1111 1.6: sampler and schedule in one name, hires fix, quoted hashes. */
  a1111Old: [
    "masterpiece, best quality, 1girl, solo, long hair, looking at viewer, smile, <lora:add_detail:0.6>, (detailed background:1.2)",
    "Negative prompt: (worst quality, low quality:1.4), EasyNegative, badhandv4",
    'Steps: 25, Sampler: DPM++ 2M Karras, CFG scale: 7, Seed: 3814627913, Size: 512x768, Model hash: 7f96a1a9ca, Model: anything-v5-PrtRE, Denoising strength: 0.5, Clip skip: 2, ENSD: 31337, Hires upscale: 2, Hires steps: 15, Hires upscaler: R-ESRGAN 4x+ Anime6B, Lora hashes: "add_detail: 7c6bad76eb54", TI hashes: "EasyNegative: c74b4e810b03, badhandv4: 5e40d722fc3d", Version: v1.6.0',
  ].join("\n"),

  /** A1111 1.10 img2img: the sampler and its `Schedule type` apart. */
  a1111New: [
    "a castle on a hill, sunset <lora:castleStyle:0.7>",
    "Negative prompt: blurry, lowres",
    "Steps: 28, Sampler: DPM++ 2M, Schedule type: Karras, CFG scale: 6.5, Seed: 12345, Size: 768x512, Model hash: 31e35c80fc, Model: sd_xl_base_1.0, Denoising strength: 0.45, Version: v1.10.1",
  ].join("\n"),

  /** Line breaks, quotes, commas and Unicode in both prompts; a quoted value with an escaped quote. */
  multiline: [
    'portrait of an old fisherman, "weathered" face,',
    "rain, 港の夜, café lights — bokeh",
    "Negative prompt: cartoon,",
    "3d, (deformed:1.3)",
    'Steps: 30, Sampler: Euler, Schedule type: SGM Uniform, CFG scale: 5, Seed: 4294967295, Size: 1024x1024, Model: juggernautXL_v9, Style: "photo, \\"film\\" look", Version: v1.9.4',
  ].join("\r\n"),

  /** Forge (Flux): its own keys, a version starting with "f". */
  forge: [
    "a fox in the snow <lora:flux_realism:0.8>",
    'Steps: 20, Sampler: Euler, Schedule type: Simple, CFG scale: 1, Distilled CFG Scale: 3.5, Seed: 2674889, Size: 896x1152, Model hash: 6dbd4e1d6d, Model: flux1-dev-bnb-nf4-v2, Diffusion in Low Bits: Automatic (fp16 LoRA), Module 1: ae, Module 2: clip_l, Lora hashes: "flux_realism: 3a1b2c3d4e5f", Version: f2.0.1v1.10.1-previous-313-g8a042934',
  ].join("\n"),

  /** Civitai's generator: bare JSON lists, resources with version ids instead of LoRA tags. */
  civitai: [
    "cinematic photo of a lighthouse on a cliff, stormy sea, dramatic light",
    "Negative prompt: painting, drawing",
    'Steps: 30, CFG scale: 5, Sampler: DPM++ 2M SDE Karras, Seed: 1820567310, Size: 832x1216, Clip skip: 2, Created Date: 2024-06-10T14:28:42.1524107Z, Civitai resources: [{"type":"checkpoint","modelVersionId":290640,"modelName":"Pony Diffusion V6 XL","modelVersionName":"V6 (start with this one)"},{"type":"lora","weight":0.6,"modelVersionId":62833,"modelName":"Detail Tweaker LoRA (细节调整LoRA)","modelVersionName":"v1.0"}], Civitai metadata: {"remixOfId":11223344}',
  ].join("\n"),

  /** ADetailer's keys next to A1111's, one of them ending in "denoising strength". */
  adetailer: [
    "photo of a woman reading in a park",
    'Steps: 24, Sampler: DPM++ SDE Karras, CFG scale: 6, Seed: 77, Size: 512x512, Model: realisticVision_v51, ADetailer model: face_yolov8n.pt, ADetailer prompt: "detailed face, smile", ADetailer confidence: 0.3, ADetailer denoising strength: 0.4, ADetailer version: 24.1.2, Version: v1.7.0',
  ].join("\n"),

  /** Fooocus's A1111 scheme: expanded prompt, `Scheduler`, LoRAs in "Lora weights". */
  fooocusText: [
    "a red fox in a snowy forest, intricate, elegant, highly detailed",
    "Negative prompt: unrealistic, saturated, high contrast",
    'Steps: 30, Sampler: DPM++ 2M SDE Karras, Seed: 987654321, Size: 1152x896, CFG scale: 4, Sharpness: 2, ADM Guidance: "(1.5, 0.8, 0.3)", Model: juggernautXL_v8Rundiffusion, Model hash: aeb7e9e689, Performance: Speed, Scheduler: karras, VAE: Default (model), Raw prompt: a red fox in a snowy forest, Raw negative prompt: , Lora hashes: "sd_xl_offset_example-lora_1.0: 4852686128", Lora weights: "sd_xl_offset_example-lora_1.0: 0.1", Version: Fooocus v2.5.5',
  ].join("\n"),
};

/** Fooocus's JSON scheme (keys sorted, as Fooocus writes them). */
export const fooocusJson = {
  adm_guidance: "(1.5, 0.8, 0.3)",
  base_model: "juggernautXL_v8Rundiffusion",
  base_model_hash: "aeb7e9e689",
  clip_skip: 2,
  full_negative_prompt: ["unrealistic, saturated, high contrast", "painting, drawing, sketch, cartoon"],
  full_prompt: [
    "a red fox in a snowy forest",
    "cinematic still a red fox in a snowy forest . emotional, harmonious, vignette, highly detailed",
    "a red fox in a snowy forest, intricate, elegant, highly detailed",
  ],
  guidance_scale: 4,
  lora_combined_1: "sd_xl_offset_example-lora_1.0 : 0.1",
  loras: [["sd_xl_offset_example-lora_1.0", 0.1, "4852686128"]],
  metadata_scheme: "fooocus",
  negative_prompt: "",
  performance: "Speed",
  prompt: "a red fox in a snowy forest",
  prompt_expansion: "a red fox in a snowy forest, intricate, elegant, highly detailed",
  refiner_model: "None",
  refiner_switch: 0.5,
  resolution: "(1152, 896)",
  sampler: "dpmpp_2m_sde_gpu",
  scheduler: "karras",
  seed: "1234567890123456789",
  sharpness: 2,
  steps: 30,
  styles: "['Fooocus V2', 'Fooocus Enhance', 'Fooocus Sharp']",
  vae: "Default (model)",
  version: "Fooocus v2.5.5",
};

/** The PNG with text chunks placed after IHDR, where PIL (A1111, Forge, Fooocus) writes them. */
export function withTextChunks(png: Uint8Array, texts: Record<string, string> | PngChunk[]): Uint8Array {
  const chunks = readChunks(png);
  const added = Array.isArray(texts) ? texts : Object.entries(texts).map(([keyword, text]) => textChunk(keyword, text));
  return writeChunks([...chunks.slice(0, 1), ...added, ...chunks.slice(1)]);
}
