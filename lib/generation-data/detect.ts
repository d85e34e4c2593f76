/**
 * A cheap test, run on every paste, for text shaped like the generation data of AUTOMATIC1111,
 * Forge, Fooocus or Civitai: a `Negative prompt:` line, a line of at least three `Key: value`
 * pairs that names a sampling setting, or the JSON Fooocus's "Copy to Clipboard" gives. The full
 * parser loads only when this says yes.
 */
const PAIR = /(?:^|,)\s*[\p{L}\p{N}_][\p{L}\p{N}_ \-/]*:\s/gu;
const SAMPLING_KEY = /(?:^|,)\s*(?:Steps|Sampler|CFG scale|Seed):\s*\S/;

export function isParameterLine(line: string): boolean {
  return SAMPLING_KEY.test(line) && (line.match(PAIR)?.length ?? 0) >= 3;
}

function isFooocusJson(text: string): boolean {
  return /^\s*\{/.test(text) && /"prompt"\s*:/.test(text) && /"(?:sampler|steps|base_model)"\s*:/.test(text);
}

export function looksLikeGenerationData(text: string): boolean {
  if (text.length > MAX_GENERATION_DATA_LENGTH) return false;
  if (isFooocusJson(text)) return true;
  return text.split(/\r?\n/).some((line) => /^\s*Negative prompt:/.test(line) || isParameterLine(line));
}

/** Longer pastes are not read as generation data (a prompt and its settings are a few kB at most). */
export const MAX_GENERATION_DATA_LENGTH = 100_000;
