import { blankListItem, defaultInput } from "@/lib/fal/defaults";
import { parseExactJson, stringifyExactJson } from "@/lib/fal/exact-json";
import type { LoraRequest } from "@/lib/fal/input-schema";
import {
  beforeEnd,
  type PngChunk,
  pngSize,
  readChunks,
  readTextChunk,
  textChunk,
  writeChunks,
} from "@/lib/png/png-chunks";
import { problemsText, readSettings, type SettingsReading } from "./settings-reader";

/** The text chunk holding the full request as JSON. */
export const SETTINGS_KEYWORD = "fal-lora-request";
/** The chunk AUTOMATIC1111's web UI writes, which many image tools read. */
export const PARAMETERS_KEYWORD = "parameters";

const SAMPLER_NAMES: Record<string, string> = { "Euler A": "Euler a" };

/** The request in AUTOMATIC1111's "parameters" layout: prompt, negative prompt, then `Key: value` pairs. */
export function toA1111Parameters(request: LoraRequest, size?: { width: number; height: number }): string {
  const defaultScale = blankListItem("loras").scale;
  const loras = (request.loras ?? []).map((lora) => ` <lora:${lora.path}:${lora.scale ?? defaultScale}>`).join("");
  const pairs: [string, string | number | bigint | undefined][] = [
    ["Steps", request.num_inference_steps ?? defaultInput.num_inference_steps],
    ["Sampler", request.scheduler && (SAMPLER_NAMES[request.scheduler] ?? request.scheduler)],
    ["CFG scale", request.guidance_scale ?? defaultInput.guidance_scale],
    ["Seed", request.seed],
    ["Size", size && `${size.width}x${size.height}`],
    ["Model", request.model_name],
    ["Denoising strength", request.image_url ? (request.noise_strength ?? defaultInput.noise_strength) : undefined],
    ["Clip skip", request.clip_skip || undefined],
    ["Eta", request.eta || undefined],
  ];
  const settings = pairs
    .filter((pair): pair is [string, string | number | bigint] => pair[1] !== undefined && pair[1] !== "")
    .map(([key, value]) => `${key}: ${value}`)
    .join(", ");
  const negative = request.negative_prompt ? `\nNegative prompt: ${request.negative_prompt}` : "";
  return `${request.prompt}${loras}${negative}\n${settings}`;
}

function isOurs(chunk: PngChunk): boolean {
  const keyword = readTextChunk(chunk)?.keyword;
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
    textChunk(PARAMETERS_KEYWORD, toA1111Parameters(request, size)),
  ];
}

/**
 * The settings stored in a PNG by `embedSettingsInPng`, read field by field with the input schema
 * as a link's are (what does not fit is named in `problems`), or why there are none to restore.
 */
export function readSettingsFromPng(bytes: Uint8Array): SettingsReading | { error: string } {
  let chunks: PngChunk[];
  try {
    chunks = readChunks(bytes);
  } catch (cause) {
    return { error: cause instanceof Error ? cause.message : "This file could not be read as a PNG." };
  }
  const stored = chunks.map(readTextChunk).find((text) => text?.keyword === SETTINGS_KEYWORD);
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
