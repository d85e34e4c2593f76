import type { ImageSize } from "@/lib/image-tools/image-size";
import type { AxisLabels } from "./plan";

/** The width of a text at a font size; the canvas's `measureText` in the page, an estimate elsewhere. */
export type MeasureText = (text: string, fontSize: number) => number;

export type GridLayoutInput = {
  columns: AxisLabels;
  rows?: AxisLabels;
  /** The size of the results (the largest, when they differ). */
  cell: ImageSize;
  /** The sweep's settings, written under the grid so the image says what it shows. */
  footer?: readonly string[];
  /** The grid image's longest side at most; cells shrink to fit. */
  maxSide?: number;
  measure?: MeasureText;
};

export type Rect = { x: number; y: number; width: number; height: number };
export type GridCell = Rect & { row: number; column: number };
/** A line of text: `y` is its middle (textBaseline "middle"), `x` its left edge or centre. */
export type GridText = {
  text: string;
  x: number;
  y: number;
  fontSize: number;
  bold: boolean;
  align: "left" | "center";
};
export type GridLayout = { width: number; height: number; cells: GridCell[]; texts: GridText[] };

export const DEFAULT_MAX_SIDE = 4096;

/** A sans-serif average: wide enough that estimated labels are never cut short on a canvas. */
export const estimateText: MeasureText = (text, fontSize) => text.length * fontSize * 0.6;

/** The text, shortened with "…" until it fits `maxWidth`. */
export function fitText(text: string, maxWidth: number, fontSize: number, measure: MeasureText = estimateText): string {
  if (measure(text, fontSize) <= maxWidth) return text;
  let end = text.length;
  while (end > 0 && measure(`${text.slice(0, end)}…`, fontSize) > maxWidth) end -= 1;
  return end === 0 ? "" : `${text.slice(0, end).trimEnd()}…`;
}

/** Words wrapped into lines of at most `maxWidth`; a word longer than a line is cut with "…". */
export function wrapText(
  text: string,
  maxWidth: number,
  fontSize: number,
  measure: MeasureText = estimateText,
): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (measure(candidate, fontSize) <= maxWidth) line = candidate;
      else {
        if (line) lines.push(line);
        line = fitText(word, maxWidth, fontSize, measure);
      }
    }
    lines.push(line);
  }
  return lines;
}

/** An image of `image`'s size, contained in `cell` and centred. */
export function fitImage(image: ImageSize, cell: Rect): Rect {
  const scale = Math.min(cell.width / image.width, cell.height / image.height);
  const width = Math.round(image.width * scale);
  const height = Math.round(image.height * scale);
  return {
    x: cell.x + Math.round((cell.width - width) / 2),
    y: cell.y + Math.round((cell.height - height) / 2),
    width,
    height,
  };
}

function layoutAt(input: GridLayoutInput, scale: number, measure: MeasureText): GridLayout {
  const columnCount = input.columns.labels.length;
  const rowCount = input.rows?.labels.length ?? 1;
  const cellWidth = Math.max(1, Math.round(input.cell.width * scale));
  const cellHeight = Math.max(1, Math.round(input.cell.height * scale));
  const fontSize = Math.min(40, Math.max(12, Math.round(Math.min(cellWidth, cellHeight) / 14)));
  const small = Math.max(10, Math.round(fontSize * 0.75));
  const line = Math.round(fontSize * 1.4);
  const padding = Math.round(fontSize * 0.75);
  const gap = Math.max(2, Math.round(fontSize / 4));

  const rowTexts = input.rows ? [input.rows.title, ...input.rows.labels] : [];
  const widest = Math.max(0, ...rowTexts.map((text) => measure(text, fontSize)));
  const rowLabelWidth = input.rows
    ? Math.round(Math.min(Math.max(widest, fontSize * 4), Math.max(cellWidth * 0.75, fontSize * 8)))
    : 0;
  const left = padding + (input.rows ? rowLabelWidth + gap : 0);
  const top = padding + line * 2;
  const gridWidth = columnCount * cellWidth + (columnCount - 1) * gap;
  const gridHeight = rowCount * cellHeight + (rowCount - 1) * gap;
  const width = left + gridWidth + padding;

  const footer = (input.footer ?? []).flatMap((text) => wrapText(text, width - padding * 2, small, measure));
  const footerLine = Math.round(small * 1.4);
  const height = top + gridHeight + padding + (footer.length > 0 ? footer.length * footerLine + padding : 0);

  const cells: GridCell[] = [];
  for (let row = 0; row < rowCount; row += 1) {
    for (let column = 0; column < columnCount; column += 1) {
      cells.push({
        row,
        column,
        x: left + column * (cellWidth + gap),
        y: top + row * (cellHeight + gap),
        width: cellWidth,
        height: cellHeight,
      });
    }
  }
  const texts: GridText[] = [
    {
      text: fitText(input.columns.title, gridWidth, fontSize, measure),
      x: left + gridWidth / 2,
      y: padding + line / 2,
      fontSize,
      bold: true,
      align: "center",
    },
    ...input.columns.labels.map((label, column) => ({
      text: fitText(label, cellWidth, fontSize, measure),
      x: left + column * (cellWidth + gap) + cellWidth / 2,
      y: padding + line * 1.5,
      fontSize,
      bold: false,
      align: "center" as const,
    })),
  ];
  if (input.rows) {
    texts.push({
      text: fitText(input.rows.title, rowLabelWidth, fontSize, measure),
      x: padding,
      y: padding + line * 1.5,
      fontSize,
      bold: true,
      align: "left",
    });
    input.rows.labels.forEach((label, row) => {
      texts.push({
        text: fitText(label, rowLabelWidth, fontSize, measure),
        x: padding,
        y: top + row * (cellHeight + gap) + cellHeight / 2,
        fontSize,
        bold: false,
        align: "left",
      });
    });
  }
  footer.forEach((text, at) => {
    texts.push({
      text,
      x: padding,
      y: top + gridHeight + padding + at * footerLine + footerLine / 2,
      fontSize: small,
      bold: false,
      align: "left",
    });
  });
  return { width, height, cells, texts };
}

/**
 * Where everything of a sweep's grid image goes: the column axis's title and value labels on
 * top, the row axis's down the left, the cells row by row, the settings underneath. Cells keep
 * the results' size unless the grid would pass `maxSide`, then all shrink alike.
 */
export function layoutGrid(input: GridLayoutInput): GridLayout {
  const measure = input.measure ?? estimateText;
  const maxSide = input.maxSide ?? DEFAULT_MAX_SIDE;
  let scale = 1;
  let layout = layoutAt(input, scale, measure);
  for (let attempt = 0; attempt < 8 && Math.max(layout.width, layout.height) > maxSide; attempt += 1) {
    scale *= (maxSide / Math.max(layout.width, layout.height)) * 0.98;
    layout = layoutAt(input, scale, measure);
  }
  return layout;
}
