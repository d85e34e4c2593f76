import type { Family, FamilyFinding, TrainerLayout } from "./card";
import { scalarValue, type SafetensorsHeader, type TensorInfo } from "./safetensors-header";

/*
 * What a file's tensor names and shapes say (docs/lora-info.md#architecture). kohya's sd-scripts
 * name LoRA modules `lora_unet_…`, `lora_te_…` (SDXL: `lora_te1_…`, `lora_te2_…`) with
 * `.lora_down.weight`, `.lora_up.weight` and `.alpha`; diffusers with PEFT writes
 * `unet.….to_k.lora_A.weight`; older diffusers wrote `….to_k_lora.down.weight` or `.lora.down.weight`.
 * A linear layer's weight is [out, in], so the `in` of a cross-attention key projection is the
 * width of the text encoder it listens to: 768 (SD 1.x), 1024 (SD 2.x), 2048 (SDXL).
 */

export type TensorFindings = {
  layout?: TrainerLayout;
  /** What the file holds besides a LoRA: a whole model, a ControlNet, an IP adapter. */
  kind: "lora" | "checkpoint" | "controlnet" | "ip-adapter" | "unknown";
  family?: FamilyFinding;
  rank?: string;
  alpha?: string;
};

const CROSS_ATTENTION_WIDTH: Record<number, Exclude<Family, "other">> = { 768: "sd1", 1024: "sd2", 2048: "sdxl" };
const FAMILY_NAMES: Record<Exclude<Family, "other">, string> = { sd1: "SD 1.x", sd2: "SD 2.x", sdxl: "SDXL" };
/** The width of the text encoder's hidden layers (a self-attention's input): CLIP ViT-L 768, OpenCLIP ViT-H 1024. */
const TEXT_ENCODER_WIDTH: Record<number, Exclude<Family, "other" | "sdxl">> = { 768: "sd1", 1024: "sd2" };

const LAYOUTS: [TrainerLayout, RegExp][] = [
  ["kohya", /\.lora_(down|up)\.weight$/],
  ["peft", /\.lora_[AB](\.[\w-]+)?\.weight$/],
  ["diffusers-old", /(_lora|\.lora|lora_linear_layer)\.(down|up)\.weight$/],
  ["lycoris", /\.(hada_w[12]_[ab]|lokr_w[12](_[ab])?)$/],
];

/** Cross-attention key/value projections, and where their input width sits in the shape. */
const CROSS_ATTENTION = [
  /attn2_to_[kv]\.lora_down\.weight$/,
  /attn2\.to_[kv]\.lora_A(\.[\w-]+)?\.weight$/,
  /attn2\.(processor\.)?to_[kv](_lora|\.lora)\.down\.weight$/,
  /attn2_to_[kv]\.hada_w1_b$/,
  /attn2\.to_[kv]\.weight$/,
  /to_[kv]_ip\.weight$/,
];

const TEXT_ENCODER_SELF_ATTENTION = [
  /^lora_te_text_model_encoder_layers_\d+_self_attn_[qkv]_proj\.lora_down\.weight$/,
  /^text_encoder\.text_model\.encoder\.layers\.\d+\.self_attn\.[qkv]_proj\.(lora_A(\.[\w-]+)?|lora_linear_layer\.down)\.weight$/,
];

const SECOND_TEXT_ENCODER: [RegExp, string][] = [
  [/^lora_te2_/, "a second text encoder (lora_te2_ tensors)"],
  [/^text_encoder_2\./, "a second text encoder (text_encoder_2 tensors)"],
  [/^conditioner\.embedders\.1\./, "a second text encoder (conditioner.embedders.1)"],
];

/** Transformer (DiT) models this endpoint cannot run, by the block names their weights use. */
const OTHER_ARCHITECTURES: [RegExp, string][] = [
  [/(^|[._])(double_blocks|single_blocks|single_transformer_blocks)[._]/, "Flux"],
  [/(^|[._])joint_blocks[._]|context_block/, "SD 3"],
  [/^(transformer|base_model\.model\.transformer|diffusion_model)\./, "a transformer (DiT) model"],
];

function mostCommon(values: number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function range(values: number[]): string | undefined {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return undefined;
  const low = Math.min(...finite);
  const high = Math.max(...finite);
  const show = (value: number) => String(Number(value.toFixed(4)));
  return low === high ? show(low) : `${show(low)}–${show(high)}`;
}

function matching(tensors: Map<string, TensorInfo>, patterns: RegExp[]): [string, TensorInfo][] {
  return [...tensors].filter(([name]) => patterns.some((pattern) => pattern.test(name)));
}

function layoutOf(names: string[]): TrainerLayout | undefined {
  return LAYOUTS.find(([, pattern]) => names.some((name) => pattern.test(name)))?.[0];
}

function kindOf(names: string[], layout: TrainerLayout | undefined): TensorFindings["kind"] {
  if (layout) return "lora";
  if (names.some((name) => /^(image_proj|ip_adapter)\./.test(name))) return "ip-adapter";
  if (
    names.some((name) => /^control_model\.|(^|\.)(controlnet_cond_embedding|input_hint_block|zero_convs)\./.test(name))
  )
    return "controlnet";
  if (names.some((name) => /(^|\.)(diffusion_model|down_blocks|input_blocks)\./.test(name))) return "checkpoint";
  return "unknown";
}

function familyOf(tensors: Map<string, TensorInfo>, names: string[]): FamilyFinding | undefined {
  const other = OTHER_ARCHITECTURES.find(([pattern]) => names.some((name) => pattern.test(name)));
  // A UNet's cross-attention outranks the generic transformer prefix (SD checkpoints nest `transformer_blocks`).
  const widths = matching(tensors, CROSS_ATTENTION).flatMap(([, info]) => info.shape[1] ?? []);
  const width = mostCommon(widths);
  if (other && (other[1] !== "a transformer (DiT) model" || width === undefined)) {
    return { family: "other", name: other[1], evidence: `${other[1]} block names in its tensors` };
  }
  const second = SECOND_TEXT_ENCODER.find(([pattern]) => names.some((name) => pattern.test(name)));
  if (second) return { family: "sdxl", name: "SDXL", evidence: second[1] };
  if (width !== undefined) {
    const family = CROSS_ATTENTION_WIDTH[width];
    if (family) return { family, name: FAMILY_NAMES[family], evidence: `a cross-attention ${width} wide` };
    return { family: "other", name: "another model", evidence: `a cross-attention ${width} wide` };
  }
  if (names.some((name) => /^lora_unet_(input_blocks|output_blocks|middle_block)_/.test(name))) {
    return { family: "sdxl", name: "SDXL", evidence: "kohya's SDXL block names (input_blocks, output_blocks)" };
  }
  const textWidth = mostCommon(
    matching(tensors, TEXT_ENCODER_SELF_ATTENTION).flatMap(([, info]) => info.shape[1] ?? []),
  );
  const textFamily = textWidth === undefined ? undefined : TEXT_ENCODER_WIDTH[textWidth];
  if (textFamily) {
    return { family: textFamily, name: FAMILY_NAMES[textFamily], evidence: `a text encoder ${textWidth} wide` };
  }
  if (names.some((name) => name.startsWith("cond_stage_model.model."))) {
    return { family: "sd2", name: "SD 2.x", evidence: "an OpenCLIP text encoder (cond_stage_model.model)" };
  }
  if (names.some((name) => name.startsWith("cond_stage_model.transformer."))) {
    return { family: "sd1", name: "SD 1.x", evidence: "a CLIP ViT-L text encoder (cond_stage_model.transformer)" };
  }
  return undefined;
}

function rankOf(tensors: Map<string, TensorInfo>, layout: TrainerLayout | undefined): string | undefined {
  if (layout === "lycoris") {
    return range(matching(tensors, [/\.hada_w1_a$/]).flatMap(([, info]) => info.shape[1] ?? []));
  }
  const down = [
    /\.lora_down\.weight$/,
    /\.lora_A(\.[\w-]+)?\.weight$/,
    /(_lora|\.lora|lora_linear_layer)\.down\.weight$/,
  ];
  return range(matching(tensors, down).flatMap(([, info]) => info.shape[0] ?? []));
}

/**
 * Reads the architecture, trainer layout and rank off the tensors. Alphas are values, not shapes:
 * they are read only from `data`, the bytes that followed the header in what was already fetched
 * (kohya stores one per module, all alike unless trained per block).
 */
export function tensorFindings(header: SafetensorsHeader, data?: Uint8Array): TensorFindings {
  const names = [...header.tensors.keys()];
  const layout = layoutOf(names);
  const alphas = matching(header.tensors, [/\.alpha$/]).flatMap(([, info]) => scalarValue(info, data) ?? []);
  return {
    layout,
    kind: kindOf(names, layout),
    family: familyOf(header.tensors, names),
    rank: layout ? rankOf(header.tensors, layout) : undefined,
    alpha: range(alphas),
  };
}
