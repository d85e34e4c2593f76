import { describe, expect, it } from "vitest";
import {
  IMAGE_FORMATS,
  isPlusIpAdapter,
  loraInputSchema,
  PREDICTION_TYPES,
  SCHEDULE_METHODS,
  SCHEDULERS,
} from "./input-schema";
import {
  controlNetLimits,
  ipAdapterLimits,
  listLimits,
  loraLimits,
  MAX_SEED,
  type NumberLimit,
  numberLimits,
  type OpenLimit,
  seedLimit,
  textLimits,
} from "./limits";

type Path = (string | number)[];
type Fields = Record<string, unknown>;

const BASE = { model_name: "stabilityai/stable-diffusion-xl-base-1.0", prompt: "a medieval queen" };
const CONTROLNET = { path: "diffusers/controlnet-canny-sdxl-1.0", image_url: "https://example.com/canny.png" };
const IP_ADAPTER = {
  path: "h94/IP-Adapter",
  weight_name: "ip-adapter_sdxl.bin",
  ip_adapter_image_url: "https://example.com/face.png",
};
const PNG_DATA_URI = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJ";

const START_BEFORE_END = "ControlNet start must be below its end.";

const withBase = (fields: Fields): Fields => ({ ...BASE, ...fields });

function issuesOf(input: unknown) {
  const result = loraInputSchema.safeParse(input);
  return result.success ? [] : result.error.issues;
}

function messagesAt(input: unknown, path: Path): string[] {
  const key = JSON.stringify(path);
  return issuesOf(input)
    .filter((issue) => JSON.stringify(issue.path) === key)
    .map((issue) => issue.message);
}

function unknownKeys(input: unknown): { path: PropertyKey[]; keys: string[] }[] {
  return issuesOf(input).flatMap((issue) =>
    issue.code === "unrecognized_keys" ? [{ path: issue.path, keys: issue.keys }] : [],
  );
}

function valueAt(data: unknown, path: Path): unknown {
  return path.reduce<unknown>(
    (node, key) => (typeof node === "object" && node !== null ? (node as Record<string, unknown>)[key] : undefined),
    data,
  );
}

describe("numeric ranges, from the limits table", () => {
  type RangeRow = {
    field: string;
    spec: NumberLimit | OpenLimit;
    path: Path;
    fields: (value: unknown) => Fields;
    /** An edge may be in range yet break start < end; that rule is tested on its own below. */
    crossChecked?: boolean;
  };

  const rows: RangeRow[] = [
    ...Object.entries(numberLimits).map(([field, spec]) => ({
      field,
      spec,
      path: [field],
      fields: (value: unknown) => ({ [field]: value }),
    })),
    { field: "seed", spec: seedLimit, path: ["seed"], fields: (value) => ({ seed: value }) },
    ...Object.entries(loraLimits).map(([field, spec]) => ({
      field: `loras[].${field}`,
      spec,
      path: ["loras", 0, field],
      fields: (value: unknown) => ({ loras: [{ path: "a/lora", [field]: value }] }),
    })),
    ...Object.entries(controlNetLimits).map(([field, spec]) => ({
      field: `controlnets[].${field}`,
      spec,
      path: ["controlnets", 0, field],
      fields: (value: unknown) => ({ controlnets: [{ ...CONTROLNET, [field]: value }] }),
      crossChecked: field === "start_percentage" || field === "end_percentage",
    })),
    ...Object.entries(ipAdapterLimits).map(([field, spec]) => ({
      field: `ip_adapter[].${field}`,
      spec,
      path: ["ip_adapter", 0, field],
      fields: (value: unknown) => ({ ip_adapter: [{ ...IP_ADAPTER, [field]: value }] }),
    })),
  ];
  const below = ({ min, integer }: NumberLimit) => (integer ? min - 1 : min - 0.001);
  const above = ({ max, integer }: NumberLimit) => (integer ? max + 1 : max + 0.001);
  const hasMin = (spec: NumberLimit | OpenLimit): spec is NumberLimit => spec.min !== undefined;
  const hasMax = (spec: NumberLimit | OpenLimit): spec is NumberLimit => spec.max !== undefined;
  // The seed's number form ends where JavaScript's exact integers do; past that, seeds are BigInt (tested below).
  const bounded = rows.filter((row) => hasMax(row.spec) && row.field !== "seed");
  const fromMin = rows.filter((row) => hasMin(row.spec));
  const closed = rows.filter((row) => hasMin(row.spec) && hasMax(row.spec));

  it("covers every ranged field the brief lists", () => {
    expect(rows.map((row) => row.field).sort()).toEqual(
      [
        "clip_skip",
        "controlnets[].conditioning_scale",
        "controlnets[].end_percentage",
        "controlnets[].ip_adapter_index",
        "controlnets[].start_percentage",
        "eta",
        "guidance_scale",
        "ip_adapter[].scale",
        "ip_adapter[].unconditional_noising_factor",
        "loras[].scale",
        "noise_strength",
        "num_images",
        "num_inference_steps",
        "seed",
        "tile_height",
        "tile_stride_height",
        "tile_stride_width",
        "tile_width",
      ].sort(),
    );
  });

  it.each(closed)("$field accepts its minimum and maximum", ({ spec, path, fields, crossChecked }) => {
    for (const value of [spec.min, spec.max]) {
      const rangeMessages = messagesAt(withBase(fields(value)), path).filter(
        (message) => !(crossChecked && message === START_BEFORE_END),
      );
      expect(rangeMessages).toEqual([]);
      if (!crossChecked) expect(valueAt(loraInputSchema.parse(withBase(fields(value))), path)).toBe(value);
    }
  });

  it.each(fromMin)("$field rejects just below its minimum", ({ spec, path, fields }) => {
    if (!hasMin(spec)) return;
    expect(messagesAt(withBase(fields(below(spec))), path)).toContain(`${spec.label} must be at least ${spec.min}.`);
  });

  it.each(bounded)("$field rejects just above its maximum", ({ spec, path, fields }) => {
    if (!hasMax(spec)) return;
    expect(messagesAt(withBase(fields(above(spec))), path)).toContain(`${spec.label} must be at most ${spec.max}.`);
  });

  it.each(rows.filter((row) => row.spec.integer))("$field rejects a fraction", ({ spec, path, fields }) => {
    expect(messagesAt(withBase(fields((spec.min ?? 0) + 0.5)), path)).toEqual([
      `${spec.label} must be a whole number.`,
    ]);
  });

  it.each(rows.filter((row) => !row.spec.integer && !row.crossChecked))(
    "$field accepts a fraction inside its range",
    ({ spec, path, fields }) => {
      const value = (spec.min ?? 0) + spec.step;
      expect(valueAt(loraInputSchema.parse(withBase(fields(value))), path)).toBe(value);
    },
  );

  it.each(rows)("$field rejects a numeric string", ({ spec, path, fields }) => {
    expect(messagesAt(withBase(fields(String(spec.default))), path)).toEqual([`${spec.label} must be a number.`]);
  });

  it("puts no upper bound on the IP adapter scale (the reference only says ≥ 0)", () => {
    const parsed = loraInputSchema.parse(withBase({ ip_adapter: [{ ...IP_ADAPTER, scale: 25 }] }));
    expect(parsed.ip_adapter[0]?.scale).toBe(25);
  });

  it("keeps the LoRA scale within 0..4, as fal's schema does", () => {
    expect(loraLimits.scale).toMatchObject({ min: 0, max: 4, default: 1 });
    expect(messagesAt(withBase({ loras: [{ path: "a/lora", scale: -1 }] }), ["loras", 0, "scale"])).toEqual([
      "LoRA scale must be at least 0.",
    ]);
    expect(messagesAt(withBase({ loras: [{ path: "a/lora", scale: 5 }] }), ["loras", 0, "scale"])).toEqual([
      "LoRA scale must be at most 4.",
    ]);
  });

  it("takes any index for a ControlNet's IP adapter, as fal's schema does", () => {
    for (const ip_adapter_index of [-1, 0, 12]) {
      const parsed = loraInputSchema.parse(withBase({ controlnets: [{ ...CONTROLNET, ip_adapter_index }] }));
      expect(parsed.controlnets[0]?.ip_adapter_index).toBe(ip_adapter_index);
    }
  });
});

describe("numeric ranges, literally from the reference", () => {
  const reference: [keyof typeof numberLimits, number, number, boolean, number][] = [
    ["noise_strength", 0, 1, false, 0.5],
    ["num_inference_steps", 1, 150, true, 30],
    ["guidance_scale", 0, 20, false, 7.5],
    ["clip_skip", 0, 2, true, 0],
    ["num_images", 1, 8, true, 1],
    ["tile_width", 128, 4096, true, 4096],
    ["tile_height", 128, 4096, true, 4096],
    ["tile_stride_width", 64, 2048, true, 2048],
    ["tile_stride_height", 64, 2048, true, 2048],
    ["eta", 0, 1, false, 0],
  ];

  it.each(reference)("%s is %d..%d (integer: %s, default %d) in the limits table", (field, min, max, integer, def) => {
    expect(numberLimits[field]).toMatchObject({ min, max, integer, default: def });
  });

  it("keeps the nested ranges of the reference", () => {
    expect(controlNetLimits.conditioning_scale).toMatchObject({ min: 0, max: 2, default: 1 });
    expect(controlNetLimits.start_percentage).toMatchObject({ min: 0, max: 1, default: 0 });
    expect(controlNetLimits.end_percentage).toMatchObject({ min: 0, max: 1, default: 1 });
    expect(ipAdapterLimits.scale).toMatchObject({ min: 0, default: 1 });
    expect(ipAdapterLimits.unconditional_noising_factor).toMatchObject({ min: 0, max: 1, default: 0 });
  });

  it.each([
    ["num_inference_steps", [1, 150], [0, 151, 29.5]],
    ["tile_stride_width", [64, 2048], [63, 2049]],
    ["tile_stride_height", [64, 2048], [63, 2049]],
    ["tile_width", [128, 4096], [127, 4097]],
    ["tile_height", [128, 4096], [127, 4097]],
    ["num_images", [1, 8], [0, 9]],
    ["clip_skip", [0, 2], [-1, 3]],
    ["guidance_scale", [0, 20], [-0.1, 20.1]],
    ["noise_strength", [0, 1], [-0.01, 1.01]],
    ["eta", [0, 1], [-0.01, 1.01]],
  ] as const)("%s accepts %j and rejects %j", (field, accepted, rejected) => {
    for (const value of accepted) expect(loraInputSchema.parse(withBase({ [field]: value }))[field]).toBe(value);
    for (const value of rejected) expect(messagesAt(withBase({ [field]: value }), [field])).toHaveLength(1);
  });

  it("accepts ControlNet conditioning 0..2 and IP adapter noising 0..1, and nothing past them", () => {
    const controlnet = (conditioning_scale: number) =>
      withBase({ controlnets: [{ ...CONTROLNET, conditioning_scale }] });
    const adapter = (unconditional_noising_factor: number) =>
      withBase({ ip_adapter: [{ ...IP_ADAPTER, unconditional_noising_factor }] });
    expect(issuesOf(controlnet(2))).toEqual([]);
    expect(messagesAt(controlnet(2.01), ["controlnets", 0, "conditioning_scale"])).toEqual([
      "ControlNet conditioning scale must be at most 2.",
    ]);
    expect(issuesOf(adapter(1))).toEqual([]);
    expect(messagesAt(adapter(1.01), ["ip_adapter", 0, "unconditional_noising_factor"])).toEqual([
      "IP adapter unconditional noising factor must be at most 1.",
    ]);
  });
});

describe("enums", () => {
  it("lists exactly the reference's 11 schedulers", () => {
    expect(SCHEDULERS).toEqual([
      "DPM++ 2M",
      "DPM++ 2M Karras",
      "DPM++ 2M SDE",
      "DPM++ 2M SDE Karras",
      "Euler",
      "Euler A",
      "Euler (trailing timesteps)",
      "LCM",
      "LCM (trailing timesteps)",
      "DDIM",
      "TCD",
    ]);
    expect(PREDICTION_TYPES).toEqual(["epsilon", "v_prediction"]);
    expect([...IMAGE_FORMATS].sort()).toEqual(["jpeg", "png"]);
    expect(SCHEDULE_METHODS).toEqual(["default", "array"]);
  });

  it.each(SCHEDULERS)("accepts scheduler %s", (scheduler) => {
    expect(loraInputSchema.parse(withBase({ scheduler })).scheduler).toBe(scheduler);
  });

  it.each(PREDICTION_TYPES)("accepts prediction type %s", (prediction_type) => {
    expect(loraInputSchema.parse(withBase({ prediction_type })).prediction_type).toBe(prediction_type);
  });

  it.each(IMAGE_FORMATS)("accepts image format %s", (image_format) => {
    expect(loraInputSchema.parse(withBase({ image_format })).image_format).toBe(image_format);
  });

  it.each(SCHEDULE_METHODS)("accepts schedule method %s for timesteps and sigmas", (method) => {
    const array = method === "array" ? [1] : [];
    expect(loraInputSchema.parse(withBase({ timesteps: { method, array } })).timesteps).toEqual({ method, array });
    expect(loraInputSchema.parse(withBase({ sigmas: { method, array } })).sigmas).toEqual({ method, array });
  });

  it.each([
    [{ scheduler: "Euler a" }, ["scheduler"], `Scheduler must be one of: ${SCHEDULERS.join(", ")}.`],
    [{ scheduler: "DPM++ 3M" }, ["scheduler"], `Scheduler must be one of: ${SCHEDULERS.join(", ")}.`],
    [{ prediction_type: "sample" }, ["prediction_type"], 'Prediction type must be "epsilon" or "v_prediction".'],
    [{ image_format: "jpg" }, ["image_format"], 'Image format must be "png" or "jpeg".'],
    [{ image_format: "webp" }, ["image_format"], 'Image format must be "png" or "jpeg".'],
    [
      { timesteps: { method: "custom", array: [] } },
      ["timesteps", "method"],
      'Timesteps method must be "default" or "array".',
    ],
    [{ sigmas: { method: "karras", array: [] } }, ["sigmas", "method"], 'Sigmas method must be "default" or "array".'],
  ])("rejects %j with a message", (fields, path, message) => {
    expect(messagesAt(withBase(fields), path)).toEqual([message]);
  });
});

describe("defaults", () => {
  it("fills every top-level default of the reference and adds nothing else", () => {
    expect(loraInputSchema.parse(BASE)).toStrictEqual({
      ...BASE,
      negative_prompt: "",
      prompt_weighting: false,
      noise_strength: 0.5,
      loras: [],
      embeddings: [],
      controlnets: [],
      controlnet_guess_mode: false,
      ip_adapter: [],
      image_encoder_weight_name: "pytorch_model.bin",
      num_inference_steps: 30,
      guidance_scale: 7.5,
      clip_skip: 0,
      rescale_betas_snr_zero: false,
      num_images: 1,
      enable_safety_checker: false,
      tile_width: 4096,
      tile_height: 4096,
      tile_stride_width: 2048,
      tile_stride_height: 2048,
      eta: 0,
      debug_latents: false,
      debug_per_pass_latents: false,
    });
  });

  it("fills the defaults of every nested item", () => {
    const parsed = loraInputSchema.parse(
      withBase({
        loras: [{ path: "a/lora" }],
        embeddings: [{ path: "a/embedding" }],
        controlnets: [CONTROLNET],
        ip_adapter: [IP_ADAPTER],
      }),
    );
    expect(parsed.loras).toStrictEqual([{ path: "a/lora", scale: 1 }]);
    expect(parsed.embeddings).toStrictEqual([{ path: "a/embedding", tokens: ["<s0>", "<s1>"] }]);
    expect(parsed.controlnets).toStrictEqual([
      { ...CONTROLNET, conditioning_scale: 1, start_percentage: 0, end_percentage: 1 },
    ]);
    expect(parsed.ip_adapter).toStrictEqual([
      { ...IP_ADAPTER, scale: 1, unconditional_noising_factor: 0, image_projection_shortcut: true },
    ]);
  });

  it("leaves the choices fal's schema gives no default out, for the app to fill in", () => {
    const parsed = loraInputSchema.parse(BASE);
    for (const key of ["scheduler", "prediction_type", "image_format", "timesteps", "sigmas"] as const)
      expect(parsed).not.toHaveProperty(key);
  });

  it("fills a schedule's array when only its method is given", () => {
    expect(loraInputSchema.parse(withBase({ timesteps: { method: "default" } })).timesteps).toEqual({
      method: "default",
      array: [],
    });
  });

  it("keeps values the caller sent over the defaults", () => {
    const parsed = loraInputSchema.parse(
      withBase({
        negative_prompt: "blurry",
        num_inference_steps: 12,
        image_format: "jpeg",
        loras: [{ path: "l", scale: 0.6 }],
      }),
    );
    expect(parsed).toMatchObject({ negative_prompt: "blurry", num_inference_steps: 12, image_format: "jpeg" });
    expect(parsed.loras[0]).toEqual({ path: "l", scale: 0.6 });
  });

  it("accepts the model page's example request unchanged", () => {
    const example = {
      model_name: "stabilityai/stable-diffusion-xl-base-1.0",
      prompt: "Photo of a european medieval 40 year old queen, silver hair, highly detailed face",
      negative_prompt: "cartoon, painting, illustration, worst quality, low quality, normal quality",
      prompt_weighting: true,
      noise_strength: 0.5,
      loras: [],
      embeddings: [],
      controlnets: [],
      ip_adapter: [],
      image_encoder_weight_name: "pytorch_model.bin",
      num_inference_steps: 30,
      guidance_scale: 7.5,
      timesteps: { method: "default", array: [] },
      sigmas: { method: "default", array: [] },
      image_format: "jpeg",
      num_images: 1,
      tile_width: 4096,
      tile_height: 4096,
      tile_stride_width: 2048,
      tile_stride_height: 2048,
    };
    expect(loraInputSchema.parse(example)).toMatchObject(example);
  });
});

describe("required fields", () => {
  it.each([
    ["model_name missing", { prompt: "p" }, ["model_name"], "Model is required."],
    ["model_name blank", { model_name: "  ", prompt: "p" }, ["model_name"], "Model is required."],
    ["prompt missing", { model_name: "m" }, ["prompt"], "Prompt is required."],
    ["LoRA path", withBase({ loras: [{ scale: 0.5 }] }), ["loras", 0, "path"], "LoRA path is required."],
    [
      "embedding path",
      withBase({ embeddings: [{ tokens: ["<x>"] }] }),
      ["embeddings", 0, "path"],
      "Embedding path is required.",
    ],
    [
      "ControlNet path",
      withBase({ controlnets: [{ image_url: CONTROLNET.image_url }] }),
      ["controlnets", 0, "path"],
      "ControlNet path is required.",
    ],
    [
      "ControlNet image",
      withBase({ controlnets: [{ path: CONTROLNET.path }] }),
      ["controlnets", 0, "image_url"],
      "ControlNet control image is required.",
    ],
    [
      "IP adapter path",
      withBase({ ip_adapter: [{ ip_adapter_image_url: IP_ADAPTER.ip_adapter_image_url }] }),
      ["ip_adapter", 0, "path"],
      "IP adapter path is required.",
    ],
    [
      "IP adapter image",
      withBase({ ip_adapter: [{ path: IP_ADAPTER.path }] }),
      ["ip_adapter", 0, "ip_adapter_image_url"],
      "IP adapter image is required.",
    ],
  ])("%s is reported at its path", (_name, input, path, message) => {
    expect(messagesAt(input, path)).toEqual([message]);
  });

  it("reports a missing field in a later list item at that item's index", () => {
    const input = withBase({ loras: [{ path: "a" }, { path: "b" }, { scale: 1 }] });
    expect(issuesOf(input).map((issue) => issue.path)).toEqual([["loras", 2, "path"]]);
  });

  it("takes a blank prompt, as fal's schema does, and sends prompts as they were typed", () => {
    expect(loraInputSchema.parse({ model_name: "m", prompt: "" }).prompt).toBe("");
    expect(loraInputSchema.parse({ model_name: "m", prompt: " a fox \n" }).prompt).toBe(" a fox \n");
  });

  it("trims model and weight paths", () => {
    const parsed = loraInputSchema.parse({ model_name: "  org/model ", prompt: "p", loras: [{ path: " org/lora\n" }] });
    expect(parsed.model_name).toBe("org/model");
    expect(parsed.loras[0]?.path).toBe("org/lora");
  });
});

describe("cross-field rules", () => {
  const customTimesteps = { method: "array", array: [999, 500, 1] };
  const customSigmas = { method: "array", array: [14.6, 1.2, 0] };

  it("accepts custom timesteps alone and custom sigmas alone", () => {
    expect(loraInputSchema.parse(withBase({ timesteps: customTimesteps })).timesteps).toEqual(customTimesteps);
    expect(loraInputSchema.parse(withBase({ sigmas: customSigmas })).sigmas).toEqual(customSigmas);
  });

  it("rejects custom timesteps together with custom sigmas, at sigmas", () => {
    expect(issuesOf(withBase({ timesteps: customTimesteps, sigmas: customSigmas })).map((i) => i.path)).toEqual([
      ["sigmas"],
    ]);
    expect(messagesAt(withBase({ timesteps: customTimesteps, sigmas: customSigmas }), ["sigmas"])).toEqual([
      "Custom timesteps and custom sigmas cannot be used together; choose one.",
    ]);
  });

  it.each([
    [
      { timesteps: { method: "array", array: [] } },
      ["timesteps", "array"],
      "Give at least one value for custom timesteps.",
    ],
    [{ timesteps: { method: "array" } }, ["timesteps", "array"], "Give at least one value for custom timesteps."],
    [{ sigmas: { method: "array", array: [] } }, ["sigmas", "array"], "Give at least one value for custom sigmas."],
    [{ timesteps: { method: "array", array: [10.5] } }, ["timesteps", "array", 0], "Timesteps must be whole numbers."],
    [{ timesteps: { method: "array", array: [5, -1] } }, ["timesteps", "array", 1], "Timesteps cannot be negative."],
    [{ sigmas: { method: "array", array: [-0.5] } }, ["sigmas", "array", 0], "Sigmas cannot be negative."],
  ])("rejects the schedule %j", (fields, path, message) => {
    expect(messagesAt(withBase(fields), path)).toEqual([message]);
  });

  it("accepts a ControlNet whose start is below its end", () => {
    const parsed = loraInputSchema.parse(
      withBase({ controlnets: [{ ...CONTROLNET, start_percentage: 0.2, end_percentage: 0.8 }] }),
    );
    expect(parsed.controlnets[0]).toMatchObject({ start_percentage: 0.2, end_percentage: 0.8 });
  });

  it.each([
    [0.5, 0.5],
    [0.8, 0.2],
    [1, 1],
  ])(
    "rejects ControlNet start %d with end %d, at start_percentage as fal's app does",
    (start_percentage, end_percentage) => {
      const input = withBase({ controlnets: [CONTROLNET, { ...CONTROLNET, start_percentage, end_percentage }] });
      expect(issuesOf(input).map((issue) => issue.path)).toEqual([["controlnets", 1, "start_percentage"]]);
      expect(messagesAt(input, ["controlnets", 1, "start_percentage"])).toEqual([START_BEFORE_END]);
    },
  );

  it("rejects an image encoder subfolder without an image encoder path", () => {
    expect(
      messagesAt(withBase({ image_encoder_subfolder: "models/image_encoder" }), ["image_encoder_subfolder"]),
    ).toEqual(["An image encoder subfolder needs an image encoder path."]);
    expect(
      issuesOf(withBase({ image_encoder_subfolder: "models/image_encoder", image_encoder_path: "h94/IP-Adapter" })),
    ).toEqual([]);
  });

  const plusAdapters = [
    { path: "h94/IP-Adapter", weight_name: "ip-adapter-plus_sdxl_vit-h.safetensors" },
    { path: "https://huggingface.co/h94/IP-Adapter/resolve/main/models/ip-adapter-plus-face_sd15.bin" },
    { path: "h94/IP-Adapter", weight_name: "IP-Adapter-Plus.bin" },
  ];
  const plainAdapters = [
    { path: "h94/IP-Adapter", weight_name: "ip-adapter_sdxl.bin" },
    { path: "h94/IP-Adapter-FaceID", weight_name: "ip-adapter-faceid_sdxl.bin" },
  ];

  it.each(plusAdapters)("rejects plus weights %j without an image encoder, at the adapter's path", (weights) => {
    const input = withBase({ ip_adapter: [IP_ADAPTER, { ...IP_ADAPTER, weight_name: undefined, ...weights }] });
    expect(isPlusIpAdapter(weights)).toBe(true);
    expect(messagesAt(input, ["ip_adapter", 1, "path"])).toEqual([
      'IP-Adapter "plus" weights need an image encoder: set the image encoder path.',
    ]);
  });

  it.each(plusAdapters)("accepts plus weights %j with an image encoder", (weights) => {
    const input = withBase({
      image_encoder_path: "h94/IP-Adapter",
      image_encoder_subfolder: "models/image_encoder",
      ip_adapter: [{ ...IP_ADAPTER, weight_name: undefined, ...weights }],
    });
    expect(issuesOf(input)).toEqual([]);
  });

  it.each(plainAdapters)("accepts non-plus weights %j without an image encoder", (weights) => {
    expect(isPlusIpAdapter(weights)).toBe(false);
    expect(issuesOf(withBase({ ip_adapter: [{ ...IP_ADAPTER, ...weights }] }))).toEqual([]);
  });

  it("accepts one embedding and rejects two", () => {
    const one = [{ path: "a/embedding", tokens: ["<a>"] }];
    expect(loraInputSchema.parse(withBase({ embeddings: one })).embeddings).toEqual(one);
    expect(messagesAt(withBase({ embeddings: [...one, { path: "b/embedding" }] }), ["embeddings"])).toEqual([
      "This endpoint takes at most 1 embedding.",
    ]);
  });
});

describe("list lengths", () => {
  const times = <T>(count: number, item: (index: number) => T) =>
    Array.from({ length: count }, (_, index) => item(index));
  const lists: [string, Path, (count: number) => Fields, number][] = [
    [
      "LoRAs",
      ["loras"],
      (count) => ({ loras: times(count, (index) => ({ path: `user/lora-${index}` })) }),
      listLimits.loras.max,
    ],
    [
      "ControlNets",
      ["controlnets"],
      (count) => ({ controlnets: times(count, () => CONTROLNET) }),
      listLimits.controlnets.max,
    ],
    [
      "IP adapters",
      ["ip_adapter"],
      (count) => ({ ip_adapter: times(count, () => IP_ADAPTER) }),
      listLimits.ip_adapter.max,
    ],
    [
      "IP adapter images",
      ["ip_adapter", 0, "ip_adapter_image_url"],
      (count) => ({
        ip_adapter: [{ ...IP_ADAPTER, ip_adapter_image_url: times(count, () => "https://example.com/a.png") }],
      }),
      listLimits.ip_adapter_images.max,
    ],
    [
      "embedding tokens",
      ["embeddings", 0, "tokens"],
      (count) => ({ embeddings: [{ path: "a/embedding", tokens: times(count, (index) => `<t${index}>`) }] }),
      listLimits.embedding_tokens.max,
    ],
    [
      "timesteps",
      ["timesteps", "array"],
      (count) => ({ timesteps: { method: "array", array: times(count, (index) => index) } }),
      listLimits.schedule.max,
    ],
    [
      "sigmas",
      ["sigmas", "array"],
      (count) => ({ sigmas: { method: "array", array: times(count, () => 0.5) } }),
      listLimits.schedule.max,
    ],
  ];

  it.each(lists)("takes as many %s as the bound, and refuses one more on the list itself", (_name, path, list, max) => {
    expect(issuesOf(withBase(list(max)))).toEqual([]);
    const [message, ...others] = messagesAt(withBase(list(max + 1)), path);
    expect(message).toMatch(new RegExp(`^At most ${max} .+\\.$`));
    expect(others).toEqual([]);
  });

  it("keeps the bounds far above real use", () => {
    expect(listLimits.loras.max).toBeGreaterThanOrEqual(16);
    expect(listLimits.controlnets.max).toBeGreaterThanOrEqual(4);
    expect(listLimits.schedule.max).toBeGreaterThanOrEqual(numberLimits.num_inference_steps.max);
  });
});

describe("image URL fields", () => {
  const fields: [string, string, (url: unknown) => Fields, Path][] = [
    ["Init image", "image_url", (url) => ({ image_url: url }), ["image_url"]],
    [
      "IC-Light background image",
      "ic_light_model_background_image_url",
      (url) => ({ ic_light_model_background_image_url: url }),
      ["ic_light_model_background_image_url"],
    ],
    ["IC-Light image", "ic_light_image_url", (url) => ({ ic_light_image_url: url }), ["ic_light_image_url"]],
    [
      "ControlNet control image",
      "controlnets[].image_url",
      (url) => ({ controlnets: [{ ...CONTROLNET, image_url: url }] }),
      ["controlnets", 0, "image_url"],
    ],
    [
      "ControlNet mask",
      "controlnets[].mask_url",
      (url) => ({ controlnets: [{ ...CONTROLNET, mask_url: url }] }),
      ["controlnets", 0, "mask_url"],
    ],
    [
      "IP adapter image",
      "ip_adapter[].ip_adapter_image_url",
      (url) => ({ ip_adapter: [{ ...IP_ADAPTER, ip_adapter_image_url: url }] }),
      ["ip_adapter", 0, "ip_adapter_image_url"],
    ],
    [
      "IP adapter image",
      "ip_adapter[].ip_adapter_image_url[]",
      (url) => ({ ip_adapter: [{ ...IP_ADAPTER, ip_adapter_image_url: [IP_ADAPTER.ip_adapter_image_url, url] }] }),
      ["ip_adapter", 0, "ip_adapter_image_url", 1],
    ],
    [
      "IP adapter mask",
      "ip_adapter[].ip_adapter_mask_url",
      (url) => ({ ip_adapter: [{ ...IP_ADAPTER, ip_adapter_mask_url: url }] }),
      ["ip_adapter", 0, "ip_adapter_mask_url"],
    ],
  ];
  const accepted = [
    "https://example.com/photo.png",
    "http://127.0.0.1:3000/init.jpg?x=1",
    "https://v3.fal.media/files/koala/abc.png",
    PNG_DATA_URI,
    "data:image/jpeg;base64,/9j/4AAQSkZJRg==",
    "data:image/svg+xml;charset=utf-8;base64,PHN2Zz4=",
  ];
  const rejected = [
    "example.com/photo.png",
    "ftp://example.com/photo.png",
    "https://",
    "https://exa mple.com/a.png",
    "javascript:alert(1)",
    "data:text/plain;base64,SGVsbG8=",
    "data:image/png,rawbytes",
    "data:image/png;base64,not*base64",
  ];

  it.each(fields)("%s (%s) accepts http(s) URLs and base64 image data URIs", (_label, _field, build, path) => {
    for (const url of accepted) expect(valueAt(loraInputSchema.parse(withBase(build(url))), path)).toBe(url);
  });

  it.each(fields)("%s (%s) rejects other strings", (label, _field, build, path) => {
    for (const url of rejected) {
      expect(messagesAt(withBase(build(url)), path)).toEqual([
        `${label} must be an http(s) URL or a base64 image data URI.`,
      ]);
    }
  });

  it("trims surrounding whitespace from an image URL", () => {
    expect(loraInputSchema.parse(withBase({ image_url: "  https://example.com/a.png\n" })).image_url).toBe(
      "https://example.com/a.png",
    );
  });

  it("accepts one IP adapter image or a non-empty list of them", () => {
    const list = ["https://example.com/a.png", PNG_DATA_URI];
    const parsed = loraInputSchema.parse(withBase({ ip_adapter: [{ ...IP_ADAPTER, ip_adapter_image_url: list }] }));
    expect(parsed.ip_adapter[0]?.ip_adapter_image_url).toEqual(list);
  });

  it("rejects an empty list of IP adapter images", () => {
    const input = withBase({ ip_adapter: [{ ...IP_ADAPTER, ip_adapter_image_url: [] }] });
    expect(messagesAt(input, ["ip_adapter", 0, "ip_adapter_image_url"])).toEqual([
      "Add at least one IP adapter image.",
    ]);
  });

  it("rejects an IP adapter image that is neither a string nor a list, with a message of its own", () => {
    const input = withBase({ ip_adapter: [{ ...IP_ADAPTER, ip_adapter_image_url: 42 }] });
    expect(messagesAt(input, ["ip_adapter", 0, "ip_adapter_image_url"])).toEqual([
      "IP adapter image must be an http(s) URL, a base64 image data URI, or a list of them.",
    ]);
  });
});

describe("unknown fields", () => {
  it.each([
    ["top level", { width: 1024, height: 1024 }, [], ["width", "height"]],
    ["a LoRA", { loras: [{ path: "l", weight: 1 }] }, ["loras", 0], ["weight"]],
    ["a LoRA (other endpoints' force)", { loras: [{ path: "l", force: true }] }, ["loras", 0], ["force"]],
    ["an embedding", { embeddings: [{ path: "e", token: "<s0>" }] }, ["embeddings", 0], ["token"]],
    [
      "a ControlNet",
      { controlnets: [{ ...CONTROLNET, control_image_url: "x" }] },
      ["controlnets", 0],
      ["control_image_url"],
    ],
    [
      "an IP adapter (the other endpoint's image_encoder_path)",
      { ip_adapter: [{ ...IP_ADAPTER, image_encoder_path: "h94/IP-Adapter" }] },
      ["ip_adapter", 0],
      ["image_encoder_path"],
    ],
    ["timesteps", { timesteps: { method: "default", array: [], count: 3 } }, ["timesteps"], ["count"]],
    ["sigmas", { sigmas: { method: "default", array: [], kind: "karras" } }, ["sigmas"], ["kind"]],
  ])("are rejected in %s", (_where, fields, path, keys) => {
    expect(unknownKeys(withBase(fields))).toEqual([{ path, keys }]);
  });
});

describe("seeds", () => {
  it("takes every integer JavaScript holds exactly, from 0", () => {
    for (const seed of [0, 1, 4294967296, Number.MAX_SAFE_INTEGER])
      expect(loraInputSchema.parse(withBase({ seed })).seed).toBe(seed);
  });

  it("takes fal's 64-bit seeds exactly, as BigInt, up to 2^64 - 1", () => {
    for (const seed of [196619188014358660n, MAX_SEED, 5n])
      expect(loraInputSchema.parse(withBase({ seed })).seed).toBe(seed);
  });

  it.each([
    [-1, "Seed must be at least 0."],
    [-1n, "Seed must be at least 0."],
    [MAX_SEED + 1n, `Seed must be at most ${MAX_SEED}.`],
    [1.5, "Seed must be a whole number."],
    [1e19, "Seed is beyond 9007199254740991, where this browser holds numbers only roughly: give it as exact digits."],
    ["42", "Seed must be a number."],
  ])("refuses %s with a message of its own", (seed, message) => {
    expect(messagesAt(withBase({ seed }), ["seed"])).toEqual([message]);
  });
});

describe("text lengths", () => {
  it.each([
    ["prompt", "Prompt", textLimits.prompt],
    ["negative_prompt", "Negative prompt", textLimits.prompt],
    ["model_name", "Model", textLimits.location],
    ["variant", "Variant", textLimits.name],
  ] as const)("%s takes %s up to its bound and names one character more", (field, label, max) => {
    const filler = field === "model_name" ? "m" : "a";
    expect(issuesOf(withBase({ [field]: filler.repeat(max) }))).toEqual([]);
    expect(messagesAt(withBase({ [field]: filler.repeat(max + 1) }), [field])).toEqual([
      `${label} must be at most ${max.toLocaleString("en-US")} characters.`,
    ]);
  });

  it("bounds an image URL at the location bound, and a data URI at the image size bound", () => {
    const url = `https://example.com/${"a".repeat(textLimits.location)}.png`;
    expect(messagesAt(withBase({ image_url: url }), ["image_url"])).toEqual([
      `Init image must be at most ${textLimits.location.toLocaleString("en-US")} characters.`,
    ]);
    const dataUri = `data:image/png;base64,${"A".repeat(4 * 1024 * 1024)}`;
    expect(issuesOf(withBase({ image_url: dataUri }))).toEqual([]);
  });
});
