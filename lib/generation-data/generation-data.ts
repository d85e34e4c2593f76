import { step } from "@/lib/text/steps";
import { MAX_GENERATION_DATA_LENGTH } from "./detect";
import type { NamedLora } from "./extra-networks";
import { parseFooocusJson } from "./fooocus";
import { type Infotext, parseInfotext } from "./infotext";

/**
 * Generation data from any of the tools read here, in A1111's terms: prompts, `Key: value`
 * parameters under A1111's key names, and LoRAs a tool listed outside the prompt (Fooocus).
 */
export type GenerationData = Infotext & {
  /** Set when the data came in another layout than A1111's text, e.g. "Fooocus". */
  tool?: string;
  loras?: NamedLora[];
  notes?: string[];
};

/** Generation data over the length any tool writes, read as nothing but a note saying so. */
export const TOO_LONG_NOTE = `This generation data is longer than ${MAX_GENERATION_DATA_LENGTH.toLocaleString("en-US")} characters, which no tool writes, so it was not read.`;

/**
 * Reads A1111-style text, or Fooocus's JSON (its PNGs say which with a `fooocus_scheme` chunk;
 * pasted text is recognised by its braces). Text over MAX_GENERATION_DATA_LENGTH, whatever its
 * layout, is not read.
 */
export function parseGenerationData(text: string, scheme?: string): GenerationData {
  if (text.length > MAX_GENERATION_DATA_LENGTH) {
    return { prompt: "", negativePrompt: "", parameters: new Map(), stray: [], notes: [TOO_LONG_NOTE] };
  }
  step(2 * text.length);
  const trimmed = text.trim();
  if (scheme === "fooocus" || trimmed.startsWith("{")) {
    try {
      const fooocus = parseFooocusJson(JSON.parse(trimmed));
      if (fooocus) return fooocus;
    } catch {
      // Not JSON after all: read it as text.
    }
  }
  return parseInfotext(text);
}
