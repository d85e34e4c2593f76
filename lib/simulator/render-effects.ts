import "server-only";
import type { LoraInput } from "@/lib/fal/input-schema";
import { clamp, hashText, hslColour, type Rgb, type RgbImage, type Size } from "./pixel-math";
import { vips } from "./vips";

export type Weighted = { image: RgbImage; weight: number };
type ColourStats = { mean: Rgb; std: Rgb };
export type Style = ColourStats & { weight: number };
/** The colours a prompt paints with: a hue, how far its shades wander, and the colour it tints towards. */
export type Palette = { hue: number; spread: number; tint: Rgb };

const NEGATIVE_PUSH = 40;
/** Marks are drawn at most this large and scaled up, so their cost stays flat with image size. */
const MARK_SIDE = 1024;
const STRIPE_SIDE = 512;

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
 * as |scale|: plain rectangles in one SVG (librsvg's patterns are far slower), drawn at most
 * STRIPE_SIDE large and scaled up. Raw RGBA at the image's size.
 */
export async function loraStripes(loras: LoraInput["loras"], { width, height }: Size): Promise<Buffer | undefined> {
  const marks = loras.filter((lora) => lora.scale !== 0);
  if (marks.length === 0) return undefined;
  const shrink = Math.min(1, STRIPE_SIDE / Math.max(width, height));
  const [drawWidth, drawHeight] = [Math.max(1, Math.round(width * shrink)), Math.max(1, Math.round(height * shrink))];
  const reach = Math.hypot(drawWidth, drawHeight);
  const layers = marks.map((lora) => {
    const hash = hashText(lora.path);
    const colour = hslColour(hash % 360, 0.85, 0.5).map((value) => Math.round(lora.scale < 0 ? 255 - value : value));
    const period = Math.max(4, Math.min(drawWidth, drawHeight) * (0.05 + ((hash >>> 17) % 100) / 1000));
    const angle = (hash >>> 9) % 180;
    const opacity = Math.min(0.8, Math.abs(lora.scale) * 0.3);
    const stripes: string[] = [];
    for (let x = -reach / 2; x < reach / 2; x += period) {
      stripes.push(
        `<rect x="${(x + drawWidth / 2).toFixed(1)}" y="${(drawHeight / 2 - reach / 2).toFixed(1)}" width="${(period * 0.35).toFixed(1)}" height="${reach.toFixed(1)}"/>`,
      );
    }
    return (
      `<g transform="rotate(${angle} ${drawWidth / 2} ${drawHeight / 2})" fill="rgb(${colour.join(",")})" fill-opacity="${opacity}">` +
      `${stripes.join("")}</g>`
    );
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${drawWidth}" height="${drawHeight}">${layers.join("")}</svg>`;
  return vips(Buffer.from(svg)).resize(width, height, { fit: "fill" }).ensureAlpha().raw().toBuffer();
}

/**
 * The control images' edges as a 1-channel mask. A Laplacian is linear, so the edges of the
 * weighted sum of the control images stand for the sum of their edges: two convolutions (both
 * sides of each edge) whatever the number of ControlNets, at most MARK_SIDE large.
 */
export async function controlEdges(controls: Weighted[], { width, height }: Size): Promise<Buffer | undefined> {
  const weighted = controls.filter((control) => control.weight > 0);
  if (weighted.length === 0) return undefined;
  const shrink = Math.min(1, MARK_SIDE / Math.max(width, height));
  const small = { width: Math.max(3, Math.round(width * shrink)), height: Math.max(3, Math.round(height * shrink)) };
  const greys = await Promise.all(
    weighted.map(({ image, weight }) =>
      vips(image.pixels, { raw: { width, height, channels: 3 } })
        .resize(small.width, small.height, { fit: "fill" })
        .greyscale()
        .linear(Math.min(2, weight), 0)
        .raw()
        .toBuffer(),
    ),
  );
  const [first = Buffer.alloc(0), ...rest] = greys;
  const summed = await vips(first, { raw: { ...small, channels: 1 } })
    .composite(rest.map((grey) => ({ input: grey, raw: { ...small, channels: 1 as const }, blend: "add" as const })))
    .extractChannel(0)
    .raw()
    .toBuffer();
  const [inner, outer] = await Promise.all(
    [1, -1].map((sign) =>
      vips(summed, { raw: { ...small, channels: 1 } })
        .convolve({
          width: 3,
          height: 3,
          scale: 1,
          kernel: [-1, -1, -1, -1, 8, -1, -1, -1, -1].map((value) => value * sign),
        })
        .toColourspace("b-w")
        .raw()
        .toBuffer(),
    ),
  );
  return vips(inner ?? Buffer.alloc(0), { raw: { ...small, channels: 1 } })
    .composite([{ input: outer ?? Buffer.alloc(0), raw: { ...small, channels: 1 }, blend: "add" }])
    .extractChannel(0)
    .resize(width, height, { fit: "fill" })
    .raw()
    .toBuffer();
}

/**
 * Ink for the edges, as a layer to lay over `pixels`: each channel goes to its far end (dark on
 * light, light on dark), so an edge shows on any colour; the edge mask is its alpha.
 */
export async function edgeInk(pixels: Buffer, edges: Buffer, { width, height }: Size): Promise<Buffer> {
  const ink = await vips(pixels, { raw: { width, height, channels: 3 } })
    .threshold(128, { greyscale: false })
    .negate()
    .raw()
    .toBuffer();
  return vips(ink, { raw: { width, height, channels: 3 } })
    .joinChannel(edges, { raw: { width, height, channels: 1 } })
    .raw()
    .toBuffer();
}

export async function channelStats(image: RgbImage): Promise<ColourStats> {
  const { channels } = await vips(image.pixels, {
    raw: { width: image.width, height: image.height, channels: 3 },
  }).stats();
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
  const offsets = [0, 1, 2].map(
    (c) =>
      style.weight * ((style.mean[c] ?? 0) - ((own.mean[c] ?? 0) * (style.std[c] ?? 0)) / Math.max(own.std[c] ?? 0, 1)),
  );
  return vips(image.pixels, { raw: { width: image.width, height: image.height, channels: 3 } })
    .linear(gains, offsets)
    .raw()
    .toBuffer();
}
