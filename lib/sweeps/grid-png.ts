import { z } from "zod";
import { parseExactJson, stringifyExactJson } from "@/lib/fal/exact-json";
import { type LoraRequest, SCHEDULERS } from "@/lib/fal/input-schema";
import type { ImageSize } from "@/lib/image-tools/image-size";
import { slug } from "@/lib/gallery/download";
import { beforeEnd, findTextChunk, PNG_KEYWORDS, readChunks, textChunk, writeChunks } from "@/lib/png/png-chunks";
import { settingsChunks } from "@/lib/share/png-settings";
import { SWEEP_FIELDS } from "./parameters";
import type { SweepAxis, SweepPlan } from "./plan";

/** The text chunk of a sweep's grid image holding the sweep itself: its axes, values and runs. */
const SWEEP_KEYWORD = PNG_KEYWORDS.sweep;

const sweepParameterSchema = z.union([
  z.object({ field: z.enum(SWEEP_FIELDS) }),
  z.object({ field: z.literal("lora_scale"), lora: z.number().int().min(0) }),
]);

const sweepRecordSchema = z.object({
  version: z.literal(1),
  /** The settings every cell started from (with the seed they share when the seed is not swept). */
  base: z.record(z.string(), z.unknown()),
  /** Across (columns), then down (rows) when there are two. */
  axes: z
    .array(
      z.object({ parameter: sweepParameterSchema, values: z.array(z.union([z.number(), z.enum(SCHEDULERS)])).min(1) }),
    )
    .min(1)
    .max(2),
  /** Each cell's place and the fal request that made it (absent when it never started). */
  cells: z.array(z.object({ row: z.number().int(), column: z.number().int(), requestId: z.string().optional() })),
});

export type SweepRecord = {
  version: 1;
  base: LoraRequest;
  axes: SweepAxis[];
  cells: { row: number; column: number; requestId?: string }[];
};
/** A sweep as read back from an image: the base is read as any stored settings are (`readSettings`). */
export type StoredSweep = z.infer<typeof sweepRecordSchema>;

/** What a sweep's grid carries: the base request with its shared seed, the axes and each cell's request. */
export function sweepRecord(
  base: LoraRequest,
  axes: readonly SweepAxis[],
  plan: SweepPlan,
  requestIds: readonly (string | undefined)[],
): SweepRecord {
  return {
    version: 1,
    base: plan.sharedSeed === undefined ? base : { ...base, seed: plan.sharedSeed },
    axes: axes.map(({ parameter, values }) => ({ parameter, values: [...values] })),
    cells: plan.cells.map(({ row, column }, index) => ({
      row,
      column,
      ...(requestIds[index] ? { requestId: requestIds[index] } : {}),
    })),
  };
}

/**
 * The grid image with the sweep inside: the base request as any PNG of this playground carries it
 * (so a drop on the page restores it, and A1111-style readers see its `parameters` with one
 * cell's size), and the sweep itself under `fal-lora-sweep`.
 */
export function embedSweepInPng(png: Uint8Array, record: SweepRecord, cellSize: ImageSize): Uint8Array {
  const sweep = textChunk(SWEEP_KEYWORD, stringifyExactJson(record));
  return writeChunks(beforeEnd(readChunks(png), [...settingsChunks(record.base, cellSize), sweep]));
}

/** The sweep a grid image carries, or undefined when it has none (or not one this version reads). */
export function readSweepFromPng(bytes: Uint8Array): StoredSweep | undefined {
  try {
    const stored = findTextChunk(readChunks(bytes), SWEEP_KEYWORD);
    if (stored === undefined || stored === "too-large") return undefined;
    const parsed = sweepRecordSchema.safeParse(parseExactJson(stored.text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** "sweep-a-castle-on-a-hill-3x2.png": the prompt says what it is, the size how many cells. */
export function sweepFileName(base: LoraRequest, plan: SweepPlan): string {
  return `sweep-${slug(base.prompt, 48) || "lora"}-${plan.columns.labels.length}x${plan.rows?.labels.length ?? 1}.png`;
}
