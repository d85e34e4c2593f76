/*
 * Fitting text into a width without a layout engine: the preview card is SVG, which has no line
 * wrapping. Widths are estimates of DejaVu Sans (the system font the card names; Debian's default
 * sans) in ems, on the wide side, so a line never runs past its box.
 */

const NARROW = new Set([..." !'(),-./:;I[]`fijlrt|"]);
const WIDE = new Set([..."MWmw@%"]);
const ELLIPSIS = "…";

function charEm(char: string): number {
  if (NARROW.has(char)) return 0.36;
  if (WIDE.has(char)) return 0.98;
  // Past Latin, Greek and Cyrillic (CJK, emoji …) a glyph is about an em wide.
  if ((char.codePointAt(0) ?? 0) > 0x2e7f) return 1;
  if (char >= "A" && char <= "Z") return 0.74;
  return 0.64;
}

export type TextStyle = { size: number; bold?: boolean };

/** The estimated width of `text` in pixels; bold glyphs are about a tenth wider. */
export function textWidth(text: string, style: TextStyle): number {
  let ems = 0;
  for (const char of text) ems += charEm(char);
  return ems * style.size * (style.bold ? 1.1 : 1);
}

/** How many of `chars` fit in `width` (at least one, so a line always moves on). */
function fittingChars(chars: string[], style: TextStyle, width: number): number {
  let used = 0;
  for (let count = 0; count < chars.length; count++) {
    used += charEm(chars[count] ?? "") * style.size * (style.bold ? 1.1 : 1);
    if (used > width) return Math.max(count, 1);
  }
  return chars.length;
}

/** `text` on one line of `width`, cut with an ellipsis when it does not fit. */
export function fitLine(text: string, style: TextStyle, width: number): string {
  if (textWidth(text, style) <= width) return text;
  const chars = [...text];
  const kept = fittingChars(chars, style, width - textWidth(ELLIPSIS, style));
  return `${chars.slice(0, kept).join("").trimEnd()}${ELLIPSIS}`;
}

/**
 * `text` in at most `maxLines` lines of `width`, broken at spaces (a word wider than a line is broken
 * where it must); the last line ends in an ellipsis when text is left over.
 */
export function wrapLines(text: string, style: TextStyle, width: number, maxLines: number): string[] {
  const queue = text.split(" ").filter(Boolean);
  const lines: string[] = [];
  let line = "";
  while (queue.length > 0) {
    const word = queue[0] ?? "";
    const candidate = line ? `${line} ${word}` : word;
    if (textWidth(candidate, style) <= width) {
      line = candidate;
      queue.shift();
      continue;
    }
    if (line) {
      lines.push(line);
      line = "";
    } else {
      const chars = [...word];
      const kept = fittingChars(chars, style, width);
      lines.push(chars.slice(0, kept).join(""));
      queue[0] = chars.slice(kept).join("");
    }
    if (lines.length === maxLines) {
      const last = lines.pop() ?? "";
      return [...lines, fitLine([last, ...queue].join(" "), style, width)];
    }
  }
  if (line) lines.push(line);
  return lines;
}
