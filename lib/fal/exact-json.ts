/**
 * JSON with integers of any size. fal's seeds are 64-bit (docs/fal.md#seeds) and `JSON.parse`
 * rounds them past 2^53; here such integer literals become BigInt on the way in, and BigInt is
 * written back as a plain integer literal on the way out.
 */

const INTEGER_LITERAL = /^-?\d+$/;

/** A prefix no real string carries, so a marked literal cannot be mistaken for data. */
function marker(): string {
  return `exact-integer-${Math.random().toString(36).slice(2)}:`;
}

/** The index just past the JSON string that opens at `start` (a `"`). */
function endOfString(text: string, start: number): number {
  let index = start + 1;
  while (index < text.length && text[index] !== '"') index += text[index] === "\\" ? 2 : 1;
  return index + 1;
}

/** Parses JSON like `JSON.parse`, but integers beyond `Number.MAX_SAFE_INTEGER` come back as BigInt. */
export function parseExactJson(text: string): unknown {
  const prefix = marker();
  let marked = "";
  let copied = 0;
  let found = false;
  for (let index = 0; index < text.length;) {
    const char = text[index] ?? "";
    if (char === '"') {
      index = endOfString(text, index);
      continue;
    }
    const number =
      char === "-" || (char >= "0" && char <= "9")
        ? /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(index, index + 400))
        : null;
    if (!number) {
      index++;
      continue;
    }
    const literal = number[0];
    if (INTEGER_LITERAL.test(literal) && !Number.isSafeInteger(Number(literal))) {
      marked += `${text.slice(copied, index)}"${prefix}${literal}"`;
      copied = index + literal.length;
      found = true;
    }
    index += literal.length;
  }
  if (!found) return JSON.parse(text);
  return JSON.parse(marked + text.slice(copied), (_key, value: unknown) =>
    typeof value === "string" && value.startsWith(prefix) ? BigInt(value.slice(prefix.length)) : value,
  );
}

/** `JSON.stringify` that writes BigInt as an exact integer literal instead of throwing. */
export function stringifyExactJson(value: unknown, space?: number): string {
  const prefix = marker();
  const text = JSON.stringify(
    value,
    (_key, item: unknown) => (typeof item === "bigint" ? `${prefix}${item}` : item),
    space,
  );
  if (text === undefined) return "null";
  return text.replaceAll(new RegExp(`"${prefix}(-?\\d+)"`, "g"), "$1");
}

/**
 * A fetch whose responses' `.json()` keeps big integers exact. The fal client reads every
 * answer with `response.json()`; this is the one place it can be taught to keep a seed's digits.
 */
export function exactJsonFetch(fetchImpl: typeof fetch): typeof fetch {
  return async (input, init) => {
    const response = await fetchImpl(input, init);
    Object.defineProperty(response, "json", { value: async () => parseExactJson(await response.text()) });
    return response;
  };
}
