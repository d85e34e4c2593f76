import "server-only";
import sharp from "sharp";
import type { LoraInput } from "@/lib/fal/input-schema";
import { clamp, hashText, hslColour, type Rgb, type RgbImage, type Size } from "./pixel-math";

export type Weighted = { image: RgbImage; weight: number };
type ColourStats = { mean: Rgb; std: Rgb };
export type Style = ColourStats & { weight: number };
/** The colours a prompt paints with: a hue, how far its shades wander, and the colour it tints towards. */
export type Palette = { hue: number; spread: number; tint: Rgb };

const NEGATIVE_PUSH = 40;
/** LoRA stripes are drawn at most this large and scaled up: their cost stays flat with image size. */
const MARK_SIDE = 1024;

export function promptPalette(prompt: string, negativePrompt: string): Palette {
  const wanted = hashText(prompt) % 360;
  let hue = wanted;
  if (negativePrompt.trim()) {
    // Turn away from the negative prompt's hue, as a negative prompt steers away from its content.
    const unwanted = hashText(negativePrompt) % 360;
    const apart = ((wanted - unwanted + 540) % 360) - 180;
    hue = (wanted + (apart >= 0 ? NEGATIVE_PUSH : -NEGATIVE_PUSH) + 360) % 360;
  }
  const spread = 30 + (hashText(`${prompt}:spread`) % 60);
  return { hue, spread, tint: hslColour(hue, 0.65, 0.5) };
}

/** A colour of the palette, picked by the run's random source. */
export function paletteColour(palette: Palette, random: () => number): Rgb {
  const hue = (palette.hue + (random() - 0.5) * palette.spread + 360) % 360;
  return hslColour(hue, 0.35 + random() * 0.4, 0.2 + random() * 0.6);
}

/**
 * Each LoRA leaves diagonal stripes in its own colour (complementary when negative), as strong
 * as |scale|; drawn as one SVG by librsvg, so no pixel loop runs on the event loop.
 */
export async function loraStripes(loras: LoraInput["loras"], { width, height }: Size): Promise<Buffer | undefined> {
  const marks = loras.filter((lora) => lora.scale !== 0);
  if (marks.length === 0) return undefined;
  const shrink = Math.min(1, MARK_SIDE / Math.max(width, height));
  const [drawWidth, drawHeight] = [Math.max(1, Math.round(width * shrink)), Math.max(1, Math.round(height * shrink))];
  const layers = marks.map((lora, index) => {
    const hash = hashText(lora.path);
    const colour = hslColour(hash % 360, 0.85, 0.5).map((value) => Math.round(lora.scale < 0 ? 255 - value : value));
    const period = Math.min(drawWidth, drawHeight) * (0.05 + ((hash >>> 17) % 100) / 1000);
    const angle = (hash >>> 9) % 180;
    const opacity = Math.min(0.8, Math.abs(lora.scale) * 0.3);
    return (
      `<pattern id="l${index}" width="${period}" height="${period}" patternUnits="userSpaceOnUse" patternTransform="rotate(${angle})">` +
      `<rect width="${period * 0.35}" height="${period}" fill="rgb(${colour.join(",")})"/></pattern>` +
      `<rect width="100%" height="100%" fill="url(#l${index})" fill-opacity="${opacity}"/>`
    );
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${drawWidth}" height="${drawHeight}">${layers.join("")}</svg>`;
  return sharp(Buffer.from(svg)).resize(width, height, { fit: "fill" }).png({ compressionLevel: 0 }).toBuffer();
}

/** The control images' edges (a Laplacian, both sides of each edge), summed by weight: a 1-channel mask. */
export async function controlEdges(controls: Weighted[], { width, height }: Size): Promise<Buffer | undefined> {
  const weighted = controls.filter((control) => control.weight > 0);
  if (weighted.length === 0) return undefined;
  const edgeLayers = await Promise.all(
    weighted.flatMap(({ image, weight }) =>
      [1, -1].map((sign) =>
        sharp(image.pixels, { raw: { width, height, channels: 3 } })
          .greyscale()
          .convolve({ width: 3, height: 3, scale: 1, kernel: [-1, -1, -1, -1, 8, -1, -1, -1, -1].map((value) => value * sign) })
          .linear(Math.min(2, weight), 0)
          .raw()
          .toBuffer(),
      ),
    ),
  );
  const [first, ...rest] = edgeLayers;
  if (!first || rest.length === 0) return first;
  return sharp(first, { raw: { width, height, channels: 1 } })
    .composite(rest.map((layer) => ({ input: layer, raw: { width, height, channels: 1 as const }, blend: "add" as const })))
    .extractChannel(0)
    .raw()
    .toBuffer();
}

/**
 * Ink for the edges, as a layer to lay over `pixels`: each channel goes to its far end (dark on
 * light, light on dark), so an edge shows on any colour; the edge mask is its alpha.
 */
export async function edgeInk(pixels: Buffer, edges: Buffer, { width, height }: Size): Promise<Buffer> {
  const ink = await sharp(pixels, { raw: { width, height, channels: 3 } })
    .threshold(128, { greyscale: false })
    .negate()
    .raw()
    .toBuffer();
  return sharp(ink, { raw: { width, height, channels: 3 } })
    .joinChannel(edges, { raw: { width, height, channels: 1 } })
    .raw()
    .toBuffer();
}

export async function channelStats(image: RgbImage): Promise<ColourStats> {
  const { channels } = await sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 3 } }).stats();
  const pick = (field: "mean" | "stdev") => [0, 1, 2].map((c) => channels[c]?.[field] ?? 0) as Rgb;
  return { mean: pick("mean"), std: pick("stdev") };
}

export async function combineStyles(styles: Weighted[]): Promise<Style | undefined> {
  const weighted = await Promise.all(
    styles.map(async ({ image, weight }) => ({ ...(await channelStats(image)), weight: clamp(weight, 0, 1) })),
  );
  const total = weighted.reduce((sum, style) => sum + style.weight, 0);
  if (total === 0) return undefined;
  const blend = (pick: (style: ColourStats) => Rgb): Rgb =>
    [0, 1, 2].map((c) => weighted.reduce((sum, style) => sum + (pick(style)[c] ?? 0) * style.weight, 0) / total) as Rgb;
  return { mean: blend((style) => style.mean), std: blend((style) => style.std), weight: Math.min(1, total) };
}

/** Moves each channel's mean and spread towards the IP-adapter images', by the adapters' weight. */
export async function transferStyle(image: RgbImage, style: Style): Promise<Buffer> {
  const own = await channelStats(image);
  const gains = [0, 1, 2].map((c) => {
    const gain = (style.std[c] ?? 0) / Math.max(own.std[c] ?? 0, 1);
    return 1 + style.weight * (gain - 1);
  });
  const offsets = [0, 1, 2].map((c) => style.weight * ((style.mean[c] ?? 0) - (own.mean[c] ?? 0) * (style.std[c] ?? 0) / Math.max(own.std[c] ?? 0, 1)));
  return sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 3 } })
    .linear(gains, offsets)
    .raw()
    .toBuffer();
}
