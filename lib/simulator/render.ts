import "server-only";

import sharp, { type ResizeOptions } from "sharp";

import type { LoraInput } from "@/lib/fal/input-schema";

import { type LoadImage, type RenderedImage, SimulatorInputError } from "./types";

type Loc = (string | number)[];
type Size = { width: number; height: number };
type Rgb = [number, number, number];
/** 8-bit sRGB pixels, 3 channels, row by row. */
export type RgbImage = Size & { pixels: Buffer };
type Weighted = { image: RgbImage; weight: number };
type ColourStats = { mean: Rgb; std: Rgb };
type Style = ColourStats & { weight: number };
type Scene = {
  size: Size;
  init: Buffer | undefined;
  tint: Rgb;
  /** Premultiplied RGB plus alpha per pixel: the LoRA marks composited together. */
  overlay: Float32Array | undefined;
  edges: Float32Array | undefined;
  style: Style | undefined;
  badge: Badge;
};
type Badge = Size & { rgba: Buffer; left: number; top: number };

const INIT_LOC: Loc = ["body", "image_url"];
const DEFAULT_SIZE: Size = { width: 512, height: 512 };
const MAX_SIDE = 2048;
const MIN_SIDE = 64;
const MAX_INPUT_PIXELS = 8192 * 8192;
const PROMPT_TINT = 0.25;
const NEGATIVE_TINT = 0.1;
const GRAIN = 6;
const INK_DARK = 16;
const INK_LIGHT = 240;
/** One period of a LoRA's stripe profile, sampled so the pixel loop needs no Math.sin. */
const STRIPE_STEPS = 1024;
const STRIPE = Float32Array.from({ length: STRIPE_STEPS }, (_, step) => {
  const wave = 0.5 + 0.5 * Math.sin((2 * Math.PI * step) / STRIPE_STEPS);
  return wave * wave * wave;
});

const WITHIN_MAX_SIDE: ResizeOptions = {
  width: MAX_SIDE,
  height: MAX_SIDE,
  fit: "inside",
  withoutEnlargement: true,
};

/** IP-adapter images only lend their colour statistics, so a small sample is enough. */
const STYLE_SAMPLE: ResizeOptions = { width: 256, height: 256, fit: "inside", withoutEnlargement: true };

/** Decodes an image input to raw RGB; undecodable bytes become a 422 on the field at `loc`. */
export async function decodeImage(
  bytes: Buffer,
  loc: Loc,
  resize: ResizeOptions = WITHIN_MAX_SIDE,
): Promise<RgbImage> {
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS })
      .autoOrient()
      .resize(resize)
      .toColourspace("srgb")
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { pixels: data, width: info.width, height: info.height };
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).replace(/\.?\s*$/, ".");
    throw new SimulatorInputError(loc, `${imageLabel(loc)} could not be decoded as an image: ${reason}`);
  }
}

/** Renders `num_images` procedural previews; the same input and seed give the same bytes. */
export async function renderImages(input: LoraInput, seed: number, loadImage: LoadImage): Promise<RenderedImage[]> {
  const scene = await prepareScene(input, loadImage);
  const images: RenderedImage[] = [];
  for (let index = 0; index < input.num_images; index++) {
    const random = mulberry32(mix32((seed >>> 0) ^ Math.imul(index + 1, 0x9e3779b9)));
    const base = scene.init ?? gradient(scene.size, random);
    const pixels = paint(scene, base, random, input.noise_strength);
    if (scene.style) transferStyle(pixels, scene.style);
    stampBadge(pixels, scene.size.width, scene.badge);
    images.push(await encode(pixels, scene.size, input.image_format));
  }
  return images;
}

function imageLabel(loc: Loc): string {
  if (loc.includes("controlnets")) return "Control image";
  if (loc.includes("ip_adapter")) return "IP adapter image";
  return "Init image";
}

async function prepareScene(input: LoraInput, loadImage: LoadImage): Promise<Scene> {
  const initImage = input.image_url
    ? loadImage(input.image_url, INIT_LOC).then(decodeInit)
    : Promise.resolve(undefined);
  // Control images are resized to the output size, so they wait for the init image.
  const controls = settleInOrder(
    input.controlnets.map(async (controlnet, index) => {
      const loc = ["body", "controlnets", index, "image_url"];
      const [bytes, init] = await Promise.all([loadImage(controlnet.image_url, loc), initImage]);
      const image = await decodeImage(bytes, loc, { ...sizeOf(init), fit: "fill" });
      const activeShare = controlnet.end_percentage - controlnet.start_percentage;
      return { image, weight: controlnet.conditioning_scale * activeShare };
    }),
  );
  const styles = settleInOrder(
    input.ip_adapter.map(async (adapter, index) => {
      const images = adapter.ip_adapter_image_url;
      const [url = ""] = [images].flat();
      const loc = ["body", "ip_adapter", index, "ip_adapter_image_url", ...(Array.isArray(images) ? [0] : [])];
      const bytes = await loadImage(url, loc);
      const image = await decodeImage(bytes, loc, STYLE_SAMPLE);
      return { image, weight: adapter.scale };
    }),
  );
  // Waiting for every load before rethrowing reports the first failing field in input order.
  const [initResult, controlResult, styleResult] = await Promise.allSettled([initImage, controls, styles]);
  const init = unwrap(initResult);
  const [controlImages, styleImages] = [unwrap(controlResult), unwrap(styleResult)];

  const size = sizeOf(init);
  return {
    size,
    init: init?.pixels,
    tint: promptTint(input.prompt, input.negative_prompt),
    overlay: loraOverlay(input.loras, size),
    edges: controlEdges(controlImages, size),
    style: combineStyles(styleImages),
    badge: await simulatedBadge(size),
  };
}

function sizeOf(init: RgbImage | undefined): Size {
  return init ? { width: init.width, height: init.height } : DEFAULT_SIZE;
}

async function decodeInit(bytes: Buffer): Promise<RgbImage> {
  const image = await decodeImage(bytes, INIT_LOC);
  if (image.width >= MIN_SIDE && image.height >= MIN_SIDE) return image;
  const floored = { width: Math.max(MIN_SIDE, image.width), height: Math.max(MIN_SIDE, image.height) };
  return decodeImage(bytes, INIT_LOC, { ...floored, fit: "fill" });
}

function unwrap<T>(result: PromiseSettledResult<T>): T {
  if (result.status === "rejected") throw result.reason;
  return result.value;
}

async function settleInOrder<T>(tasks: Promise<T>[]): Promise<T[]> {
  return (await Promise.allSettled(tasks)).map(unwrap);
}

function gradient({ width, height }: Size, random: () => number): Buffer {
  const from = hueColour(random() * 360);
  const to = hueColour(random() * 360).map((value) => value * 0.5);
  const angle = random() * Math.PI * 2;
  const [dx, dy] = [Math.cos(angle), Math.sin(angle)];
  const reach = Math.abs(dx) * width + Math.abs(dy) * height;
  const [glowX, glowY, glowRadius] = [random() * width, random() * height, (0.3 + random() * 0.4) * width];
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0, i = 0; y < height; y++) {
    for (let x = 0; x < width; x++, i += 3) {
      const t = 0.5 + ((x - width / 2) * dx + (y - height / 2) * dy) / reach;
      const glow = 80 * Math.max(0, 1 - Math.hypot(x - glowX, y - glowY) / glowRadius);
      for (let c = 0; c < 3; c++) {
        const start = from[c] ?? 0;
        pixels[i + c] = Math.min(255, start + ((to[c] ?? 0) - start) * t + glow);
      }
    }
  }
  return pixels;
}

function paint(scene: Scene, base: Buffer, random: () => number, noiseStrength: number): Uint8ClampedArray {
  const { overlay, edges, tint } = scene;
  const out = new Uint8ClampedArray(base.length);
  const noisy = (value: number) => {
    const noise = random();
    return value + noiseStrength * (noise * 255 - value) + (noise - 0.5) * GRAIN;
  };
  for (let p = 0, i = 0; i < base.length; p++, i += 3) {
    let r = noisy(base[i] ?? 0) + tint[0];
    let g = noisy(base[i + 1] ?? 0) + tint[1];
    let b = noisy(base[i + 2] ?? 0) + tint[2];
    if (overlay) {
      const keep = 1 - (overlay[p * 4 + 3] ?? 0);
      r = r * keep + (overlay[p * 4] ?? 0);
      g = g * keep + (overlay[p * 4 + 1] ?? 0);
      b = b * keep + (overlay[p * 4 + 2] ?? 0);
    }
    const edge = edges ? Math.min(1, edges[p] ?? 0) : 0;
    if (edge > 0) {
      const ink = luma(r, g, b) >= 128 ? INK_DARK : INK_LIGHT;
      r += edge * (ink - r);
      g += edge * (ink - g);
      b += edge * (ink - b);
    }
    out[i] = r;
    out[i + 1] = g;
    out[i + 2] = b;
  }
  return out;
}

function promptTint(prompt: string, negativePrompt: string): Rgb {
  const chroma = (text: string) => {
    const colour = hueColour(hashText(text) % 360);
    const grey = luma(...colour);
    return colour.map((value) => value - grey);
  };
  const wanted = chroma(prompt);
  const unwanted = negativePrompt.trim() ? chroma(negativePrompt) : [0, 0, 0];
  return wanted.map((value, c) => PROMPT_TINT * value - NEGATIVE_TINT * (unwanted[c] ?? 0)) as Rgb;
}

/** Each LoRA leaves diagonal stripes in its own colour (complementary when negative), as strong as |scale|. */
function loraOverlay(loras: LoraInput["loras"], { width, height }: Size): Float32Array | undefined {
  const marks = loras.filter((lora) => lora.scale !== 0);
  if (marks.length === 0) return undefined;
  const overlay = new Float32Array(width * height * 4);
  for (const lora of marks) {
    const hash = hashText(lora.path);
    const [red, green, blue] = hueColour(hash % 360).map((value) => (lora.scale < 0 ? 255 - value : value));
    const strength = Math.min(0.8, Math.abs(lora.scale) * 0.2);
    const angle = (((hash >>> 9) % 180) * Math.PI) / 180;
    const period = Math.min(width, height) * (0.05 + ((hash >>> 17) % 100) / 1000);
    const [stepX, stepY] = [(Math.cos(angle) * STRIPE_STEPS) / period, (Math.sin(angle) * STRIPE_STEPS) / period];
    for (let y = 0, o = 0; y < height; y++) {
      for (let x = 0; x < width; x++, o += 4) {
        const alpha = strength * (STRIPE[(y * stepY + x * stepX) & (STRIPE_STEPS - 1)] ?? 0);
        const keep = 1 - alpha;
        overlay[o] = (red ?? 0) * alpha + (overlay[o] ?? 0) * keep;
        overlay[o + 1] = (green ?? 0) * alpha + (overlay[o + 1] ?? 0) * keep;
        overlay[o + 2] = (blue ?? 0) * alpha + (overlay[o + 2] ?? 0) * keep;
        overlay[o + 3] = alpha + (overlay[o + 3] ?? 0) * keep;
      }
    }
  }
  return overlay;
}

/** Sobel edges of every control image, summed by weight. */
function controlEdges(controls: Weighted[], { width, height }: Size): Float32Array | undefined {
  const weighted = controls.filter((control) => control.weight > 0);
  if (weighted.length === 0) return undefined;
  const edges = new Float32Array(width * height);
  const grey = new Float32Array(width * height);
  for (const { image, weight } of weighted) {
    for (let p = 0, i = 0; p < grey.length; p++, i += 3) {
      grey[p] = luma(image.pixels[i] ?? 0, image.pixels[i + 1] ?? 0, image.pixels[i + 2] ?? 0);
    }
    const at = (q: number) => grey[q] ?? 0;
    for (let y = 1; y < height - 1; y++) {
      for (let x = 1, p = y * width + 1; x < width - 1; x++, p++) {
        const [up, down] = [p - width, p + width];
        const gx = at(up + 1) + 2 * at(p + 1) + at(down + 1) - at(up - 1) - 2 * at(p - 1) - at(down - 1);
        const gy = at(down - 1) + 2 * at(down) + at(down + 1) - at(up - 1) - 2 * at(up) - at(up + 1);
        // 1020 is the Sobel response of a black-to-white step.
        edges[p] = (edges[p] ?? 0) + (weight * Math.min(1, Math.sqrt(gx * gx + gy * gy) / 1020));
      }
    }
  }
  return edges;
}

function combineStyles(styles: Weighted[]): Style | undefined {
  const weighted = styles.map(({ image, weight }) => ({ ...channelStats(image.pixels), weight: clamp(weight, 0, 1) }));
  const total = weighted.reduce((sum, style) => sum + style.weight, 0);
  if (total === 0) return undefined;
  const blend = (pick: (style: ColourStats) => Rgb): Rgb =>
    [0, 1, 2].map((c) => weighted.reduce((sum, style) => sum + (pick(style)[c] ?? 0) * style.weight, 0) / total) as Rgb;
  return { mean: blend((style) => style.mean), std: blend((style) => style.std), weight: Math.min(1, total) };
}

/** Moves each channel's mean and spread towards the IP-adapter images', by the adapters' weight. */
function transferStyle(pixels: Uint8ClampedArray, style: Style): void {
  const own = channelStats(pixels);
  const table = new Uint8ClampedArray(256 * 3);
  for (const c of [0, 1, 2] as const) {
    const gain = style.std[c] / Math.max(own.std[c], 1);
    for (let value = 0; value < 256; value++) {
      const moved = (value - own.mean[c]) * gain + style.mean[c];
      table[c * 256 + value] = value + style.weight * (moved - value);
    }
  }
  for (let i = 0; i < pixels.length; i += 3) {
    pixels[i] = table[pixels[i] ?? 0] ?? 0;
    pixels[i + 1] = table[256 + (pixels[i + 1] ?? 0)] ?? 0;
    pixels[i + 2] = table[512 + (pixels[i + 2] ?? 0)] ?? 0;
  }
}

function channelStats(pixels: ArrayLike<number>): ColourStats {
  const sums = [0, 0, 0];
  const squares = [0, 0, 0];
  for (let i = 0; i < pixels.length; i += 3) {
    for (let c = 0; c < 3; c++) {
      const value = pixels[i + c] ?? 0;
      sums[c] = (sums[c] ?? 0) + value;
      squares[c] = (squares[c] ?? 0) + value * value;
    }
  }
  const count = Math.max(1, pixels.length / 3);
  const mean = sums.map((sum) => sum / count) as Rgb;
  const std = squares.map((square, c) => Math.sqrt(Math.max(0, square / count - (mean[c] ?? 0) ** 2))) as Rgb;
  return { mean, std };
}

async function encode(pixels: Uint8ClampedArray, size: Size, format: "png" | "jpeg"): Promise<RenderedImage> {
  const raw = sharp(Buffer.from(pixels.buffer, pixels.byteOffset, pixels.byteLength), { raw: { ...size, channels: 3 } });
  const bytes = await (format === "jpeg" ? raw.jpeg({ quality: 90 }) : raw.png()).toBuffer();
  return { bytes, ...size, contentType: format === "jpeg" ? "image/jpeg" : "image/png" };
}

/** A "simulated" label for the bottom-right corner; its dark pill stays visible even without fonts. */
async function simulatedBadge({ width, height }: Size): Promise<Badge> {
  const fontSize = Math.max(8, Math.round(Math.min(width, height) * 0.03));
  const [badgeWidth, badgeHeight] = [Math.round(fontSize * 6.2), Math.round(fontSize * 1.6)];
  const margin = Math.round(fontSize * 0.6);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${badgeWidth}" height="${badgeHeight}">` +
    `<rect width="100%" height="100%" rx="${badgeHeight / 4}" fill="#000" fill-opacity="0.6"/>` +
    `<text x="50%" y="50%" dy="0.35em" text-anchor="middle" font-family="sans-serif" ` +
    `font-size="${fontSize}" fill="#fff">simulated</text></svg>`;
  const { data, info } = await sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const [left, top] = [width - info.width - margin, height - info.height - margin];
  return { rgba: data, width: info.width, height: info.height, left, top };
}

function stampBadge(pixels: Uint8ClampedArray, imageWidth: number, badge: Badge): void {
  for (let y = 0; y < badge.height; y++) {
    for (let x = 0; x < badge.width; x++) {
      const from = (y * badge.width + x) * 4;
      const to = ((badge.top + y) * imageWidth + badge.left + x) * 3;
      const alpha = (badge.rgba[from + 3] ?? 0) / 255;
      for (let c = 0; c < 3; c++) {
        pixels[to + c] = (pixels[to + c] ?? 0) * (1 - alpha) + (badge.rgba[from + c] ?? 0) * alpha;
      }
    }
  }
}

function hueColour(hue: number): Rgb {
  const channel = (offset: number) => {
    const k = (offset + hue / 30) % 12;
    return 255 * (0.5 - 0.4 * Math.max(-1, Math.min(k - 3, 9 - k, 1)));
  };
  return [channel(0), channel(8), channel(4)];
}

function luma(r: number, g: number, b: number): number {
  return 0.299 * r + 0.587 * g + 0.114 * b;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return mix32(hash);
}

/** murmur3's finaliser: spreads every input bit over the whole word. */
function mix32(value: number): number {
  let h = value;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
