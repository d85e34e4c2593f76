import "server-only";

import sharp, { type ResizeOptions } from "sharp";

import type { LoraInput } from "@/lib/fal/input-schema";

import { combineStyles, controlEdges, loraOverlay, promptTint, type Style, transferStyle } from "./render-effects";
import { hueColour, luma, mix32, mulberry32, type Rgb, type RgbImage, type Size } from "./pixel-math";
import { type LoadImage, type RenderedImage, SimulatorInputError } from "./types";
import { pathLabel } from "@/lib/fal/field-labels";

export type { RgbImage } from "./pixel-math";

type Loc = (string | number)[];
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
const GRAIN = 6;
const INK_DARK = 16;
const INK_LIGHT = 240;
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
    throw new SimulatorInputError(loc, `${pathLabel(loc)} could not be decoded as an image: ${reason}`);
  }
}

/** Renders `num_images` procedural previews; the same input and seed give the same bytes. */
export async function renderImages(input: LoraInput, seed: number, loadImage: LoadImage): Promise<RenderedImage[]> {
  const scene = await prepareScene(input, loadImage);
  const images: RenderedImage[] = [];
  for (let index = 0; index < input.num_images; index++) {
    const random = mulberry32(mix32((seed >>> 0) ^ Math.imul(index + 1, 0x9e3779b9)));
    const base = scene.init ?? gradient(scene.size, random);
    const noise = await noiseField(scene.size, random);
    const pixels = paint(scene, base, noise, random, input.noise_strength);
    if (scene.style) transferStyle(pixels, scene.style);
    stampBadge(pixels, scene.size.width, scene.badge);
    images.push(await encode(pixels, scene.size, input.image_format));
  }
  return images;
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

/**
 * Seeded colour blobs, as a diffusion model's early steps look: a coarse random grid, smoothly
 * upscaled. Blending it in by noise strength keeps the init image's structure at low strengths.
 */
async function noiseField({ width, height }: Size, random: () => number): Promise<Buffer> {
  const cells = { width: Math.max(2, Math.round(width / 48)), height: Math.max(2, Math.round(height / 48)) };
  const grid = Buffer.alloc(cells.width * cells.height * 3);
  for (let i = 0; i < grid.length; i++) grid[i] = Math.floor(random() * 256);
  return sharp(grid, { raw: { ...cells, channels: 3 } })
    .resize(width, height, { kernel: "cubic", fit: "fill" })
    .raw()
    .toBuffer();
}

function paint(
  scene: Scene,
  base: Buffer,
  noise: Buffer,
  random: () => number,
  noiseStrength: number,
): Uint8ClampedArray {
  const { overlay, edges, tint } = scene;
  const out = new Uint8ClampedArray(base.length);
  const noisy = (value: number, field: number) => value + noiseStrength * (field - value) + (random() - 0.5) * GRAIN;
  for (let p = 0, i = 0; i < base.length; p++, i += 3) {
    let r = noisy(base[i] ?? 0, noise[i] ?? 0) + tint[0];
    let g = noisy(base[i + 1] ?? 0, noise[i + 1] ?? 0) + tint[1];
    let b = noisy(base[i + 2] ?? 0, noise[i + 2] ?? 0) + tint[2];
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

