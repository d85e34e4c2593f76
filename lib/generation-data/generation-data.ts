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

/**
 * Reads A1111-style text, or Fooocus's JSON (its PNGs say which with a `fooocus_scheme` chunk;
 * pasted text is recognised by its braces).
 */
export function parseGenerationData(text: string, scheme?: string): GenerationData {
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
