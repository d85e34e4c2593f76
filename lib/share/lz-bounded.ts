/**
 * Reads lz-string's URI-safe form (what `compressToEncodedURIComponent` writes) and stops as soon as
 * the text would pass `maxChars`. lz-string's own decompressor cannot stop early, and a short payload
 * can unpack to megabytes (each code may repeat everything decoded so far), so a hostile link would
 * hold the tab or the server for seconds. Here the work is linear in the input plus the bounded output.
 *
 * The format: 6 bits per character, read from the high bit down; codes are numbers assembled low bit
 * first, their width growing as the dictionary does. Code 0 or 1 brings a literal 8- or 16-bit
 * character, 2 ends the stream, any other names a dictionary entry.
 */

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$";
const SIX_BITS = new Map([...ALPHABET].map((char, index) => [char, index]));

export type Inflated = { ok: true; text: string } | { ok: false; reason: "damaged" | "too-large" };

class Damaged extends Error {}

/** A reader of the payload's bits; runs past the end of the payload are a damaged payload. */
function bitReader(payload: string) {
  let index = 0;
  let value = 0;
  let mask = 0;
  return (width: number): number => {
    let code = 0;
    for (let bit = 0; bit < width; bit++) {
      if (mask === 0) {
        const char = payload[index++];
        const next = char === undefined ? undefined : SIX_BITS.get(char);
        if (next === undefined) throw new Damaged();
        value = next;
        mask = 32;
      }
      if (value & mask) code |= 1 << bit;
      mask >>= 1;
    }
    return code;
  };
}

/** Counts the work done: one step per code read and per character given out. */
export type Meter = { steps: number };

/**
 * The text a link's payload packs, or why it cannot be had: damaged, or larger than `maxChars`.
 * The work is at most one step per two bits of payload plus one per character given out.
 */
export function inflateLinkPayload(encoded: string, maxChars: number, meter: Meter = { steps: 0 }): Inflated {
  // Some chat apps turn "+" into a space, as in a query string; lz-string reads those back the same way.
  const payload = encoded.replaceAll(" ", "+");
  if (payload === "") return { ok: false, reason: "damaged" };
  try {
    const read = bitReader(payload);
    const literal = (code: number) => String.fromCharCode(read(code === 0 ? 8 : 16));
    const first = read(2);
    if (first === 2) return { ok: true, text: "" };
    if (first === 3) return { ok: false, reason: "damaged" };
    let previous = literal(first);
    // Codes 0–2 are the markers above; entries start at 3.
    const dictionary: string[] = ["", "", "", previous];
    const parts = [previous];
    let length = previous.length;
    let width = 3;
    let growIn = 4;

    for (;;) {
      meter.steps++;
      let code = read(width);
      if (code === 2) return { ok: true, text: parts.join("") };
      if (code < 2) {
        dictionary.push(literal(code));
        code = dictionary.length - 1;
        if (--growIn === 0) [growIn, width] = [2 ** width, width + 1];
      }
      let entry: string;
      if (code < dictionary.length) entry = dictionary[code] ?? "";
      else if (code === dictionary.length) entry = previous + previous.charAt(0);
      else return { ok: false, reason: "damaged" };
      length += entry.length;
      if (length > maxChars) return { ok: false, reason: "too-large" };
      meter.steps += entry.length;
      parts.push(entry);
      dictionary.push(previous + entry.charAt(0));
      previous = entry;
      if (--growIn === 0) [growIn, width] = [2 ** width, width + 1];
    }
  } catch (error) {
    if (error instanceof Damaged) return { ok: false, reason: "damaged" };
    throw error;
  }
}
