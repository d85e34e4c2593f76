import "server-only";

import type { OverlayOptions, ResizeOptions } from "sharp";

import type { LoraInput } from "@/lib/fal/input-schema";
import { appDefaults } from "@/lib/fal/defaults";

import { messageOf } from "@/lib/errors/message-of";
import {
  combineStyles,
  controlEdges,
  edgeInk,
  loraStripes,
  type Palette,
  paletteColour,
  promptPalette,
  type Style,
  transferStyle,
} from "./render-effects";
import { mix32, mulberry32, type RgbImage, type Size } from "./pixel-math";
import { type LoadImage, type RenderedImage, SimulatorInputError } from "./types";
import { pathLabel } from "@/lib/fal/field-labels";
import { vips } from "./vips";

export type { RgbImage } from "./pixel-math";

type Loc = (string | number)[];
type Scene = {
  size: Size;
  /** The init image, already re-coloured towards the prompt by the noise strength. */
  init: Buffer | undefined;
  palette: Palette;
  /** The control images' edges, inked on every image. */
  edges: Buffer | undefined;
  /** Composited on every image after the edges: the LoRA stripes, the "simulated" badge. */
  marks: OverlayOptions[];
  style: Style | undefined;
};

const INIT_LOC: Loc = ["body", "image_url"];
const DEFAULT_SIZE: Size = { width: 512, height: 512 };
/**
 * Every stage below is one of sharp's native operations, one at a time on one libvips thread
 * (./vips.ts), so the event loop that answers requests never walks the pixels. A run's cost is capped by
 * construction: at most MAX_SIDE² pixels, num_images (≤ 8) images, and a fixed number of passes
 * per image whatever the lists hold (all LoRAs are one SVG, all control edges one mask), on
 * inputs whose count the schema bounds.
 */
const MAX_SIDE = 2048;
const MIN_SIDE = 64;
const MAX_INPUT_PIXELS = 8192 * 8192;
const WITHIN_MAX_SIDE: ResizeOptions = {
  width: MAX_SIDE,
  height: MAX_SIDE,
  fit: "inside",
  withoutEnlargement: true,
};

/** IP-adapter images only lend their colour statistics, so a small sample is enough. */
const STYLE_SAMPLE: ResizeOptions = { width: 256, height: 256, fit: "inside", withoutEnlargement: true };

/** Decodes an image input to raw RGB; undecodable bytes become a 422 on the field at `loc`. */
export async function decodeImage(bytes: Buffer, loc: Loc, resize: ResizeOptions = WITHIN_MAX_SIDE): Promise<RgbImage> {
  try {
    const { data, info } = await vips(bytes, { limitInputPixels: MAX_INPUT_PIXELS })
      .autoOrient()
      .resize(resize)
      .toColourspace("srgb")
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { pixels: data, width: info.width, height: info.height };
  } catch (error) {
    const reason = messageOf(error).replace(/\.?\s*$/, ".");
    throw new SimulatorInputError(loc, `${pathLabel(loc)} could not be decoded as an image: ${reason}`);
  }
}

/** Renders `num_images` procedural previews; the same input and seed give the same bytes. */
export async function renderImages(input: LoraInput, seed: number, loadImage: LoadImage): Promise<RenderedImage[]> {
  const scene = await prepareScene(input, loadImage);
  const images: RenderedImage[] = [];
  for (let index = 0; index < input.num_images; index++) {
    const random = mulberry32(mix32((seed >>> 0) ^ Math.imul(index + 1, 0x9e3779b9)));
    const content = await newContent(scene.size, scene.palette, random);
    let pixels = scene.init
      ? await blend(scene.init, content, scene.size, contentShare(input.noise_strength))
      : content;
    if (scene.style) pixels = await transferStyle({ ...scene.size, pixels }, scene.style);
    images.push(await encode(pixels, scene, input.image_format ?? appDefaults.image_format));
  }
  return images;
}

/**
 * How much of an image is new content at a noise strength: a trace at 0 (so every image of a
 * run differs), about a third at 0.5 (the init image still reads clearly), all of it at 1.
 */
export function contentShare(noiseStrength: number): number {
  return 0.04 + 0.96 * noiseStrength ** 1.5;
}

/** How strongly the init image is re-coloured towards the prompt's hue. */
export function recolourShare(noiseStrength: number): number {
  return 0.2 + 0.5 * noiseStrength;
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
  const palette = promptPalette(input.prompt, input.negative_prompt);
  const [recoloured, edges, stripes, style, badge] = await Promise.all([
    init && recolour(init, palette, recolourShare(input.noise_strength)),
    controlEdges(controlImages, size),
    loraStripes(input.loras, size),
    combineStyles(styleImages),
    simulatedBadge(size),
  ]);
  const marks: OverlayOptions[] = stripes ? [{ input: stripes, raw: { ...size, channels: 4 } }, badge] : [badge];
  return { size, init: recoloured, palette, edges, marks, style };
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

function raw(pixels: Buffer, size: Size) {
  return vips(pixels, { raw: { ...size, channels: 3 } });
}

/** Keeps the init image's light and shade, and moves its colours towards the prompt's hue. */
async function recolour(init: RgbImage, palette: Palette, share: number): Promise<Buffer> {
  const size = { width: init.width, height: init.height };
  const [r, g, b] = palette.tint;
  const tinted = await raw(init.pixels, size).tint({ r, g, b }).ensureAlpha(share).raw().toBuffer();
  return raw(init.pixels, size)
    .composite([{ input: tinted, raw: { ...size, channels: 4 } }])
    .removeAlpha()
    .raw()
    .toBuffer();
}

/**
 * New content, as a diffusion model invents it from noise: a few broad fields of the prompt's
 * colours, smoothly blended, with soft seeded shapes on top. No per-pixel noise.
 */
async function newContent({ width, height }: Size, palette: Palette, random: () => number): Promise<Buffer> {
  const columns = 3 + Math.floor(random() * 3);
  const rows = Math.max(2, Math.round((columns * height) / width));
  const grid = Buffer.alloc(columns * rows * 3);
  for (let cell = 0; cell < columns * rows; cell++) grid.set(paletteColour(palette, random).map(Math.round), cell * 3);
  const shapes = Array.from({ length: 3 + Math.floor(random() * 3) }, (_, index) => {
    const [r, g, b] = paletteColour(palette, random).map(Math.round);
    const [cx, cy] = [random() * width, random() * height];
    const radius = (0.12 + random() * 0.22) * Math.min(width, height);
    return (
      `<radialGradient id="s${index}"><stop offset="0" stop-color="rgb(${r},${g},${b})" stop-opacity="0.85"/>` +
      `<stop offset="0.7" stop-color="rgb(${r},${g},${b})" stop-opacity="0.5"/>` +
      `<stop offset="1" stop-color="rgb(${r},${g},${b})" stop-opacity="0"/></radialGradient>` +
      `<ellipse cx="${cx}" cy="${cy}" rx="${radius * (0.7 + random() * 0.6)}" ry="${radius}" fill="url(#s${index})"/>`
    );
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${shapes.join("")}</svg>`;
  const field = await vips(grid, { raw: { width: columns, height: rows, channels: 3 } })
    .resize(width, height, { kernel: "cubic", fit: "fill" })
    .raw()
    .toBuffer();
  return raw(field, { width, height })
    .composite([{ input: Buffer.from(svg) }])
    .removeAlpha()
    .raw()
    .toBuffer();
}

/** `base` with `share` of `over` laid on top. */
async function blend(base: Buffer, over: Buffer, size: Size, share: number): Promise<Buffer> {
  const layer = await raw(over, size).ensureAlpha(share).raw().toBuffer();
  return raw(base, size)
    .composite([{ input: layer, raw: { ...size, channels: 4 } }])
    .removeAlpha()
    .raw()
    .toBuffer();
}

async function encode(pixels: Buffer, scene: Scene, format: "png" | "jpeg"): Promise<RenderedImage> {
  const edges: OverlayOptions[] = scene.edges
    ? [{ input: await edgeInk(pixels, scene.edges, scene.size), raw: { ...scene.size, channels: 4 } }]
    : [];
  const marked = raw(pixels, scene.size).composite([...edges, ...scene.marks]);
  const bytes = await (format === "jpeg" ? marked.jpeg({ quality: 90 }) : marked.png()).toBuffer();
  return { bytes, ...scene.size, contentType: format === "jpeg" ? "image/jpeg" : "image/png" };
}

/** A "simulated" label for the bottom-right corner; its dark pill stays visible even without fonts. */
async function simulatedBadge({ width, height }: Size): Promise<OverlayOptions> {
  const fontSize = Math.max(8, Math.round(Math.min(width, height) * 0.03));
  const [badgeWidth, badgeHeight] = [Math.round(fontSize * 6.2), Math.round(fontSize * 1.6)];
  const margin = Math.round(fontSize * 0.6);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${badgeWidth}" height="${badgeHeight}">` +
    `<rect width="100%" height="100%" rx="${badgeHeight / 4}" fill="#000" fill-opacity="0.6"/>` +
    `<text x="50%" y="50%" dy="0.35em" text-anchor="middle" font-family="sans-serif" ` +
    `font-size="${fontSize}" fill="#fff">simulated</text></svg>`;
  return { input: Buffer.from(svg), left: width - badgeWidth - margin, top: height - badgeHeight - margin };
}
