import sharp from "sharp";

/** A square PNG with fine detail everywhere (so it neither compresses away nor decodes for free). */
export async function detailedPng(side: number): Promise<Buffer> {
  const pixels = Buffer.alloc(side * side * 3);
  for (let index = 0; index < pixels.length; index += 1) pixels[index] = (index * 37 + (index >> 11)) & 0xff;
  return sharp(pixels, { raw: { width: side, height: side, channels: 3 } })
    .png()
    .toBuffer();
}
