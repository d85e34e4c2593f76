import type { LoraInput } from "@/lib/fal/input-schema";
import { clamp, hashText, hueColour, luma, type Rgb, type RgbImage, type Size } from "./pixel-math";

export type Weighted = { image: RgbImage; weight: number };
type ColourStats = { mean: Rgb; std: Rgb };
export type Style = ColourStats & { weight: number };

const PROMPT_TINT = 0.25;
const NEGATIVE_TINT = 0.1;
/** One period of a LoRA's stripe profile, sampled so the pixel loop needs no Math.sin. */
const STRIPE_STEPS = 1024;
const STRIPE = Float32Array.from({ length: STRIPE_STEPS }, (_, step) => {
  const wave = 0.5 + 0.5 * Math.sin((2 * Math.PI * step) / STRIPE_STEPS);
  return wave * wave * wave;
});

export function promptTint(prompt: string, negativePrompt: string): Rgb {
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
export function loraOverlay(loras: LoraInput["loras"], { width, height }: Size): Float32Array | undefined {
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
export function controlEdges(controls: Weighted[], { width, height }: Size): Float32Array | undefined {
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

export function combineStyles(styles: Weighted[]): Style | undefined {
  const weighted = styles.map(({ image, weight }) => ({ ...channelStats(image.pixels), weight: clamp(weight, 0, 1) }));
  const total = weighted.reduce((sum, style) => sum + style.weight, 0);
  if (total === 0) return undefined;
  const blend = (pick: (style: ColourStats) => Rgb): Rgb =>
    [0, 1, 2].map((c) => weighted.reduce((sum, style) => sum + (pick(style)[c] ?? 0) * style.weight, 0) / total) as Rgb;
  return { mean: blend((style) => style.mean), std: blend((style) => style.std), weight: Math.min(1, total) };
}

/** Moves each channel's mean and spread towards the IP-adapter images', by the adapters' weight. */
export function transferStyle(pixels: Uint8ClampedArray, style: Style): void {
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

export function channelStats(pixels: ArrayLike<number>): ColourStats {
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

