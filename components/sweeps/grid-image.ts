import type { Run } from "@/lib/runs/run-state";
import { fitImage, layoutGrid, type MeasureText } from "@/lib/sweeps/grid-layout";
import { embedSweepInPng, sweepRecord } from "@/lib/sweeps/grid-png";
import { sweepSummary } from "@/lib/sweeps/plan";
import type { Sweep } from "@/lib/sweeps/sweep-runner";

type CellPicture = { bitmap: ImageBitmap } | { note: string };

const INK = "#18181b";
const EMPTY_CELL = "#e4e4e7";
const EMPTY_INK = "#52525b";

function font(size: number, bold: boolean): string {
  return `${bold ? 600 : 400} ${size}px ui-sans-serif, system-ui, sans-serif`;
}

/** Why a cell has no picture, in a word or two the grid can show. */
function emptyNote(run: Run | undefined, started: boolean): string {
  if (!started) return "not run";
  if (!run) return "deleted";
  if (run.status === "failed") return "failed";
  if (run.status === "cancelled") return "cancelled";
  return "no image";
}

async function cellPicture(run: Run | undefined, started: boolean): Promise<CellPicture> {
  const image = run?.output?.images[0];
  if (!image) return { note: emptyNote(run, started) };
  try {
    const response = await fetch(image.url);
    if (!response.ok) return { note: "image gone" };
    return { bitmap: await createImageBitmap(await response.blob()) };
  } catch {
    return { note: "image gone" };
  }
}

/**
 * The sweep as one PNG: each cell's first image at the results' own size (smaller when the grid
 * would pass 4096 px), the axes' titles and values around them, the shared settings underneath,
 * and the sweep itself in the PNG's text chunks.
 */
export async function sweepGridPng(sweep: Sweep, runs: ReadonlyMap<string, Run>): Promise<Blob> {
  const cellRuns = sweep.cells.map((cell) => (cell.state === "started" ? runs.get(cell.runId) : undefined));
  const pictures = await Promise.all(
    sweep.cells.map((cell, index) => cellPicture(cellRuns[index], cell.state === "started")),
  );
  const bitmaps = pictures.flatMap((picture) => ("bitmap" in picture ? [picture.bitmap] : []));
  try {
    if (bitmaps.length === 0) throw new Error("No cell has an image to put in the grid.");
    const cell = {
      width: Math.max(...bitmaps.map((bitmap) => bitmap.width)),
      height: Math.max(...bitmaps.map((bitmap) => bitmap.height)),
    };
    const canvas = document.createElement("canvas");
    const context = canvas.getContext("2d");
    if (!context) throw new Error("This browser cannot draw the grid.");
    const measure: MeasureText = (text, size) => {
      context.font = font(size, true);
      return context.measureText(text).width;
    };
    const { plan, base } = sweep;
    const layout = layoutGrid({
      columns: plan.columns,
      rows: plan.rows,
      cell,
      footer: sweepSummary(plan, base),
      measure,
    });
    canvas.width = layout.width;
    canvas.height = layout.height;
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, layout.width, layout.height);
    context.textBaseline = "middle";
    for (const rect of layout.cells) {
      const picture = pictures[rect.row * plan.columns.labels.length + rect.column];
      if (picture && "bitmap" in picture) {
        const fitted = fitImage(picture.bitmap, rect);
        context.drawImage(picture.bitmap, fitted.x, fitted.y, fitted.width, fitted.height);
        continue;
      }
      context.fillStyle = EMPTY_CELL;
      context.fillRect(rect.x, rect.y, rect.width, rect.height);
      context.fillStyle = EMPTY_INK;
      context.font = font(Math.max(12, Math.round(rect.width / 14)), false);
      context.textAlign = "center";
      context.fillText(
        picture && "note" in picture ? picture.note : "",
        rect.x + rect.width / 2,
        rect.y + rect.height / 2,
      );
    }
    context.fillStyle = INK;
    for (const text of layout.texts) {
      context.font = font(text.fontSize, text.bold);
      context.textAlign = text.align;
      context.fillText(text.text, text.x, text.y);
    }
    const drawn = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
    if (!drawn) throw new Error("The grid image could not be made (the browser refused to encode it).");
    const record = sweepRecord(
      sweep.base,
      sweep.axes,
      plan,
      cellRuns.map((run) => run?.requestId),
    );
    const png = embedSweepInPng(new Uint8Array(await drawn.arrayBuffer()), record, cell);
    return new Blob([new Uint8Array(png)], { type: "image/png" });
  } finally {
    bitmaps.forEach((bitmap) => bitmap.close());
  }
}
