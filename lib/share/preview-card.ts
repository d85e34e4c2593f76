import "server-only";
import sharp from "sharp";
import { SITE_NAME } from "@/lib/site";
import type { ShareSummary } from "./share-summary";
import { fitLine, type TextStyle, wrapLines } from "./text-fit";

/** The size chat apps show a large card at (Open Graph's and X's summary_large_image). */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
const IMAGE_SIDE = CARD_HEIGHT;
const MARGIN = 56;
const ROW_HEIGHT = 34;
/** Input images larger than this many pixels are not decoded (a 25 MiB PNG can claim far more). */
const MAX_INPUT_PIXELS = 64_000_000;

// The page's dark theme: zinc, and the accent (violet) of tailwind.config.ts.
const colors = { background: "#09090b", imageBox: "#18181b", text: "#fafafa", muted: "#a1a1aa", accent: "#a78bfa" };
const FONT = "DejaVu Sans, Liberation Sans, sans-serif";

/** What the card shows beside the settings: the run's image, a note where it could not be had, or nothing (a preset). */
export type CardImage = { kind: "image"; bytes: Buffer } | { kind: "missing"; note: string } | { kind: "none" };

/** Text as SVG content: what XML 1.0 cannot hold (most controls, lone surrogates) dropped, the rest escaped. */
function xmlText(text: string): string {
  let kept = "";
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const control = code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d;
    if (control || (code >= 0xd800 && code <= 0xdfff) || code === 0xfffe || code === 0xffff) continue;
    kept += char;
  }
  return kept.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

type Line = { text: string; x: number; y: number; style: TextStyle; fill: string; anchor?: "middle" };

function svgLine({ text, x, y, style, fill, anchor }: Line): string {
  const weight = style.bold ? ' font-weight="bold"' : "";
  const middle = anchor ? ` text-anchor="${anchor}"` : "";
  return `<text x="${x}" y="${y}" font-size="${style.size}"${weight}${middle} fill="${fill}">${xmlText(text)}</text>`;
}

/** A model id or URL on one line, or on two broken after its last "/" when one is too short. */
function pathLines(path: string, style: TextStyle, width: number): string[] {
  const slash = path.lastIndexOf("/", path.length - 2);
  if (fitLine(path, style, width) === path || slash < 0) return [path];
  return [path.slice(0, slash + 1), path.slice(slash + 1)];
}

/** The text side of the card: brand, title (the prompt), then the key settings while they fit. */
function textLines(summary: ShareSummary, left: number, width: number, isRun: boolean): Line[] {
  const lines: Line[] = [];
  const label: TextStyle = { size: 22, bold: true };
  lines.push({
    text: isRun ? SITE_NAME : `${SITE_NAME} · shared settings`,
    x: left,
    y: MARGIN + 22,
    style: label,
    fill: colors.accent,
  });
  const titleStyle: TextStyle = { size: isRun ? 40 : 48, bold: true };
  const titleLines = wrapLines(summary.title || "Untitled", titleStyle, width, 3);
  let y = MARGIN + 22 + 36;
  for (const text of titleLines) {
    y += Math.round(titleStyle.size * 1.2);
    lines.push({ text, x: left, y, style: titleStyle, fill: colors.text });
  }
  y += 24;
  const value: TextStyle = { size: 22 };
  const valueLeft = left + 116;
  const valueWidth = width - 116;
  const bottom = CARD_HEIGHT - MARGIN - 40;
  const model = pathLines(summary.model, value, valueWidth);
  const slots = Math.floor((bottom - y) / ROW_HEIGHT);
  // Model, seed and sampling always show; the LoRAs get the rows left, the last saying how many more.
  const loraSlots = Math.max(slots - model.length - 2, 1);
  const loras =
    summary.loras.length <= loraSlots
      ? summary.loras
      : [...summary.loras.slice(0, loraSlots - 1), `and ${summary.loras.length - loraSlots + 1} more`];
  const rows: [string, string][] = [
    ...model.map((text, index): [string, string] => [index === 0 ? "Model" : "", text]),
    ...loras.map((lora, index): [string, string] => [index === 0 ? "LoRAs" : "", lora]),
    ["Seed", summary.seed ?? "random"],
    ["Sampling", summary.sampling],
  ];
  for (const [name, text] of rows.slice(0, slots)) {
    y += ROW_HEIGHT;
    if (name) lines.push({ text: name, x: left, y, style: { size: 20 }, fill: colors.muted });
    lines.push({ text: fitLine(text, value, valueWidth), x: valueLeft, y, style: value, fill: colors.text });
  }
  const footer = isRun ? "Open the link to run it again." : "Open the link to load these settings.";
  const footerStyle: TextStyle = { size: 20 };
  lines.push({
    text: fitLine(footer, footerStyle, width),
    x: left,
    y: CARD_HEIGHT - MARGIN,
    style: footerStyle,
    fill: colors.muted,
  });
  return lines;
}

function cardSvg(summary: ShareSummary, image: CardImage): string {
  const isRun = image.kind !== "none";
  const left = isRun ? IMAGE_SIDE + MARGIN : MARGIN + 16;
  const width = CARD_WIDTH - left - MARGIN;
  const lines = textLines(summary, left, width, isRun);
  if (image.kind === "missing") {
    const note = fitLine(image.note, { size: 24 }, IMAGE_SIDE - 2 * MARGIN);
    lines.push({
      text: note,
      x: IMAGE_SIDE / 2,
      y: IMAGE_SIDE / 2,
      style: { size: 24 },
      fill: colors.muted,
      anchor: "middle",
    });
  }
  const shapes = isRun
    ? `<rect width="${IMAGE_SIDE}" height="${IMAGE_SIDE}" fill="${colors.imageBox}"/>`
    : `<rect width="16" height="${CARD_HEIGHT}" fill="${colors.accent}"/>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" font-family="${FONT}">`,
    `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="${colors.background}"/>`,
    shapes,
    ...lines.map(svgLine),
    "</svg>",
  ].join("");
}

/** The run's image, whole, in the card's square; throws when the bytes are no image sharp can read. */
async function squareImage(bytes: Buffer): Promise<Buffer> {
  return sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS })
    .rotate()
    .resize(IMAGE_SIDE, IMAGE_SIDE, { fit: "contain", background: colors.imageBox })
    .flatten({ background: colors.imageBox })
    .png({ compressionLevel: 0 })
    .toBuffer();
}

/**
 * The 1200×630 picture a shared link's preview shows: the run's image on the left and its key
 * settings beside it, or (a preset) the settings alone. A JPEG: chat apps refuse large previews.
 */
export async function drawPreviewCard(summary: ShareSummary, image: CardImage): Promise<Buffer> {
  let drawn = image;
  let square: Buffer | undefined;
  if (image.kind === "image") {
    try {
      square = await squareImage(image.bytes);
    } catch {
      drawn = { kind: "missing", note: "The image could not be read." };
    }
  }
  const card = sharp(Buffer.from(cardSvg(summary, drawn)));
  if (square) card.composite([{ input: square, left: 0, top: 0 }]);
  return card.jpeg({ quality: 82 }).toBuffer();
}
