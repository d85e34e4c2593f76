import {
  MAX_PNG_TEXT_BYTES,
  PNG_KEYWORDS,
  type PngChunk,
  readChunks,
  readTextChunk,
  textKeyword,
} from "@/lib/png/png-chunks";

import { step } from "@/lib/text/steps";

export { PNG_SETTINGS_TOO_LARGE } from "@/lib/png/png-chunks";

/** The generation data in a PNG made by AUTOMATIC1111, Forge or Fooocus, and Fooocus's scheme when it says one. */
export type PngGenerationText = { parameters: string; scheme?: string };

/** A1111 and Forge (through PIL's `add_text`) and Fooocus write the settings under this keyword. */
const PARAMETERS = PNG_KEYWORDS.parameters;
const FOOOCUS_SCHEME = PNG_KEYWORDS.fooocusScheme;
/** The only chunks read (and inflated): nothing else in the file costs more than its keyword. */
const KEYWORDS = new Set<string>([PARAMETERS, FOOOCUS_SCHEME]);
/** Compressed bytes fed to the inflater at a time: deflate grows 1 KiB to at most about 1 MiB. */
const INFLATE_SLICE = 1024;

const latin1 = (bytes: Uint8Array) => Array.from(bytes, (byte) => String.fromCharCode(byte)).join("");

/**
 * Inflates `bytes` a slice at a time and stops once the output passes `maxBytes`, so a small
 * chunk that inflates to a gigabyte costs what a megabyte does. "too-large" past the bound.
 */
export async function inflateAtMost(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array | "too-large"> {
  const stream = new DecompressionStream("deflate");
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  let tooLarge = false;
  const reading = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      step(value.byteLength);
      total += value.byteLength;
      if (total > maxBytes) {
        tooLarge = true;
        await reader.cancel();
        return;
      }
      parts.push(value);
    }
  })();
  const writing = (async () => {
    for (let offset = 0; offset < bytes.length && !tooLarge; offset += INFLATE_SLICE) {
      await writer.write(Uint8Array.from(bytes.subarray(offset, offset + INFLATE_SLICE)));
    }
    if (!tooLarge) await writer.close();
  })();
  // A write fails once reading stops early; what reading found is the answer.
  const [read] = await Promise.allSettled([reading, writing.catch(() => undefined)]);
  if (read.status === "rejected") throw read.reason;
  if (tooLarge) return "too-large";
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

type ChunkText = { keyword: string; text: string } | { keyword: string; tooLarge: true };

/** Keyword and text of a compressed zTXt or iTXt chunk (PNG spec §11.3.4), which `readTextChunk` leaves aside. */
async function readCompressedText(chunk: PngChunk, keyword: string): Promise<ChunkText | undefined> {
  const nul = keyword.length;
  let compressed: Uint8Array;
  let decode: (bytes: Uint8Array) => string;
  if (chunk.type === "zTXt") {
    compressed = chunk.data.subarray(nul + 2);
    decode = latin1;
  } else {
    if (chunk.type !== "iTXt" || chunk.data[nul + 1] !== 1) return undefined;
    const language = chunk.data.indexOf(0, nul + 3);
    const translated = language < 0 ? -1 : chunk.data.indexOf(0, language + 1);
    if (translated < 0) return undefined;
    compressed = chunk.data.subarray(translated + 1);
    decode = (bytes) => new TextDecoder().decode(bytes);
  }
  const inflated = await inflateAtMost(compressed, MAX_PNG_TEXT_BYTES);
  return inflated === "too-large" ? { keyword, tooLarge: true } : { keyword, text: decode(inflated) };
}

async function readText(chunk: PngChunk, keyword: string): Promise<ChunkText | undefined> {
  const compressed = chunk.type === "zTXt" || (chunk.type === "iTXt" && chunk.data[keyword.length + 1] === 1);
  if (compressed) return readCompressedText(chunk, keyword);
  if (chunk.data.length > keyword.length + 5 + MAX_PNG_TEXT_BYTES) return { keyword, tooLarge: true };
  return readTextChunk(chunk);
}

/**
 * The `parameters` text of a PNG, "too-large" when that text (or Fooocus's scheme) passes
 * MAX_PNG_TEXT_BYTES, or undefined when it has none or cannot be read. Only those two keywords
 * are read; never throws.
 */
export async function readPngGenerationText(bytes: Uint8Array): Promise<PngGenerationText | "too-large" | undefined> {
  let chunks: PngChunk[];
  try {
    chunks = readChunks(bytes);
  } catch {
    return undefined;
  }
  const texts = new Map<string, string>();
  for (const chunk of chunks) {
    const keyword = textKeyword(chunk);
    if (keyword === undefined || !KEYWORDS.has(keyword) || texts.has(keyword)) continue;
    try {
      const text = await readText(chunk, keyword);
      if (text && "tooLarge" in text) return "too-large";
      if (text) texts.set(keyword, text.text);
    } catch {
      // A damaged compressed chunk is skipped; another may still hold the settings.
    }
  }
  const parameters = texts.get(PARAMETERS);
  if (!parameters?.trim()) return undefined;
  return { parameters, scheme: texts.get(FOOOCUS_SCHEME) };
}
