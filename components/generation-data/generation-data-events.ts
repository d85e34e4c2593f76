import { looksLikeGenerationData, MAX_GENERATION_DATA_LENGTH } from "@/lib/generation-data/detect";

/** Generation data to offer: pasted text, or the `parameters` text of a dropped or pasted PNG. */
export type GenerationDataSource = {
  text: string;
  /** Fooocus's `fooocus_scheme` chunk, when the PNG has one. */
  scheme?: string;
  /** The PNG it came from. */
  file?: File;
  /** The prompt box it was pasted into (and where it stays if the offer is declined). */
  pastedInto?: "prompt" | "negative_prompt";
};

export const GENERATION_DATA_EVENT = "playground:generation-data";

export function offerGenerationData(source: GenerationDataSource): void {
  document.dispatchEvent(new CustomEvent<GenerationDataSource>(GENERATION_DATA_EVENT, { detail: source }));
}

/**
 * Offers the generation data in a PNG made by AUTOMATIC1111, Forge or Fooocus. The PNG reader
 * loads only now. Not offered when the file holds none, or holds more than is read (Fooocus's
 * JSON included): then `tooLarge` says so.
 */
export async function offerGenerationDataInPng(file: File): Promise<{ offered: boolean; tooLarge?: string }> {
  const { readPngGenerationText, PNG_SETTINGS_TOO_LARGE } = await import("@/lib/generation-data/png-parameters");
  const found = await readPngGenerationText(new Uint8Array(await file.arrayBuffer()));
  if (found === "too-large" || (found && found.parameters.length > MAX_GENERATION_DATA_LENGTH)) {
    return { offered: false, tooLarge: PNG_SETTINGS_TOO_LARGE };
  }
  if (!found || (found.scheme !== "fooocus" && !looksLikeGenerationData(found.parameters))) return { offered: false };
  offerGenerationData({ text: found.parameters, scheme: found.scheme, file });
  return { offered: true };
}
