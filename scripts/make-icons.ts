/**
 * Makes the page's bitmap icons and link-preview image from app/icon.svg: app/favicon.ico (16, 32
 * and 48 px), app/apple-icon.png (180 px) and public/opengraph-image.png (1200 × 630). Run it after
 * changing the icon: `npm run icons`. Next serves the icons by their names (metadata files); the
 * preview image is linked by components/link-preview/link-preview-image.tsx.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import sharp from "sharp";

const app = (name: string) => join(__dirname, "..", "app", name);
const publicFile = (name: string) => join(__dirname, "..", "public", name);

/** An .ico holding PNG images, which every browser since IE 9 reads. */
function icoOf(pngs: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * pngs.length);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(pngs.length, 4);
  let offset = header.length;
  pngs.forEach(({ size, data }, index) => {
    const entry = 6 + 16 * index;
    header.writeUInt8(size % 256, entry);
    header.writeUInt8(size % 256, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(data.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...pngs.map(({ data }) => data)]);
}

function previewSvg(icon: string): string {
  const iconData = `data:image/svg+xml;base64,${Buffer.from(icon).toString("base64")}`;
  const font = "DejaVu Sans, Liberation Sans, sans-serif";
  const tile = (x: number, y: number, hue: number) => `
    <g transform="translate(${x} ${y})" clip-path="url(#tile)">
      <rect width="170" height="170" fill="hsl(${hue} 70% 55%)"/>
      <circle cx="118" cy="52" r="20" fill="hsl(${hue + 40} 90% 82%)"/>
      <path d="M0 150 55 85l38 38 25-20 52 45v22H0Z" fill="hsl(${hue - 30} 60% 28%)"/>
    </g>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630">
    <defs>
      <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
        <stop offset="0" stop-color="#2e1065"/>
        <stop offset="1" stop-color="#09090b"/>
      </linearGradient>
      <clipPath id="tile"><rect width="170" height="170" rx="16"/></clipPath>
    </defs>
    <rect width="1200" height="630" fill="url(#bg)"/>
    <image href="${iconData}" x="80" y="100" width="96" height="96"/>
    <text x="80" y="290" font-family="${font}" font-size="54" font-weight="bold" fill="#fafafa">fal LoRA playground</text>
    <text font-family="${font}" font-size="28" fill="#ddd6fe">
      <tspan x="80" y="350">Image-to-image with Stable Diffusion</tspan>
      <tspan x="80" y="390">and SDXL: LoRAs, ControlNets, IP adapters,</tspan>
      <tspan x="80" y="430">live queue, logs and history.</tspan>
    </text>
    <text x="80" y="540" font-family="DejaVu Sans Mono, monospace" font-size="24" fill="#a1a1aa">fal-ai/lora/image-to-image</text>
    ${tile(760, 125, 265)}
    ${tile(950, 125, 25)}
    ${tile(760, 315, 190)}
    ${tile(950, 315, 330)}
  </svg>`;
}

async function main() {
  const icon = await readFile(app("icon.svg"), "utf8");
  const png = (size: number) =>
    sharp(Buffer.from(icon), { density: 72 * (size / 64) * 2 })
      .resize(size, size)
      .png()
      .toBuffer();
  const favicons = await Promise.all([16, 32, 48].map(async (size) => ({ size, data: await png(size) })));
  await writeFile(app("favicon.ico"), icoOf(favicons));
  await writeFile(app("apple-icon.png"), await png(180));
  await writeFile(
    publicFile("opengraph-image.png"),
    await sharp(Buffer.from(previewSvg(icon)))
      .png({ compressionLevel: 9 })
      .toBuffer(),
  );
  console.log("Wrote app/favicon.ico, app/apple-icon.png and public/opengraph-image.png");
}

void main();
