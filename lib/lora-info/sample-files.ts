/*
 * safetensors files in the layouts real trainers write, for tests and the benchmark: the tensor
 * names and shapes of kohya's sd-scripts (networks/lora.py: `lora_unet_…`, `lora_te_…`,
 * `lora_te1_…`/`lora_te2_…` for SDXL, with `.lora_down.weight`, `.lora_up.weight`, `.alpha`) and of
 * diffusers with PEFT (`unet.….to_k.lora_A.weight`, `text_encoder_2.…`), each with or without the
 * metadata those trainers write. The tensors' bytes are zeros (alphas excepted), made on request,
 * so a file may be as large as the real one without being held in memory.
 */

type Tensor = { name: string; shape: number[]; dtype: "F16" | "F32"; value?: number };

/** A file: its header (length and JSON) in memory, its data made on request. */
export type SampleFile = {
  size: number;
  /** The 8 length bytes and the JSON header. */
  head: Uint8Array;
  /** Bytes [start, end) of the whole file. */
  read: (start: number, end: number) => Uint8Array;
};

const DTYPE_BYTES = { F16: 2, F32: 4 } as const;

function encodeF16(value: number): number {
  // Exact for the small whole numbers used as alphas.
  if (value === 0) return 0;
  const exponent = Math.floor(Math.log2(Math.abs(value)));
  const fraction = Math.round((Math.abs(value) / 2 ** exponent - 1) * 1024);
  return (value < 0 ? 0x8000 : 0) | ((exponent + 15) << 10) | fraction;
}

/** A safetensors file of these tensors (sorted by name, as the safetensors library writes them). */
export function safetensorsFile(tensors: Tensor[], metadata?: Record<string, string>): SampleFile {
  const sorted = [...tensors].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const header: Record<string, unknown> = metadata ? { __metadata__: metadata } : {};
  const values: { offset: number; bytes: Uint8Array }[] = [];
  let offset = 0;
  for (const tensor of sorted) {
    const length = tensor.shape.reduce((product, size) => product * size, 1) * DTYPE_BYTES[tensor.dtype];
    header[tensor.name] = { dtype: tensor.dtype, shape: tensor.shape, data_offsets: [offset, offset + length] };
    if (tensor.value !== undefined) {
      const bytes = new Uint8Array(length);
      const view = new DataView(bytes.buffer);
      if (tensor.dtype === "F16") view.setUint16(0, encodeF16(tensor.value), true);
      else view.setFloat32(0, tensor.value, true);
      values.push({ offset, bytes });
    }
    offset += length;
  }
  return fileOf(new TextEncoder().encode(JSON.stringify(header)), offset, values);
}

function fileOf(json: Uint8Array, dataBytes: number, values: { offset: number; bytes: Uint8Array }[] = []) {
  const head = new Uint8Array(8 + json.length);
  new DataView(head.buffer).setBigUint64(0, BigInt(json.length), true);
  head.set(json, 8);
  const size = head.length + dataBytes;
  const read = (start: number, end: number) => {
    const out = new Uint8Array(Math.max(0, Math.min(end, size) - start));
    if (start < head.length) out.set(head.subarray(start, Math.min(end, head.length)));
    for (const value of values) {
      const at = head.length + value.offset;
      const from = Math.max(at, start);
      const to = Math.min(at + value.bytes.length, end);
      if (from < to) out.set(value.bytes.subarray(from - at, to - at), from - start);
    }
    return out;
  };
  return { size, head, read };
}

type Module = { name: string; in: number; out: number; conv?: boolean };

/** kohya's LoRA tensors for these modules: down [rank, in], up [out, rank], alpha []. */
function kohyaTensors(modules: Module[], rank: number, alpha: number): Tensor[] {
  return modules.flatMap(({ name, in: input, out, conv }) => [
    { name: `${name}.lora_down.weight`, shape: conv ? [rank, input, 1, 1] : [rank, input], dtype: "F16" as const },
    { name: `${name}.lora_up.weight`, shape: conv ? [out, rank, 1, 1] : [out, rank], dtype: "F16" as const },
    { name: `${name}.alpha`, shape: [], dtype: "F16" as const, value: alpha },
  ]);
}

/** PEFT's tensors: lora_A [rank, in], lora_B [out, rank]. */
function peftTensors(modules: Module[], rank: number): Tensor[] {
  return modules.flatMap(({ name, in: input, out }) => [
    { name: `${name}.lora_A.weight`, shape: [rank, input], dtype: "F16" as const },
    { name: `${name}.lora_B.weight`, shape: [out, rank], dtype: "F16" as const },
  ]);
}

/** One transformer block's projections, named with `join` ("_" for kohya, "." for diffusers). */
function transformerBlock(prefix: string, channels: number, context: number, join: string): Module[] {
  const at = (path: string) => `${prefix}${join}${path.replaceAll(".", join)}`;
  return [
    ...["to_q", "to_k", "to_v"].map((projection) => ({ name: at(`attn1.${projection}`), in: channels, out: channels })),
    { name: at("attn1.to_out.0"), in: channels, out: channels },
    { name: at("attn2.to_q"), in: channels, out: channels },
    { name: at("attn2.to_k"), in: context, out: channels },
    { name: at("attn2.to_v"), in: context, out: channels },
    { name: at("attn2.to_out.0"), in: channels, out: channels },
    { name: at("ff.net.0.proj"), in: channels, out: channels * 8 },
    { name: at("ff.net.2"), in: channels * 4, out: channels },
  ];
}

function textEncoder(prefix: string, layers: number, width: number, join: string): Module[] {
  const at = (layer: number, path: string) =>
    `${prefix}${join}${`text_model.encoder.layers.${layer}.${path}`.replaceAll(".", join)}`;
  return Array.from({ length: layers }, (_, layer) => [
    ...["q_proj", "k_proj", "v_proj", "out_proj"].map((projection) => ({
      name: at(layer, `self_attn.${projection}`),
      in: width,
      out: width,
    })),
    { name: at(layer, "mlp.fc1"), in: width, out: width * 4 },
    { name: at(layer, "mlp.fc2"), in: width * 4, out: width },
  ]).flat();
}

/** SD 1.5's UNet attentions in diffusers' names, as kohya names them for SD 1.x. */
function sd15Attentions(join: string): Module[] {
  const blocks: [string, number][] = [
    ["down_blocks.0.attentions.0", 320],
    ["down_blocks.0.attentions.1", 320],
    ["down_blocks.1.attentions.0", 640],
    ["down_blocks.1.attentions.1", 640],
    ["down_blocks.2.attentions.0", 1280],
    ["down_blocks.2.attentions.1", 1280],
    ["mid_block.attentions.0", 1280],
    ...[1, 2, 3].flatMap((block) =>
      [0, 1, 2].map((index): [string, number] => [
        `up_blocks.${block}.attentions.${index}`,
        [1280, 640, 320][block - 1] ?? 320,
      ]),
    ),
  ];
  return blocks.flatMap(([path, channels]) => {
    const prefix = `lora_unet${join}${path.replaceAll(".", join)}`;
    return [
      { name: `${prefix}${join}proj_in`, in: channels, out: channels, conv: true },
      ...transformerBlock(`${prefix}${join}transformer_blocks${join}0`, channels, 768, join),
      { name: `${prefix}${join}proj_out`, in: channels, out: channels, conv: true },
    ];
  });
}

/** SDXL's UNet attentions: kohya uses the original (sgm) block names, diffusers its own. */
function sdxlAttentions(style: "kohya" | "diffusers"): Module[] {
  const kohya: [string, number, number][] = [
    ...[4, 5].map((block): [string, number, number] => [`input_blocks_${block}_1`, 640, 2]),
    ...[7, 8].map((block): [string, number, number] => [`input_blocks_${block}_1`, 1280, 10]),
    ["middle_block_1", 1280, 10],
    ...[0, 1, 2].map((block): [string, number, number] => [`output_blocks_${block}_1`, 1280, 10]),
    ...[3, 4, 5].map((block): [string, number, number] => [`output_blocks_${block}_1`, 640, 2]),
  ];
  const diffusers: [string, number, number][] = [
    ["down_blocks.1.attentions.0", 640, 2],
    ["down_blocks.1.attentions.1", 640, 2],
    ["down_blocks.2.attentions.0", 1280, 10],
    ["down_blocks.2.attentions.1", 1280, 10],
    ["mid_block.attentions.0", 1280, 10],
    ...[0, 1, 2].map((index): [string, number, number] => [`up_blocks.0.attentions.${index}`, 1280, 10]),
    ...[0, 1, 2].map((index): [string, number, number] => [`up_blocks.1.attentions.${index}`, 640, 2]),
  ];
  const join = style === "kohya" ? "_" : ".";
  const root = style === "kohya" ? "lora_unet" : "unet";
  return (style === "kohya" ? kohya : diffusers).flatMap(([path, channels, depth]) =>
    Array.from({ length: depth }, (_, block) =>
      transformerBlock(`${root}${join}${path}${join}transformer_blocks${join}${block}`, channels, 2048, join),
    ).flat(),
  );
}

const tagFrequency = (tags: Record<string, number>) => JSON.stringify({ "10_pixelcastle style": tags });

/** kohya sd-scripts, SD 1.5, rank 16, alpha 8. */
export function kohyaSd15(withMetadata: boolean): SampleFile {
  const modules = [...sd15Attentions("_"), ...textEncoder("lora_te", 12, 768, "_")];
  return safetensorsFile(
    kohyaTensors(modules, 16, 8),
    withMetadata
      ? {
          ss_network_module: "networks.lora",
          ss_base_model_version: "sd_v1",
          ss_network_dim: "16",
          ss_network_alpha: "8.0",
          ss_output_name: "pixelcastle-sd15",
          ss_resolution: "(512, 512)",
          ss_sd_model_name: "v1-5-pruned-emaonly.safetensors",
          ss_tag_frequency: tagFrequency({ pixelcastle: 40, castle: 31, "1girl": 2, outdoors: 18, sky: 12, tower: 9 }),
        }
      : undefined,
  );
}

/** kohya sd-scripts, SDXL (both text encoders), rank 32, alpha 16; its header is larger than one read. */
export function kohyaSdxl(withMetadata: boolean): SampleFile {
  const modules = [
    ...sdxlAttentions("kohya"),
    ...textEncoder("lora_te1", 12, 768, "_"),
    ...textEncoder("lora_te2", 32, 1280, "_"),
  ];
  return safetensorsFile(
    kohyaTensors(modules, 32, 16),
    withMetadata
      ? {
          ss_network_module: "networks.lora",
          ss_base_model_version: "sdxl_base_v1-0",
          ss_network_dim: "32",
          ss_network_alpha: "16.0",
          ss_output_name: "inkwash-xl",
          ss_resolution: "(1024, 1024)",
          ss_sd_model_name: "sd_xl_base_1.0.safetensors",
          ss_tag_frequency: tagFrequency({ inkwash: 50, "ink painting": 44, monochrome: 20 }),
          "modelspec.sai_model_spec": "1.0.0",
          "modelspec.architecture": "stable-diffusion-xl-v1-base/lora",
          "modelspec.implementation": "https://github.com/Stability-AI/generative-models",
          "modelspec.title": "Ink Wash XL",
          "modelspec.resolution": "1024x1024",
        }
      : undefined,
  );
}

/** diffusers with PEFT, SDXL (UNet and both text encoders), rank 8. */
export function peftSdxl(withMetadata: boolean): SampleFile {
  const modules = [
    ...sdxlAttentions("diffusers"),
    ...textEncoder("text_encoder", 12, 768, "."),
    ...textEncoder("text_encoder_2", 32, 1280, "."),
  ];
  return safetensorsFile(
    peftTensors(modules, 8),
    withMetadata
      ? {
          format: "pt",
          "modelspec.architecture": "stable-diffusion-xl-v1-base/lora",
          "modelspec.title": "Paper Cut XL",
          "modelspec.trigger_phrase": "papercut style",
        }
      : undefined,
  );
}

/** A Flux LoRA as diffusers with PEFT writes it: not for this endpoint. */
export function peftFlux(): SampleFile {
  const modules = Array.from({ length: 19 }, (_, block) =>
    ["to_q", "to_k", "to_v"].map((projection) => ({
      name: `transformer.transformer_blocks.${block}.attn.${projection}`,
      in: 3072,
      out: 3072,
    })),
  )
    .flat()
    .concat(
      Array.from({ length: 38 }, (_, block) => ({
        name: `transformer.single_transformer_blocks.${block}.proj_out`,
        in: 15360,
        out: 3072,
      })),
    );
  return safetensorsFile(peftTensors(modules, 16));
}

/** A single-file SD 1.5 checkpoint's header (a few of its keys; the rest is data). */
export function sd15Checkpoint(): SampleFile {
  const tensor = (name: string, shape: number[]): Tensor => ({ name, shape, dtype: "F16" });
  return safetensorsFile([
    tensor("model.diffusion_model.input_blocks.1.1.transformer_blocks.0.attn2.to_k.weight", [320, 768]),
    tensor("model.diffusion_model.input_blocks.4.1.transformer_blocks.0.attn2.to_k.weight", [640, 768]),
    tensor("cond_stage_model.transformer.text_model.embeddings.token_embedding.weight", [49408, 768]),
    tensor("first_stage_model.decoder.conv_in.weight", [512, 4, 3, 3]),
  ]);
}

/** Files no trainer writes: each must be refused with a clear reason, without reading past the header. */
export const hostileFiles = {
  /** A header length of 2^63. */
  hugeLength: (): SampleFile => lengthClaim(2n ** 63n, 4096),
  /** A header said to be 1 GiB, in a file of a few kilobytes. */
  gibibyteHeader: (): SampleFile => lengthClaim(2n ** 30n, 4096),
  /** A header that is not JSON. */
  notJson: (): SampleFile => fileOf(new TextEncoder().encode("this header is not JSON at all"), 1024),
  /** A header that nests a hundred thousand arrays deep. */
  deeplyNested: (): SampleFile =>
    fileOf(new TextEncoder().encode(`{"a":${"[".repeat(100_000)}${"]".repeat(100_000)}}`), 1024),
  /** A LoRA cut off inside its header. */
  truncated: (): SampleFile => {
    const whole = kohyaSd15(true);
    const size = 8 + 1000;
    return { size, head: whole.head.subarray(0, size), read: (start, end) => whole.read(start, Math.min(end, size)) };
  },
};

function lengthClaim(length: bigint, size: number): SampleFile {
  const head = new Uint8Array(size);
  new DataView(head.buffer).setBigUint64(0, length, true);
  head.fill(0x7b, 8);
  return { size, head, read: (start, end) => head.slice(start, Math.min(end, size)) };
}
