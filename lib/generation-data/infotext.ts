import { blankListItem, defaultInput } from "@/lib/fal/defaults";
import type { LoraRequest } from "@/lib/fal/input-schema";
import { step } from "@/lib/text/steps";
import { isNegativeLine, isParameterLine } from "./detect";
import { keyAt, skipWhitespace } from "./parameter-key";
import { a1111Sampler } from "./samplers";

/**
 * Generation data as AUTOMATIC1111 writes it (its "infotext"; Forge, Fooocus's A1111 scheme and
 * Civitai write the same layout): the prompt, a `Negative prompt:` line, then one line of
 * `Key: value` pairs, values holding a comma, colon or line break quoted as JSON strings. This
 * module reads it and writes it (the `parameters` text of this playground's PNGs).
 */
export type Infotext = {
  prompt: string;
  negativePrompt: string;
  /** The pairs in their order; a key given twice keeps its last value, as A1111 reads it. */
  parameters: Map<string, string>;
  /** Text in or after the parameter line that was not a `Key: value` pair. */
  stray: string[];
};

/**
 * A1111 counts the CLIP layer it stops at from the end (1, its default, is the last layer) and
 * writes "Clip skip" only above 1; fal, as diffusers, counts the layers skipped (0 is none). So
 * A1111's "Clip skip: 2" is fal's 1 (docs/fal.md#clip-skip).
 */
export const clipSkipFromA1111 = (a1111: number) => a1111 - 1;
const clipSkipToA1111 = (fal: number) => fal + 1;

type Budget = { left: number };

/** Index just past the JSON string starting at `at` (a `"`), or -1 when it does not close. */
function endOfString(line: string, at: number, budget: Budget): number {
  for (let index = at + 1; index < line.length && budget.left-- > 0; index++) {
    if (line[index] === "\\") index++;
    else if (line[index] === '"') return index + 1;
  }
  return -1;
}

/** Index just past the JSON array or object starting at `at`, or -1 when its brackets do not balance. */
function endOfJson(line: string, at: number, budget: Budget): number {
  const open: string[] = [];
  for (let index = at; index < line.length && budget.left-- > 0; index++) {
    const char = line[index];
    if (char === '"') {
      const end = endOfString(line, index, budget);
      if (end < 0) return -1;
      index = end - 1;
    } else if (char === "[" || char === "{") open.push(char === "[" ? "]" : "}");
    else if (char === "]" || char === "}") {
      if (open.pop() !== char) return -1;
      if (open.length === 0) return index + 1;
    }
  }
  return -1;
}

function unquote(quoted: string): string {
  step(quoted.length);
  try {
    const value: unknown = JSON.parse(quoted);
    return typeof value === "string" ? value : quoted;
  } catch {
    return quoted.slice(1, -1);
  }
}

/** Index of the next comma at or after `at`, or the line's end. */
function nextComma(line: string, at: number): number {
  const comma = line.indexOf(",", at);
  const end = comma < 0 ? line.length : comma;
  step(end - at + 1);
  return end;
}

/**
 * The value starting at `at`: a JSON string, a JSON array or object (Civitai writes those bare),
 * or text up to the next comma. A string or brackets that never close are read as text; the
 * budget bounds the scans that find no end, so a line of unclosed brackets is still read in one pass.
 */
function readValue(line: string, at: number, budget: Budget): { value: string; end: number } {
  const first = line[at];
  if (first === '"') {
    const end = endOfString(line, at, budget);
    if (end > 0) return { value: unquote(line.slice(at, end)), end };
  } else if (first === "[" || first === "{") {
    const end = endOfJson(line, at, budget);
    if (end > 0) return { value: line.slice(at, end), end };
  }
  const end = nextComma(line, at);
  return { value: line.slice(at, end).trim(), end };
}

/** The `Key: value` pairs of a parameter line, and whatever in it was not one. */
export function readParameterLine(line: string): { pairs: [string, string][]; stray: string[] } {
  const pairs: [string, string][] = [];
  const stray: string[] = [];
  const budget: Budget = { left: 2 * line.length };
  let at = 0;
  while (at < line.length) {
    at = skipWhitespace(line, at);
    if (at >= line.length) break;
    const key = keyAt(line, at);
    if (!key) {
      const end = nextComma(line, at);
      const text = line.slice(at, end).trim();
      if (text) stray.push(text);
      at = end + 1;
      continue;
    }
    const { value, end } = readValue(line, skipWhitespace(line, key.end), budget);
    pairs.push([key.key, value]);
    at = skipWhitespace(line, end);
    if (line[at] === ",") at++;
    else if (at < line.length) {
      // Text right after a quoted value, before the next comma: keep it visible rather than lose it.
      const next = nextComma(line, at);
      const text = line.slice(at, next).trim();
      if (text) stray.push(text);
      at = next + 1;
    }
  }
  return { pairs, stray };
}

const NEGATIVE = "Negative prompt:";

/**
 * Reads generation data the way A1111's `parse_generation_parameters` does: the last parameter
 * line (three or more pairs naming a sampling setting) ends the prompts; lines before it up to
 * `Negative prompt:` are the prompt, the rest the negative prompt, each line trimmed. Lines of
 * pairs after it are read too (some tools wrap long settings); any other line after it is stray.
 */
export function parseInfotext(text: string): Infotext {
  step(3 * text.length);
  const lines = text.replace(/\r\n?/g, "\n").trim().split("\n");
  let last = -1;
  for (let index = lines.length - 1; index >= 0; index--) {
    if (isParameterLine(lines[index] ?? "")) {
      last = index;
      break;
    }
  }
  const promptLines = last < 0 ? lines : lines.slice(0, last);
  const parameters = new Map<string, string>();
  const stray: string[] = [];
  if (last >= 0) {
    for (const line of lines.slice(last)) {
      const read = readParameterLine(line);
      if (read.pairs.length === 0) {
        if (line.trim()) stray.push(line.trim());
        continue;
      }
      for (const [key, value] of read.pairs) parameters.set(key, value);
      stray.push(...read.stray);
    }
  }

  const prompt: string[] = [];
  const negative: string[] = [];
  let inNegative = false;
  for (const raw of promptLines) {
    step(raw.length + 1);
    const line = raw.trim();
    if (isNegativeLine(line)) {
      inNegative = true;
      negative.push(line.slice(NEGATIVE.length).trim());
    } else (inNegative ? negative : prompt).push(line);
  }
  return { prompt: prompt.join("\n").trim(), negativePrompt: negative.join("\n").trim(), parameters, stray };
}

/** A value as A1111's `quote()` writes it: as a JSON string when it holds a comma, colon or line break. */
function quote(value: string | number | bigint): string {
  const text = String(value);
  return /[,:\n]/.test(text) ? JSON.stringify(text) : text;
}

/**
 * The request as A1111 writes generation data: the prompt with a `<lora:path:scale>` tag per
 * LoRA, the negative prompt, then `Key: value` pairs in A1111's order and counts (its sampler
 * and schedule type, its Clip skip), with `size` as its Size.
 */
export function writeInfotext(request: LoraRequest, size?: { width: number; height: number }): string {
  const defaultScale = blankListItem("loras").scale;
  const loras = (request.loras ?? []).map((lora) => ` <lora:${lora.path}:${lora.scale ?? defaultScale}>`).join("");
  const sampler = request.scheduler && a1111Sampler(request.scheduler);
  const clipSkip = clipSkipToA1111(request.clip_skip ?? defaultInput.clip_skip);
  const pairs: [string, string | number | bigint | undefined][] = [
    ["Steps", request.num_inference_steps ?? defaultInput.num_inference_steps],
    ["Sampler", sampler ? sampler.sampler : undefined],
    ["Schedule type", sampler ? sampler.schedule : undefined],
    ["CFG scale", request.guidance_scale ?? defaultInput.guidance_scale],
    ["Seed", request.seed],
    ["Size", size && `${size.width}x${size.height}`],
    ["Model", request.model_name],
    ["Denoising strength", request.image_url ? (request.noise_strength ?? defaultInput.noise_strength) : undefined],
    ["Clip skip", clipSkip > 1 ? clipSkip : undefined],
    ["Eta", request.eta || undefined],
  ];
  const settings = pairs
    .filter((pair): pair is [string, string | number | bigint] => pair[1] !== undefined && pair[1] !== "")
    .map(([key, value]) => `${key}: ${quote(value)}`)
    .join(", ");
  const negative = request.negative_prompt ? `\n${NEGATIVE} ${request.negative_prompt}` : "";
  return `${request.prompt}${loras}${negative}\n${settings}`;
}
