import sharp from "sharp";
import { describe, expect, it } from "vitest";

import { type LoraRequest, loraInputSchema } from "@/lib/fal/input-schema";

import { decodeImage, renderImages } from "./render";
import { type LoadImage, SimulatorInputError } from "./types";

type Rgb = [number, number, number];

const INIT_URL = "https://example.com/init.png";
const CONTROL_URL = "https://example.com/control.png";
const STYLE_URL = "https://example.com/style.png";
const BROKEN_URL = "https://example.com/broken.png";
const STRUCTURE_URL = "https://example.com/structure.png";
const ORANGE: Rgb = [200, 110, 60];
const BLUE: Rgb = [30, 60, 220];

function solid(width: number, height: number, [r, g, b]: Rgb): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r, g, b } } })
    .png()
    .toBuffer();
}

/** A black square with a white square in its middle: edges only along the inner square's border. */
async function squareOnBlack(size: number): Promise<Buffer> {
  const inner = await solid(size / 2, size / 2, [255, 255, 255]);
  return sharp({ create: { width: size, height: size, channels: 3, background: "#000" } })
    .composite([{ input: inner, left: size / 4, top: size / 4 }])
    .png()
    .toBuffer();
}

/** Black and white cells: structure that no smooth content can resemble by chance. */
async function checkerboard(size: number, cells: number): Promise<Buffer> {
  const grid = Buffer.alloc(cells * cells * 3);
  for (let cell = 0; cell < cells * cells; cell++) {
    if ((cell % cells) % 2 === Math.floor(cell / cells) % 2) grid.fill(255, cell * 3, cell * 3 + 3);
  }
  return sharp(grid, { raw: { width: cells, height: cells, channels: 3 } })
    .resize(size, size, { kernel: "nearest" })
    .png()
    .toBuffer();
}

const files: Record<string, Buffer> = {
  [INIT_URL]: await solid(256, 256, ORANGE),
  [CONTROL_URL]: await squareOnBlack(256),
  [STYLE_URL]: await solid(64, 64, BLUE),
  [BROKEN_URL]: Buffer.from("definitely not an image"),
};

const loadImage: LoadImage = async (url) => {
  const bytes = files[url];
  if (!bytes) throw new Error(`no fixture for ${url}`);
  return bytes;
};

function input(overrides: Partial<LoraRequest> = {}) {
  return loraInputSchema.parse({
    model_name: "stabilityai/stable-diffusion-xl-base-1.0",
    prompt: "a lighthouse at dusk",
    image_url: INIT_URL,
    ...overrides,
  });
}

async function renderOne(overrides: Partial<LoraRequest> = {}, seed = 42) {
  const [image] = await renderImages(input(overrides), seed, loadImage);
  if (!image) throw new Error("no image rendered");
  return image;
}

async function pixelsOf(bytes: Buffer) {
  const { data, info } = await sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { pixels: data, width: info.width, height: info.height };
}

function meanAbsDiff(a: Buffer, b: Buffer): number {
  expect(a.length).toBe(b.length);
  let total = 0;
  for (let i = 0; i < a.length; i++) total += Math.abs((a[i] ?? 0) - (b[i] ?? 0));
  return total / a.length;
}

function meanColour(pixels: Buffer): Rgb {
  const sums: Rgb = [0, 0, 0];
  for (let i = 0; i < pixels.length; i++) sums[(i % 3) as 0 | 1 | 2] += pixels[i] ?? 0;
  return sums.map((sum) => sum / (pixels.length / 3)) as Rgb;
}

function distance(a: Rgb, b: Rgb): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

function lumaOf(pixels: Buffer): number[] {
  const lumas: number[] = [];
  for (let i = 0; i < pixels.length; i += 3) {
    lumas.push(0.299 * (pixels[i] ?? 0) + 0.587 * (pixels[i + 1] ?? 0) + 0.114 * (pixels[i + 2] ?? 0));
  }
  return lumas;
}

/** Pearson correlation: 1 when one image's light and shade follow the other's exactly. */
function correlation(a: number[], b: number[]): number {
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const [meanA, meanB] = [mean(a), mean(b)];
  let [covariance, varianceA, varianceB] = [0, 0, 0];
  a.forEach((value, index) => {
    const [da, db] = [value - meanA, (b[index] ?? 0) - meanB];
    covariance += da * db;
    varianceA += da * da;
    varianceB += db * db;
  });
  return covariance / Math.sqrt(varianceA * varianceB);
}

async function diffOf(a: Buffer, b: Buffer) {
  return meanAbsDiff((await pixelsOf(a)).pixels, (await pixelsOf(b)).pixels);
}

describe("renderImages", () => {
  it("gives identical bytes for the same input and seed, and different bytes for another seed", async () => {
    const first = await renderOne({}, 7);
    const again = await renderOne({}, 7);
    const otherSeed = await renderOne({}, 8);
    expect(again.bytes.equals(first.bytes)).toBe(true);
    expect(otherSeed.bytes.equals(first.bytes)).toBe(false);
  });

  it("stays close to the init image at noise 0", async () => {
    const init = (await pixelsOf(await solid(256, 256, ORANGE))).pixels;
    const calm = await pixelsOf((await renderOne({ noise_strength: 0 })).bytes);
    expect(meanAbsDiff(calm.pixels, init)).toBeLessThan(30);
  });

  it("keeps the init image recognisable at noise 0.5 and paints mostly new content at 1", async () => {
    files[STRUCTURE_URL] = await checkerboard(256, 8);
    const init = lumaOf((await pixelsOf(files[STRUCTURE_URL])).pixels);
    const likeness = async (noise_strength: number) =>
      correlation(
        lumaOf((await pixelsOf((await renderOne({ image_url: STRUCTURE_URL, noise_strength })).bytes)).pixels),
        init,
      );
    expect(await likeness(0.5)).toBeGreaterThan(0.8);
    expect(await likeness(1)).toBeLessThan(0.5);
  });

  it("re-colours the init image towards the prompt's colour as noise strength grows", async () => {
    const grey = await solid(256, 256, [128, 128, 128]);
    files[STRUCTURE_URL] = grey;
    const chroma = async (noise_strength: number) => {
      const [r, g, b] = meanColour(
        (await pixelsOf((await renderOne({ image_url: STRUCTURE_URL, noise_strength })).bytes)).pixels,
      );
      return Math.max(r, g, b) - Math.min(r, g, b);
    };
    const [none, half] = [await chroma(0), await chroma(0.5)];
    expect(half).toBeGreaterThan(none + 10);
  });

  it("paints smooth content, not per-pixel colour noise", async () => {
    for (const noise_strength of [0.5, 1]) {
      const { pixels, width } = await pixelsOf((await renderOne({ image_url: undefined, noise_strength })).bytes);
      let steps = 0;
      for (let i = 3; i < pixels.length; i++)
        if (i % (width * 3) >= 3) steps += Math.abs((pixels[i] ?? 0) - (pixels[i - 3] ?? 0));
      expect(steps / pixels.length).toBeLessThan(2);
    }
  });

  it("grades the colour by prompt, and the negative prompt shifts it too", async () => {
    const colourOf = async (overrides: Partial<LoraRequest>) =>
      meanColour((await pixelsOf((await renderOne({ noise_strength: 0, ...overrides })).bytes)).pixels);
    const lighthouse = await colourOf({ prompt: "a lighthouse at dusk" });
    const forest = await colourOf({ prompt: "a misty pine forest" });
    const withNegative = await colourOf({ prompt: "a lighthouse at dusk", negative_prompt: "blurry" });
    expect(distance(lighthouse, forest)).toBeGreaterThan(10);
    expect(distance(lighthouse, withNegative)).toBeGreaterThan(3);
  });

  it("marks the image per LoRA, more strongly for a larger |scale| and not at all for scale 0", async () => {
    const plain = await renderOne();
    const zero = await renderOne({ loras: [{ path: "nerijs/pixel-art-xl", scale: 0 }] });
    const one = await renderOne({ loras: [{ path: "nerijs/pixel-art-xl", scale: 1 }] });
    const two = await renderOne({ loras: [{ path: "nerijs/pixel-art-xl", scale: 2 }] });
    const otherLora = await renderOne({ loras: [{ path: "ostris/watercolor-xl", scale: 2 }] });
    expect(zero.bytes.equals(plain.bytes)).toBe(true);
    const diffOne = await diffOf(one.bytes, plain.bytes);
    const diffTwo = await diffOf(two.bytes, plain.bytes);
    expect(diffOne).toBeGreaterThan(3);
    expect(diffTwo).toBeGreaterThan(diffOne * 1.5);
    expect(await diffOf(otherLora.bytes, two.bytes)).toBeGreaterThan(3);
  });

  it("draws the control image's edges, by conditioning scale", async () => {
    const controlnet = (conditioning_scale: number) => ({
      controlnets: [{ path: "diffusers/controlnet-canny-sdxl-1.0", image_url: CONTROL_URL, conditioning_scale }],
    });
    const plain = await pixelsOf((await renderOne({ noise_strength: 0 })).bytes);
    const off = await renderOne({ noise_strength: 0, ...controlnet(0) });
    const on = await pixelsOf((await renderOne({ noise_strength: 0, ...controlnet(1) })).bytes);
    expect(meanAbsDiff((await pixelsOf(off.bytes)).pixels, plain.pixels)).toBe(0);

    // The control square's border runs along x = 64 (rows 64..191); the centre has no edges.
    const changeAt = (x: number, y: number) => {
      const i = (y * 256 + x) * 3;
      return Math.abs((on.pixels[i] ?? 0) - (plain.pixels[i] ?? 0));
    };
    expect(changeAt(64, 128)).toBeGreaterThan(80);
    expect(changeAt(128, 128)).toBe(0);
  });

  it("moves the colours towards the IP-adapter image by its scale", async () => {
    const adapter = (scale: number, image: string | string[] = STYLE_URL) => ({
      ip_adapter: [{ path: "h94/IP-Adapter", weight_name: "ip-adapter_sdxl.bin", ip_adapter_image_url: image, scale }],
    });
    const towardsBlue = async (overrides: Partial<LoraRequest>) =>
      distance(meanColour((await pixelsOf((await renderOne(overrides)).bytes)).pixels), BLUE);
    const none = await towardsBlue(adapter(0));
    const half = await towardsBlue(adapter(0.5));
    const full = await towardsBlue(adapter(1));
    const beyond = await towardsBlue(adapter(3, [STYLE_URL, INIT_URL]));
    expect(half).toBeLessThan(none * 0.7);
    expect(full).toBeLessThan(half * 0.5);
    expect(beyond).toBeCloseTo(full, 0);
  });

  it("marks the bottom-right corner as simulated", async () => {
    const { pixels } = await pixelsOf((await renderOne({ noise_strength: 0 })).bytes);
    const meanLuma = (left: number, top: number, size: number) => {
      let total = 0;
      for (let y = top; y < top + size; y++) {
        for (let x = left; x < left + size; x++) {
          const i = (y * 256 + x) * 3;
          total += 0.299 * (pixels[i] ?? 0) + 0.587 * (pixels[i + 1] ?? 0) + 0.114 * (pixels[i + 2] ?? 0);
        }
      }
      return total / (size * size);
    };
    expect(meanLuma(246, 242, 6)).toBeLessThan(meanLuma(4, 4, 6) * 0.7);
  });

  it("renders num_images distinct images, even at noise 0", async () => {
    for (const noise_strength of [0.5, 0]) {
      const images = await renderImages(input({ num_images: 3, noise_strength }), 42, loadImage);
      expect(images).toHaveLength(3);
      const distinct = new Set(images.map((image) => image.bytes.toString("base64")));
      expect(distinct.size).toBe(3);
    }
  });

  it("encodes PNG or JPEG as asked", async () => {
    const png = await renderOne({ image_format: "png" });
    const jpeg = await renderOne({ image_format: "jpeg" });
    expect(png.contentType).toBe("image/png");
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(jpeg.contentType).toBe("image/jpeg");
    expect([...jpeg.bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect((await sharp(jpeg.bytes).metadata()).format).toBe("jpeg");
  });

  it("takes the size of the init image, bounded to 64..2048 px, and 512x512 without one", async () => {
    const sizeFor = async (width: number, height: number) => {
      files[INIT_URL] = await solid(width, height, ORANGE);
      try {
        const image = await renderOne();
        const decoded = await sharp(image.bytes).metadata();
        expect([decoded.width, decoded.height]).toEqual([image.width, image.height]);
        return [image.width, image.height];
      } finally {
        files[INIT_URL] = await solid(256, 256, ORANGE);
      }
    };
    expect(await sizeFor(320, 200)).toEqual([320, 200]);
    expect(await sizeFor(3000, 1500)).toEqual([2048, 1024]);
    expect(await sizeFor(40, 100)).toEqual([64, 100]);
    const noInit = await renderOne({ image_url: undefined });
    expect([noInit.width, noInit.height]).toEqual([512, 512]);
  });

  it("resizes control images to the output size", async () => {
    const image = await renderOne({
      controlnets: [{ path: "diffusers/controlnet-canny-sdxl-1.0", image_url: STYLE_URL }],
    });
    expect([image.width, image.height]).toEqual([256, 256]);
  });

  it("answers undecodable images with a SimulatorInputError on the field", async () => {
    const failure = async (overrides: Partial<LoraRequest>) =>
      renderOne(overrides).then(
        () => expect.fail("render should have failed"),
        (error: unknown) => {
          expect(error).toBeInstanceOf(SimulatorInputError);
          return error as SimulatorInputError;
        },
      );
    const init = await failure({ image_url: BROKEN_URL });
    expect(init.loc).toEqual(["body", "image_url"]);
    expect(init.message).toMatch(/^Init image could not be decoded as an image: /);

    const control = await failure({
      controlnets: [
        { path: "a/controlnet", image_url: CONTROL_URL },
        { path: "b/controlnet", image_url: BROKEN_URL },
      ],
    });
    expect(control.loc).toEqual(["body", "controlnets", 1, "image_url"]);
    expect(control.message).toMatch(/^ControlNet 2 control image could not be decoded/);

    const style = await failure({ ip_adapter: [{ path: "h94/IP-Adapter", ip_adapter_image_url: [BROKEN_URL] }] });
    expect(style.loc).toEqual(["body", "ip_adapter", 0, "ip_adapter_image_url", 0]);
    expect(style.message).toMatch(/^IP adapter 1 image 1 could not be decoded/);
  });

  it("reports the first failing field in input order", async () => {
    const error = await renderOne({
      image_url: BROKEN_URL,
      controlnets: [{ path: "a/controlnet", image_url: BROKEN_URL }],
    }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(SimulatorInputError);
    expect((error as SimulatorInputError).loc).toEqual(["body", "image_url"]);
  });

  it("lets loadImage failures through unchanged", async () => {
    const failure = new Error("upstream 404");
    const failing: LoadImage = async () => {
      throw failure;
    };
    await expect(renderImages(input(), 1, failing)).rejects.toBe(failure);
  });
});

describe("decodeImage", () => {
  it("decodes greyscale and transparent images to 3-channel RGB", async () => {
    const grey = await sharp({ create: { width: 10, height: 6, channels: 3, background: "#808080" } })
      .greyscale()
      .png()
      .toBuffer();
    const transparent = await sharp({
      create: { width: 10, height: 6, channels: 4, background: { r: 10, g: 20, b: 30, alpha: 0.5 } },
    })
      .png()
      .toBuffer();
    for (const bytes of [grey, transparent]) {
      const image = await decodeImage(bytes, ["body", "image_url"]);
      expect([image.width, image.height, image.pixels.length]).toEqual([10, 6, 10 * 6 * 3]);
    }
  });

  it("throws a SimulatorInputError with the given loc", async () => {
    const loc = ["body", "controlnets", 0, "image_url"];
    await expect(decodeImage(Buffer.from("nope"), loc)).rejects.toMatchObject({
      name: "SimulatorInputError",
      loc,
      message: expect.stringMatching(/^ControlNet 1 control image could not be decoded as an image: .+\.$/),
    });
  });
});
