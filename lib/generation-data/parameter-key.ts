import { step } from "@/lib/text/steps";

// A1111's keys (`re_param` in its infotext_utils.py): a letter, digit or "_", then letters,
// digits, "_", spaces, "-" and "/". Scanned by hand, one pass, so a long run costs its length once.
const KEY_START = /[\p{L}\p{N}_]/u;
const KEY_PART = /[\p{L}\p{N}_ \-/]/u;

/** What a regex's `\s` matches. */
export function isWhitespace(char: string | undefined): boolean {
  return char !== undefined && char !== "" && char.trim() === "";
}

/** Index of the first character at or after `at` that is not whitespace. */
export function skipWhitespace(line: string, at: number): number {
  let index = at;
  while (index < line.length && isWhitespace(line[index])) index++;
  step(index - at + 1);
  return index;
}

/** Code points of `line` from `at` while `part` holds for them; the index past the last one. */
function scanWhile(line: string, at: number, part: RegExp): number {
  let index = at;
  while (index < line.length) {
    const codePoint = line.codePointAt(index) ?? 0;
    const char = String.fromCodePoint(codePoint);
    if (!part.test(char)) break;
    index += char.length;
  }
  step(index - at + 1);
  return index;
}

/**
 * The `Key:` starting at `at` (whitespace before it already skipped): the key without trailing
 * spaces, and the index just past its colon; undefined when the text there is not a key.
 */
export function keyAt(line: string, at: number): { key: string; end: number } | undefined {
  const first = line.codePointAt(at);
  if (first === undefined || !KEY_START.test(String.fromCodePoint(first))) return undefined;
  const keyEnd = scanWhile(line, at, KEY_PART);
  const colon = skipWhitespace(line, keyEnd);
  if (line[colon] !== ":") return undefined;
  return { key: line.slice(at, keyEnd).trimEnd(), end: colon + 1 };
}
