import { type PngChunk, readChunks, readTextChunk } from "@/lib/png/png-chunks";

/** The generation data in a PNG made by AUTOMATIC1111, Forge or Fooocus, and Fooocus's scheme when it says one. */
export type PngGenerationText = { parameters: string; scheme?: string };

/** A1111 and Forge (through PIL's `add_text`) and Fooocus write the settings under this keyword. */
const PARAMETERS = "parameters";
const FOOOCUS_SCHEME = "fooocus_scheme";

const latin1 = (bytes: Uint8Array) => Array.from(bytes, (byte) => String.fromCharCode(byte)).join("");

async function inflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([Uint8Array.from(bytes)]).stream().pipeThrough(new DecompressionStream("deflate"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Keyword and text of a compressed zTXt or iTXt chunk (PNG spec §11.3.4), which `readTextChunk` leaves aside. */
async function readCompressedText(chunk: PngChunk): Promise<{ keyword: string; text: string } | undefined> {
  const nul = chunk.data.indexOf(0);
  if (nul < 1) return undefined;
  const keyword = latin1(chunk.data.subarray(0, nul));
  if (chunk.type === "zTXt") return { keyword, text: latin1(await inflate(chunk.data.subarray(nul + 2))) };
  if (chunk.type !== "iTXt" || chunk.data[nul + 1] !== 1) return undefined;
  const language = chunk.data.indexOf(0, nul + 3);
  const translated = language < 0 ? -1 : chunk.data.indexOf(0, language + 1);
  if (translated < 0) return undefined;
  return { keyword, text: new TextDecoder().decode(await inflate(chunk.data.subarray(translated + 1))) };
}

/** The `parameters` text of a PNG, or undefined when it has none or cannot be read. Never throws. */
export async function readPngGenerationText(bytes: Uint8Array): Promise<PngGenerationText | undefined> {
  let chunks: PngChunk[];
  try {
    chunks = readChunks(bytes);
  } catch {
    return undefined;
  }
  const texts = new Map<string, string>();
  for (const chunk of chunks) {
    if (chunk.type !== "tEXt" && chunk.type !== "iTXt" && chunk.type !== "zTXt") continue;
    try {
      const text = readTextChunk(chunk) ?? (await readCompressedText(chunk));
      if (text && !texts.has(text.keyword)) texts.set(text.keyword, text.text);
    } catch {
      // A damaged compressed chunk is skipped; the others may still hold the settings.
    }
  }
  const parameters = texts.get(PARAMETERS);
  if (!parameters?.trim()) return undefined;
  return { parameters, scheme: texts.get(FOOOCUS_SCHEME) };
}
