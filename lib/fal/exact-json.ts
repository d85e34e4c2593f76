/**
 * JSON with integers of any size. fal's seeds are 64-bit (docs/fal.md#seeds) and `JSON.parse`
 * rounds them past 2^53; here such integer literals become BigInt on the way in, and BigInt is
 * written back as a plain integer literal on the way out.
 */

import { isRecord } from "@/lib/json/is-record";

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

/** One per page: BigInt values handed to the fal client wear it until the fetch below writes them out. */
const BODY_MARKER = marker();
const MARKED_LITERAL = new RegExp(`"${BODY_MARKER}(-?\\d+)"`, "g");

/**
 * The value with every BigInt as a marked string. The fal client writes request bodies with
 * `JSON.stringify`, which throws on BigInt; `exactJsonFetch` turns the marks back into integer literals.
 */
export function withExactIntegers(body: Record<string, unknown>): Record<string, unknown> {
  const mark = (value: unknown): unknown => {
    if (typeof value === "bigint") return `${BODY_MARKER}${value}`;
    if (Array.isArray(value)) return value.map(mark);
    return isRecord(value) ? Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mark(item)])) : value;
  };
  return Object.fromEntries(Object.entries(body).map(([key, item]) => [key, mark(item)]));
}

/**
 * A fetch that keeps big integers exact both ways: bodies prepared with `withExactIntegers` go out
 * with their integer literals, and answers' `.json()` reads them as BigInt. The fal client reads
 * every answer with `response.json()`; this is the one place it can be taught to keep a seed's digits.
 */
export function exactJsonFetch(fetchImpl: typeof fetch): typeof fetch {
  return async (input, init) => {
    const body =
      typeof init?.body === "string" && init.body.includes(BODY_MARKER)
        ? init.body.replace(MARKED_LITERAL, "$1")
        : init?.body;
    const response = await fetchImpl(input, init && { ...init, body });
    Object.defineProperty(response, "json", {
      value: async () => parseExactJson(await response.text()),
      configurable: true,
    });
    return response;
  };
}
