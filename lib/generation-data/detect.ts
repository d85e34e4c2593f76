import { step } from "@/lib/text/steps";
import { isWhitespace, keyAt, skipWhitespace } from "./parameter-key";

/**
 * A cheap test, run on every paste, for text shaped like the generation data of AUTOMATIC1111,
 * Forge, Fooocus or Civitai: a `Negative prompt:` line, a line of at least three `Key: value`
 * pairs that names a sampling setting, or the JSON Fooocus's "Copy to Clipboard" gives. The full
 * parser loads only when this says yes. Every test here is one pass over the text.
 */
const SAMPLING_KEYS = new Set(["Steps", "Sampler", "CFG scale", "Seed"]);

/** Whether the comma-separated segment starting at `at` is a pair (`Key: value`), and whether it names a sampling setting. */
function segmentAt(line: string, at: number): { pair: boolean; sampling: boolean } {
  const start = skipWhitespace(line, at);
  const key = keyAt(line, start);
  if (!key) return { pair: false, sampling: false };
  const pair = isWhitespace(line[key.end]);
  // A sampling key is written right before its colon, with a value after it.
  const sampling =
    SAMPLING_KEYS.has(key.key) &&
    line.slice(start, key.end - 1) === key.key &&
    skipWhitespace(line, key.end) < line.length;
  return { pair, sampling };
}

/** A line of at least three pairs, one of them a sampling setting: the line A1111 ends its data with. */
export function isParameterLine(line: string): boolean {
  let pairs = 0;
  let sampling = false;
  for (let at = 0; ;) {
    const segment = segmentAt(line, at);
    if (segment.pair) pairs += 1;
    sampling ||= segment.sampling;
    const comma = line.indexOf(",", at);
    step((comma < 0 ? line.length : comma) - at + 1);
    if (comma < 0) break;
    at = comma + 1;
  }
  return sampling && pairs >= 3;
}

function isFooocusJson(text: string): boolean {
  step(3 * text.length);
  return /^\s*\{/.test(text) && /"prompt"\s*:/.test(text) && /"(?:sampler|steps|base_model)"\s*:/.test(text);
}

const NEGATIVE = "Negative prompt:";

/** A line that starts the negative prompt. */
export function isNegativeLine(line: string): boolean {
  const start = skipWhitespace(line, 0);
  step(Math.min(NEGATIVE.length, line.length - start));
  return line.startsWith(NEGATIVE, start);
}

export function looksLikeGenerationData(text: string): boolean {
  if (text.length > MAX_GENERATION_DATA_LENGTH) return false;
  if (isFooocusJson(text)) return true;
  step(text.length);
  return text.split(/\r?\n/).some((line) => isNegativeLine(line) || isParameterLine(line));
}

/** Longer text is not read as generation data (a prompt and its settings are a few kB at most). */
export const MAX_GENERATION_DATA_LENGTH = 100_000;
