import { step } from "@/lib/text/steps";

/** Just enough of the PNG format to read and write text chunks (PNG spec §5 and §11.3.4). */

export const PNG_SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export type PngChunk = { type: string; data: Uint8Array };

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, index) => {
  let crc = index;
  for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  return crc >>> 0;
});

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let index = 0; index < bytes.length; index++) {
    crc = (CRC_TABLE[(crc ^ (bytes[index] ?? 0)) & 0xff] ?? 0) ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** Chunks walked at most. A 25 MiB image has a few thousand; a file of millions of empty chunks is not read. */
export const MAX_PNG_CHUNKS = 65_536;
/** Bytes of one text chunk read at most, inflated or not: far more than any settings hold. */
export const MAX_PNG_TEXT_BYTES = 1024 * 1024;
/** Why the settings of a PNG were not read when a text chunk passes MAX_PNG_TEXT_BYTES. */
export const PNG_SETTINGS_TOO_LARGE = "The settings in this PNG are too large to read.";

/**
 * The text chunks the playground writes or reads: its request and sweep, and the generation data of
 * A1111, Forge and Fooocus. No other text chunk is decoded, inflated or even checksummed.
 */
export const PNG_KEYWORDS = {
  request: "fal-lora-request",
  sweep: "fal-lora-sweep",
  parameters: "parameters",
  fooocusScheme: "fooocus_scheme",
} as const;
const READ_KEYWORDS = new Set<string>(Object.values(PNG_KEYWORDS));

const TEXT_TYPES = new Set(["tEXt", "zTXt", "iTXt"]);

/** Whether a chunk's checksum is checked: the header and the text chunks read here; image data is the decoder's. */
function isVerified(type: string, data: Uint8Array): boolean {
  if (type === "IHDR") return true;
  if (!TEXT_TYPES.has(type)) return false;
  const keyword = keywordOf(data);
  return keyword !== undefined && READ_KEYWORDS.has(keyword);
}

function keywordOf(data: Uint8Array): string | undefined {
  const nul = data.subarray(0, 80).indexOf(0);
  return nul < 1 ? undefined : fromLatin1(data.subarray(0, nul));
}

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= PNG_SIGNATURE.length && PNG_SIGNATURE.every((byte, index) => bytes[index] === byte);
}

const latin1 = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0) & 0xff);
function fromLatin1(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}

/**
 * The chunks of a PNG in order, their data views into `bytes`; throws on a broken file (bad
 * signature or length, a bad checksum on IHDR or a text chunk of PNG_KEYWORDS) or one of over
 * MAX_PNG_CHUNKS chunks.
 */
export function readChunks(bytes: Uint8Array): PngChunk[] {
  if (!isPng(bytes)) throw new Error("This file is not a PNG.");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: PngChunk[] = [];
  let offset = PNG_SIGNATURE.length;
  while (offset + 12 <= bytes.length) {
    if (chunks.length === MAX_PNG_CHUNKS) throw new Error("The PNG has too many chunks to read.");
    const length = view.getUint32(offset);
    const end = offset + 12 + length;
    if (end > bytes.length) throw new Error("The PNG is cut short.");
    const typeAndData = bytes.subarray(offset + 4, offset + 8 + length);
    const type = fromLatin1(typeAndData.subarray(0, 4));
    const verified = isVerified(type, typeAndData.subarray(4));
    step(verified ? 1 + typeAndData.length : 1);
    if (verified && crc32(typeAndData) !== view.getUint32(offset + 8 + length))
      throw new Error("The PNG is damaged (checksum mismatch).");
    chunks.push({ type, data: typeAndData.subarray(4) });
    offset = end;
    if (type === "IEND") return chunks;
  }
  throw new Error("The PNG is cut short.");
}

/** The keyword of a tEXt, zTXt or iTXt chunk (at most 79 Latin-1 bytes), undefined for any other chunk. */
export function textKeyword(chunk: PngChunk): string | undefined {
  return TEXT_TYPES.has(chunk.type) ? keywordOf(chunk.data) : undefined;
}

/** The first text chunk under `keyword`, read only if its text is within MAX_PNG_TEXT_BYTES. */
export function findTextChunk(chunks: PngChunk[], keyword: string): { text: string } | "too-large" | undefined {
  const chunk = chunks.find((candidate) => textKeyword(candidate) === keyword);
  if (!chunk) return undefined;
  if (chunk.data.length > keyword.length + 5 + MAX_PNG_TEXT_BYTES) return "too-large";
  const text = readTextChunk(chunk);
  return text && { text: text.text };
}

export function writeChunks(chunks: PngChunk[]): Uint8Array {
  const size = PNG_SIGNATURE.length + chunks.reduce((sum, chunk) => sum + 12 + chunk.data.length, 0);
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  bytes.set(PNG_SIGNATURE);
  let offset = PNG_SIGNATURE.length;
  for (const { type, data } of chunks) {
    view.setUint32(offset, data.length);
    bytes.set(latin1(type), offset + 4);
    bytes.set(data, offset + 8);
    view.setUint32(offset + 8 + data.length, crc32(bytes.subarray(offset + 4, offset + 8 + data.length)));
    offset += 12 + data.length;
  }
  return bytes;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

const isLatin1 = (text: string) => /^[\x20-\x7e\xa0-\xff\n]*$/.test(text);

/** A text chunk: plain tEXt when the text is Latin-1 (what most readers expect), UTF-8 iTXt otherwise. */
export function textChunk(keyword: string, text: string): PngChunk {
  if (isLatin1(text)) return { type: "tEXt", data: concat(latin1(keyword), Uint8Array.of(0), latin1(text)) };
  // keyword, NUL, compression flag 0, method 0, empty language tag NUL, empty translated keyword NUL, text
  const header = concat(latin1(keyword), Uint8Array.of(0, 0, 0, 0, 0));
  return { type: "iTXt", data: concat(header, new TextEncoder().encode(text)) };
}

/** The keyword and text of a tEXt or uncompressed iTXt chunk; undefined for anything else. */
export function readTextChunk(chunk: PngChunk): { keyword: string; text: string } | undefined {
  const nul = chunk.data.indexOf(0);
  if (nul < 1) return undefined;
  const keyword = fromLatin1(chunk.data.subarray(0, nul));
  if (chunk.type === "tEXt") return { keyword, text: fromLatin1(chunk.data.subarray(nul + 1)) };
  if (chunk.type !== "iTXt" || chunk.data[nul + 1] !== 0) return undefined;
  const language = chunk.data.indexOf(0, nul + 3);
  const translated = language < 0 ? -1 : chunk.data.indexOf(0, language + 1);
  if (translated < 0) return undefined;
  return { keyword, text: new TextDecoder().decode(chunk.data.subarray(translated + 1)) };
}

/** Width and height from the IHDR chunk. */
export function pngSize(chunks: PngChunk[]): { width: number; height: number } | undefined {
  const header = chunks.find((chunk) => chunk.type === "IHDR");
  if (!header || header.data.length < 8) return undefined;
  const view = new DataView(header.data.buffer, header.data.byteOffset, header.data.byteLength);
  return { width: view.getUint32(0), height: view.getUint32(4) };
}

/** The chunks with `extra` placed just before IEND, where text chunks may go. */
export function beforeEnd(chunks: PngChunk[], extra: PngChunk[]): PngChunk[] {
  const end = chunks.findIndex((chunk) => chunk.type === "IEND");
  return [...chunks.slice(0, end), ...extra, ...chunks.slice(end)];
}
