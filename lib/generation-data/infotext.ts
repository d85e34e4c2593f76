import { isParameterLine } from "./detect";

/**
 * Generation data as AUTOMATIC1111 writes it (its "infotext"; Forge, Fooocus's A1111 scheme and
 * Civitai write the same layout): the prompt, a `Negative prompt:` line, then one line of
 * `Key: value` pairs, values holding a comma, colon or line break quoted as JSON strings.
 */
export type Infotext = {
  prompt: string;
  negativePrompt: string;
  /** The pairs in their order; a key given twice keeps its last value, as A1111 reads it. */
  parameters: Map<string, string>;
  /** Text in or after the parameter line that was not a `Key: value` pair. */
  stray: string[];
};

const KEY = /([\p{L}\p{N}_][\p{L}\p{N}_ \-/]*?)\s*:/uy;
const SPACE = /\s*/y;

function skipSpace(line: string, at: number): number {
  SPACE.lastIndex = at;
  SPACE.test(line);
  return SPACE.lastIndex;
}

/** Index just past the JSON string starting at `at` (a `"`), or -1 when it does not close. */
function endOfString(line: string, at: number): number {
  for (let index = at + 1; index < line.length; index++) {
    if (line[index] === "\\") index++;
    else if (line[index] === '"') return index + 1;
  }
  return -1;
}

/** Index just past the JSON array or object starting at `at`, or -1 when its brackets do not balance. */
function endOfJson(line: string, at: number): number {
  const open: string[] = [];
  for (let index = at; index < line.length; index++) {
    const char = line[index];
    if (char === '"') {
      const end = endOfString(line, index);
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
  try {
    const value: unknown = JSON.parse(quoted);
    return typeof value === "string" ? value : quoted;
  } catch {
    return quoted.slice(1, -1);
  }
}

/** The value starting at `at`: a JSON string, a JSON array or object (Civitai writes those bare), or text up to the next comma. */
function readValue(line: string, at: number): { value: string; end: number } {
  const first = line[at];
  if (first === '"') {
    const end = endOfString(line, at);
    if (end > 0) return { value: unquote(line.slice(at, end)), end };
  } else if (first === "[" || first === "{") {
    const end = endOfJson(line, at);
    if (end > 0) return { value: line.slice(at, end), end };
  }
  const comma = line.indexOf(",", at);
  const end = comma < 0 ? line.length : comma;
  return { value: line.slice(at, end).trim(), end };
}

/** The `Key: value` pairs of a parameter line, and whatever in it was not one. */
export function readParameterLine(line: string): { pairs: [string, string][]; stray: string[] } {
  const pairs: [string, string][] = [];
  const stray: string[] = [];
  let at = 0;
  while (at < line.length) {
    at = skipSpace(line, at);
    if (at >= line.length) break;
    KEY.lastIndex = at;
    const key = KEY.exec(line);
    const comma = line.indexOf(",", at);
    if (!key?.[1] || (comma >= 0 && comma < KEY.lastIndex)) {
      const end = comma < 0 ? line.length : comma;
      const text = line.slice(at, end).trim();
      if (text) stray.push(text);
      at = end + 1;
      continue;
    }
    const { value, end } = readValue(line, skipSpace(line, KEY.lastIndex));
    pairs.push([key[1], value]);
    at = skipSpace(line, end);
    if (line[at] === ",") at++;
    else if (at < line.length) {
      // Text right after a quoted value, before the next comma: keep it visible rather than lose it.
      const next = line.indexOf(",", at);
      const text = line.slice(at, next < 0 ? line.length : next).trim();
      if (text) stray.push(text);
      at = next < 0 ? line.length : next + 1;
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
    const line = raw.trim();
    if (line.startsWith(NEGATIVE)) {
      inNegative = true;
      negative.push(line.slice(NEGATIVE.length).trim());
    } else (inNegative ? negative : prompt).push(line);
  }
  return { prompt: prompt.join("\n").trim(), negativePrompt: negative.join("\n").trim(), parameters, stray };
}
