import { describe, expect, it } from "vitest";
import { fitLine, textWidth, wrapLines } from "./text-fit";

const style = { size: 20 };

describe("fitting text", () => {
  it("keeps text that fits, and cuts what does not with an ellipsis", () => {
    expect(fitLine("short", style, 500)).toBe("short");
    const cut = fitLine("a".repeat(200), style, 300);
    expect(cut.endsWith("…")).toBe(true);
    expect(textWidth(cut, style)).toBeLessThanOrEqual(300);
  });

  it("wraps at spaces, breaks a word wider than a line, and ends in an ellipsis past the last line", () => {
    expect(wrapLines("one two three", style, 1000, 3)).toEqual(["one two three"]);
    const lines = wrapLines(`a lighthouse ${"x".repeat(80)} at dusk over the sea with waves`, style, 300, 3);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe("a lighthouse");
    expect(lines[2]?.endsWith("…")).toBe(true);
    for (const line of lines) expect(textWidth(line, style)).toBeLessThanOrEqual(300);
  });

  it("counts wide scripts as wide and never loops on a line too narrow for one character", () => {
    expect(textWidth("日本語", style)).toBeGreaterThan(textWidth("abc", style));
    expect(wrapLines("日本語の長いプロンプト", style, 5, 2)).toHaveLength(2);
    expect(wrapLines("", style, 300, 3)).toEqual([]);
  });
});
