/*
 * Hostile link payloads for tests. lz-string's own compressor takes minutes over 50 MB, so the
 * payload is written code by code in its format (see lz-bounded.ts): the run of repeats is one code
 * per step, each repeating everything the step before gave plus one character.
 */

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$";

function bitWriter() {
  const out: string[] = [];
  let value = 0;
  let filled = 0;
  return {
    write(code: number, width: number) {
      for (let bit = 0; bit < width; bit++) {
        value = (value << 1) | ((code >> bit) & 1);
        if (++filled === 6) {
          out.push(ALPHABET[value] ?? "");
          value = 0;
          filled = 0;
        }
      }
    },
    finish(): string {
      if (filled > 0) out.push(ALPHABET[value << (6 - filled)] ?? "");
      return out.join("");
    },
  };
}

/**
 * A payload (without its version) that unpacks to `prefix`, then its last character repeated at
 * least `repeats` more times, then `suffix`. Every character must be below U+0100.
 */
export function inflatingPayload(prefix: string, repeats: number, suffix: string): string {
  const writer = bitWriter();
  let size = 4;
  let width = 3;
  let growIn = 4;
  const added = () => {
    size++;
    if (--growIn === 0) [growIn, width] = [2 ** width, width + 1];
  };
  const literal = (char: string) => {
    writer.write(0, width);
    writer.write(char.charCodeAt(0), 8);
    added();
    added();
  };
  const [first = "a", ...rest] = prefix;
  writer.write(0, 2);
  writer.write(first.charCodeAt(0), 8);
  rest.forEach(literal);
  // Each step repeats what the one before gave, plus one character: 2, 3, 4 … characters.
  for (let length = 2, given = 0; given < repeats; given += length, length++) {
    writer.write(size, width);
    added();
  }
  [...suffix].forEach(literal);
  writer.write(2, width);
  return writer.finish();
}
