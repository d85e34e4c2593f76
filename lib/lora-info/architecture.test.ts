import { describe, expect, it } from "vitest";
import { tensorFindings } from "./architecture";
import {
  kohyaSd15,
  kohyaSdxl,
  peftFlux,
  peftSdxl,
  safetensorsFile,
  sd15Checkpoint,
  type SampleFile,
} from "./sample-files";
import { headerLength, parseHeader } from "./safetensors-header";
import { trainerMetadata } from "./trainer-metadata";

/** The header of a sample file, and the first 4 KiB of its data, as a header read takes them. */
function read(file: SampleFile) {
  const length = headerLength(file.head);
  const header = parseHeader(file.head.subarray(8, 8 + length));
  return { header, data: file.read(8 + length, 8 + length + 4096) };
}

describe("tensorFindings", () => {
  it("reads a kohya SD 1.5 LoRA: its cross-attention is 768 wide", () => {
    const { header, data } = read(kohyaSd15(false));
    expect(tensorFindings(header, data)).toEqual({
      layout: "kohya",
      kind: "lora",
      family: { family: "sd1", name: "SD 1.x", evidence: "a cross-attention 768 wide" },
      rank: "16",
      alpha: "8",
    });
  });

  it("reads a kohya SDXL LoRA by its second text encoder", () => {
    const { header } = read(kohyaSdxl(false));
    expect(tensorFindings(header)).toMatchObject({
      layout: "kohya",
      family: { family: "sdxl", evidence: "a second text encoder (lora_te2_ tensors)" },
      rank: "32",
    });
  });

  it("reads an SDXL UNet-only kohya LoRA by its 2048-wide cross-attention", () => {
    const unetOnly = safetensorsFile([
      {
        name: "lora_unet_input_blocks_4_1_transformer_blocks_0_attn2_to_k.lora_down.weight",
        shape: [4, 2048],
        dtype: "F16",
      },
      {
        name: "lora_unet_input_blocks_4_1_transformer_blocks_0_attn2_to_k.lora_up.weight",
        shape: [640, 4],
        dtype: "F16",
      },
    ]);
    expect(tensorFindings(read(unetOnly).header).family).toEqual({
      family: "sdxl",
      name: "SDXL",
      evidence: "a cross-attention 2048 wide",
    });
  });

  it("reads a diffusers/PEFT SDXL LoRA, its rank from lora_A", () => {
    const { header } = read(peftSdxl(false));
    expect(tensorFindings(header)).toMatchObject({ layout: "peft", family: { family: "sdxl" }, rank: "8" });
  });

  it("reads older diffusers names, and an SD 2.x width", () => {
    const older = safetensorsFile([
      {
        name: "unet.down_blocks.0.attentions.0.transformer_blocks.0.attn2.processor.to_k_lora.down.weight",
        shape: [4, 1024],
        dtype: "F32",
      },
      {
        name: "unet.down_blocks.0.attentions.0.transformer_blocks.0.attn2.processor.to_k_lora.up.weight",
        shape: [320, 4],
        dtype: "F32",
      },
    ]);
    expect(tensorFindings(read(older).header)).toMatchObject({
      layout: "diffusers-old",
      family: { family: "sd2", evidence: "a cross-attention 1024 wide" },
      rank: "4",
    });
  });

  it("says a Flux LoRA is not for SD or SDXL", () => {
    expect(tensorFindings(read(peftFlux()).header).family).toMatchObject({ family: "other", name: "Flux" });
  });

  it("reads a single-file checkpoint's family from its keys", () => {
    expect(tensorFindings(read(sd15Checkpoint()).header)).toMatchObject({
      kind: "checkpoint",
      family: { family: "sd1", evidence: "a cross-attention 768 wide" },
    });
  });
});

describe("trainerMetadata", () => {
  it("reads kohya's keys: base model version, dim, alpha, name, resolution, the most frequent tags", () => {
    const { header } = read(kohyaSd15(true));
    expect(trainerMetadata(header.metadata)).toEqual({
      family: { family: "sd1", name: "SD 1.x", evidence: "kohya's metadata says ss_base_model_version sd_v1" },
      trainedOn: "sd_v1",
      title: "pixelcastle-sd15",
      rank: "16",
      alpha: "8",
      resolution: "512 × 512",
      baseModelName: "v1-5-pruned-emaonly.safetensors",
      networkModule: "networks.lora",
      triggerWords: ["pixelcastle", "castle", "outdoors", "sky", "tower"].map((word) => ({
        word,
        from: "training tags",
      })),
    });
  });

  it("reads ModelSpec's architecture, title and trigger phrase", () => {
    const { header } = read(peftSdxl(true));
    expect(trainerMetadata(header.metadata)).toMatchObject({
      family: { family: "sdxl", evidence: "its ModelSpec says stable-diffusion-xl-v1-base/lora" },
      title: "Paper Cut XL",
      triggerWords: [{ word: "papercut style", from: "modelspec.trigger_phrase" }],
    });
  });

  it("adds tag counts over every dataset folder and ignores tag JSON it cannot read", () => {
    const tags = JSON.stringify({ "5_a": { shared: 3, onlyA: 4 }, "5_b": { shared: 3, onlyB: 1 } });
    expect(trainerMetadata({ ss_tag_frequency: tags }).triggerWords.map(({ word }) => word)).toEqual([
      "shared",
      "onlyA",
      "onlyB",
    ]);
    expect(trainerMetadata({ ss_tag_frequency: "{not json" }).triggerWords).toEqual([]);
  });
});
