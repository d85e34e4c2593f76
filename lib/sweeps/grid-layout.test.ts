import { describe, expect, it } from "vitest";
import { estimateText, fitImage, fitText, layoutGrid, wrapText } from "./grid-layout";

const columns = { title: "Guidance scale (CFG)", labels: ["5", "7.5", "9"] };
const rows = { title: "Inference steps", labels: ["20", "30"] };
const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe("layoutGrid", () => {
  it("puts the cells row by row at the results' size, apart and inside the image", () => {
    const layout = layoutGrid({ columns, rows, cell: { width: 512, height: 384 } });
    expect(layout.cells.map(({ row, column }) => [row, column])).toEqual([
      [0, 0],
      [0, 1],
      [0, 2],
      [1, 0],
      [1, 1],
      [1, 2],
    ]);
    for (const cell of layout.cells) {
      expect([cell.width, cell.height]).toEqual([512, 384]);
      expect(cell.x + cell.width).toBeLessThanOrEqual(layout.width);
      expect(cell.y + cell.height).toBeLessThanOrEqual(layout.height);
    }
    for (const [at, cell] of layout.cells.entries()) {
      for (const other of layout.cells.slice(at + 1)) expect(overlaps(cell, other)).toBe(false);
    }
    const [first, second, , below] = layout.cells;
    expect(second?.y).toBe(first?.y);
    expect((second?.x ?? 0) > (first?.x ?? 0) + 511).toBe(true);
    expect(below?.x).toBe(first?.x);
  });

  it("labels each column above it and each row beside it, with both titles", () => {
    const layout = layoutGrid({ columns, rows, cell: { width: 512, height: 384 } });
    const text = (value: string) => layout.texts.find((entry) => entry.text === value);
    expect(text("Guidance scale (CFG)")?.bold).toBe(true);
    expect(text("Inference steps")?.bold).toBe(true);
    layout.cells
      .filter((cell) => cell.row === 0)
      .forEach((cell, column) => {
        const label = text(columns.labels[column] ?? "");
        expect(label?.x).toBe(cell.x + cell.width / 2);
        expect(label?.y).toBeLessThan(cell.y);
      });
    layout.cells
      .filter((cell) => cell.column === 0)
      .forEach((cell, row) => {
        const label = text(rows.labels[row] ?? "");
        expect(label?.y).toBe(cell.y + cell.height / 2);
        expect(label?.x).toBeLessThan(cell.x);
      });
  });

  it("with one axis has no row labels, and writes the settings underneath, wrapped", () => {
    const footer = ["Prompt: " + "a very long prompt about castles ".repeat(20), "Seed: 1234 in every cell"];
    const layout = layoutGrid({ columns, cell: { width: 256, height: 256 }, footer });
    expect(layout.cells.every((cell) => cell.row === 0)).toBe(true);
    const lowest = Math.max(...layout.cells.map((cell) => cell.y + cell.height));
    const under = layout.texts.filter((entry) => entry.y > lowest);
    expect(under.length).toBeGreaterThan(2);
    expect(under.at(-1)?.text).toBe("Seed: 1234 in every cell");
    for (const line of under) expect(line.x + estimateText(line.text, line.fontSize)).toBeLessThanOrEqual(layout.width);
    expect(layout.height).toBeGreaterThan(under.at(-1)?.y ?? 0);
  });

  it("shrinks every cell alike to keep the image within its longest side", () => {
    const many = { title: "Seed", labels: Array.from({ length: 8 }, (_, index) => String(index)) };
    const layout = layoutGrid({ columns: many, rows, cell: { width: 1024, height: 1024 }, maxSide: 4096 });
    expect(Math.max(layout.width, layout.height)).toBeLessThanOrEqual(4096);
    const sizes = new Set(layout.cells.map((cell) => `${cell.width}x${cell.height}`));
    expect(sizes.size).toBe(1);
    expect(layout.cells[0]?.width).toBeLessThan(1024);
    expect(layout.cells[0]?.width).toBeGreaterThan(400);
  });
});

describe("text and images", () => {
  const measure = (text: string) => text.length * 10;

  it("shortens a label that does not fit, and leaves one that does", () => {
    expect(fitText("DPM++ 2M SDE Karras", 100, 16, measure)).toBe("DPM++ 2M…");
    expect(fitText("DDIM", 100, 16, measure)).toBe("DDIM");
  });

  it("wraps at words, keeping line breaks", () => {
    expect(wrapText("one two three\nfour", 80, 16, measure)).toEqual(["one two", "three", "four"]);
  });

  it("contains an image in its cell, centred", () => {
    expect(fitImage({ width: 200, height: 100 }, { x: 10, y: 10, width: 100, height: 100 })).toEqual({
      x: 10,
      y: 35,
      width: 100,
      height: 50,
    });
  });
});
