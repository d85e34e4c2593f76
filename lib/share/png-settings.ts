import { parseExactJson, stringifyExactJson } from "@/lib/fal/exact-json";
import type { LoraRequest } from "@/lib/fal/input-schema";
import {
  beforeEnd,
  findTextChunk,
  PNG_KEYWORDS,
  PNG_SETTINGS_TOO_LARGE,
  type PngChunk,
  pngSize,
  readChunks,
  textChunk,
  textKeyword,
  writeChunks,
} from "@/lib/png/png-chunks";
import { writeInfotext } from "@/lib/generation-data/infotext";
import { messageOf } from "@/lib/errors/message-of";
import { problemsText, readSettings, type SettingsReading } from "./settings-reader";

/** The text chunk holding the full request as JSON. */
const SETTINGS_KEYWORD = PNG_KEYWORDS.request;
/** The chunk AUTOMATIC1111's web UI writes, which many image tools read. */
const PARAMETERS_KEYWORD = PNG_KEYWORDS.parameters;

function isOurs(chunk: PngChunk): boolean {
  const keyword = textKeyword(chunk);
  return keyword === SETTINGS_KEYWORD || keyword === PARAMETERS_KEYWORD;
}

/**
 * The PNG with the request inside it: the full request as JSON under `fal-lora-request` and an
 * A1111-style `parameters` text, both placed before IEND. Settings already in the file are replaced.
 * Throws when the bytes are not a readable PNG.
 */
export function embedSettingsInPng(png: Uint8Array, request: LoraRequest): Uint8Array {
  const chunks = readChunks(png).filter((chunk) => !isOurs(chunk));
  return writeChunks(beforeEnd(chunks, settingsChunks(request, pngSize(chunks))));
}

/** The two text chunks that carry a request: the JSON, and A1111's `parameters` (with `size` as its Size). */
export function settingsChunks(request: LoraRequest, size: { width: number; height: number } | undefined): PngChunk[] {
  return [
    textChunk(SETTINGS_KEYWORD, stringifyExactJson(request)),
    textChunk(PARAMETERS_KEYWORD, writeInfotext(request, size)),
  ];
}

/**
 * The settings stored in a PNG by `embedSettingsInPng`, read field by field with the input schema
 * as a link's are (what does not fit is named in `problems`), or why there are none to restore.
 */
export function readSettingsFromPng(bytes: Uint8Array): SettingsReading | { error: string; tooLarge?: boolean } {
  let chunks: PngChunk[];
  try {
    chunks = readChunks(bytes);
  } catch (cause) {
    return { error: messageOf(cause, "This file could not be read as a PNG.") };
  }
  const stored = findTextChunk(chunks, SETTINGS_KEYWORD);
  if (stored === "too-large") return { error: PNG_SETTINGS_TOO_LARGE, tooLarge: true };
  if (!stored)
    return {
      error: "This image carries no settings. Only PNGs from this playground, AUTOMATIC1111, Forge or Fooocus do.",
    };
  let json: unknown;
  try {
    json = parseExactJson(stored.text);
  } catch {
    return { error: "The settings in this image are damaged and could not be read." };
  }
  const reading = readSettings(json);
  if (!reading.unreadable) return reading;
  return { error: `The settings in this image could not be read. ${problemsText(reading.problems)}` };
}
