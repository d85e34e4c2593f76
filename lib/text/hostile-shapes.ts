/**
 * Text shaped the way an attacker shapes it, for the tests that hold each parser of outside text
 * to a budget of steps: long runs of digits, spaces and separators, and brackets that never close.
 */

/** `unit` repeated to `size` characters in all, after `head` and before `tail`. */
export function fill(head: string, unit: string, tail = "", size = 100_000): string {
  const room = size - head.length - tail.length;
  return head + unit.repeat(Math.ceil(room / unit.length)).slice(0, room) + tail;
}

/** JSON-ish shapes of a given size, for the parsers that read JSON (presets files, the JSON tab). */
export const jsonShapes: Record<string, (size: number) => string> = {
  "a run of digits": (size) => fill('{"model_name": "m", "prompt": "p", "seed": ', "9", "}", size),
  "a run of spaces": (size) => fill('{"model_name": "m",', " ", '"prompt": "p"}', size),
  "comma separators": (size) => fill("[", ",", "]", size),
  "unclosed brackets": (size) => fill("", "[", "", size),
  "unclosed objects": (size) => fill("", '{"a":', "", size),
  "an unclosed string": (size) => fill('{"prompt": "', "a", "", size),
  "thousands of list items": (size) => fill('{"model_name": "m", "prompt": "p", "loras": [', "{},", "{}]}", size),
  "thousands of keys": (size) => fill('{"model_name": "m", "prompt": "p"', ', "k": 1', "}", size),
};
